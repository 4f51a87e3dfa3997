using System.Globalization;
using System.Text.RegularExpressions;
using AskShift.Text;

namespace AskShift.Metadata;

/// <summary>One person in one office for one tenure; a document naming them as sitting was written during it.</summary>
/// <param name="Office">The office, e.g. "US President", "Secretary of State", "Chinese President".</param>
/// <param name="FullName">The full name as texts write it; matched anywhere.</param>
/// <param name="Surname">The surname, matched only after a title ("President Biden") so common words do not match.</param>
/// <param name="From">First day in office.</param>
/// <param name="To">Last day in office; an open end date while still serving.</param>
internal sealed record OfficeHolder(string Office, string FullName, string Surname, DateOnly From, DateOnly To)
{
    /// <summary>Other spellings matched as they are, e.g. Chinese transcriptions (拜登) for Chinese-only reports.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
}

/// <summary>
/// US presidents, vice presidents, cabinet members and envoys, and Chinese and Hong Kong leaders with their tenures
/// (data file <c>Text/data/office-holders.tsv</c>), so a text that names them can be dated and assigned an
/// administration, and a weekday with a month/day ("Wednesday (Feb. 17)") pinned to one year.
/// </summary>
internal static partial class OfficeHolders
{
    static readonly DateOnly Open = new(2099, 12, 31);

    /// <summary>The table, in file order.</summary>
    public static readonly IReadOnlyList<OfficeHolder> All = Load();

    static IReadOnlyList<OfficeHolder> Load()
    {
        var list = new List<OfficeHolder>();
        foreach (var e in WordLists.Entries("office-holders"))
        {
            // WordLists splits at the first tab: the entry is the office, the rest holds the other columns.
            var cols = (e.Entry + "\t" + e.Source).Split('\t');
            if (cols.Length < 7) throw new FormatException($"office-holders.tsv: '{e.Entry}' needs 7 tab-separated columns");
            DateOnly Day(string s) => s.Length == 0 ? Open : DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            list.Add(new OfficeHolder(cols[0], cols[1], cols[2], Day(cols[3]), Day(cols[4]))
            {
                Aliases = cols[5].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            });
        }
        return list;
    }

    /// <summary>Surnames safe to match after a title: long enough, and one person's only.</summary>
    static readonly HashSet<string> UniqueSurnames = All.GroupBy(h => h.Surname)
        .Where(g => g.Key.Length >= 4 && g.Select(h => h.FullName).Distinct().Count() == 1).Select(g => g.Key).ToHashSet();

    // A name after one of these is not the office-holder in office: "former President Obama", "Senator Marco Rubio",
    // "Vice President Joe Biden" (for the presidency), "candidate Trump".
    [GeneratedRegex(@"\b(former|ex-|outgoing|late|then-?|candidate|nominee|Senators?|Sens?\.|Reps?\.|Representatives?|Congressman|Congresswoman|Congressmen|lawmakers?|Governor|Gov\.)\s*(U\.S\.\s+|US\s+|American\s+)?(President\s+|Secretary\s+(of\s+State\s+)?|Vice\s+President\s+|president\s+)?$", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex NotSittingBeforeRx();

    // "former Under Secretary Uzra Zeya", "former Special Coordinator for Tibetan Issues Uzra Zeya": a former holder of
    // any office whose title is modifiers, an office noun and perhaps its "of/for" phrase. Only the words of a title
    // may stand between "former" and the name: "Former Detainees Urge Secretary Blinken" names him sitting.
    [GeneratedRegex(@"\b(former|ex-|outgoing|then-?)\s*(U\.S\.\s+|US\s+|American\s+)?(?-i:((Under|Deputy|Assistant|Special|Senior|Acting|Principal|Chief|Associate|Executive|Vice)\s+)*(Secretary|Envoy|Coordinator|Ambassador|Advis[eo]r|Director|Administrator|Representative|Commissioner)(\s+(of|for)(\s+(the|\p{Lu}[\w.'’-]*)){1,4})?)\s+$", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex FormerTitleBeforeRx();

    // "参议员鲁比奥(Marco Rubio)", "眾議員…": a Chinese title of another office before the name (and before the Latin
    // spelling a report gives in brackets after the Chinese one).
    [GeneratedRegex(@"(参议员|參議員|众议员|眾議員|议员|議員|州长|州長|候选人|候選人)(\p{IsCJKUnifiedIdeographs}{1,5}\s*[(（])?\s*$", RegexOptions.ExplicitCapture)]
    private static partial Regex ZhOtherOfficeBeforeRx();

    [GeneratedRegex(@"\bVice[-\s]President\s+$|(副总统|副總統)\s*$", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex VicePresidentBeforeRx();

    // "克里希那穆尔蒂(Raja Krishnamoorthi)": a Chinese spelling that runs on into a longer name, whose Latin form in
    // brackets is not the holder's, is someone else's name.
    [GeneratedRegex(@"^\p{IsCJKUnifiedIdeographs}{0,8}[·・]?\p{IsCJKUnifiedIdeographs}{0,8}\s*[(（]\s*(?<latin>[A-Za-z][A-Za-z .'’-]{1,40})", RegexOptions.ExplicitCapture)]
    private static partial Regex LatinNameAfterRx();

    [GeneratedRegex(@"(前|卸任|前任)(美国|美國)?(总统|總統|国务卿|國務卿|副总统|副總統)?\s*$", RegexOptions.ExplicitCapture)]
    private static partial Regex ZhFormerBeforeRx();

    /// <summary>
    /// Holders the text names as sitting, with the string that named them: the full name, a Chinese spelling, a title
    /// and surname ("President Biden"), or, for presidents, "the Biden administration". Mentions as former, outgoing,
    /// candidate or in another office ("Senator Rubio") do not count.
    /// </summary>
    public static IReadOnlyList<(OfficeHolder Holder, string Evidence)> Mentioned(string text)
    {
        var found = new List<(OfficeHolder, string)>();
        foreach (var (h, patterns) in Patterns.Value)
        {
            Budget.Check();
            // Every pattern contains the surname or an alias: a plain (vectorised) search rules most holders out before
            // any regular expression walks a long text.
            if (!text.Contains(h.Surname, StringComparison.Ordinal) && !h.Aliases.Any(a => text.Contains(a, StringComparison.Ordinal))) continue;
            var evidence = patterns.Select(p => FirstSitting(text, p, h)).FirstOrDefault(x => x != null);
            if (evidence == null) continue;
            // "美國前副總統彭斯 ... 彭斯促中釋放": a bare name is the same person the text calls a former holder of the office.
            if (OnlyFormer(text, patterns, h)) continue;
            // "美国副总统拜登 ... 要求拜登和美国政府": a bare name is the vice-president the text titles, not a president.
            if (h.Office == "US President" && OnlyAsVicePresident(text, patterns, h)) continue;
            found.Add((h, evidence));
        }
        return found;
    }

    /// <summary>
    /// <see cref="Mentioned"/> for <paramref name="text"/>, read on first use: the date and the administration of one
    /// document both weigh it, and reading it costs a walk of the text per holder whose name it contains.
    /// </summary>
    public static Lazy<IReadOnlyList<(OfficeHolder Holder, string Evidence)>> Lazily(string text) =>
        new(() => Mentioned(text), LazyThreadSafetyMode.None);

    /// <summary>
    /// Each holder's patterns, strongest first (full name, Chinese spellings, title + surname, "the X administration"),
    /// built once: the static Regex cache holds 15 patterns, far fewer than the table has.
    /// </summary>
    static readonly Lazy<IReadOnlyList<(OfficeHolder Holder, Regex[] Patterns)>> Patterns = new(() => All.Select(h =>
    {
        var list = new List<Regex> { new($@"\b{Regex.Escape(h.FullName)}\b") };
        if (h.Aliases.Count > 0) list.Add(new(string.Join("|", h.Aliases.Select(Regex.Escape))));
        if (UniqueSurnames.Contains(h.Surname))
        {
            var title = h.Office == "US President" ? @"(?<!Vice[-\s])President" : @"(Secretary|Advis[eo]r|Minister|Ambassador|Coordinator|Premier|Vice\s+President|Chief\s+Executive)( of State| of the Treasury| of Defense)?";
            list.Add(new($@"\b{title}\s+{Regex.Escape(h.Surname)}\b"));
            if (h.Office == "US President") list.Add(new($@"\b{Regex.Escape(h.Surname)}\s+[Aa]dministration\b"));
        }
        return (h, list.ToArray());
    }).ToList());

    static string? FirstSitting(string text, Regex pattern, OfficeHolder h)
    {
        foreach (Match m in pattern.Matches(text))
        {
            var before = text[Math.Max(0, m.Index - 40)..m.Index];
            if (NotSittingBeforeRx().IsMatch(before) || FormerTitleBeforeRx().IsMatch(before) || ZhFormerBeforeRx().IsMatch(before) || ZhOtherOfficeBeforeRx().IsMatch(before)) continue;
            if (h.Office == "US President" && VicePresidentBeforeRx().IsMatch(before)) continue;
            if (LatinNameAfterRx().Match(text, m.Index + m.Length, Math.Min(40, text.Length - m.Index - m.Length)) is { Success: true } latin &&
                !latin.Groups["latin"].Value.Contains(h.Surname, StringComparison.Ordinal)) continue;
            return Context(text, m);
        }
        return null;
    }

    /// <summary>
    /// Whether the text calls <paramref name="h"/> a former holder of that very office ("former Vice President Pence",
    /// "美國前副總統彭斯") and never names the office before the name as sitting; bare mentions are then the same former holder.
    /// </summary>
    /// <summary>Where the name in a match stands: a "title + surname" match carries its title, and the context is what precedes the surname.</summary>
    static int NameAt(Match m, OfficeHolder h) =>
        m.Value != h.FullName && m.Value.EndsWith(h.Surname, StringComparison.Ordinal) ? m.Index + m.Length - h.Surname.Length : m.Index;

    static bool OnlyFormer(string text, Regex[] patterns, OfficeHolder h)
    {
        if (TitleOf(h.Office) is not { } title) return false;
        var former = false;
        foreach (var p in patterns)
            foreach (Match m in p.Matches(text))
            {
                var nameAt = NameAt(m, h);
                var before = text.AsSpan(Math.Max(0, nameAt - 48), Math.Min(nameAt, 48));
                foreach (var t in title.EnumerateMatches(before))
                {
                    if (!FormerBeforeTitleRx().IsMatch(before[..t.Index])) return false; // the title alone: sitting
                    former = true;
                }
            }
        return former;
    }

    /// <summary>
    /// True when every titled mention of a president's name carries the vice-president's title ("Vice President Biden",
    /// "副总统拜登") and none the president's or "the X administration": the text is about his vice-presidency.
    /// </summary>
    static bool OnlyAsVicePresident(string text, Regex[] patterns, OfficeHolder h)
    {
        var vice = false;
        foreach (var p in patterns)
            foreach (Match m in p.Matches(text))
            {
                if (m.Value.EndsWith("dministration", StringComparison.Ordinal)) return false;
                var nameAt = NameAt(m, h);
                var before = text.AsSpan(Math.Max(0, nameAt - 24), Math.Min(nameAt, 24));
                if (VicePresidentTitleRx().IsMatch(before)) vice = true;
                else if (PresidentTitleRx().IsMatch(before)) return false;
            }
        return vice;
    }

    static Regex? TitleOf(string office) => office switch
    {
        "US President" => PresidentTitleRx(),
        "Vice President" => VicePresidentTitleRx(),
        "Secretary of State" => SecretaryTitleRx(),
        _ => null,
    };

    [GeneratedRegex(@"(?<!Vice[-\s])\bPresident\s+$|(?<!副)(总统|總統)\s*$", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex PresidentTitleRx();

    [GeneratedRegex(@"\bVice[-\s]President\s+$|(副总统|副總統)\s*$", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex VicePresidentTitleRx();

    [GeneratedRegex(@"\bSecretary\s+of\s+State\s+$|(国务卿|國務卿)\s*$", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex SecretaryTitleRx();

    [GeneratedRegex(@"(\b(former|ex-)\s*((U\.S\.|US|American)\s+)?|(前|前任|卸任)(美国|美國)?)$", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex FormerBeforeTitleRx();

    static string Context(string text, Match m)
    {
        var before = text[Math.Max(0, m.Index - 40)..m.Index]; // the longest title is 31 characters
        var title = OfficeTitleBeforeRx().Match(before);
        return title.Success ? title.Value + m.Value : m.Value;
    }

    [GeneratedRegex(@"((U\.S\.|US|Chinese)\s+)?(President|Secretary of State|Treasury Secretary|National Security Advis[eo]r)\s+$", RegexOptions.ExplicitCapture)]
    private static partial Regex OfficeTitleBeforeRx();
}
