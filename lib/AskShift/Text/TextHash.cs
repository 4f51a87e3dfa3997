namespace AskShift.Text;

/// <summary>
/// A fixed 64-bit hash of text (FNV-1a over UTF-16 units), for sets that only ask "seen before?" of many short strings
/// (a document's words, a corpus's lines) without keeping each as a string. Fixed, not randomised per process like
/// <see cref="string.GetHashCode()"/>, so a result never depends on the run; two different strings share a value with
/// odds of about one in 10^19.
/// </summary>
internal static class TextHash
{
    /// <summary>The hash of no text; chain <see cref="Add"/> from it.</summary>
    public const ulong Empty = 14695981039346656037UL;

    /// <summary>The hash of what <paramref name="hash"/> covered followed by <paramref name="chars"/>.</summary>
    public static ulong Add(ulong hash, ReadOnlySpan<char> chars)
    {
        foreach (var c in chars) hash = (hash ^ c) * 1099511628211UL;
        return hash;
    }

    /// <summary>The hash of <paramref name="chars"/>.</summary>
    public static ulong Of(ReadOnlySpan<char> chars) => Add(Empty, chars);
}
