using System.Text.RegularExpressions;

namespace AskShift.Text;

/// <summary>
/// Finds the line breaks that wrap a sentence rather than end a line of its own: text taken from a PDF, an e-mail or a
/// plain-text export breaks every line at a fixed width, and the rules, which read a line (or a paragraph of lines) at
/// a time, would otherwise end an ask at "urge the administration to" and lose the rest. Normalise's repaired view
/// reads such a break as a space, or, after a word hyphenated across the break, as nothing, while the raw text and
/// every offset into it stay as they are; the PDF reader keeps a sentence that runs on over a page break in one
/// paragraph.
/// </summary>
/// <remarks>
/// A break wraps only when the line before it is long (a wrapped line runs to near the width; titles, labels and
/// dates are short), ends in a letter (not a full stop, a colon, a number) or a comma, and the line after it goes on
/// with a lower-case word, or follows a comma or a word that cannot end a sentence ("to", "the", "of"), and is no web
/// address. A list item's own lines may go on below it with a hanging indent. A list item, a blank line or a line in
/// another script after it ends the paragraph as before. Chinese text, which needs no spaces and whose titles run into
/// their first sentence without a mark, is left as it is.
/// </remarks>
internal static partial class WrappedLines
{
    internal static readonly WrappedLineOptions Options = new();

    /// <summary>What the repaired view makes of a line break.</summary>
    internal enum Join
    {
        /// <summary>The break ends a line: kept.</summary>
        None,
        /// <summary>The break wraps a sentence: read as a space.</summary>
        Space,
        /// <summary>The break splits a hyphenated word ("spe-\ncial"): the hyphen and the break are read as nothing.</summary>
        Hyphen,
    }

    // Words a sentence or a heading does not end on: a line ending in one goes on below whatever the next line opens with.
    static readonly HashSet<string> Continuing = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "to", "of", "and", "or", "in", "on", "for", "with", "by", "at", "from", "that", "as", "into",
        "its", "their", "our", "his", "her", "which", "who", "whose",
    };
    static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ContinuingLookup = Continuing.GetAlternateLookup<ReadOnlySpan<char>>();

    [GeneratedRegex(@"^\s*(" + ListMarkers.Bullets + "|" + ListMarkers.Enumerators + @")\s+", RegexOptions.ExplicitCapture)]
    private static partial Regex ListItemRx();

    /// <summary>
    /// What the line break at <paramref name="newline"/> (a '\n', or the '\r' of "\r\n") in <paramref name="raw"/> is.
    /// For <see cref="Join.Hyphen"/> the hyphen is the character before <paramref name="newline"/>.
    /// </summary>
    internal static Join At(string raw, int newline)
    {
        var lineStart = newline == 0 ? 0 : raw.LastIndexOf('\n', newline - 1) + 1;
        var line = raw.AsSpan(lineStart, newline - lineStart).TrimEnd();
        if (line.Length < Options.MinWrappedLineChars) return Join.None;
        var last = line[^1];
        // A line ending in a number is a date line, an address or a reference more often than a wrapped sentence.
        if (!IsLatin(last) && last is not (',' or '-')) return Join.None;
        var next = newline + (raw[newline] == '\r' && newline + 1 < raw.Length && raw[newline + 1] == '\n' ? 2 : 1);
        if (next >= raw.Length) return Join.None;
        // A list item or an indented line may go on below with a hanging indent; elsewhere an indented line, like a blank
        // line, starts a paragraph of its own.
        if (raw[next] is ' ' or '\t' && (char.IsWhiteSpace(line[0]) || ListItemRx().IsMatch(line)))
            while (next < raw.Length && raw[next] is ' ' or '\t') next++;
        if (next >= raw.Length) return Join.None;
        var first = raw[next];
        // A line in another script ends the paragraph too.
        if (!IsLatin(first) && !char.IsAsciiDigit(first)) return Join.None;
        Join join;
        // "spe-\ncial": a word hyphenated across the break.
        // The hyphen must stand right before the break, as Join.Hyphen promises: "spe- " with a space after it is no split word.
        if (last == '-') join = line.Length >= 2 && char.IsLower(line[^2]) && char.IsLower(first) && raw[newline - 1] == '-' ? Join.Hyphen : Join.None;
        else if (last == ',') join = line.Length >= 2 && IsLatin(line[^2]) ? Join.Space : Join.None;
        else if (char.IsLower(first)) join = Join.Space;
        else
        {
            var wordStart = line.Length - 1;
            while (wordStart > 0 && IsLatin(line[wordStart - 1])) wordStart--;
            join = ContinuingLookup.Contains(line[wordStart..]) ? Join.Space : Join.None;
        }
        if (join == Join.None) return join;
        // Only now the costlier checks of the line below: a list item, or a web address, is not the sentence going on.
        var nextEnd = raw.IndexOf('\n', next);
        var following = raw.AsSpan(next, (nextEnd < 0 ? raw.Length : nextEnd) - next).TrimEnd();
        if (ListItemRx().IsMatch(following)) return Join.None;
        if (following.StartsWith("www.", StringComparison.OrdinalIgnoreCase) || following.StartsWith("http", StringComparison.OrdinalIgnoreCase)) return Join.None;
        var firstWord = following.IndexOf(' ') is var space and >= 0 ? following[..space] : following;
        return firstWord.Contains('@') ? Join.None : join;
    }

    static bool IsLatin(char c) => char.IsAsciiLetter(c) || c is >= '\u00c0' and <= '\u024f';
}

/// <summary>Thresholds for reading wrapped lines as one paragraph.</summary>
internal sealed record WrappedLineOptions
{
    /// <summary>
    /// Shortest line (characters, trailing spaces aside) whose break can wrap a sentence. Text wrapped at a fixed width
    /// fills its lines to 60-100 characters; a title, a date, a name or a label is shorter.
    /// </summary>
    public int MinWrappedLineChars { get; init; } = 40;
}
