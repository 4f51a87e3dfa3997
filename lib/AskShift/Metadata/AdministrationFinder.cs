using AskShift.Text;
using System.Globalization;
using System.Text.RegularExpressions;

namespace AskShift.Metadata;

/// <summary>Which administration a document addresses, with the strings that say so, or the reason none could be told.</summary>
public sealed record AdministrationFinding(string Code, IReadOnlyList<string> Evidence, string? Reason);

/// <summary>
/// Assigns the codebook's administration on evidence. A document's own date decides, except between an election and
/// the inauguration, where a text that addresses the winner ("President-elect", "the incoming administration",
/// congratulations on a re-election) belongs to the incoming administration. Without a date, the presidents the text
/// names decide (the latest one, since texts look back more than forward); Trump's two terms are told apart by
/// election-aware words ("re-election", "second term", "47th President"), the officials named with him and the years
/// the text mentions.
/// </summary>
internal static partial class AdministrationFinder
{
    [GeneratedRegex(@"\bPresident[-\s]elect\b|\b(incoming|next|new)\s+(US\s+|U\.S\.\s+|American\s+|(Obama|Trump|Biden)\s+)?administration\b|\btransition\s+team\b|\bcongratulat\w*|\b(election|electoral)\s+(victory|win)\b|\b(won|wins|winning)\s+the\s+((\d{4}|presidential|US|U\.S\.)\s+)*election\b|\b(re-?election|reelected|re-elected|second\s+term)\b|当选总统|當選總統|总统当选人|總統當選人|候任总统|候任總統|新一届政府|新一屆政府|下一届政府|下屆政府|新政府|连任|連任|再次当选|再次當選|第二任期|第二个任期|第二個任期", RegexOptions.ExplicitCapture)]
    private static partial Regex TransitionRx();

    // Before the votes are counted a text can still address whoever will govern next: "a rights agenda for the next
    // administration", "whichever candidate wins", "下一届政府". Unlike "the new administration", which after an
    // inauguration is the one in office, none of these can mean the sitting president.
    [GeneratedRegex(@"\bnext\s+(US\s+|U\.S\.\s+|American\s+)?(administration|president)\b|\bwho(so)?ever\s+(wins|is\s+elected|takes\s+(the\s+oath\s+of\s+)?office)\b|\bwhichever\s+(candidate|party)\s+wins\b|下一届政府|下一屆政府|下屆政府|下届政府|下一任(美国|美國)?(总统|總統)|下任(美国|美國)?(总统|總統)", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex NextAdministrationRx();

    [GeneratedRegex(@"\b(?<n>44|45|46|47)(th)\s+(US\s+|U\.S\.\s+)?President\b|第\s*(?<n>44|45|46|47)\s*任(美国|美國)?总统|第\s*(?<n>44|45|46|47)\s*任(美国|美國)?總統", RegexOptions.ExplicitCapture)]
    private static partial Regex OrdinalPresidentRx();

    // A second term, or Trump's first spoken of as a previous one: "Trump's previous term", "the first Trump
    // administration", "特朗普上一任内". Not "Trump's first term" or "特朗普第一任期": writers said that during it too, and
    // not a bare "特朗普的上一任", which is his predecessor.
    [GeneratedRegex(@"\b(re-?election|reelected|re-elected|second\s+term|second\s+(Trump\s+)?(administration|presidency)|return(ed|ing)?\s+to\s+(the\s+)?(White\s+House|office|power))\b|\bTrump\s+2\.0\b|连任|連任|再次当选|再次當選|第二任期|第二个任期|第二個任期|重返白宫|重返白宮" +
        @"|\bTrump['’]s\s+(previous|earlier|prior|last)\s+(term|administration|presidency)\b|\bfirst\s+Trump\s+(administration|presidency)\b|\bTrump\s+1\.0\b" +
        @"|(特朗普|川普)(总统|總統)?的?(上一任期|上一任內|上一任内|上個任期|上个任期|前一任期|1\.0)", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex SecondTermRx();

    // A president and vice-president named as a ticket ("the Obama-Biden administration", "Trump-Pence", "拜登－賀錦麗政府")
    // name one administration: the vice-president's own name must not be read as the president's ("Biden administration").
    // "Trump 2.0" names the second Trump administration as plainly.
    // Each alternative is named by the administration it names.
    [GeneratedRegex(@"\b((?<obama>Obama[-–]Biden)|(?<trump1>Trump[-–]Pence)|(?<biden>Biden[-–]Harris)|(?<trump2>Trump[-–]Vance|Trump\s+2\.0))\b" +
        @"|((?<obama>(奥巴马|奧巴馬|歐巴馬|欧巴马)[-–－・·]?拜登)|(?<trump1>(特朗普|川普)[-–－・·]?彭斯)|(?<biden>拜登[-–－・·]?(贺锦丽|賀錦麗))|(?<trump2>(特朗普|川普)[-–－・·]?(万斯|萬斯)))(?=政府|团队|團隊|執政|执政)", RegexOptions.ExplicitCapture)]
    private static partial Regex TicketRx();

    static readonly string[] TicketCodes = ["obama", "trump1", "biden", "trump2"];

    [GeneratedRegex(@"\b(former|ex-)\s+(US\s+|U\.S\.\s+)?President\s+(?<name>Obama|Trump|Biden|Bush)\b|前(美国|美國)?总统(?<zh>奥巴马|奧巴馬|歐巴馬|特朗普|川普|拜登)|前(美国|美國)?總統(?<zh>奥巴马|奧巴馬|歐巴馬|特朗普|川普|拜登)", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex FormerPresidentRx();

    [GeneratedRegex(@"(?<![\d.,/-])(?<year>(?:19|20)\d\d)(?![\d/-])", RegexOptions.ExplicitCapture)]
    private static partial Regex YearRx();

    [GeneratedRegex(@"\bPresident[-\s]elect\s+(Barack\s+|Donald\s+J?\.?\s*|Joe\s+|Joseph\s+R?\.?\s*)?(?<name>Obama|Trump|Biden)\b|(当选总统|當選總統|总统当选人|總統當選人|当选美国总统|當選美國總統|候任总统|候任總統)\s*.{0,2}?(?<zh>奥巴马|奧巴馬|歐巴馬|特朗普|川普|拜登)|(?<zh>奥巴马|奧巴馬|歐巴馬|特朗普|川普|拜登)(再次)?(当选|當選|胜选|勝選)", RegexOptions.ExplicitCapture)]
    private static partial Regex PresidentElectRx();

    /// <summary>"President-elect Biden", "当选总统拜登", "川普胜选": the term that follows that election.</summary>
    static AdministrationFinding? PresidentElect(string text, MetadataOptions options)
    {
        var m = PresidentElectRx().Match(text);
        if (!m.Success) return null;
        var name = m.Groups["name"].Success ? m.Groups["name"].Value : m.Groups["zh"].Value;
        string? code = name switch
        {
            "Obama" or "奥巴马" or "奧巴馬" or "歐巴馬" => "obama",
            "Biden" or "拜登" => "biden",
            _ => null,
        };
        if (code == null)
        {
            // Trump was elected twice: the years the text mentions, or re-election words, tell which.
            var years = Years(text, options);
            if (SecondTermRx().IsMatch(text) || years.Any(y => y >= 2024)) code = "trump2";
            else if (years.Any(y => y is 2016 or 2017)) code = "trump1";
            else return null;
        }
        return new(code, [m.Value], null);
    }

    static readonly Dictionary<string, string> Ordinals = new() { ["44"] = "obama", ["45"] = "trump1", ["46"] = "biden", ["47"] = "trump2" };

    /// <summary>The administration of a document with <paramref name="text"/> (repaired, chrome-free) and date finding.</summary>
    /// <param name="holders">The office-holders <paramref name="text"/> names (<see cref="OfficeHolders.Lazily"/>), when the caller reads them too.</param>
    public static AdministrationFinding Find(string text, DateFinding date, MetadataOptions options,
        Lazy<IReadOnlyList<(OfficeHolder Holder, string Evidence)>>? holders = null)
    {
        holders ??= OfficeHolders.Lazily(text);
        // Transition wording matters only in an election's aftermath or without a date: it is looked for then.
        Match? found = null;
        Match Transition() => found ??= TransitionRx().Match(text);
        var ordinal = OrdinalPresidentRx().Match(text);
        if (PresidentElect(text, options) is { } elect) return elect;
        if (ordinal.Success)
            return new(Ordinals[ordinal.Groups["n"].Value], [ordinal.Value], null);

        if (date.Date is { } d && date.Precision is DatePrecision.Day or DatePrecision.Inferred or DatePrecision.Month)
        {
            var code = Administrations.For(d);
            var evidence = new List<string>(date.Evidence.Take(1));
            // A month read from the body may be an event's ("arrested on Dec. 12, 2020"): the presidents named, with words
            // such as "second term", confirm or overrule it before it can place the text between an election and an inauguration.
            var bodyMonth = date.Precision == DatePrecision.Month && date.Note != null;
            if (bodyMonth && FromPresidents(text, holders.Value, options) is { Code: not "unknown" } byNames) return byNames;
            // Between an election and the inauguration, a text addressing the winner belongs to the incoming administration.
            foreach (var (election, next) in Administrations.Elections)
            {
                var inauguration = Administrations.Starts.First(s => s.Code == next).From;
                if (d >= election && d < inauguration && Transition() is { Success: true } aftermath)
                    return new(next, [.. evidence, aftermath.Value], null);
                // In the election year, before the vote, a text addressed to the next administration looks past the one in office.
                if (d.Year == election.Year && d < election && NextAdministrationRx().Match(text) is { Success: true } ahead)
                    return new(next, [.. evidence, ahead.Value], null);
            }
            if (code != "unknown") return new(code, evidence, null);
        }

        if (TicketRx().Match(text) is { Success: true } ticket) return new(TicketCodes.First(c => ticket.Groups[c].Success), [ticket.Value], null);
        var named = FromPresidents(text, holders.Value, options);
        if (named.Code != "unknown" || named.Reason != null && named.Reason.Contains("Trump")) return named;

        if (Transition() is { Success: true } transition)
        {
            // "A guide for the next administration": the election after the latest year the text mentions.
            var years = Years(text, options);
            var after = years.Count > 0 ? years.Max() : options.Today.Year;
            var (election, next) = Administrations.Elections.FirstOrDefault(e => e.Election.Year >= after && e.Election <= options.Today);
            if (next == null) (election, next) = Administrations.Elections.Last(e => e.Election <= options.Today);
            return new(next, [transition.Value], null);
        }
        // Last resorts: the document's year, then a Congress the text names by number (the latest, as texts look back).
        // Each assigns the administration in office for nearly all of that time: an inauguration year's first 19 days do
        // not outweigh the rest, since a text addressing the outgoing or the incoming administration in them would have
        // said so (a president by name, transition wording), and that was looked for above.
        if (date.Precision == DatePrecision.Year && date.Date is { } y && MostOf(new DateOnly(y.Year, 1, 1), new DateOnly(y.Year, 12, 31)) is { } byYear)
            return new(byYear, [.. date.Evidence], null);
        if (LatestCongress(text, options) is { } congress && MostOf(congress.From, congress.To) is { } byCongress)
            return new(byCongress, [congress.Evidence], null);
        return new("unknown", [], named.Reason ?? "no date, no US president, no Congress by number and no election or transition wording in the text");
    }

    /// <summary>
    /// The administration in office on at least <see cref="MostShare"/> of the days from <paramref name="from"/> to
    /// <paramref name="to"/>, or null when none is (or the time lies before 2009).
    /// </summary>
    internal static string? MostOf(DateOnly from, DateOnly to)
    {
        if (to < from) return null;
        var days = to.DayNumber - from.DayNumber + 1;
        foreach (var (code, start, end) in Terms())
            if (Math.Min(end.DayNumber, to.DayNumber) - Math.Max(start.DayNumber, from.DayNumber) + 1 >= MostShare * days) return code;
        return null;
    }

    /// <summary>The share of a year or a Congress one administration must hold to be assigned from it alone.</summary>
    const double MostShare = 0.9;

    // "the 119th Congress", "第119届国会" (digits of any script, "第１１９届"): since the 74th (1935), each Congress sits
    // two years from 3 January of an odd year.
    [GeneratedRegex(@"\b(?<n>\d{2,3})(st|nd|rd|th)\s+(U\.S\.\s+|US\s+|United\s+States\s+)?Congress\b|第\s*(?<n>\d{2,3})\s*[届屆]\s*(美国|美國)?\s*(国会|國會)", RegexOptions.ExplicitCapture)]
    private static partial Regex CongressRx();

    /// <summary>The two years Congress number <paramref name="n"/> sat, or null before the 74th (when terms began in March).</summary>
    internal static (DateOnly From, DateOnly To)? CongressTerm(int n)
    {
        if (n < 74) return null;
        var year = 1789 + 2 * (n - 1);
        return (new DateOnly(year, 1, 3), new DateOnly(year + 2, 1, 2));
    }

    /// <summary>The latest Congress the text names by number that had met by <see cref="MetadataOptions.Today"/>, with its words.</summary>
    static (DateOnly From, DateOnly To, string Evidence)? LatestCongress(string text, MetadataOptions options)
    {
        (DateOnly From, DateOnly To, string Evidence)? latest = null;
        foreach (Match m in CongressRx().Matches(text))
            if (CongressTerm(Digits.Value(m.Groups["n"].ValueSpan)) is { } t && t.From <= options.Today && (latest is null || t.From > latest.Value.From))
                latest = (t.From, t.To < options.Today ? t.To : options.Today, m.Value);
        return latest;
    }

    /// <summary>
    /// The latest administration the sitting office-holders named point to (texts look back to earlier administrations
    /// far more than forward), with Trump's two terms told apart.
    /// </summary>
    static AdministrationFinding FromPresidents(string text, IReadOnlyList<(OfficeHolder Holder, string Evidence)> holders, MetadataOptions options)
    {
        var mentioned = holders.Where(h => h.Holder.To.Year >= 2009).ToList();
        var us = mentioned.Where(h => !h.Holder.Office.StartsWith("Chinese", StringComparison.Ordinal) && !h.Holder.Office.StartsWith("Hong Kong", StringComparison.Ordinal)).ToList();
        if (us.Count == 0) return new("unknown", [], null);
        // Each holder's era: the administrations their tenure overlaps (a president's is one; Trump's two entries are two).
        var latest = us.SelectMany(h => Eras(h.Holder).Select(e => (Era: e, h.Evidence, h.Holder))).MaxBy(x => Administrations.Rank(x.Era));
        if (latest.Era is not ("trump1" or "trump2")) return new(latest.Era, [latest.Evidence], null);
        if (!us.Any(h => h.Holder.Surname == "Trump")) return new(latest.Era, [latest.Evidence], null);

        // Trump: first or second term?
        var trump = us.First(h => h.Holder.Surname == "Trump").Evidence;
        var evidence = new List<string> { trump };
        if (SecondTermRx().Match(text) is { Success: true } second) return new("trump2", [.. evidence, second.Value], null);
        // Biden spoken of as a former president puts Trump in his second term.
        if (FormerPresidentRx().Matches(text).Any(m => m.Groups["name"].Value == "Biden" || m.Groups["zh"].Value == "拜登"))
            return new("trump2", [.. evidence, "former President Biden"], null);
        var others = mentioned.Where(h => h.Holder.Surname != "Trump").ToList();
        var terms = new[] { "trump1", "trump2" }.Where(t => others.Count > 0 && others.All(o => Eras(o.Holder).Contains(t))).ToList();
        if (others.Count > 0 && terms.Count == 1) return new(terms[0], [.. evidence, .. others.Select(o => o.Evidence).Distinct()], null);
        // An event or law the text names that lies wholly after the first term, or wholly before the second. It goes
        // before the years mentioned, which are often those in a law's name ("Act of 2020") rather than the text's own.
        var firstTermOver = Administrations.Starts.First(s => s.Code == "biden").From;
        var secondTermStart = Administrations.Starts.First(s => s.Code == "trump2").From;
        foreach (var e in DatedEvents.Value)
        {
            if (e.Pattern.Match(text) is not { Success: true } m) continue;
            if (e.NotBefore > firstTermOver) return new("trump2", [.. evidence, m.Value], null);
            if (e.NotAfter is { } to && to < secondTermStart) return new("trump1", [.. evidence, m.Value], null);
        }
        // A Congress named by number that sat (nearly) wholly in one of the terms, unless the text mentions a later year:
        // "the Act the 115th Congress passed" in a text of 2025 recalls the law's Congress, not its own.
        var years = Years(text, options);
        if (LatestCongress(text, options) is { } congress && (years.Count == 0 || years.Max() <= congress.To.Year) &&
            MostOf(congress.From, congress.To) is { } term && term is "trump1" or "trump2")
            return new(term, [.. evidence, congress.Evidence], null);
        if (years.Count > 0 && years.Max() >= 2024) return new("trump2", [.. evidence, years.Max().ToString(CultureInfo.InvariantCulture)], null);
        if (years.Count > 0 && years.Max() is >= 2016 and <= 2020) return new("trump1", [.. evidence, years.Max().ToString(CultureInfo.InvariantCulture)], null);
        return new("unknown", evidence, $"'{trump}' is named, but nothing in the text (date, officials, years, 'second term') tells Trump's first term from his second");
    }

    /// <summary>The administrations whose time in office overlaps a holder's tenure.</summary>
    static IEnumerable<string> Eras(OfficeHolder h) =>
        // A few days' overlap at a handover (officials leave a day after the inauguration) is not a shared era.
        Terms().Where(t => h.From <= t.To.AddDays(-7) && h.To >= t.From.AddDays(7)).Select(t => t.Code);

    /// <summary>Each administration with its first and last day (the last one open).</summary>
    static IEnumerable<(string Code, DateOnly From, DateOnly To)> Terms() =>
        Administrations.Starts.Select((s, i) => (s.Code, s.From,
            i + 1 < Administrations.Starts.Count ? Administrations.Starts[i + 1].From.AddDays(-1) : DateOnly.MaxValue));

    static List<int> Years(string text, MetadataOptions options) =>
        YearRx().Matches(text).Select(m => Digits.Value(m.Groups["year"].ValueSpan))
            .Concat(ChineseYearRx().Matches(text).Select(m => DateWords.ChineseYearValue(m.Groups["year"].ValueSpan)))
            .Where(y => y >= 1900 && y <= options.Today.Year).Distinct().ToList();

    // "二零一七年", "二〇一九年": years written in Chinese digits, as many Chinese-language outlets write them.
    [GeneratedRegex(@"(?<year>" + DateWords.ChineseYear + ")年", RegexOptions.ExplicitCapture)]
    private static partial Regex ChineseYearRx();

    sealed record DatedEvent(Regex Pattern, DateOnly NotBefore, DateOnly? NotAfter);

    /// <summary>The table <c>Text/data/dated-events.tsv</c>: what a text names that bounds when it was written.</summary>
    static readonly Lazy<IReadOnlyList<DatedEvent>> DatedEvents = new(() => Text.WordLists.Entries("dated-events").Select(e =>
    {
        var cols = (e.Entry + "\t" + e.Source).Split('\t');
        if (cols.Length < 4) throw new FormatException($"dated-events.tsv: '{e.Entry}' needs 4 tab-separated columns");
        static DateOnly Day(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new DatedEvent(new Regex(cols[0], RegexOptions.CultureInvariant), Day(cols[1]), cols[2].Length == 0 ? null : Day(cols[2]));
    }).ToList());
}
