using Microsoft.Data.Analysis;

namespace AskShift.Shift;

/// <summary>How many asks of a theme a group (administration, year) has, and what share of the group's asks that is.</summary>
public sealed record PrevalenceRow(string Group, string Theme, int Count, int GroupTotal, double Share);

/// <summary>What happened to a theme between two consecutive groups.</summary>
public enum ThemeStatus { Persisted, Appeared, Faded }

/// <summary>A theme's fate from one administration to the next.</summary>
public sealed record ThemeChange(string From, string To, string Theme, int CountFrom, int CountTo, double ShareFrom, double ShareTo, ThemeStatus Status);

/// <summary>
/// Theme prevalence by group and over time, and which themes persist, appear or fade between consecutive
/// administrations: the STM-style "how does prevalence vary with a covariate" view, at the level of asks.
/// </summary>
public static class Prevalence
{
    /// <summary>Counts and shares of each theme within each group; groups chronological, themes by overall frequency.
    /// Every (group, theme) pair is listed, zeros included, so charts and comparisons see absences.</summary>
    public static IReadOnlyList<PrevalenceRow> ByGroup(IReadOnlyList<string> themes, IReadOnlyList<string> groups)
    {
        if (themes.Count != groups.Count) throw new ArgumentException($"{themes.Count} themes but {groups.Count} group labels");
        var groupOrder = Administrations.Sort(groups);
        var themeOrder = themes.GroupBy(t => t).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
        var counts = new Dictionary<(string, string), int>();
        for (int i = 0; i < themes.Count; i++) counts[(groups[i], themes[i])] = counts.GetValueOrDefault((groups[i], themes[i])) + 1;
        var rows = new List<PrevalenceRow>();
        foreach (var g in groupOrder)
        {
            int total = groups.Count(x => x == g);
            foreach (var t in themeOrder)
            {
                int c = counts.GetValueOrDefault((g, t));
                rows.Add(new PrevalenceRow(g, t, c, total, total == 0 ? 0 : (double)c / total));
            }
        }
        return rows;
    }

    /// <summary>Prevalence by calendar year of each ask's document date; undated asks are left out (their count is in the "undated" group).</summary>
    public static IReadOnlyList<PrevalenceRow> ByYear(IReadOnlyList<string> themes, IReadOnlyList<DateOnly?> dates) =>
        ByGroup(themes, dates.Select(d => d is DateOnly x ? x.Year.ToString("D4") : "undated").ToList());

    /// <summary>Persisted / appeared / faded themes between each pair of consecutive groups (chronological).</summary>
    public static IReadOnlyList<ThemeChange> Changes(IReadOnlyList<string> themes, IReadOnlyList<string> groups)
    {
        var rows = ByGroup(themes, groups);
        var order = rows.Select(r => r.Group).Distinct().Where(g => g != "unknown" && g != "undated").ToList();
        var result = new List<ThemeChange>();
        for (int i = 0; i + 1 < order.Count; i++)
        {
            var from = rows.Where(r => r.Group == order[i]).ToDictionary(r => r.Theme);
            var to = rows.Where(r => r.Group == order[i + 1]).ToDictionary(r => r.Theme);
            foreach (var theme in from.Keys)
            {
                var (a, b) = (from[theme], to[theme]);
                if (a.Count == 0 && b.Count == 0) continue;
                var status = a.Count > 0 && b.Count > 0 ? ThemeStatus.Persisted : a.Count > 0 ? ThemeStatus.Faded : ThemeStatus.Appeared;
                result.Add(new ThemeChange(order[i], order[i + 1], theme, a.Count, b.Count, a.Share, b.Share, status));
            }
        }
        return result;
    }

    /// <summary><see cref="PrevalenceRow"/>s as a DataFrame (group, theme, count, group_total, share).</summary>
    public static DataFrame ToFrame(IReadOnlyList<PrevalenceRow> rows) => new(
        new StringDataFrameColumn("group", rows.Select(r => r.Group)),
        new StringDataFrameColumn("theme", rows.Select(r => r.Theme)),
        new Int32DataFrameColumn("count", rows.Select(r => r.Count)),
        new Int32DataFrameColumn("group_total", rows.Select(r => r.GroupTotal)),
        new DoubleDataFrameColumn("share", rows.Select(r => r.Share)));

    /// <summary><see cref="ThemeChange"/>s as a DataFrame.</summary>
    public static DataFrame ToFrame(IReadOnlyList<ThemeChange> rows) => new(
        new StringDataFrameColumn("from", rows.Select(r => r.From)),
        new StringDataFrameColumn("to", rows.Select(r => r.To)),
        new StringDataFrameColumn("theme", rows.Select(r => r.Theme)),
        new Int32DataFrameColumn("count_from", rows.Select(r => r.CountFrom)),
        new Int32DataFrameColumn("count_to", rows.Select(r => r.CountTo)),
        new StringDataFrameColumn("status", rows.Select(r => r.Status.ToString().ToLowerInvariant())));
}
