using System.Text.RegularExpressions;

namespace AskShift.Text;

/// <summary>Splits text into sentences, knowing abbreviations such as "U.S." and "Feb." that end in a dot.</summary>
public static partial class Sentences
{
    static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    { "mr","ms","mrs","dr","st","jr","sr","no","gen","sen","rep","gov","jan","feb","mar","apr","jun","jul","aug","sep","sept","oct","nov","dec","vs","etc","inc","co","corp","ltd","prof","amb","lt","col","dept" };

    static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup = Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    [GeneratedRegex(@"[.!?。！？]+[”""’')\]]*(?=\s+[“""‘(\[A-Z0-9\p{IsCJKUnifiedIdeographs}]|\s*$|[\p{IsCJKUnifiedIdeographs}])", RegexOptions.ExplicitCapture)]
    private static partial Regex EndRx();

    /// <summary>
    /// The longest span handed on as one sentence. Real sentences stay far below it (the longest in the 78 development
    /// documents and the seeds is about 1,000 characters); a run-on text with no sentence end (a scrape that lost its
    /// punctuation, a hostile file) would otherwise make every per-sentence rule scan the whole file once per cue,
    /// which is quadratic. Longer spans are cut at clause boundaries.
    /// </summary>
    public const int MaxSentenceChars = 2_000;

    /// <summary>Sentence spans [start,end) within text[from..to), trimmed of surrounding whitespace.</summary>
    public static IEnumerable<(int Start, int End)> Split(string text, int from, int to) => SplitList(text, from, to);

    /// <summary>
    /// <see cref="Split"/> as a list, found in one pass over the span: every rule splits every paragraph, and cutting the
    /// paragraph out as a string and collecting its matches was a tenth of loading's allocation (issue 13).
    /// </summary>
    internal static List<(int Start, int End)> SplitList(string text, int from, int to)
    {
        var spans = new List<(int Start, int End)>();
        SplitInto(text, from, to, spans, firstOnly: false);
        return spans;
    }

    /// <summary>The first sentence of text[from..to) (as <see cref="Split"/> gives it), or (0, 0) when there is none.</summary>
    internal static (int Start, int End) First(string text, int from, int to)
    {
        var spans = new List<(int Start, int End)>(1);
        SplitInto(text, from, to, spans, firstOnly: true);
        return spans.Count > 0 ? spans[0] : default;
    }

    static void SplitInto(string text, int from, int to, List<(int Start, int End)> into, bool firstOnly)
    {
        var start = from;
        foreach (var m in EndRx().EnumerateMatches(text.AsSpan(from, to - from)))
        {
            var endAbs = from + m.Index + m.Length;
            if (text[from + m.Index] == '.' && IsAbbreviation(text, from + m.Index)) continue;
            AddCapped(text, start, endAbs, into);
            if (firstOnly && into.Count > 0) return;
            start = endAbs;
        }
        AddCapped(text, start, to, into);
    }

    /// <summary>
    /// Adds [start,end) trimmed, in pieces of at most <see cref="MaxSentenceChars"/>: each cut falls at the last ';',
    /// then ',', then space in the second half of the allowance, so pieces stay clause-like.
    /// </summary>
    static void AddCapped(string text, int start, int end, List<(int Start, int End)> into)
    {
        var (s, e) = Trim(text, start, end);
        while (e - s > MaxSentenceChars)
        {
            var limit = s + MaxSentenceChars;
            var floor = s + MaxSentenceChars / 2;
            var cut = LastIn(text, ';', floor, limit);
            if (cut < 0) cut = LastIn(text, ',', floor, limit);
            if (cut < 0) cut = LastIn(text, ' ', floor, limit);
            cut = cut < 0 ? limit : cut + 1;
            var piece = Trim(text, s, cut);
            if (piece.End > piece.Start) into.Add(piece);
            (s, e) = Trim(text, cut, e);
        }
        if (e > s) into.Add((s, e));
    }

    static int LastIn(string text, char c, int floor, int limit) =>
        text.LastIndexOf(c, limit - 1, limit - floor) is var i && i >= floor ? i : -1;

    static bool IsAbbreviation(string text, int dot)
    {
        var k = dot;
        while (k > 0 && char.IsLetter(text[k - 1])) k--;
        var word = text.AsSpan(k, dot - k);
        if (word.Length == 1 && char.IsUpper(word[0])) return true; // "U.S.", "J. Smith"
        return AbbreviationLookup.Contains(word);
    }

    /// <summary>Shrinks [start,end) past leading and trailing whitespace.</summary>
    public static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return (start, end);
    }

    /// <summary>Line spans [start,end) without the newline.</summary>
    public static IEnumerable<(int Start, int End)> Lines(string text)
    {
        // A vectorised search for each line break: every stage walks the lines of every document.
        var s = 0;
        while (true)
        {
            var nl = text.IndexOf('\n', s);
            var i = nl < 0 ? text.Length : nl;
            var e = i > s && text[i - 1] == '\r' ? i - 1 : i;
            yield return (s, e);
            if (nl < 0) yield break;
            s = i + 1;
        }
    }
}
