namespace AskShift.Text;

/// <summary>
/// Numbers as the patterns find them. A pattern's <c>\d</c> matches any Unicode decimal digit (full-width ２０１９,
/// Arabic-Indic ٣), but <see cref="int.Parse(string)"/> reads only ASCII ones and threw on the rest, so a document
/// with "١. ... ٢. ..." or "June ٣ -" failed to load at all.
/// </summary>
internal static class Digits
{
    /// <summary>The value of the decimal digits in <paramref name="text"/>, read in order; other characters are passed over.</summary>
    public static int Value(ReadOnlySpan<char> text)
    {
        var n = 0;
        foreach (var c in text)
            if (char.IsDigit(c)) n = n * 10 + (int)char.GetNumericValue(c);
        return n;
    }
}
