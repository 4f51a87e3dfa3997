using System.Text.RegularExpressions;

namespace AskShift.Text;

/// <summary>Whitespace as every stage compares and shows text: any run of it counts as one space.</summary>
internal static partial class Spaces
{
    /// <summary>
    /// Every run of whitespace (line breaks and tabs included) as one space, so text that a scrape or a PDF wrapped
    /// differently compares and prints the same.
    /// </summary>
    public static string Collapse(string text) => Run().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Run();

    /// <summary>
    /// How many words (runs of non-whitespace) the text holds: the count splitting at whitespace gives, without making
    /// the pieces, since rules count the words of every line of every document.
    /// </summary>
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
