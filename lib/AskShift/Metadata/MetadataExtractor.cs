using System.Text.RegularExpressions;
using AskShift.Text;

namespace AskShift.Metadata;

/// <summary>Tunables of the metadata stage.</summary>
public sealed record MetadataOptions
{
    /// <summary>The day the corpus is read: no inferred date lies after it. Fixed in tests so results do not age.</summary>
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);
    /// <summary>How many non-empty lines count as the top of a document, where a date alone on its line is the document's own.</summary>
    public int HeaderLines { get; init; } = 12;
    /// <summary>
    /// How far into a testimony its hearing's date is looked for: scraped testimonies often run the title, the hearing and
    /// the opening words into one line, so the top is counted in characters, not lines.
    /// </summary>
    public int TestimonyHeaderChars { get; init; } = 600;
    /// <summary>
    /// How many Chinese characters may stand beside a date on a line still taken for a date line (an outlet's name, a
    /// column's label); more make the line a sentence about something dated.
    /// </summary>
    public int DateLineMaxChineseChars { get; init; } = 16;
    /// <summary>
    /// The earliest year a date the text only implies may take (a full date inside a sentence, a year beside a yearless
    /// day, the latest year mentioned): earlier ones are events a text recalls, such as an organisation's founding or
    /// the 1997 handover, not when it was written. A date the text states as its own is not bound by it.
    /// </summary>
    public int EarliestInferredYear { get; init; } = 2000;
}

/// <summary>What the metadata stage reads from one document.</summary>
internal sealed record DocumentMetadata(
    string? Title, IReadOnlyList<string> Organisations, DateFinding Date, AdministrationFinding Administration,
    string? Event, IReadOnlyList<string> People);

/// <summary>
/// Entry point of the metadata stage. Works on the repaired text with chrome lines removed, so a site's name in its
/// navigation is not taken for an author and a footer date is not taken for the publication date.
/// </summary>
internal static partial class MetadataExtractor
{
    static readonly HashSet<string> OrgSuffixes = new(WordLists.Entries("organisation-heads").Select(e => e.Entry), StringComparer.Ordinal);

    /// <summary>Words that open a sentence before an organisation's name ("Yesterday Human Rights Watch said").</summary>
    static readonly HashSet<string> SentenceOpeners = new(StringComparer.Ordinal)
    { "The", "In", "On", "At", "During", "Yesterday", "Today", "Tomorrow", "This", "Last", "Next", "Earlier", "Later" };

    static readonly HashSet<string> NotPersonWords = new(WordLists.Entries("not-person-words").Select(e => e.Entry), StringComparer.Ordinal);

    [GeneratedRegex(@"\b(sent|signed|issued|endorsed|co-signed|submitted)\s+by\s+(?<list>[^.]+)\.", RegexOptions.ExplicitCapture)]
    private static partial Regex SentByRx();

    [GeneratedRegex(@"(?<org>(?:[A-Z][\w&-]*\s+(?:(?:of|for|in|on|Without)\s+)?){0,6}[A-Z][\w&-]*)\s+(is\s+calling\s+on|calls\s+on|called\s+on|urges|urged|is\s+urging|recommends|recommended|launches|launched|released|publishes|published|presents)\b", RegexOptions.ExplicitCapture)]
    internal static partial Regex OrgSubjectRx();

    /// <summary>
    /// Every part of an organisation-as-subject match (<see cref="OrgSubjectRx"/>) is a letter, digit, space, '&amp;' or '-',
    /// so a match lies inside one run of such characters and holds one of these verbs (case-sensitive, as in the pattern).
    /// </summary>
    static readonly System.Buffers.SearchValues<string> OrgVerbStems = System.Buffers.SearchValues.Create(
        ["calling", "calls", "called", "urg", "recommend", "launch", "released", "publish", "presents"], StringComparison.Ordinal);

    /// <summary>Characters that can never stand inside such a match (none is a word character, a space, '&amp;' or '-').</summary>
    static readonly System.Buffers.SearchValues<char> OrgRunBreaks = System.Buffers.SearchValues.Create(".,;:!?()[]{}\"'“”‘’/\\|<>@#$%^*+=~`—–•、。，；：！？（）");

    /// <summary>
    /// The matches of <see cref="OrgSubjectRx"/> in <paramref name="content"/>, as <c>Matches</c> gives them. The pattern may
    /// start at any capital letter and tries up to seven words from each, so it runs only on the runs between punctuation
    /// that hold one of its verbs: across the whole text it was the costliest pattern of the metadata stage.
    /// </summary>
    internal static IEnumerable<Match> OrgSubjects(string content)
    {
        var pos = 0;
        while (pos < content.Length)
        {
            var k = content.AsSpan(pos).IndexOfAny(OrgVerbStems);
            if (k < 0) yield break;
            var at = pos + k;
            var start = pos + content.AsSpan(pos, at - pos).LastIndexOfAny(OrgRunBreaks) + 1;
            var endAfter = content.AsSpan(at).IndexOfAny(OrgRunBreaks);
            var end = endAfter < 0 ? content.Length : at + endAfter;
            // Searched as if the run were the whole text: the pattern looks at nothing before its first capital, and its
            // closing \b sees a non-word character after the run either way.
            for (var m = OrgSubjectRx().Match(content, start, end - start); m.Success; m = m.NextMatch()) yield return m;
            pos = end;
        }
    }

    [GeneratedRegex(@"\b(co-?authored|authored|written\s+by|launch(es|ed)?|present(s|ed)?|publish(es|ed)?|issued|statement\s+by|letter\s+from)\b", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    internal static partial Regex AuthorshipCueRx();

    [GeneratedRegex(@"(?:[A-Z][\w&-]*\s+(?:(?:of|for|in|on)\s+)?){0,6}[A-Z][\w&-]*", RegexOptions.ExplicitCapture)]
    private static partial Regex CapitalisedRunRx();

    [GeneratedRegex(@"(?<ev>(?:[A-Z0-9][\w.&-]*\s+){1,6}(?:&\s+(?:[A-Z][\w.&-]*\s+){1,3})?(Dialogue|Summit|Olympics|Games|Conference|Forum|Hearing|Session|Review|Meeting))\b", RegexOptions.ExplicitCapture)]
    private static partial Regex NamedEventRx();

    [GeneratedRegex(@"(?<who>(?:[A-Z][\w-]*\s+){1,3}[A-Z][\w-]*)[’']s\s+(state\s+)?visit\s+to\s+(?<where>[A-Z][\w-]*(\s+[A-Z][\w-]*)?)", RegexOptions.ExplicitCapture)]
    private static partial Regex VisitRx();

    [GeneratedRegex(@"(?<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2})\s*[（(]\s*[\p{IsCJKUnifiedIdeographs}]{2,4}\s*[)）]", RegexOptions.ExplicitCapture)]
    private static partial Regex NameWithHanziRx();

    [GeneratedRegex(@"\b(detain\w*|detention|imprison\w*|prisoners?|jailed|arrested|disappeared|release\s+of|cases?\b|sentenced|persecut\w*|in\s+custody)", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    internal static partial Regex CaseCueRx();

    // The words each cue pattern needs, case aside: a sentence without any of them is not run through the pattern
    // (tests hold each check to its pattern).
    static readonly System.Buffers.SearchValues<string> AuthorshipCueStems =
        IgnoreCasePrefilter.Words("authored", "written", "launch", "present", "publish", "issued", "statement", "letter");

    static readonly System.Buffers.SearchValues<string> CaseCueStems = IgnoreCasePrefilter.Words(
        "detain", "detention", "imprison", "prisoner", "jailed", "arrested", "disappeared", "release", "case", "sentenced", "persecut", "custody");

    /// <summary>Whether <see cref="AuthorshipCueRx"/> matches <paramref name="sentence"/>.</summary>
    internal static bool HoldsAuthorshipCue(ReadOnlySpan<char> sentence) => AuthorshipCueRx().IsMatch(sentence, AuthorshipCueStems);

    /// <summary>Whether <see cref="CaseCueRx"/> matches <paramref name="sentence"/>.</summary>
    internal static bool HoldsCaseCue(ReadOnlySpan<char> sentence) => CaseCueRx().IsMatch(sentence, CaseCueStems);

    [GeneratedRegex(@"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,7}\b", RegexOptions.ExplicitCapture)]
    private static partial Regex NameRunRx();

    /// <summary>Reads the metadata of one document from its repaired, chrome-free text.</summary>
    /// <param name="knownDate">A date a researcher gave (a metadata sheet, front matter): used instead of reading one.</param>
    /// <param name="urlDate">The date the document's URL carries, weighed against the text's (<see cref="Reconcile"/>).</param>
    public static DocumentMetadata Extract(string content, MetadataOptions? options = null, DateFinding? knownDate = null, DateFinding? urlDate = null)
    {
        options ??= new MetadataOptions();
        // The date and the administration may both weigh the office-holders named: they are read once, when first needed.
        var holders = OfficeHolders.Lazily(content);
        var date = knownDate ?? Reconcile(DateFinder.Find(content, options, holders), urlDate);
        var admin = AdministrationFinder.Find(content, date, options, holders);
        var sentences = SentenceRanges(content); // organisations and people are both looked for sentence by sentence
        return new DocumentMetadata(Title(content), Organisations(content, sentences), date, admin, Event(content), People(content, sentences));
    }

    /// <summary>
    /// The text's date or the URL's. A date the text gives to the day (a letter's date line, a dateline, a "Published" or
    /// "Updated" stamp, a date alone on its line) wins: a URL carries the day a page was posted, often a day or more after
    /// a letter's date, and often only the month. Whatever the text gives less surely (a month read from the body, a
    /// year, a day whose year was inferred) yields to the URL, unless it is the URL's own month made more precise.
    /// </summary>
    internal static DateFinding Reconcile(DateFinding text, DateFinding? url)
    {
        if (url?.Date is not { } u) return text;
        if (text.Precision == DatePrecision.Day) return text;
        if (text.Date is { } t && text.Precision == DatePrecision.Inferred && url.Precision == DatePrecision.Month && t.Year == u.Year && t.Month == u.Month)
            return text;
        return url;
    }

    /// <summary>The first line, if it reads as a headline: short, no final full stop, not a dateline or photo caption.</summary>
    public static string? Title(string content)
    {
        // Markdown headings ("# Title") are titles without their marks.
        // Lines are walked only up to the first non-empty one (splitting the whole text copied all of it).
        string? first = null;
        foreach (var range in content.AsSpan().Split('\n'))
        {
            var line = content.AsSpan(range).Trim().TrimStart('#').Trim();
            if (line.Length > 0) { first = line.ToString(); break; }
        }
        if (first == null) return null;
        // Words between single spaces, counted in place (splitting made a string of each).
        var words = 0;
        foreach (var word in first.AsSpan().Split(' '))
            if (word.End.Value > word.Start.Value) words++;
        if (words > 25 || first.StartsWith('(') || PhotoCaptionRx().IsMatch(first)) return null;
        if ((first.EndsWith('.') && !first.EndsWith("..")) || first.EndsWith('。')) return null;
        if (CjkRx().IsMatch(first) ? first.Length > 80 : words < 3) return null;
        return first;
    }

    static IReadOnlyList<string> Organisations(string content, List<Range> sentences)
    {
        var found = new List<string>();
        void Add(string name)
        {
            name = LeadingTheOrAndRx().Replace(name.Trim(), "").Trim();
            if (name.Length < 3) return;
            if (found.Any(f => f.Equals(name, StringComparison.OrdinalIgnoreCase) || Acronym(f) == name)) return;
            found.Add(name);
        }
        var dateline = DatelineOrgRx().Match(content);
        // "(Washington, July 1, 2021)" names a place: only a name that reads as an organisation counts.
        if (dateline.Success && (TrimToOrg(dateline.Groups["org"].Value) != null || dateline.Groups["org"].Value.Split(' ').Length >= 3))
            Add(dateline.Groups["org"].Value);
        foreach (Match m in SentByRx().Matches(content))
            foreach (var part in ListSeparatorRx().Split(m.Groups["list"].Value))
                if (CapitalStartRx().IsMatch(part.Trim())) Add(part);
        foreach (var m in OrgSubjects(content))
            if (TrimToOrg(m.Groups["org"].Value) is { } org) Add(org);
        foreach (var range in sentences)
        {
            Budget.Check();
            // Most sentences hold no cue: they are read in place, and only the few that do are made strings.
            if (!HoldsAuthorshipCue(content.AsSpan()[range])) continue;
            foreach (Match run in CapitalisedRunRx().Matches(content[range]))
                if (TrimToOrg(run.Value) is { } org) Add(org);
        }
        return found;
    }

    static string Acronym(string name) => string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsUpper(w[0])).Select(w => w[0]));

    /// <summary>"Hudson Institute Senior Fellow Olivia Enos" -> "Hudson Institute"; null if no organisation word.</summary>
    static string? TrimToOrg(string run)
    {
        var words = run.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var last = words.FindLastIndex(w => OrgSuffixes.Contains(w));
        if (last < 1) return null;
        var name = string.Join(' ', words.Take(last + 1));
        var firstWord = words[0];
        if (SentenceOpeners.Contains(firstWord)) name = string.Join(' ', words.Skip(1).Take(last));
        if (name.Split(' ').Length < 2) return null;
        if (NotAnOrganisationRx().IsMatch(name)) return null;
        return name;
    }

    /// <summary>
    /// The words a named event ends with: a text without any of them names none, and the pattern, tried at every
    /// capitalised word of the text, need not run (the event words are matched case-sensitively, as there).
    /// </summary>
    static readonly System.Buffers.SearchValues<string> EventWords = System.Buffers.SearchValues.Create(
        ["Dialogue", "Summit", "Olympics", "Games", "Conference", "Forum", "Hearing", "Session", "Review", "Meeting"], StringComparison.Ordinal);

    static string? Event(string content)
    {
        var named = content.AsSpan().IndexOfAny(EventWords) < 0 ? Match.Empty : NamedEventRx().Matches(content)
            .FirstOrDefault(m => EventLeadWordsRx().Replace(m.Groups["ev"].Value, "").Split(' ').Length >= 2) ?? Match.Empty;
        var visit = content.Contains("visit", StringComparison.Ordinal) ? VisitRx().Match(content) : Match.Empty;
        var candidates = new[] { named.Success ? (named.Index, EventLeadWordRunRx().Replace(named.Groups["ev"].Value, "")) : default,
                                 visit.Success ? (visit.Index, visit.Value) : default }
            .Where(c => c.Item2 != null).OrderBy(c => c.Item1).ToList();
        return candidates.Count > 0 ? candidates[0].Item2 : null;
    }

    // Office-holders are named as such, not as people a document is about; the set is built once, not per document.
    static readonly Lazy<HashSet<string>> OfficialNames = new(() => OfficeHolders.All.Select(h => h.FullName).ToHashSet());

    static IReadOnlyList<string> People(string content, List<Range> sentences)
    {
        var people = new List<string>();
        var officials = OfficialNames.Value;
        void Add(string n)
        {
            n = Spaces.Collapse(n.Trim());
            if (!officials.Contains(n) && !people.Contains(n)) people.Add(n);
        }
        // A name glossed in Chinese ("Ilham Tohti (伊力哈木)") needs an ideograph: most English texts have none.
        if (content.AsSpan().ContainsAnyInRange('\u4E00', '\u9FFF'))
            foreach (Match m in NameWithHanziRx().Matches(content))
            {
                var words = m.Groups["name"].Value.Split(' ');
                var tail = words.Reverse().TakeWhile(w => !NotPersonWords.Contains(w)).Reverse().ToList();
                if (tail.Count >= 2) Add(string.Join(' ', tail.TakeLast(3)));
            }
        foreach (var range in sentences)
        {
            if (!HoldsCaseCue(content.AsSpan()[range])) continue;
            var sentence = content[range];
            foreach (Match run in NameRunRx().Matches(sentence))
            {
                var words = run.Value.Split(' ');
                var tail = words.Reverse().TakeWhile(w => !NotPersonWords.Contains(w) && !OrgSuffixes.Contains(w)).Reverse().ToList();
                if (tail.Count is 2 or 3 && tail.Any(w => !Lexicon.Contains(w)))
                {
                    // The title or verb sits right before the name; looking further back made this quadratic in a run-on line.
                    var before = sentence[Math.Max(0, run.Index - 40)..run.Index];
                    if (TitleOrSaidBeforeRx().IsMatch(before)) continue;
                    Add(string.Join(' ', tail));
                }
            }
        }
        return people;
    }

    [GeneratedRegex(@"^(the\s+)?[A-Z]", RegexOptions.ExplicitCapture)]
    private static partial Regex CapitalStartRx();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}]", RegexOptions.ExplicitCapture)]
    private static partial Regex CjkRx();

    [GeneratedRegex(@"\(\s*(?<org>[A-Z][^(),]{2,80}?),\s*[A-Z][a-z]+\.?\s+\d{1,2},\s*(19|20)\d\d\s*\)", RegexOptions.ExplicitCapture)]
    private static partial Regex DatelineOrgRx();

    [GeneratedRegex(@"^((The|the|Upcoming|upcoming|Today|as)\s+)+", RegexOptions.ExplicitCapture)]
    private static partial Regex EventLeadWordRunRx();

    [GeneratedRegex(@"^(The|the|Upcoming|upcoming|Today|as|the|\s)+", RegexOptions.ExplicitCapture)]
    private static partial Regex EventLeadWordsRx();

    [GeneratedRegex(@"^(the|and)\s+", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex LeadingTheOrAndRx();

    [GeneratedRegex(@",\s*(?:and\s+)?|\s+and\s+", RegexOptions.ExplicitCapture)]
    private static partial Regex ListSeparatorRx();

    [GeneratedRegex(@"^(United States|People's Republic|UN Human Rights Council|US Congress|U\.S\. Congress|Chinese Communist)", RegexOptions.ExplicitCapture)]
    private static partial Regex NotAnOrganisationRx();

    [GeneratedRegex(@"^(file\s+)?(photo|image)\b", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex PhotoCaptionRx();

    /// <summary>
    /// The pieces between sentence breaks: a run of white space after ".", "!" or "?", or a line break. The same pieces
    /// as splitting at the pattern <c>(?&lt;=[.!?])\s+|\n</c> (a test holds them equal), in one pass: the lookbehind
    /// regular expression tried every position of every document and cost 7% of loading.
    /// </summary>
    internal static string[] SplitSentences(string content) => [.. SentenceRanges(content).Select(r => content[r])];

    /// <summary><see cref="SplitSentences"/> as ranges of <paramref name="content"/>: the rules read most pieces in place.</summary>
    internal static List<Range> SentenceRanges(string content)
    {
        var pieces = new List<Range>();
        int from = 0, i = 0;
        while (i < content.Length)
        {
            if (i > 0 && content[i - 1] is '.' or '!' or '?' && char.IsWhiteSpace(content[i]))
            {
                var end = i;
                while (end < content.Length && char.IsWhiteSpace(content[end])) end++;
                pieces.Add(from..i);
                from = i = end;
            }
            else if (content[i] == '\n')
            {
                pieces.Add(from..i);
                from = i = i + 1;
            }
            else i++;
        }
        pieces.Add(from..content.Length);
        return pieces;
    }

    [GeneratedRegex(@"\b(President|Secretary|Director|Advis[eo]r|Fellow|Minister|said|Ms|Mr|Dr)\.?\s*$", RegexOptions.ExplicitCapture)]
    private static partial Regex TitleOrSaidBeforeRx();
}
