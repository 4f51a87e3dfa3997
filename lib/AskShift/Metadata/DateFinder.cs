using System.Globalization;
using System.Text.RegularExpressions;

namespace AskShift.Metadata;

/// <summary>A document date with how sure it is and the strings it came from.</summary>
public sealed record DateFinding(DateOnly? Date, DatePrecision Precision, IReadOnlyList<string> Evidence, string? Administration, string? Note);

/// <summary>
/// Reads a document's date from its own text, strongest clue first: a dateline "(Org, January 17, 2011)", a
/// "Published on ..." stamp, a weekday with month/day pinned to a year by the office-holders the text names,
/// another full date (month precision only, since it may be an event's date), and finally the
/// "written before the election for the next administration" rule.
/// </summary>
public static partial class DateFinder
{
    const string Month = @"(?<mon>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?";

    [GeneratedRegex(@"\(\s*(?<org>[^()]{2,80}?),\s*" + Month + @"\s+(?<day>\d{1,2}),\s*(?<year>(19|20)\d\d)\s*\)")]
    private static partial Regex DatelineRx();

    [GeneratedRegex(@"\b(Published|Posted|Updated|Released|Dated|Issued)(\s+on)?:?\s+(\w+day,?\s+)?" + Month + @"\s+(?<day>\d{1,2}),?\s*(?<year>(19|20)\d\d)", RegexOptions.IgnoreCase)]
    private static partial Regex PublishedRx();

    [GeneratedRegex(@"\b(?<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s*,?\s*\(?\s*" + Month + @"\s+(?<day>\d{1,2})\b\)?(?!,?\s*(19|20)\d\d)")]
    private static partial Regex WeekdayRx();

    [GeneratedRegex(Month + @"\s+(?<day>\d{1,2})(\s*[-–]\s*\d{1,2})?,\s*(?<year>(19|20)\d\d)")]
    private static partial Regex FullDateRx();

    [GeneratedRegex(@"\b(next|new|incoming)\s+(US\s+|U\.S\.\s+)?administration\b", RegexOptions.IgnoreCase)]
    private static partial Regex NextAdministrationRx();

    [GeneratedRegex(@"\b(before|ahead of)\s+the\s+(US\s+|U\.S\.\s+|presidential\s+)?election\b", RegexOptions.IgnoreCase)]
    private static partial Regex BeforeElectionRx();

    [GeneratedRegex(@"^\s*(file\s+)?(photo|image|picture)\b|^\s*\[\d+\]", RegexOptions.IgnoreCase)]
    private static partial Regex CaptionRx();

    /// <summary>Finds the date in <paramref name="text"/> (the repaired text, chrome excluded).</summary>
    public static DateFinding Find(string text)
    {
        var m = DatelineRx().Match(text);
        if (m.Success && Parse(m) is { } d1) return new(d1, DatePrecision.Day, [m.Value], null, null);
        m = PublishedRx().Match(text);
        if (m.Success && Parse(m) is { } d2) return new(d2, DatePrecision.Day, [m.Value.Trim()], null, null);

        var holders = OfficeHolders.Mentioned(text);
        foreach (Match w in WeekdayRx().Matches(text))
        {
            var inferred = FromWeekday(w, holders);
            if (inferred != null) return inferred;
        }

        foreach (var line in text.Split('\n'))
        {
            if (CaptionRx().IsMatch(line)) continue;
            var f = FullDateRx().Match(line);
            if (f.Success && Parse(f) is { } d3)
                return new(new DateOnly(d3.Year, d3.Month, 1), DatePrecision.Month, [f.Value], null,
                    "full date found in the body; it may be an event's date, so only the month is trusted");
        }

        var next = NextAdministrationRx().Match(text);
        var before = BeforeElectionRx().Match(text);
        if (next.Success || before.Success)
        {
            // Without a year in the text the latest election is the only reading that needs no outside knowledge.
            var (election, admin) = Administrations.Elections[^1];
            var evidence = new[] { before.Success ? before.Value : null, next.Success ? next.Value : null }.OfType<string>().ToList();
            return new(null, DatePrecision.Inferred, evidence, admin, $"written for the administration after the {election:yyyy-MM-dd} election; no calendar date in the text");
        }
        return new(null, DatePrecision.Unknown, [], null, null);
    }

    static DateFinding? FromWeekday(Match w, IReadOnlyList<(OfficeHolder Holder, string Evidence)> holders)
    {
        if (holders.Count == 0) return null;
        var from = holders.Max(h => h.Holder.From);
        var to = holders.Min(h => h.Holder.To);
        if (to < from)
        {
            // Holders from different eras: trust the heads of state alone.
            var heads = holders.Where(h => h.Holder.Office == "US President").ToList();
            if (heads.Count == 0) return null;
            from = heads.Max(h => h.Holder.From);
            to = heads.Min(h => h.Holder.To);
            if (to < from) return null;
        }
        var month = MonthNumber(w.Groups["mon"].Value);
        var day = int.Parse(w.Groups["day"].Value);
        var weekday = Enum.Parse<DayOfWeek>(w.Groups["wd"].Value);
        var lastYear = Math.Min(to.Year, DateTime.UtcNow.Year + 1);
        var hits = new List<DateOnly>();
        for (var y = from.Year; y <= lastYear; y++)
        {
            if (day > DateTime.DaysInMonth(y, month)) continue;
            var d = new DateOnly(y, month, day);
            if (d >= from && d <= to && d.DayOfWeek == weekday) hits.Add(d);
        }
        if (hits.Count != 1) return null;
        var evidence = new List<string> { w.Value.Trim() };
        evidence.AddRange(holders.Select(h => h.Evidence).Distinct());
        return new(hits[0], DatePrecision.Inferred, evidence, null,
            $"{w.Groups["wd"].Value} {month}/{day} falls in {hits[0].Year} only, within the tenures of the office-holders named");
    }

    static DateOnly? Parse(Match m)
    {
        var month = MonthNumber(m.Groups["mon"].Value);
        var day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        return day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    static int MonthNumber(string s) =>
        Array.FindIndex(CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames, a => a.Length > 0 && s.StartsWith(a, StringComparison.OrdinalIgnoreCase)) + 1;
}
