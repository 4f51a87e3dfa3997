using AskShift.Text;
using System.Globalization;
using System.Text.RegularExpressions;

namespace AskShift.Metadata;

/// <summary>A document date with how sure it is and the strings it came from.</summary>
/// <param name="Date">The date; for <see cref="DatePrecision.Month"/> the first of the month, for <see cref="DatePrecision.Year"/> 1 January.</param>
/// <param name="Evidence">The strings in the text the date was read from, strongest first.</param>
/// <param name="Note">How the date was reasoned, when it was not simply read.</param>
public sealed record DateFinding(DateOnly? Date, DatePrecision Precision, IReadOnlyList<string> Evidence, string? Note)
{
    internal static readonly DateFinding None = new(null, DatePrecision.Unknown, [], null);
}

/// <summary>
/// Reads a document's own date from its text and tells it apart from the dates of events the text mentions. Where a
/// date sits says whose it is: a "Published/Posted/Updated" stamp, a dateline ("WASHINGTON, June 3, 2019 -",
/// "(Org, January 17, 2011)"), or a date standing alone on its line near the top (a letter's date line, a byline's
/// date, "7th November 2024 | Org") is the document's; a date inside a sentence is usually an event's, so only its
/// month is trusted. Dates without a year ("Wednesday (Feb. 17)", "6月16日") get their year from the office-holders
/// the text names and the years it mentions.
/// </summary>
internal static partial class DateFinder
{
    const string MonthName = @"(?<mon>" + DateWords.Months + @")\.?";
    const string Ordinal = @"(?:st|nd|rd|th)?";
    // ASCII or full-width digits ("２０１９年３月５日", as Chinese pages set them); \d reads both.
    const string Year = @"(?<year>(?:19|20|１９|２０)\d\d)";

    // The full-date forms, each with named groups year, mon (name or number) and day.
    const string Mdy = MonthName + @"\s+(?<day>\d{1,2})" + Ordinal + @"(?:\s*[-–]\s*\d{1,2})?,?\s+" + Year + @"\b";
    const string Dmy = @"\b(?<day>\d{1,2})" + Ordinal + @"(?:\s+of)?\s+" + MonthName + @",?\s+" + Year + @"\b";
    // "2019-03-25", "2019/3/25", and the timestamp a page's metadata gives ("2019-03-25T10:00:00Z").
    const string Iso = @"\b" + Year + @"[-/.](?<mnum>0?[1-9]|1[0-2])[-/.](?<day>[0-2]?\d|3[01])(?:\b|(?=T\d\d:))";
    // Taiwan's official calendar counts years of the Republic of China (year 1 is 1912: 民國104年 is 2015): written with
    // 民國 before the year, or as a bare three-digit year beside month and day ("104年9月24日"), which no Gregorian year is.
    // A count of years is not one ("建党100年7月1日" is the party's centenary, 2021); 建國100年 is the ROC's own year 100.
    const string RocYear = @"(?:(?:民國|民国)\s*(?<roc>\d{2,3})|(?<!\d)(?<!(?:建[党黨]|成立)\s*)(?<roc>1[0-4]\d))";
    const string Zh = "(?:" + Year + "|" + RocYear + @")\s*年\s*(?<mnum>\d{1,2})\s*月\s*(?<day>\d{1,2})\s*[日号號]";
    const string UsNumeric = @"\b(?<mnum>0?[1-9]|1[0-2])(?<sep>[/-])(?<day>[0-2]?\d|3[01])(?-i:\k<sep>)" + Year + @"\b";
    // "Jun24’25", "Sept 9, '19": a month, a day and a year cut to two digits after an apostrophe.
    const string MdyShort = MonthName + @"\s?(?<day>\d{1,2}),?\s?['’](?<yy>\d\d)\b";
    // "25 Mar '19": the same, day first.
    const string DmyShort = @"\b(?<day>\d{1,2})" + Ordinal + @"\s+" + MonthName + @",?\s?['’](?<yy>\d\d)\b";
    // Day first in digits. A first number above 12 can only be a day ("25/03/2019", "25-03-2019"); a date written with
    // full stops is day first wherever it is used ("25.03.2019", "5.3.2019"), unless its second number cannot be a
    // month ("3.25.2019"); not inside a longer run of numbers and full stops ("1.1.2.2019", a section or version). A
    // slashed date whose numbers could both be months stays month first (UsNumeric).
    const string DmyNumeric = @"\b(?<day>1[3-9]|2\d|3[01])(?<dsep>[/-])(?<mnum>0?[1-9]|1[0-2])(?-i:\k<dsep>)" + Year + @"\b"
        + @"|(?<!\d\.)\b(?<day>0?[1-9]|[12]\d|3[01])\.(?<mnum>0?[1-9]|1[0-2])\." + Year + @"\b(?!\.\d)"
        + @"|(?<!\d\.)\b(?<mnum>0?[1-9]|1[0-2])\.(?<day>1[3-9]|2\d|3[01])\." + Year + @"\b(?!\.\d)";
    // "25-Mar-2019": a day, a month's name and a year joined by hyphens, as tables and forms write them.
    const string DmyHyphen = @"\b(?<day>\d{1,2})-" + MonthName + "-" + Year + @"\b";
    // Month and day in Chinese numerals, the year in Chinese or Arabic digits: "二〇一九年三月二十五日", "2019年三月五日".
    const string ZhNumerals = @"(?:(?<zyear>" + DateWords.ChineseYear + ")|" + Year + @")\s*年\s*(?<zmon>" + DateWords.ChineseMonth + @")\s*月\s*(?<zday>" + DateWords.ChineseDay + @")\s*[日号號]";
    // A Chinese full date in either kind of numeral, for the stamps and datelines that are written in Chinese.
    const string ZhAny = "(?:" + Zh + "|" + ZhNumerals + ")";
    const string FullDate = "(?:" + Mdy + "|" + Dmy + "|" + Iso + "|" + Zh + "|" + UsNumeric + "|" + MdyShort + "|" + DmyNumeric + "|" + DmyHyphen + "|" + ZhNumerals + "|" + DmyShort + ")";

    [GeneratedRegex(FullDate, RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    internal static partial Regex FullDateRx();

    // The same forms in two patterns by how a date opens: with a month's name, or with a digit (or 民國, or a Chinese
    // numeral). One pattern for all made the engine look for a possible start at every month letter, digit and 民 of a
    // line, and try every form there; apart, each searches for its own first characters only (2-3 times faster on date
    // lines).
    [GeneratedRegex("(?:" + Mdy + "|" + MdyShort + ")", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex MonthFirstDateRx();

    [GeneratedRegex("(?:" + Dmy + "|" + Iso + "|" + Zh + "|" + UsNumeric + "|" + DmyNumeric + "|" + DmyHyphen + "|" + ZhNumerals + "|" + DmyShort + ")", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex DigitFirstDateRx();

    /// <summary>
    /// The first full date in <paramref name="s"/>: the same match as <c>FullDateRx().Match(s)</c>. A date opening with
    /// a letter and one opening with a digit never start at the same place, so the earlier of the two patterns' first
    /// matches is the one the single pattern finds (the forms' order only decides between forms at one position).
    /// </summary>
    internal static Match FirstFullDate(string s)
    {
        var byName = MonthFirstDateRx().Match(s);
        var byDigit = DigitFirstDateRx().Match(s);
        return byName.Success && (!byDigit.Success || byName.Index < byDigit.Index) ? byName : byDigit;
    }

    const string StampTime = @"(?:\s+at\s+\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}\b)?)?";

    // "Created on January 10, 2022" stamps a petition (the office "was created on" a day is an event).
    // "Released on June 4, 2005" stamps a release; "He was released on June 4, 2005" (or "arrested ... and released on")
    // tells of a prisoner's: a release stamp is capitalised and not a passive verb.
    // English and Chinese stamps are two patterns: Chinese first characters in one search made the engine give up its
    // vectorised scan for the English words and walk every character of every text (4-5 times slower).
    [GeneratedRegex(@"\b(?:Published|Posted|(?-i:Released)(?<!\b(?:was|were|been|being|be|is|are|get|gets|got)\s+Released)|(?-i:Created)(?<!\b(?:was|were|been|being|be|is|are)\s+Created)|Dated|Issued|Date|For\s+immediate\s+release|Press\s+release)" + StampTime + @"(?:\s+on)?\s*[:：]?\s*(?:\w+day,?\s+)?(?<date>" + FullDate + ")", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    internal static partial Regex StampRx();

    // A word every English stamp holds ("dated" holds "date", "For immediate release" and "Press release" "release"), and
    // the first characters of every Chinese one.
    static readonly System.Buffers.SearchValues<string> StampWords = IgnoreCasePrefilter.Words("publish", "posted", "release", "created", "date", "issued");
    static readonly System.Buffers.SearchValues<char> ZhStampFirst = System.Buffers.SearchValues.Create("发發");

    /// <summary>False only when <see cref="StampRx"/> cannot match <paramref name="text"/>.</summary>
    internal static bool MayHoldStamp(ReadOnlySpan<char> text) => IgnoreCasePrefilter.MayMatch(text, StampWords);

    /// <summary>False only when <see cref="ZhStampRx"/> cannot match <paramref name="text"/>.</summary>
    internal static bool MayHoldChineseStamp(ReadOnlySpan<char> text) => text.ContainsAny(ZhStampFirst);

    [GeneratedRegex(@"(?:发布|發佈|發布|发表|發表)(?:时间|時間|日期|于|於)?\s*[:：;；,，]?\s*(?<date>" + ZhAny + ")", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    internal static partial Regex ZhStampRx();

    /// <summary>
    /// The first stamp (English or Chinese) whose date is a real date, exactly as one pattern with both kinds as
    /// alternatives would find it: the two kinds never start at the same character, and a Chinese stamp can begin
    /// inside an English one (its "Wednesday"-like word is any run of word characters ending in "day", Chinese
    /// included), where the single pattern's scan, having matched the English stamp, never looked. So the matches are
    /// taken in order of position and a Chinese one inside the English match before it is passed over, whether or not
    /// that English stamp's date was real. An English stamp cannot begin inside a Chinese one (which holds no Latin
    /// letter). Each pattern is scanned only as far as needed.
    /// </summary>
    /// <remarks>
    /// Each pattern runs only on text holding one of the words it opens with (most texts have no stamp, and the English
    /// pattern's search for where one could start stopped at every P, R, C, D, I and F).
    /// </remarks>
    internal static (Match Stamp, DateOnly Date)? FirstStamp(string text)
    {
        Match english = MayHoldStamp(text) ? StampRx().Match(text) : Match.Empty,
            chinese = MayHoldChineseStamp(text) ? ZhStampRx().Match(text) : Match.Empty;
        var englishEnd = -1;
        while (english.Success || chinese.Success)
        {
            if (english.Success && (!chinese.Success || english.Index < chinese.Index))
            {
                var m = english;
                english = m.NextMatch();
                englishEnd = m.Index + m.Length;
                if (ParseFull(m.Groups["date"].Value) is { } d) return (m, d);
            }
            else
            {
                var m = chinese;
                chinese = m.NextMatch();
                if (m.Index >= englishEnd && ParseFull(m.Groups["date"].Value) is { } d) return (m, d);
            }
        }
        return null;
    }

    // "Updated: Jul 31, 2023": a later edit, weaker than a dateline or a date line at the top.
    [GeneratedRegex(@"\b(?:Updated|Last\s+updated|Modified)" + StampTime + @"(?:\s+on)?\s*[:：]?\s*(?:\w+day,?\s+)?(?<date>" + FullDate + ")"
        + @"|(?:更新)(?:时间|時間|日期|于|於)?\s*[:：]?\s*(?<date>" + ZhAny + ")", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex UpdatedRx();

    // "(Uyghur Human Rights Project, March 9, 2018)", "(Washington, DC, June 3, 2019)", "(Washington—Sept. 23, 2014)".
    [GeneratedRegex(@"\(\s*[^()]{2,80}?(?:,|\s*[-–—])\s*(?<date>" + FullDate + @")\s*\)", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex ParenDatelineRx();

    // "WASHINGTON, June 3, 2019 -", "NEW YORK (June 3, 2019) -", "London, 7 November 2024:" at the start of a paragraph;
    // "2020-06-22 -- Members ...": plain text writes the dash as two hyphens. A wire service or syndicator may stand
    // before the place: "(Human Rights Watch/IFEX) - New York, October 21, 2010 – ...". Two places may share the
    // dateline: "GENEVA/WASHINGTON, 1 September 2022 —".
    [GeneratedRegex(@"^\s*(?:\([^()\n]{2,40}\)\s*[-–—]\s*)?(?:[A-Z][A-Za-z.'’ /]{1,40}?(?:,\s*[A-Z][A-Za-z.]{1,15})?(?:\s*\[[A-Za-z. ]{2,12}\])?\s*(?:[,(]|\s[-–—])\s*)?(?<date>" + FullDate + @")\s*\)?(?:\s*\([^()\n]{2,40}\))?\s*(?:(?:[-–—]{1,2}|:)\s|[–—](?=\p{Lu})|[-–—:]?$)", RegexOptions.Multiline | RegexOptions.ExplicitCapture)]
    private static partial Regex CityDatelineRx();

    // "【新唐人2012年10月8日讯】", "（中央社2023年6月16日电）": a Chinese news outlet's dateline, the outlet and date in brackets
    // closed by 讯/訊 (report) or 电/電 (dispatch).
    [GeneratedRegex(@"[【\[（(]\s*[^【】\[\]（）()\n]{0,24}?(?<date>" + ZhAny + @")\s*[^【】\[\]（）()\n]{0,12}?(?:讯|訊|电|電)\s*[】\]）)]", RegexOptions.ExplicitCapture)]
    private static partial Regex ZhDatelineRx();

    // Taiwan's Central News Agency (中央社), and the portals that repost its wire, close a report with its date in the
    // Republic of China calendar, year, month and day run together: "…。」1040924" is 2015-09-24.
    // The stamp stands after a sentence's or a quotation's end, not glued to a word ("編號1120515" is a number).
    [GeneratedRegex(@"(?<=[。」』）)！？!?\s])(?<roc>1[0-4]\d)(?<mnum>0[1-9]|1[0-2])(?<day>0[1-9]|[12]\d|3[01])\s*\z", RegexOptions.ExplicitCapture)]
    private static partial Regex RocClosingStampRx();

    // "London | 26 March 2025 | GATPM –", "7 November 2024 | Hong Kong Watch", "By a staff reporter | January 24, 2013":
    // a date as one field of a line split by bars, at its start, or after a place or a byline.
    [GeneratedRegex(@"^[^|\n]{0,40}\|\s*(?<date>" + FullDate + @")[ \t]*(\||\r?$)|^\s*(?<date>" + FullDate + @")\s*\|", RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex BarDatelineRx();

    // What may stand beside a date on its own line: weekday, time, a separator, a label or an author's name.
    [GeneratedRegex(@"\b\d+\s*min(?:ute)?s?\s+read\b|\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Published|Posted|Updated|Last\s+updated|Released|Dated|Issued|Date|on|by|at)\b|\d{1,2}:\d\d\s*(am|pm|a\.m\.|p\.m\.)?|[|•·:,/()\[\]–—-]|星期.|周.", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex DateLineFillerRx();

    // A document that is itself a testimony or a statement for the record: "Testimony by ...", "Written Statement of ...".
    [GeneratedRegex(@"^\s*(Written\s+|Prepared\s+|Oral\s+)?(Testimony|Statement)\s+(of|by|before|for)\b", RegexOptions.ExplicitCapture)]
    private static partial Regex TestimonyOpeningRx();

    [GeneratedRegex(@"\bHearing\b[^\n]{0,200}?(?<date>" + FullDate + @")", RegexOptions.ExplicitCapture)]
    private static partial Regex HearingDateRx();

    [GeneratedRegex(@"\b(?<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s*,?\s*\(?\s*" + MonthName + @"\s+(?<day>\d{1,2})" + Ordinal + @"\b\)?(?!,?\s*(19|20)\d\d)", RegexOptions.ExplicitCapture)]
    private static partial Regex WeekdayRx();

    // A yearless dateline: "WASHINGTON, June 3 -", "Feb 17 (Reuters) -", or a Chinese "6月16日" not preceded by a year.
    [GeneratedRegex(@"^\s*(?:[A-Z][A-Za-z.'’ -]{1,40}?,\s*(?:[A-Z][A-Za-z.]{1,15}\s*)?(?:\[[A-Za-z. ]{2,12}\]\s*)?,?\s*)?" + MonthName + @"\s+(?<day>\d{1,2})" + Ordinal + @"\s*(?:\([^)]{1,30}\)\s*)?[-–—:]", RegexOptions.Multiline | RegexOptions.ExplicitCapture)]
    private static partial Regex YearlessDatelineRx();

    // A weekday in brackets after the day or before it ("5月1日(星期二)", "星期四(10月14日)") pins the year.
    [GeneratedRegex(@"((星期|礼拜|禮拜|周|週)(?<zwd>[一二三四五六日天])\s*[(（]\s*)?(?<![年\d])(?<mnum>\d{1,2})\s*月\s*(?<day>\d{1,2})\s*[日号號](\s*[(（]\s*(星期|礼拜|禮拜|周|週)(?<zwd>[一二三四五六日天])\s*[)）])?", RegexOptions.ExplicitCapture)]
    private static partial Regex ZhMonthDayRx();

    /// <summary>A Chinese weekday's last character (一 ... 六, 日 or 天) as a day of the week.</summary>
    internal static DayOfWeek ZhWeekday(char c) => c is '日' or '天' ? DayOfWeek.Sunday : (DayOfWeek)("一二三四五六".IndexOf(c) + 1);

    [GeneratedRegex(@"\b(?:in\s+|of\s+)?" + MonthName + @",?\s+" + Year + @"\b|" + Year + @"\s*年\s*(?<mnum>\d{1,2})\s*月(?!\s*\d{1,2}\s*[日号號])|(?:(?<zyear>" + DateWords.ChineseYear + ")|" + Year + @")\s*年\s*(?<zmon>" + DateWords.ChineseMonth + @")\s*月(?!\s*(?:" + DateWords.ChineseDay + @")\s*[日号號])|(?<![\d-])" + Year + @"-(?<mnum>0[1-9]|1[0-2])(?![\d-])", RegexOptions.ExplicitCapture)]
    private static partial Regex MonthYearRx();

    [GeneratedRegex(@"(?<![\d.,/-])(?<year>(?:19|20)\d\d)(?![\d/-])\s*年?", RegexOptions.ExplicitCapture)]
    private static partial Regex AnyYearRx();

    // A caption: how it opens ("Photo:", "[3]", "图：") or a credit anywhere in it. Two patterns, not one: with the
    // anchored openings beside the credits the engine tried the openings at every position of every line.
    [GeneratedRegex(@"^\s*((file\s+)?(photo|image|picture)\b|\[\d+\]|(图|圖|照片)[:：])", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex CaptionOpeningRx();

    [GeneratedRegex(@"©|\((Photo|Image|Credit)\b|\b(AFP|Reuters|AP|Getty Images)\s*(/|\)|$)", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex CreditRx();

    static bool IsCaption(string line) => CaptionOpeningRx().IsMatch(line) || CreditRx().IsMatch(line);

    /// <summary>Finds the document's own date in <paramref name="text"/> (the repaired text, chrome excluded).</summary>
    /// <param name="holders">The office-holders <paramref name="text"/> names (<see cref="OfficeHolders.Lazily"/>), when the caller reads them too.</param>
    public static DateFinding Find(string text, MetadataOptions? options = null, Lazy<IReadOnlyList<(OfficeHolder Holder, string Evidence)>>? holders = null)
    {
        options ??= new MetadataOptions();
        // The lines as splitting at '\n' gives them, kept as ranges: copying every line of every text was a tenth of
        // loading's allocation (issue 13). Only the few lines that can hold a date are made strings.
        var lines = new List<Range>();
        foreach (var range in text.AsSpan().Split('\n')) lines.Add(range);
        string Line(int i) => text[lines[i]];

        // 1. A stamp says outright that it is the document's date.
        if (FirstStamp(text) is { } stamp) return new(stamp.Date, DatePrecision.Day, [stamp.Stamp.Value.Trim()], null);

        // Date lines (a date alone on its line) and where the header ends, for steps 2 and 3.
        var dateLines = new List<(int Line, DateOnly Date, string Text)>();
        for (var i = 0; i < lines.Count; i++, Budget.Check())
        {
            if (!MayBeDateLine(text.AsSpan()[lines[i]])) continue;
            var line = Line(i);
            // An edit's date is weighed last; the date it follows on the same line ("September 26, 2012 Updated: October
            // 1, 2015") is the publication's.
            if (DateLine(line, options) is not { } dl) continue;
            if (UpdatedRx().IsMatch(line))
            {
                if (DateLine(UpdatedRx().Replace(line, " "), options) is not { } published) continue;
                dl = published;
            }
            dateLines.Add((i, dl.Date, dl.Text));
        }
        var nonEmptySeen = 0;
        var headerEnd = lines.Count;
        for (var i = 0; i < lines.Count; i++)
            if (!text.AsSpan()[lines[i]].IsWhiteSpace() && ++nonEmptySeen >= options.HeaderLines) { headerEnd = i + 1; break; }
        // Where the line after the header starts (one past the text when the header is all of it).
        var headerOffset = headerEnd < lines.Count ? lines[headerEnd].Start.Value : text.Length + 1;
        // A byline's date ("-By International Campaign for Tibet, 21 November 2025") is its author's; on a page that
        // reposts the text it wins over the page's own date line, as the codebook dates a repost by its author.
        var byline = dateLines.FirstOrDefault(l => l.Line < headerEnd && BylineRx().IsMatch(l.Text));

        // 2. Datelines open a release or a report.
        foreach (Match m in ParenDatelineRx().Matches(text))
            if (ParseFull(m.Groups["date"].Value) is { } d) return new(d, DatePrecision.Day, [m.Value.Trim()], null);
        foreach (Match m in CityDatelineRx().Matches(text))
        {
            // A date with no place before it is a date line: a byline's date in the header beats it.
            if (byline.Text != null && string.IsNullOrWhiteSpace(text[m.Index..m.Groups["date"].Index]))
                return new(byline.Date, DatePrecision.Day, [byline.Text], null);
            if (ParseFull(m.Groups["date"].Value) is { } d) return new(d, DatePrecision.Day, [m.Value.Trim()], null);
        }
        // Chinese outlet datelines and bar-separated header fields count only in the header: further down, a bracket or a
        // table row with a date is more often a quotation or a record of events.
        foreach (Match m in ZhDatelineRx().Matches(text[..Math.Min(text.Length, headerOffset)]))
            if (ParseFull(m.Groups["date"].Value) is { } d) return new(d, DatePrecision.Day, [m.Value.Trim()], null);
        foreach (Match m in BarDatelineRx().Matches(text[..Math.Min(text.Length, headerOffset)]))
            if (ParseFull(m.Groups["date"].Value) is { } d) return new(d, DatePrecision.Day, [m.Value.Trim()], null);

        // A testimony opens with its hearing, and the hearing's date is the testimony's own, even run into one line with
        // the title ("Testimony by ... Hearing on “...” May 6, 2021 Good afternoon, Chairman ...").
        if (TestimonyOpeningRx().IsMatch(text) && HearingDateRx().Match(text[..Math.Min(text.Length, options.TestimonyHeaderChars)]) is { Success: true } hearing &&
            ParseFull(hearing.Groups["date"].Value) is { } heard)
            return new(heard, DatePrecision.Day, [hearing.Value.Trim()], "the date of the hearing a testimony was given at");

        // 3. A date alone on its line: a letter's date line, a byline's date. Near the top first, then anywhere.
        var top = byline.Text != null ? byline : dateLines.FirstOrDefault(l => l.Line < headerEnd);
        if (top.Text != null) return new(top.Date, DatePrecision.Day, [top.Text], null);
        if (RocClosingStamp(text, options) is { } closing) return closing;
        if (dateLines.Count > 0)
            return new(dateLines[0].Date, DatePrecision.Day, [dateLines[0].Text], "a date standing alone on its line below the top of the text");

        foreach (Match m in UpdatedRx().Matches(text))
            if (ParseFull(m.Groups["date"].Value) is { } d) return new(d, DatePrecision.Day, [m.Value.Trim()], "only an 'Updated' stamp dates the text");

        // 4. Dates without a year, pinned to one by office-holders and the years the text mentions.
        var named = (holders ?? OfficeHolders.Lazily(text)).Value;
        var tenure = Tenure(named); // once: the weekday, yearless-date and latest-year steps all weigh it
        foreach (Match w in WeekdayRx().Matches(text))
            if (FromWeekday(w, named, tenure, options) is { } inferred) return inferred;
        var yearless = YearlessDatelineRx().Match(text);
        if (yearless.Success && YearFor(MonthNumber(yearless.Groups["mon"].Value), Digits.Value(yearless.Groups["day"].ValueSpan), text, named, tenure, options) is { } y1)
            return new(y1.Date, DatePrecision.Inferred, [yearless.Value.Trim(), .. y1.Evidence], y1.Note);
        foreach (var line in Enumerable.Range(0, headerEnd).Select(Line))
        {
            var zh = ZhMonthDayRx().Match(line);
            DayOfWeek? zwd = zh.Groups["zwd"].Success ? ZhWeekday(zh.Groups["zwd"].Value[0]) : null;
            if (zh.Success && YearFor(Digits.Value(zh.Groups["mnum"].ValueSpan), Digits.Value(zh.Groups["day"].ValueSpan), text, named, tenure, options, zwd) is { } y2)
                return new(y2.Date, DatePrecision.Inferred, [zh.Value, .. y2.Evidence], y2.Note);
        }

        // A date the text calls today ("was released today, on Jan 15, 2020", "today (March 3, 2021)") is the day it was
        // written, wherever it stands.
        if (MayHoldFullDate(text) && TodayDateRx().Match(text) is { Success: true } today && ParseFull(today.Groups["date"].Value) is { } written && written <= options.Today)
            return new(written, DatePrecision.Day, [today.Value.Trim()], "the date the text calls today");

        // 5. A full date inside a sentence may be an event's: trust the month of the latest one only (texts look back to
        // anniversaries and past detentions far more than they look ahead).
        var body = Enumerable.Range(0, lines.Count).Where(i => MayHoldFullDate(text.AsSpan()[lines[i]])).Select(Line).Where(l => !IsCaption(l))
            .SelectMany(l => FullDateRx().Matches(l).Select(m => (m.Value, Date: ParseFull(m.Value))))
            .Where(x => x.Date is { } bd && bd <= options.Today && bd.Year >= options.EarliestInferredYear).ToList();
        if (body.Count > 0)
        {
            var (value, latest) = body.MaxBy(x => x.Date!.Value);
            return new(new DateOnly(latest!.Value.Year, latest.Value.Month, 1), DatePrecision.Month, [value],
                "full date found in the body; it may be an event's date, so only the month is trusted");
        }
        var my = MonthYearRx().Matches(text).FirstOrDefault(m => !IsCaption(m.Value));
        if (my != null && Enumerable.Range(0, headerEnd).Any(i => text.AsSpan()[lines[i]].Contains(my.Value, StringComparison.Ordinal)))
        {
            var month = my.Groups["mon"].Success ? MonthNumber(my.Groups["mon"].Value)
                : my.Groups["zmon"].Success ? DateWords.ChineseSmallNumber(my.Groups["zmon"].ValueSpan) : Digits.Value(my.Groups["mnum"].ValueSpan);
            var year = my.Groups["zyear"].Success ? DateWords.ChineseYearValue(my.Groups["zyear"].ValueSpan) : Digits.Value(my.Groups["year"].ValueSpan);
            if (month is >= 1 and <= 12) return new(new DateOnly(year, month, 1), DatePrecision.Month, [my.Value.Trim()], "only month and year are stated near the top");
        }
        // 6. Only years: the latest one the text mentions, to the year, as a last resort.
        var latestYear = AnyYearRx().Matches(text).Select(m => Digits.Value(m.Groups["year"].ValueSpan)).Where(y => y <= options.Today.Year && y >= options.EarliestInferredYear).DefaultIfEmpty().Max();
        // ... unless the office-holders it names as sitting were not in office that year ("自從2015年" in a text about
        // President Trump and his new adviser Bolton is an event's year).
        if (latestYear > 0 && tenure is { } spans && !spans.Any(t => t.From.Year <= latestYear && t.To.Year >= latestYear))
            return new(null, DatePrecision.Unknown, [], $"no date stated; the latest year the text mentions, {latestYear.ToString(CultureInfo.InvariantCulture)}, lies outside the tenures of the office-holders it names");
        if (latestYear > 0)
            return new(new DateOnly(latestYear, 1, 1), DatePrecision.Year, [latestYear.ToString(CultureInfo.InvariantCulture)], "no date stated; the latest year the text mentions");
        return DateFinding.None;
    }

    /// <summary>
    /// A wire report's closing date stamp in the Republic of China calendar, read only where the text ends in Chinese, so
    /// a number closing an English text (a phone or case number) is never taken for one.
    /// </summary>
    static DateFinding? RocClosingStamp(string text, MetadataOptions options)
    {
        var m = RocClosingStampRx().Match(text, Math.Max(0, text.Length - 16));
        if (!m.Success) return null;
        var before = text.AsSpan(Math.Max(0, m.Index - 40), Math.Min(m.Index, 40));
        if (before.IndexOfAnyInRange('\u3400', '\u9fff') < 0) return null;
        var year = Digits.Value(m.Groups["roc"].ValueSpan) + RocEpoch;
        int month = Digits.Value(m.Groups["mnum"].ValueSpan), day = Digits.Value(m.Groups["day"].ValueSpan);
        if (day > DateTime.DaysInMonth(year, month) || new DateOnly(year, month, day) > options.Today) return null;
        return new(new DateOnly(year, month, day), DatePrecision.Day, [m.Value.Trim()],
            "a closing date stamp in the Republic of China calendar (year + 1911), as Taiwan's Central News Agency ends its reports");
    }

    /// <summary>
    /// Whether <paramref name="line"/> has a digit (of any script, as <c>\d</c> matches) or the 年, 月 and 日 of a date in
    /// Chinese numerals, without which no full-date form can match: most lines of a text have neither, and the
    /// full-date pattern is slow to search for.
    /// </summary>
    internal static bool MayHoldFullDate(ReadOnlySpan<char> line)
    {
        if (line.IndexOfAnyInRange('0', '9') >= 0) return true;
        var nonAscii = line.IndexOfAnyExceptInRange('\0', '\u007f');
        if (nonAscii < 0) return false;
        for (var i = nonAscii; i < line.Length; i++)
            if (char.IsDigit(line[i])) return true;
        return line.Contains('年') && line.Contains('月') && line.IndexOfAny(ChineseDayMarks) >= 0;
    }

    static readonly System.Buffers.SearchValues<char> ChineseDayMarks = System.Buffers.SearchValues.Create("日号號");

    /// <summary>False for a line <see cref="DateLine"/> rejects before reading it: blank, longer than 120 characters trimmed, or one that cannot hold a full date (<see cref="MayHoldFullDate"/>).</summary>
    internal static bool MayBeDateLine(ReadOnlySpan<char> line)
    {
        var trimmed = line.Trim();
        return trimmed.Length is > 0 and <= 120 && MayHoldFullDate(trimmed);
    }

    /// <summary>The date on a line that holds nothing else of substance (a date line), or null.</summary>
    internal static (DateOnly Date, string Text)? DateLine(string line, MetadataOptions options)
    {
        var trimmed = line.Trim();
        // Most lines have no digit and no Chinese date at all, and need no regular expression.
        if (!MayBeDateLine(trimmed) || IsCaption(trimmed)) return null;
        var m = FirstFullDate(trimmed);
        if (!m.Success || ParseFull(m.Value) is not { } d) return null;
        var rest = DateLineFillerRx().Replace(trimmed.Remove(m.Index, m.Length), " ");
        var words = rest.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        // "September 17, 2018", "7th November 2024 | Hong Kong Watch", "Posted by Jane Doe on March 3, 2015".
        if (words.Length > 6 || EndsWithSentenceEndRx().IsMatch(rest) && words.Length > 2) return null;
        // (An event notice may follow its date with where it is held: "July 13, 2021–2:00 p.m. Virtual, via WebEx".)
        if (words.Any(w => w.Length > 0 && char.IsLower(w[0]) && w is not ("and" or "of" or "the" or "for" or "in" or "on" or "de" or "via"))) return null;
        // Chinese writes a sentence without spaces, so it is one "word": count its characters instead. A line that opens
        // with its date stays a date line ("2021年1月24日,多个华人团体…", a caption); one with the date inside a long
        // sentence does not ("…並由江澤民…於1997年6月30日在香港作見證。" is about an event).
        if (m.Index > 0 && rest.Count(c => c is >= '\u3400' and <= '\u9fff') > options.DateLineMaxChineseChars) return null;
        return (d, trimmed);
    }

    static DateFinding? FromWeekday(Match w, IReadOnlyList<(OfficeHolder Holder, string Evidence)> holders,
        List<(DateOnly From, DateOnly To)>? tenure, MetadataOptions options)
    {
        if (tenure is not { } t) return null;
        var month = MonthNumber(w.Groups["mon"].Value);
        var day = Digits.Value(w.Groups["day"].ValueSpan);
        var weekday = Enum.Parse<DayOfWeek>(w.Groups["wd"].Value);
        var end = t.Max(x => x.To);
        var last = end < options.Today ? end : options.Today;
        var hits = new List<DateOnly>();
        for (var y = t.Min(x => x.From).Year; y <= last.Year; y++)
        {
            if (day > DateTime.DaysInMonth(y, month)) continue;
            var d = new DateOnly(y, month, day);
            if (Within(t, d) && d <= last && d.DayOfWeek == weekday) hits.Add(d);
        }
        if (hits.Count != 1) return null;
        var evidence = new List<string> { w.Value.Trim() };
        evidence.AddRange(holders.Select(h => h.Evidence).Distinct());
        return new(hits[0], DatePrecision.Inferred, evidence,
            $"{w.Groups["wd"].Value} {month}/{day} falls in {hits[0].Year} only, within the tenures of the office-holders named");
    }

    /// <summary>
    /// The spans of time in which every person named was in the office named (heads of state alone if they disagree),
    /// in order. A person who held an office twice counts with both tenures: "特朗普總統" with National Security Adviser
    /// Bolton is Trump's first term, not no term at all.
    /// </summary>
    static List<(DateOnly From, DateOnly To)>? Tenure(IReadOnlyList<(OfficeHolder Holder, string Evidence)> holders)
    {
        if (holders.Count == 0) return null;
        static List<(DateOnly From, DateOnly To)>? Common(IEnumerable<(OfficeHolder Holder, string Evidence)> named)
        {
            List<(DateOnly From, DateOnly To)>? common = null;
            foreach (var person in named.GroupBy(h => (h.Holder.Office, h.Holder.FullName)))
            {
                var spans = person.Select(h => (h.Holder.From, h.Holder.To)).Distinct().OrderBy(x => x.From).ToList();
                common = common == null ? spans : [.. from a in common from b in spans
                    let f = a.From > b.From ? a.From : b.From
                    let t = a.To < b.To ? a.To : b.To
                    where t >= f orderby f select (f, t)];
            }
            return common is { Count: > 0 } ? common : null;
        }
        return Common(holders) ?? Common(holders.Where(h => h.Holder.Office == "US President"));
    }

    static bool Within(List<(DateOnly From, DateOnly To)> spans, DateOnly d) => spans.Any(x => d >= x.From && d <= x.To);

    /// <summary>
    /// The year of a month/day: the latest year the text mentions (from <see cref="MetadataOptions.EarliestInferredYear"/>
    /// on) that lies in the office-holders' common tenure, or with no office-holder the latest year mentioned, not after
    /// today. With a <paramref name="weekday"/> the day must fall on it, and the year after the latest mentioned is tried
    /// before the earlier ones.
    /// </summary>
    static (DateOnly Date, IReadOnlyList<string> Evidence, string Note)? YearFor(int month, int day, string text,
        IReadOnlyList<(OfficeHolder Holder, string Evidence)> holders, List<(DateOnly From, DateOnly To)>? tenure, MetadataOptions options,
        DayOfWeek? weekday = null)
    {
        if (month is < 1 or > 12 || day < 1 || day > 31) return null;
        var years = AnyYearRx().Matches(text).Select(m => Digits.Value(m.Groups["year"].ValueSpan)).Where(y => y >= options.EarliestInferredYear)
            .Distinct().OrderDescending().ToList();
        // A weekday the latest year does not match points to the year after it before any earlier one: a text is written
        // after the latest year it mentions, and "星期六(4月6日)" beside events of 2018 is a Saturday of 2019.
        if (weekday != null && years.Count > 0) years.Insert(1, years[0] + 1);
        foreach (var y in years)
        {
            if (day > DateTime.DaysInMonth(y, month)) continue;
            var d = new DateOnly(y, month, day);
            if (d > options.Today || weekday is { } wd && d.DayOfWeek != wd) continue;
            if (tenure is { } t && !Within(t, d)) continue;
            var evidence = new List<string> { y.ToString(CultureInfo.InvariantCulture) };
            if (tenure != null) evidence.AddRange(holders.Select(h => h.Evidence).Distinct());
            var which = weekday != null && y == years[1] ? $"{y} is the year after the latest the text mentions, the first in which it falls on that weekday"
                : weekday != null ? $"{y} is the latest year the text mentions in which it falls on that weekday"
                : $"{y} is the latest year the text mentions";
            return (d, evidence, "no year beside the day; " + which + (tenure != null ? " within the tenures of the office-holders named" : ""));
        }
        return null;
    }

    /// <summary>Parses one full-date match (any of the forms) to a valid date, or null.</summary>
    internal static DateOnly? ParseFull(string s)
    {
        var m = FirstFullDate(s);
        if (!m.Success) return null;
        var month = m.Groups["mon"].Success ? MonthNumber(m.Groups["mon"].Value)
            : m.Groups["zmon"].Success ? DateWords.ChineseSmallNumber(m.Groups["zmon"].ValueSpan) : Digits.Value(m.Groups["mnum"].ValueSpan);
        var day = m.Groups["zday"].Success ? DateWords.ChineseSmallNumber(m.Groups["zday"].ValueSpan) : Digits.Value(m.Groups["day"].ValueSpan);
        var year = m.Groups["year"].Success ? Digits.Value(m.Groups["year"].ValueSpan)
            : m.Groups["zyear"].Success ? DateWords.ChineseYearValue(m.Groups["zyear"].ValueSpan)
            : m.Groups["roc"].Success ? Digits.Value(m.Groups["roc"].ValueSpan) + RocEpoch
            : Century(Digits.Value(m.Groups["yy"].ValueSpan));
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return new DateOnly(year, month, day);
    }

    /// <summary>Added to a year of the Republic of China calendar gives the Gregorian year (民國1年 is 1912).</summary>
    const int RocEpoch = 1911;

    /// <summary>
    /// The full year of a two-digit one ("’25"), by POSIX <c>strptime</c>'s <c>%y</c> rule (69-99 are 1969-1999, 00-68 are
    /// 2000-2068): a fixed pivot, so a date reads the same whatever the clock says.
    /// </summary>
    static int Century(int yy) => yy >= 69 ? 1900 + yy : 2000 + yy;


    internal static int MonthNumber(string s) =>
        Array.FindIndex(MonthAbbreviations, a => a.Length > 0 && s.StartsWith(a, StringComparison.OrdinalIgnoreCase)) + 1;

    // The property hands out a fresh copy on every read, and dates are looked up per sentence.
    private static readonly string[] MonthAbbreviations = CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames;

    [GeneratedRegex(@"^\W*by\s+\p{Lu}", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex BylineRx();

    [GeneratedRegex(@"[.!?。]\s*$", RegexOptions.ExplicitCapture)]
    private static partial Regex EndsWithSentenceEndRx();

    [GeneratedRegex(@"\b[Tt]oday\s*[,(]?\s*(on\s+)?((Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?(?<date>" + FullDate + @")\)?|(?<date>" + FullDate + @")\s*\(today\)", RegexOptions.ExplicitCapture)]
    private static partial Regex TodayDateRx();
}
