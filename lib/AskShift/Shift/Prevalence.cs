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

    /// <summary><see cref="ThemeChange"/>s as a DataFrame, administrations by name as the charts show them.</summary>
    public static DataFrame ToFrame(IReadOnlyList<ThemeChange> rows) => new(
        new StringDataFrameColumn("from", rows.Select(r => Administrations.Name(r.From))),
        new StringDataFrameColumn("to", rows.Select(r => Administrations.Name(r.To))),
        new StringDataFrameColumn("theme", rows.Select(r => r.Theme)),
        new Int32DataFrameColumn("count_from", rows.Select(r => r.CountFrom)),
        new Int32DataFrameColumn("count_to", rows.Select(r => r.CountTo)),
        new StringDataFrameColumn("status", rows.Select(r => r.Status.ToString().ToLowerInvariant())));
}

/// <summary>
/// A theme's share of one administration's asks with what it can be trusted to: a Wilson interval (asks as independent
/// draws), a bootstrap interval over documents (asks in one document rise and fall together), and the document-weighted
/// share (each document counts once, however many asks it makes), so one long release cannot carry a finding alone.
/// </summary>
/// <param name="Group">Administration code (or year).</param>
/// <param name="Theme">Theme label.</param>
/// <param name="Count">Asks of the theme in the group.</param>
/// <param name="GroupTotal">Asks in the group.</param>
/// <param name="Share">Count / GroupTotal.</param>
/// <param name="WilsonLow">Lower end of the 95% Wilson interval of Share.</param>
/// <param name="WilsonHigh">Upper end of the Wilson interval.</param>
/// <param name="BootstrapLow">Lower end of the 95% document-bootstrap interval of Share.</param>
/// <param name="BootstrapHigh">Upper end of the document-bootstrap interval.</param>
/// <param name="Documents">Documents in the group.</param>
/// <param name="DocumentsWithTheme">Documents in the group with at least one ask of the theme.</param>
/// <param name="DocumentWeightedShare">Mean over the group's documents of each document's share of asks in the theme.</param>
public sealed record PrevalenceEstimate(string Group, string Theme, int Count, int GroupTotal, double Share, double WilsonLow, double WilsonHigh,
    double BootstrapLow, double BootstrapHigh, int Documents, int DocumentsWithTheme, double DocumentWeightedShare);

/// <summary>Theme shares with intervals and document weighting (see <see cref="PrevalenceEstimate"/>).</summary>
public static class PrevalenceWithUncertainty
{
    /// <summary>
    /// One estimate per (group, theme), zeros included, groups chronological and themes by overall frequency as in
    /// <see cref="Prevalence.ByGroup"/>. <paramref name="documents"/> names each ask's document.
    /// </summary>
    public static IReadOnlyList<PrevalenceEstimate> ByGroup(IReadOnlyList<string> themes, IReadOnlyList<string> groups, IReadOnlyList<string> documents,
        int resamples = 2000, int seed = 1)
    {
        if (documents.Count != themes.Count) throw new ArgumentException($"{themes.Count} themes but {documents.Count} document names");
        var result = new List<PrevalenceEstimate>();
        foreach (var r in Prevalence.ByGroup(themes, groups))
        {
            var idx = Enumerable.Range(0, themes.Count).Where(i => groups[i] == r.Group).ToList();
            var asks = idx.Select(i => (Document: documents[i], Hit: themes[i] == r.Theme)).ToList();
            var (wl, wh) = Uncertainty.Wilson(r.Count, r.GroupTotal);
            var (bl, bh) = Uncertainty.DocumentBootstrap(asks, resamples, seed);
            var perDoc = asks.GroupBy(a => a.Document, StringComparer.Ordinal).Select(g => (double)g.Count(a => a.Hit) / g.Count()).ToList();
            result.Add(new PrevalenceEstimate(r.Group, r.Theme, r.Count, r.GroupTotal, r.Share, wl, wh, bl, bh,
                perDoc.Count, asks.Where(a => a.Hit).Select(a => a.Document).Distinct().Count(), perDoc.Average()));
        }
        return result;
    }

    /// <summary>
    /// The estimates as a table to read: administration names, "n of N", percentages rounded to whole numbers, intervals as
    /// "5–70%". Rows whose theme no ask of the group has are left out unless <paramref name="includeZeros"/>.
    /// </summary>
    public static DataFrame ToTable(IReadOnlyList<PrevalenceEstimate> rows, bool includeZeros = false)
    {
        var shown = rows.Where(r => includeZeros || r.Count > 0).ToList();
        static string P(double x) => Math.Round(100 * x).ToString("0", System.Globalization.CultureInfo.InvariantCulture);
        return new DataFrame(
            new StringDataFrameColumn("administration", shown.Select(r => Administrations.Name(r.Group))),
            new StringDataFrameColumn("theme", shown.Select(r => r.Theme)),
            new StringDataFrameColumn("asks", shown.Select(r => $"{r.Count} of {r.GroupTotal}")),
            new StringDataFrameColumn("share", shown.Select(r => P(r.Share) + "%")),
            new StringDataFrameColumn("wilson_95", shown.Select(r => $"{P(r.WilsonLow)}–{P(r.WilsonHigh)}%")),
            new StringDataFrameColumn("document_bootstrap_95", shown.Select(r => $"{P(r.BootstrapLow)}–{P(r.BootstrapHigh)}%")),
            new StringDataFrameColumn("documents", shown.Select(r => $"{r.DocumentsWithTheme} of {r.Documents}")),
            new StringDataFrameColumn("document_weighted_share", shown.Select(r => P(r.DocumentWeightedShare) + "%")));
    }
}
