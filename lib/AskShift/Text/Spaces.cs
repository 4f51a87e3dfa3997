namespace AskShift.Text;

/// <summary>Whitespace as every stage compares and shows text: any run of it counts as one space.</summary>
internal static partial class Spaces
{
    /// <summary>
    /// Every run of whitespace (line breaks and tabs included) as one space, so text that a scrape or a PDF wrapped
    /// differently compares and prints the same.
    /// </summary>
    /// <remarks>
    /// Written out rather than as a regular expression replace (every run of <c>\s+</c> to one space, the same set of
    /// characters as <see cref="char.IsWhiteSpace(char)"/>; a test holds the two equal): chrome detection collapses every
    /// line of every document, and a text that needs no change, most lines, is returned as it is.
    /// </remarks>
    public static string Collapse(string text)
    {
        var i = 0;
        // The first place that needs a change: a whitespace character other than a space, or two in a row.
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsWhiteSpace(c)) continue;
            if (c != ' ' || i + 1 < text.Length && char.IsWhiteSpace(text[i + 1])) break;
        }
        if (i == text.Length) return text;
        var sb = new System.Text.StringBuilder(text.Length);
        sb.Append(text, 0, i);
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                sb.Append(' ');
                while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            }
            else sb.Append(text[i++]);
        }
        return sb.ToString();
    }

    /// <summary>
    /// How many words (runs of non-whitespace) the text holds: the count splitting at whitespace gives, without making
    /// the pieces, since rules count the words of every line of every document.
    /// </summary>
    /// <summary>
    /// How many pieces splitting at single spaces gives, empty ones left out (what <c>Split(' ', RemoveEmptyEntries).Length</c>
    /// counts): unlike <see cref="CountWords"/>, a tab or a line break does not separate.
    /// </summary>
    internal static int CountSpaceSeparated(ReadOnlySpan<char> text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
            if (text[i] != ' ' && (i == 0 || text[i - 1] == ' ')) count++;
        return count;
    }

    public static int CountWords(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c);
            if (!space && !inWord) count++;
            inWord = !space;
        }
        return count;
    }
}
