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
    static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> VocabularyLookup = Vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();

    static readonly string[] AppealPhrases = WordLists.Entries("chrome-appeals").Select(e => e.Entry).Where(e => e.Length > 0).ToArray();

    /// <summary>
    /// An appeal, service banner or footer phrase from <c>Text/data/chrome-appeals.tsv</c>. Built from a data file, so it
    /// cannot be source-generated: compiled, it cost start-up time, and a native build runs it interpreted. It runs only
    /// on lines that hold one of the phrases (<see cref="HoldsAppeal"/>), a few in a page.
    /// </summary>
    internal static readonly Regex AppealPattern = new(@"\b(" + string.Join("|", AppealPhrases.Select(Regex.Escape)) + @")\b", RegexOptions.IgnoreCase);

    static readonly System.Buffers.SearchValues<string> AppealStems = IgnoreCasePrefilter.Words(AppealPhrases);

    /// <summary>Whether <see cref="AppealPattern"/> matches <paramref name="line"/>; most lines are ruled out by a search for the phrases.</summary>
    internal static bool HoldsAppeal(ReadOnlySpan<char> line) => AppealPattern.IsMatch(line, AppealStems);

    [GeneratedRegex(@"^(tags?|filed under|categor(y|ies)|topics?|posted in|share this|by)\s*[:|]", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex TagPrefixRx();

    // A year, which a date line holds: four digits (ASCII or full-width), or two after an apostrophe beside a month's
    // name ("25 Mar '19", "Sept 9, ’19"), so a short date line is not taken for navigation. Three patterns, because the
    // month names made one case-insensitive pattern look for a start at every month's first letter of every line (the
    // chrome test's largest cost after the forms with an apostrophe came in); the four digits need no casing, and the
    // apostrophe forms run only on a line that holds an apostrophe. Full-width digits have a pattern of their own, run
    // only on a line holding one: beside them, the engine searched for the \d after the first two digits (any Unicode
    // digit, which it tests one character at a time) instead of a 1 or a 2, and the test took 20 times as long.
    // The year's edges are those of a word, except that a Chinese character is no part of it: "2021年3月3日" and
    // "发布于2021年" hold a year (with \b they did not, so a Chinese date line two documents shared was taken for chrome).
    [GeneratedRegex(@"(?<![\w-[\u3400-\u9FFF\uF900-\uFAFF]])(19|20)\d\d(?![\w-[\u3400-\u9FFF\uF900-\uFAFF]])", RegexOptions.ExplicitCapture)]
    private static partial Regex FourDigitYearRx();

    [GeneratedRegex(@"(?<![\w-[\u3400-\u9FFF\uF900-\uFAFF]])(１９|２０)\d\d(?![\w-[\u3400-\u9FFF\uF900-\uFAFF]])", RegexOptions.ExplicitCapture)]
    private static partial Regex FullWidthYearRx();

    [GeneratedRegex(@"\b(" + DateWords.Months + @")\.?\s?(\d{1,2}(st|nd|rd|th)?)?,?\s?['’]\d\d\b|\b\d{1,2}(st|nd|rd|th)?\s+(" + DateWords.Months + @")\.?,?\s?['’]\d\d\b", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex ApostropheYearRx();

    /// <summary>Whether <paramref name="line"/> holds a year: four digits, or two after an apostrophe beside a month.</summary>
    internal static bool HoldsYear(ReadOnlySpan<char> line) =>
        FourDigitYearRx().IsMatch(line) || line.ContainsAny('１', '２') && FullWidthYearRx().IsMatch(line) ||
        line.ContainsAny('\'', '’') && ApostropheYearRx().IsMatch(line);

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}", RegexOptions.ExplicitCapture)]
    private static partial Regex CjkRx();

    /// <summary>
    /// The form in which lines are compared, across documents and with the chrome vocabulary: trimmed, lower-cased
    /// (invariant), every run of whitespace one space. Written into <paramref name="buffer"/> (at least as long as the
    /// line), so the comparison makes no string.
    /// </summary>
    internal static ReadOnlySpan<char> Key(ReadOnlySpan<char> line, Span<char> buffer)
    {
        var trimmed = line.Trim();
        // Every line of every document is keyed twice (repeated lines, then the chrome test): an ASCII line, most of
        // them, is lower-cased with a vectorised pass, and one whose words are already one space apart is not rewritten.
        if (System.Text.Ascii.IsValid(trimmed)) System.Text.Ascii.ToLower(trimmed, buffer, out _);
        else if (Caseless(trimmed))
            for (var i = 0; i < trimmed.Length; i++) buffer[i] = trimmed[i] is >= 'A' and <= 'Z' ? (char)(trimmed[i] | 0x20) : trimmed[i];
        else trimmed.ToLowerInvariant(buffer);
        if (!trimmed.ContainsAny(WhitespaceButSpace) && trimmed.IndexOf("  ", StringComparison.Ordinal) < 0) return buffer[..trimmed.Length];
        var n = 0;
        var space = false;
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = buffer[i];
            if (char.IsWhiteSpace(c)) { space = true; continue; }
            if (space) buffer[n++] = ' '; // never before the first character: the line is trimmed
            space = false;
            buffer[n++] = c;
        }
        return buffer[..n];
    }

    // Characters whose only case mapping is ASCII's: ASCII itself, general punctuation (’ “ ” – —), CJK punctuation and
    // ideographs. A line of nothing else is lower-cased here; any other line goes to the runtime's (ICU's) case mapping,
    // which for a Chinese line cost about half of the chrome check.
    static readonly System.Buffers.SearchValues<char> CaselessChars = System.Buffers.SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x80).Concat(Enumerable.Range(0x2000, 0x70)).Concat(Enumerable.Range(0x3000, 0x40))
            .Concat(Enumerable.Range(0x3400, 0x4DC0 - 0x3400)).Concat(Enumerable.Range(0x4E00, 0xA000 - 0x4E00)).Select(c => (char)c)));

    static bool Caseless(ReadOnlySpan<char> text) => !text.ContainsAnyExcept(CaselessChars);

    /// <summary>Every character <see cref="char.IsWhiteSpace(char)"/> takes for whitespace, but the plain space.</summary>
    static readonly System.Buffers.SearchValues<char> WhitespaceButSpace = System.Buffers.SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x10000).Select(c => (char)c).Where(c => c != ' ' && char.IsWhiteSpace(c))));

    /// <summary>Raw ranges of chrome lines in <paramref name="raw"/>; <paramref name="repeated"/> holds line keys seen in other documents.</summary>
    public static IReadOnlyList<(int Start, int End)> Detect(string raw, RepeatedLines? repeated = null)
    {
        var lines = Sentences.Lines(raw).Where(l => l.End > l.Start && !raw.AsSpan(l.Start, l.End - l.Start).IsWhiteSpace()).ToList();
        var result = new List<(int, int)>();
        var afterBanner = false;
        foreach (var (s, e) in lines)
        {
            Budget.Check();
            var line = raw.AsSpan(s, e - s).Trim(); // read off the span: every line of every document passes here
            var chrome = IsChrome(line, repeated) || (afterBanner && line.Contains("you", StringComparison.OrdinalIgnoreCase) && AppealOrService(line));
            afterBanner = IsBanner(line);
            if (chrome || afterBanner) result.Add((s, e));
        }
        return result;
    }

    /// <summary>
    /// Whether [start, end) lies inside one of <paramref name="ranges"/>, which are in order and do not overlap (chrome
    /// lines as <see cref="Detect"/> gives them, one range per line). A binary search: every stage asks it of every
    /// line, and a scan of the ranges per line made a page of many chrome lines quadratic.
    /// </summary>
    internal static bool Covers(IReadOnlyList<(int Start, int End)> ranges, int start, int end)
    {
        int lo = 0, hi = ranges.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (ranges[mid].Start <= start) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found >= 0 && end <= ranges[found].End;
    }

    static bool AppealOrService(ReadOnlySpan<char> line) => HoldsAppeal(line) || line.Contains("help", StringComparison.OrdinalIgnoreCase);

    /// <summary>A short question standing alone ("Need legal help?") introduces a service banner.</summary>
    static bool IsBanner(ReadOnlySpan<char> line) => line.EndsWith('?') && Words(line) <= Options.ShortLineWords && !CjkRx().IsMatch(line);

    /// <summary>True when one line on its own reads as chrome.</summary>
    public static bool IsChrome(string line, RepeatedLines? repeated = null) => IsChrome(line.AsSpan(), repeated);

    static bool IsChrome(ReadOnlySpan<char> line, RepeatedLines? repeated)
    {
        var buffer = line.Length <= 512 ? stackalloc char[line.Length] : new char[line.Length];
        // A list marker does not change what a line is ("• Home" is navigation), but a short imperative item is content.
        if (ListMarkerRx().FirstMatch(line) is { } marker)
        {
            var body = line[marker.Length..];
            var first = FirstLettersRx().FirstMatch(body) is { } letters ? body.Slice(letters.Index, letters.Length) : default;
            if (ImperativesLookup.Contains(first) && !VocabularyLookup.Contains(Key(body, buffer)))
                return repeated != null && repeated.Contains(Key(line, buffer)) && RepetitionMeansChrome(body);
            line = body;
        }
        var key = Key(line, buffer);
        if (key.Length == 0) return false;
        if (repeated != null && repeated.Contains(key) && RepetitionMeansChrome(line)) return true;
        if (VocabularyLookup.Contains(key.TrimEnd(".:»› "))) return true;
        if (TagPrefixRx().IsMatch(line)) return true;
        var words = Words(line);
        if (HoldsAppeal(line) && words <= Options.AppealLineMaxWords) return true;
        if (CjkRx().IsMatch(line)) return false;
        var hasSentenceEnd = SentenceEndRx().IsMatch(line);
        if (!hasSentenceEnd && !HoldsYear(line) && IsTagLine(line)) return true;
        // A short line that leads into a list of asks ("Specifically, you should:", "We urge you to:") is content.
        if (words <= Options.ShortLineWords && !hasSentenceEnd && !HoldsYear(line) && !IsAskingLeadIn(line)) return true;
        return false;
    }

    /// <summary>
    /// Navigation and footers repeat across a site's pages, but so does content: a joint letter reposted by each
    /// signatory, a stock lead-in ("We recommend that the US government:"), a recurring ask. In a corpus of hundreds of
    /// documents any of those lines occurs twice, so repetition alone marks only lines that could not carry an ask, a
    /// date or a title: six words or fewer, without an ask marker or a year.
    /// </summary>
    static bool RepetitionMeansChrome(ReadOnlySpan<char> line)
    {
        if (HoldsYear(line) || AskMarkerRx().IsMatch(line)) return false;
        // Navigation labels are a few words; a repeated headline of a reposted letter is longer and is a title.
        return Words(line) <= Options.RepeatedLineMaxWords;
    }

    [GeneratedRegex(@"\b(should|must|urges?|urging|calls? on|calling on|recommends?|recommendations?|needs? to|demand|appeal to)\b", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex AskMarkerRx();

    /// <summary>A line ending in a colon that holds an ask marker: the lead-in of a list of asks.</summary>
    internal static bool IsAskingLeadIn(ReadOnlySpan<char> line) => line.TrimEnd().EndsWith(':') && AskMarkerRx().IsMatch(line);

    // "News, Event, US, us": three or more comma-separated one- or two-word labels and nothing else.
    // (What splitting at commas with empty entries removed checks: a part of whitespace alone is no label.)
    internal static bool IsTagLine(ReadOnlySpan<char> line)
    {
        var labels = 0;
        foreach (var range in line.Split(','))
        {
            var words = Words(line[range]);
            if (words > 2) return false;
            if (words > 0) labels++;
        }
        return labels >= 3;
    }

    static int Words(ReadOnlySpan<char> s) => Spaces.CountWords(s);

    static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ImperativesLookup = Text.Vocabulary.Imperatives.GetAlternateLookup<ReadOnlySpan<char>>();

    [GeneratedRegex(@"[.!?]", RegexOptions.ExplicitCapture)]
    private static partial Regex SentenceEndRx();

    [GeneratedRegex(@"^[A-Za-z]+", RegexOptions.ExplicitCapture)]
    private static partial Regex FirstLettersRx();

    [GeneratedRegex(@"^\s*(" + ListMarkers.Bullets + "|" + ListMarkers.Enumerators + @")\s+", RegexOptions.ExplicitCapture)]
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

/// <summary>
/// The lines (by <see cref="Chrome.Key"/>) that occur in at least two documents of a corpus: site navigation and
/// footers, among others. Kept as the keys' <see cref="TextHash"/> values, not as strings: a corpus has about as many
/// distinct lines as it has lines, and making each a string (twice: cut out, then normalised) was a tenth of loading's
/// allocation; each document's lines are hashed in parallel and only the counting is serial.
/// </summary>
public sealed class RepeatedLines
{
    private readonly HashSet<ulong> repeated;

    private RepeatedLines(HashSet<ulong> repeated) => this.repeated = repeated;

    /// <summary>How many distinct lines repeat.</summary>
    public int Count => repeated.Count;

    /// <summary>Whether the line whose key is <paramref name="key"/> occurs in two documents or more.</summary>
    public bool Contains(ReadOnlySpan<char> key) => repeated.Contains(TextHash.Of(key));

    /// <summary>Finds the repeated lines of <paramref name="rawTexts"/>, hashing up to <paramref name="parallelism"/> documents at once.</summary>
    public static RepeatedLines Find(IReadOnlyList<string> rawTexts, int parallelism = 1)
    {
        var perDocument = new ulong[rawTexts.Count][];
        Parallel.For(0, rawTexts.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) }, d => perDocument[d] = DistinctLines(rawTexts[d]));
        var counter = new Counter();
        foreach (var lines in perDocument) counter.Add(lines);
        return counter.Result();
    }

    /// <summary>Counts, document by document, how many documents hold each line key, so a corpus need not be held to find its repeated lines.</summary>
    internal sealed class Counter
    {
        readonly Dictionary<ulong, int> counts = [];

        /// <summary>How many documents were added.</summary>
        public int Documents { get; private set; }

        /// <summary>Adds one document's <see cref="DistinctLines"/>.</summary>
        public void Add(ulong[] distinctLines)
        {
            Documents++;
            foreach (var h in distinctLines)
            {
                ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, h, out _);
                count++;
            }
        }

        /// <summary>The lines counted in two documents or more.</summary>
        public RepeatedLines Result() => new(counts.Where(kv => kv.Value >= 2).Select(kv => kv.Key).ToHashSet());
    }

    /// <summary>The hashes of one document's distinct non-empty line keys.</summary>
    internal static ulong[] DistinctLines(string raw)
    {
        var seen = new HashSet<ulong>();
        char[]? rented = null;
        Span<char> buffer = stackalloc char[512];
        foreach (var (s, e) in Sentences.Lines(raw))
        {
            if (e - s > buffer.Length)
            {
                if (rented is not null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
                buffer = rented = System.Buffers.ArrayPool<char>.Shared.Rent(e - s);
            }
            var key = Chrome.Key(raw.AsSpan(s, e - s), buffer);
            if (key.Length > 0) seen.Add(TextHash.Of(key));
        }
        if (rented is not null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
        return [.. seen];
    }
}
