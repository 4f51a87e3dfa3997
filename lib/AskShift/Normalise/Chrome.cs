using System.Text.RegularExpressions;
using AskShift.Text;

namespace AskShift.Normalise;

/// <summary>
/// Finds page chrome (navigation, donation appeals, comment widgets, tag lines, footers) by general rules so that
/// no ask, date or title is read from it. Rules: known chrome vocabulary, appeal phrasing, tag lines, very short
/// lines without a sentence, and lines repeated across documents of the same corpus.
/// </summary>
internal static partial class Chrome
{
    /// <summary>The thresholds of the chrome rules (one set for the process).</summary>
    internal static readonly ChromeOptions Options = new();

    static readonly HashSet<string> Vocabulary = WordLists.Set("chrome-lines");

    static readonly Regex Appeals = new(
        @"\b(" + string.Join("|", WordLists.Entries("chrome-appeals").Select(e => Regex.Escape(e.Entry))) + @")\b",
        RegexOptions.IgnoreCase | RegexOptions.Compiled);

    static Regex AppealRx() => Appeals;

    [GeneratedRegex(@"^(tags?|filed under|categor(y|ies)|topics?|posted in|share this|by)\s*[:|]", RegexOptions.IgnoreCase)]
    private static partial Regex TagPrefixRx();

    [GeneratedRegex(@"\b(19|20)\d\d\b")]
    private static partial Regex YearRx();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex CjkRx();

    /// <summary>Normalised form used to compare lines across documents.</summary>
    public static string Key(string line) => Spaces.Collapse(line.Trim().ToLowerInvariant());

    /// <summary>Raw ranges of chrome lines in <paramref name="raw"/>; <paramref name="repeated"/> holds line keys seen in other documents.</summary>
    public static IReadOnlyList<(int Start, int End)> Detect(string raw, IReadOnlySet<string>? repeated = null)
    {
        var lines = Sentences.Lines(raw).Where(l => l.End > l.Start && !raw.AsSpan(l.Start, l.End - l.Start).IsWhiteSpace()).ToList();
        var result = new List<(int, int)>();
        var afterBanner = false;
        foreach (var (s, e) in lines)
        {
            Budget.Check();
            var line = raw[s..e].Trim();
            var chrome = IsChrome(line, repeated) || (afterBanner && line.Contains("you", StringComparison.OrdinalIgnoreCase) && AppealOrService(line));
            afterBanner = IsBanner(line);
            if (chrome || afterBanner) result.Add((s, e));
        }
        return result;
    }

    static bool AppealOrService(string line) => AppealRx().IsMatch(line) || line.Contains("help", StringComparison.OrdinalIgnoreCase);

    /// <summary>A short question standing alone ("Need legal help?") introduces a service banner.</summary>
    static bool IsBanner(string line) => line.EndsWith('?') && Words(line) <= Options.ShortLineWords && !CjkRx().IsMatch(line);

    /// <summary>True when one line on its own reads as chrome.</summary>
    public static bool IsChrome(string line, IReadOnlySet<string>? repeated = null)
    {
        // A list marker does not change what a line is ("• Home" is navigation), but a short imperative item is content.
        var marker = ListMarkerRx().Match(line);
        if (marker.Success)
        {
            var body = line[marker.Length..];
            var first = FirstLettersRx().Match(body).Value;
            if (Text.Vocabulary.Imperatives.Contains(first) && !Vocabulary.Contains(Key(body))) return repeated != null && repeated.Contains(Key(line)) && RepetitionMeansChrome(body);
            line = body;
        }
        var key = Key(line);
        if (key.Length == 0) return false;
        if (repeated != null && repeated.Contains(key) && RepetitionMeansChrome(line)) return true;
        if (Vocabulary.Contains(key.TrimEnd('.', ':', '»', '›', ' '))) return true;
        if (TagPrefixRx().IsMatch(line)) return true;
        var words = Words(line);
        if (AppealRx().IsMatch(line) && words <= Options.AppealLineMaxWords) return true;
        if (CjkRx().IsMatch(line)) return false;
        var hasSentenceEnd = SentenceEndRx().IsMatch(line);
        if (!hasSentenceEnd && !YearRx().IsMatch(line) && IsTagLine(line)) return true;
        if (words <= Options.ShortLineWords && !hasSentenceEnd && !YearRx().IsMatch(line)) return true;
        return false;
    }

    /// <summary>
    /// Navigation and footers repeat across a site's pages, but so does content: a joint letter reposted by each
    /// signatory, a stock lead-in ("We recommend that the US government:"), a recurring ask. In a corpus of hundreds of
    /// documents any of those lines occurs twice, so repetition alone marks only lines that could not carry an ask, a
    /// date or a title: six words or fewer, without an ask marker or a year.
    /// </summary>
    static bool RepetitionMeansChrome(string line)
    {
        if (YearRx().IsMatch(line) || AskMarkerRx().IsMatch(line)) return false;
        // Navigation labels are a few words; a repeated headline of a reposted letter is longer and is a title.
        return Words(line) <= Options.RepeatedLineMaxWords;
    }

    [GeneratedRegex(@"\b(should|must|urges?|urging|calls? on|calling on|recommends?|recommendations?|needs? to|demand|appeal to)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AskMarkerRx();

    // "News, Event, US, us": three or more comma-separated one- or two-word labels and nothing else.
    static bool IsTagLine(string line)
    {
        var parts = line.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 3 && parts.All(p => Words(p) <= 2);
    }

    static int Words(string s) => Spaces.CountWords(s);

    /// <summary>Line keys that occur in at least two of the given documents (site navigation and footers).</summary>
    public static IReadOnlySet<string> RepeatedLines(IEnumerable<string> rawTexts)
    {
        var counts = new Dictionary<string, int>();
        foreach (var raw in rawTexts)
        {
            var seen = new HashSet<string>();
            foreach (var (s, e) in Sentences.Lines(raw))
            {
                var k = Key(raw[s..e]);
                if (k.Length > 0 && seen.Add(k)) counts[k] = counts.GetValueOrDefault(k) + 1;
            }
        }
        return counts.Where(kv => kv.Value >= 2).Select(kv => kv.Key).ToHashSet();
    }

    [GeneratedRegex(@"[.!?]")]
    private static partial Regex SentenceEndRx();

    [GeneratedRegex(@"^[A-Za-z]+")]
    private static partial Regex FirstLettersRx();

    [GeneratedRegex(@"^\s*([•·▪◦●■*–-]|\d{1,2}[.)])\s+")]
    private static partial Regex ListMarkerRx();
}

/// <summary>Thresholds of the chrome rules, named so they can be found and argued about.</summary>
internal sealed record ChromeOptions
{
    /// <summary>A line of at most this many words, without a sentence end or a year, is navigation ("Most Viewed").</summary>
    public int ShortLineWords { get; init; } = 4;
    /// <summary>A line holding an appeal phrase ("donate", "newsletter") is chrome up to this many words.</summary>
    public int AppealLineMaxWords { get; init; } = 60;
    /// <summary>Repetition across documents marks a line as chrome only up to this many words.</summary>
    public int RepeatedLineMaxWords { get; init; } = 6;
}
