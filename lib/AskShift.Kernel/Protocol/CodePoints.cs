namespace AskShift.Kernel.Protocol;

/// <summary>
/// Since protocol 5.2 cursor positions count Unicode code points, while .NET strings index UTF-16 units; a cell with
/// an emoji or a CJK extension character before the cursor would otherwise complete at the wrong place.
/// </summary>
public static class CodePoints
{
    /// <summary>UTF-16 index of the code point at <paramref name="codePoint"/>, clamped to the string.</summary>
    public static int ToUtf16Index(string text, int codePoint)
    {
        var index = 0;
        for (var seen = 0; seen < codePoint && index < text.Length; seen++)
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
        return index;
    }

    /// <summary>Number of code points in the first <paramref name="utf16Index"/> UTF-16 units.</summary>
    public static int FromUtf16Index(string text, int utf16Index)
    {
        utf16Index = Math.Clamp(utf16Index, 0, text.Length);
        var count = 0;
        for (var i = 0; i < utf16Index; i++, count++)
            if (char.IsHighSurrogate(text[i]) && i + 1 < utf16Index && char.IsLowSurrogate(text[i + 1])) i++;
        return count;
    }
}
