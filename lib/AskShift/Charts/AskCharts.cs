using System.Globalization;
using AskShift.Shift;
using Plotly.NET;
using static AskShift.Charts.PlotlyFigure;

namespace AskShift.Charts;

/// <summary>One document on the timeline.</summary>
/// <param name="Date">Publication date (x axis).</param>
/// <param name="Administration">Administration code; picks the colour.</param>
/// <param name="Title">Document title shown in the hover box.</param>
/// <param name="Row">The y-axis category: an organisation or a document name.</param>
/// <param name="Asks">Ask texts shown in the hover box.</param>
public sealed record TimelineItem(DateOnly Date, string Row, string Administration, string Title, IReadOnlyList<string> Asks)
{
    /// <summary>The document has no date: it is placed in its administration's band (Date is only a position) and drawn hollow.</summary>
    public bool Undated { get; init; }
}

/// <summary>What the timeline's rows are.</summary>
public enum TimelineRows { Organisation, Document }

/// <summary>How theme prevalence is drawn.</summary>
public enum PrevalenceStyle { StackedColumns, Heatmap }

/// <summary>
/// The charts of the study as Plotly.NET <see cref="GenericChart"/>s (the notebook engine renders them; <see cref="ToJson"/>
/// gives the figure JSON). Administrations always use <see cref="AdministrationPalette"/> colours.
/// </summary>
public static class AskCharts
{
    /// <summary>Figure JSON (data + layout) of a chart, for saving or testing.</summary>
    public static string ToJson(GenericChart chart) => GenericChart.toJson(chart);

    /// <summary>
    /// Timeline of documents from loaded documents. An undated document whose administration is known is drawn hollow
    /// in the middle of that administration's band (so an administration with only undated documents still shows);
    /// one with neither date nor administration is left out and counted in the title. A document with several
    /// organisations appears once per organisation when rows are organisations.
    /// </summary>
    public static GenericChart Timeline(IReadOnlyList<Document> documents, TimelineRows rows = TimelineRows.Organisation)
    {
        var items = new List<TimelineItem>();
        var latest = documents.Where(d => d.Date is not null).Select(d => d.Date!.Value).DefaultIfEmpty(new DateOnly(2025, 1, 20)).Max();
        foreach (var d in documents)
        {
            DateOnly at;
            if (d.Date is DateOnly date) at = date;
            else if (BandMiddle(d.Administration, latest) is DateOnly middle) at = middle;
            else continue;
            var title = d.Title ?? d.File;
            var asks = d.Asks.Select(a => string.IsNullOrWhiteSpace(a.AnalysisText) ? a.Text : a.AnalysisText).ToList();
            var rowNames = rows == TimelineRows.Document ? [title] : d.Organisations.Count > 0 ? d.Organisations : ["(organisation unknown)"];
            foreach (var r in rowNames) items.Add(new TimelineItem(at, r, d.Administration, title, asks) { Undated = d.Date is null });
        }
        return Timeline(items, documents.Count(d => d.Date is null && BandMiddle(d.Administration, latest) is null));
    }

    /// <summary>The middle of an administration's term, its open end taken at the latest dated document (deterministic, unlike today).</summary>
    static DateOnly? BandMiddle(string admin, DateOnly latest)
    {
        var term = Terms.FirstOrDefault(t => t.Admin == admin);
        if (term.Admin is null) return null;
        var end = term.To > latest && latest > term.From ? latest : term.To;
        return term.From.AddDays((end.DayNumber - term.From.DayNumber) / 2);
    }

    static readonly (string Admin, DateOnly From, DateOnly To)[] Terms =
    [
        ("obama", new(2009, 1, 20), new(2017, 1, 20)), ("trump1", new(2017, 1, 20), new(2021, 1, 20)),
        ("biden", new(2021, 1, 20), new(2025, 1, 20)), ("trump2", new(2025, 1, 20), new(2029, 1, 20)),
    ];

    /// <summary>Timeline from plain items: date on x, row on y, one trace (legend entry, colour) per administration.</summary>
    public static GenericChart Timeline(IReadOnlyList<TimelineItem> items, int undated = 0)
    {
        var traces = new List<Trace>();
        foreach (var (admin, undatedTrace) in Administrations.Sort(items.Select(i => i.Administration)).SelectMany(a => new[] { (a, false), (a, true) }))
        {
            var its = items.Where(i => i.Administration == admin && i.Undated == undatedTrace).OrderBy(i => i.Date).ToList();
            if (its.Count == 0) continue;
            traces.Add(Trace("scatter", new Dictionary<string, object?>
            {
                ["name"] = undatedTrace ? Short(admin) + ", undated" : Administrations.Display(admin),
                ["legendgroup"] = admin,
                ["mode"] = "markers",
                ["x"] = its.Select(i => i.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray(),
                ["y"] = its.Select(i => i.Row).ToArray(),
                ["text"] = its.Select(HoverFor).ToArray(),
                ["hovertemplate"] = "%{text}<extra>" + Html(Administrations.Display(admin)) + "</extra>",
                ["marker"] = undatedTrace
                    ? new Dictionary<string, object?> { ["color"] = AdministrationPalette.Color(admin), ["size"] = 12, ["symbol"] = "circle-open", ["line"] = new Dictionary<string, object?> { ["width"] = 2 } }
                    : new Dictionary<string, object?> { ["color"] = AdministrationPalette.Color(admin), ["size"] = 12, ["line"] = new Dictionary<string, object?> { ["width"] = 1, ["color"] = "#333" } },
            }));
        }
        var placed = items.Where(i => i.Undated).Select(i => i.Title).Distinct().Count();
        var notes = new List<string>();
        if (placed > 0) notes.Add($"{placed} undated drawn hollow mid-term");
        if (undated > 0) notes.Add($"{undated} undated not shown");
        var title = "Documents over time by administration" + (notes.Count > 0 ? $" ({string.Join(", ", notes)})" : "");
        return Chart(traces, new Dictionary<string, object?>
        {
            ["title"] = Title(title),
            ["xaxis"] = new Dictionary<string, object?> { ["title"] = Title("Publication date"), ["type"] = "date" },
            ["yaxis"] = new Dictionary<string, object?> { ["title"] = Title("Organisation / document"), ["automargin"] = true },
            ["hoverlabel"] = new Dictionary<string, object?> { ["align"] = "left" },
            // Below the plot, so the dates keep the width; hollow markers are undated documents placed mid-term.
            ["legend"] = new Dictionary<string, object?> { ["title"] = Title("Administration (hollow: undated, placed mid-term)"), ["orientation"] = "h", ["y"] = -0.12, ["yanchor"] = "top" },
            ["shapes"] = AdministrationBands(items.Select(i => i.Date)),
            ["annotations"] = BandLabels(items.Select(i => i.Date)),
            ["height"] = Math.Clamp(180 + 26 * items.Select(i => i.Row).Distinct().Count(), 420, 1600),
        });
    }

    private static string HoverFor(TimelineItem i)
    {
        var asks = i.Asks.Take(8).Select((a, n) => $"{n + 1}. " + Wrap(a.Length > 160 ? a[..157] + "..." : a));
        var more = i.Asks.Count > 8 ? $"<br>... and {i.Asks.Count - 8} more" : "";
        return Inv($"<b>{Wrap(i.Title)}</b><br>{(i.Undated ? "undated (placed mid-term)" : i.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))} · {Html(i.Row)}<br>{i.Asks.Count} asks:<br>{string.Join("<br>", asks)}{more}");
    }

    /// <summary>Each band's administration named at its top, so the eras read without the legend.</summary>
    private static object[] BandLabels(IEnumerable<DateOnly> dates)
    {
        var ds = dates.ToList();
        if (ds.Count == 0) return [];
        var (min, max) = (ds.Min().AddMonths(-3), ds.Max().AddMonths(3));
        return Terms.Where(t => t.To > min && t.From <= max).Select(t =>
        {
            var (a, b) = (t.From < min ? min : t.From, t.To > max ? max : t.To);
            return (object)new Dictionary<string, object?>
            {
                ["text"] = Html(Short(t.Admin)), ["xref"] = "x", ["yref"] = "paper", ["y"] = 1.0, ["yanchor"] = "bottom",
                ["x"] = a.AddDays((b.DayNumber - a.DayNumber) / 2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["showarrow"] = false, ["font"] = new Dictionary<string, object?> { ["size"] = 11, ["color"] = AdministrationPalette.Color(t.Admin) },
            };
        }).ToArray();
    }

    /// <summary>Light background bands for each administration's term, clipped to the dates shown.</summary>
    private static object[] AdministrationBands(IEnumerable<DateOnly> dates)
    {
        var ds = dates.ToList();
        if (ds.Count == 0) return [];
        var (min, max) = (ds.Min(), ds.Max());
        var terms = Terms;
        return terms.Where(t => t.To > min && t.From <= max).Select(t => (object)new Dictionary<string, object?>
        {
            ["type"] = "rect", ["xref"] = "x", ["yref"] = "paper", ["y0"] = 0, ["y1"] = 1, ["layer"] = "below", ["line"] = new Dictionary<string, object?> { ["width"] = 0 },
            ["x0"] = (t.From < min.AddMonths(-3) ? min.AddMonths(-3) : t.From).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["x1"] = (t.To > max.AddMonths(3) ? max.AddMonths(3) : t.To).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["fillcolor"] = AdministrationPalette.Rgba(t.Admin, 0.08),
        }).ToArray();
    }

    /// <summary>Themes shown in their own colour in stacked columns; the rest are grouped (ten colours are as many as a reader tells apart).</summary>
    public const int MaxStackedThemes = 10;

    /// <summary>The label of the grouped tail in stacked columns.</summary>
    public const string OtherThemes = "other themes";

    static readonly string[] Dashes = ["solid", "dash", "dot", "dashdot", "longdash", "longdashdot"];
    static readonly string[] Symbols = ["circle", "square", "diamond", "triangle-up", "x", "cross", "star", "triangle-down", "pentagon"];

    // Tableau 10 without its grey (kept for "other themes"): distinguishable, also in print.
    static readonly string[] ThemeColors = ["#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#EDC948", "#B07AA1", "#FF9DA7", "#9C755F"];

    /// <summary>Share of asks per theme in each administration (or year), as stacked columns or a heatmap.</summary>
    public static GenericChart ThemePrevalence(IReadOnlyList<PrevalenceRow> rows, PrevalenceStyle style = PrevalenceStyle.StackedColumns, string groupTitle = "Administration")
    {
        // Asks of no known administration are no era: one such ask would be a 100% column that sets the colour scale.
        var unassigned = rows.Where(r => r.Group == "unknown").Select(r => r.GroupTotal).FirstOrDefault();
        rows = rows.Where(r => r.Group != "unknown").ToList();
        var groups = rows.Select(r => r.Group).Distinct().ToList();
        var themes = rows.Select(r => r.Theme).Distinct().ToList();
        // n under every column: a share of 4 asks and a share of 90 are not the same finding.
        var labels = groups.Select(g => Administrations.Name(g) +
            Inv($"<br>n = {rows.First(r => r.Group == g).GroupTotal}")).ToArray();
        var lookup = rows.ToDictionary(r => (r.Group, r.Theme));
        var layout = new Dictionary<string, object?>
        {
            ["title"] = Title("Theme prevalence: share of asks per " + groupTitle.ToLowerInvariant() + (unassigned > 0 ? Inv($" ({unassigned} asks of no known administration not shown)") : "")),
            ["xaxis"] = new Dictionary<string, object?> { ["title"] = Title(groupTitle), ["type"] = "category" },
        };
        if (style == PrevalenceStyle.Heatmap)
        {
            var z = themes.Select(t => groups.Select(g => lookup[(g, t)].Share).ToArray()).ToArray();
            var text = themes.Select(t => groups.Select(g => { var r = lookup[(g, t)]; return Inv($"{Html(t)}<br>{Html(g)}: {r.Count} of {r.GroupTotal} asks ({r.Share:P0})"); }).ToArray()).ToArray();
            layout["yaxis"] = new Dictionary<string, object?> { ["title"] = Title("Theme"), ["automargin"] = true, ["autorange"] = "reversed" };
            // Each cell shows its share and its n, so the picture on GitHub can be read without hovering; more is darker.
            var cells = themes.Select(t => groups.Select(g => { var r = lookup[(g, t)]; return Inv($"{r.Share:P0}<br>{r.Count}/{r.GroupTotal}"); }).ToArray()).ToArray();
            layout["height"] = Math.Max(420, 120 + 34 * themes.Count);
            return Chart([Trace("heatmap", new Dictionary<string, object?>
            {
                ["x"] = labels, ["y"] = themes.ToArray(), ["z"] = z, ["text"] = cells, ["customdata"] = text,
                ["texttemplate"] = "%{text}", ["textfont"] = new Dictionary<string, object?> { ["size"] = 10 },
                ["hovertemplate"] = "%{customdata}<extra></extra>",
                ["colorscale"] = "Blues", ["reversescale"] = true, ["zmin"] = 0,
                ["colorbar"] = new Dictionary<string, object?> { ["title"] = Title("Share"), ["tickformat"] = ".0%" },
            })], layout);
        }
        // At most ten colours tell apart: the nine most frequent themes, the rest as "other themes".
        if (themes.Count > MaxStackedThemes)
        {
            var keep = rows.GroupBy(r => r.Theme).OrderByDescending(g => g.Sum(r => r.Count)).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Take(MaxStackedThemes - 1).Select(g => g.Key).ToHashSet();
            var tail = rows.Where(r => !keep.Contains(r.Theme)).GroupBy(r => r.Group)
                .Select(g => new PrevalenceRow(g.Key, OtherThemes, g.Sum(r => r.Count), g.First().GroupTotal, g.Sum(r => r.Share)));
            rows = rows.Where(r => keep.Contains(r.Theme)).Concat(tail).ToList();
            themes = themes.Where(keep.Contains).Append(OtherThemes).ToList();
            lookup = rows.ToDictionary(r => (r.Group, r.Theme));
        }
        var traces = themes.Select((t, i) => Trace("bar", new Dictionary<string, object?>
        {
            ["name"] = t,
            ["x"] = labels,
            ["y"] = groups.Select(g => lookup[(g, t)].Share).ToArray(),
            ["text"] = groups.Select(g => { var r = lookup[(g, t)]; return Inv($"{Html(t)}<br>{r.Count} of {r.GroupTotal} asks ({r.Share:P0})"); }).ToArray(),
            ["hovertemplate"] = "%{text}<extra></extra>",
            ["textposition"] = "none",
            ["marker"] = new Dictionary<string, object?> { ["color"] = t == OtherThemes ? "#BBBBBB" : ThemeColors[i % ThemeColors.Length] },
        })).ToList();
        layout["barmode"] = "stack";
        layout["yaxis"] = new Dictionary<string, object?> { ["title"] = Title("Share of asks"), ["tickformat"] = ".0%" };
        layout["legend"] = new Dictionary<string, object?> { ["title"] = Title("Theme") };
        return Chart(traces, layout);
    }

    /// <summary>
    /// Each theme's share of each administration's asks as a dot with its 95% document-bootstrap interval, one panel per
    /// administration on a shared theme axis, n beside every dot: what changes between administrations and what the
    /// data cannot tell apart, in one picture (asks do not flow between themes, so no flow diagram).
    /// </summary>
    public static GenericChart ThemeShares(IReadOnlyList<PrevalenceEstimate> rows, int maxThemes = 12)
    {
        var groups = rows.Select(r => r.Group).Distinct().Where(g => g != "unknown" && g != "undated").ToList();
        var themes = rows.GroupBy(r => r.Theme).OrderByDescending(g => g.Sum(r => r.Count)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(maxThemes).Select(g => g.Key).Reverse().ToList();
        var lookup = rows.ToDictionary(r => (r.Group, r.Theme));
        var traces = new List<Trace>();
        var layout = new Dictionary<string, object?>
        {
            ["title"] = Title($"Theme shares by administration, with 95% intervals from resampling documents ({themes.Count} most frequent themes)"),
            ["showlegend"] = false,
            ["height"] = Math.Max(420, 140 + 30 * themes.Count),
            ["width"] = Math.Max(PlotlyFigure.DefaultWidth, 220 * groups.Count + 260),
        };
        var annotations = new List<object>();
        double gap = 0.03, width = groups.Count == 0 ? 1 : (1 - gap * (groups.Count - 1)) / groups.Count;
        for (var k = 0; k < groups.Count; k++)
        {
            var g = groups[k];
            var ax = k == 0 ? "" : (k + 1).ToString();
            var rs = themes.Select(t => lookup[(g, t)]).ToList();
            traces.Add(Trace("scatter", new Dictionary<string, object?>
            {
                ["mode"] = "markers+text",
                ["x"] = rs.Select(r => r.Share).ToArray(),
                ["y"] = themes.ToArray(),
                ["text"] = rs.Select(r => Inv($"{r.Count}/{r.GroupTotal}")).ToArray(),
                ["textposition"] = "middle right", ["textfont"] = new Dictionary<string, object?> { ["size"] = 9, ["color"] = "#555555" },
                ["customdata"] = rs.Select(r => Inv($"{Html(r.Theme)} under {Html(Administrations.Name(g))}<br>{r.Count} of {r.GroupTotal} asks ({r.Share:P0}); 95%: {r.BootstrapLow:P0} to {r.BootstrapHigh:P0} (documents resampled), {r.WilsonLow:P0} to {r.WilsonHigh:P0} (Wilson)<br>{r.DocumentsWithTheme} of {r.Documents} documents; document-weighted share {r.DocumentWeightedShare:P0}")).ToArray(),
                ["hovertemplate"] = "%{customdata}<extra></extra>",
                ["marker"] = new Dictionary<string, object?> { ["size"] = 8, ["color"] = AdministrationPalette.Color(g), ["symbol"] = Symbols[k % Symbols.Length] },
                ["error_x"] = new Dictionary<string, object?>
                {
                    ["type"] = "data", ["symmetric"] = false,
                    ["array"] = rs.Select(r => Math.Max(0, r.BootstrapHigh - r.Share)).ToArray(),
                    ["arrayminus"] = rs.Select(r => Math.Max(0, r.Share - r.BootstrapLow)).ToArray(),
                    ["color"] = AdministrationPalette.Color(g), ["thickness"] = 1.5, ["width"] = 3,
                },
                ["xaxis"] = "x" + ax, ["yaxis"] = "y" + ax,
            }));
            var x0 = k * (width + gap);
            layout["xaxis" + ax] = new Dictionary<string, object?> { ["domain"] = new[] { x0, x0 + width }, ["anchor"] = "y" + ax, ["range"] = new[] { -0.02, 1.0 }, ["tickformat"] = ".0%", ["title"] = Title("Share of asks") };
            layout["yaxis" + ax] = new Dictionary<string, object?> { ["anchor"] = "x" + ax, ["type"] = "category", ["categoryorder"] = "array", ["categoryarray"] = themes.ToArray(), ["automargin"] = true, ["showticklabels"] = k == 0 };
            annotations.Add(new Dictionary<string, object?> { ["text"] = Inv($"<b>{Html(Short(g))}</b> ({rs.FirstOrDefault()?.GroupTotal ?? 0} asks, {rs.FirstOrDefault()?.Documents ?? 0} documents)"), ["xref"] = "paper", ["yref"] = "paper", ["x"] = x0 + width / 2, ["y"] = 1.02, ["showarrow"] = false, ["xanchor"] = "center", ["yanchor"] = "bottom" });
        }
        layout["annotations"] = annotations.ToArray();
        return Chart(traces, layout);
    }

    /// <summary>
    /// Diverging bars of Fightin' Words z-scores, one panel per administration pair: bars to the right are terms typical
    /// of the pair's first group (coloured with its colour), to the left of the second.
    /// </summary>
    public static GenericChart WordingShift(IReadOnlyList<KeyTerm> terms, int topPerSide = 10)
    {
        var pairs = terms.Select(t => (t.GroupA, t.GroupB)).Distinct().ToList();
        var traces = new List<Trace>();
        var layout = new Dictionary<string, object?>
        {
            ["title"] = Title("Wording shift: log-odds z-scores (Fightin' Words, informative Dirichlet prior); dotted lines at |z| = 1.96"),
            ["showlegend"] = false,
            ["bargap"] = 0.25,
        };
        var annotations = new List<object>();
        double gap = 0.06, width = pairs.Count == 0 ? 1 : (1 - gap * (pairs.Count - 1)) / pairs.Count;
        for (int p = 0; p < pairs.Count; p++)
        {
            var (a, b) = pairs[p];
            var rows = terms.Where(t => t.GroupA == a && t.GroupB == b).ToList();
            var pick = rows.Where(r => r.Z > 0).OrderByDescending(r => r.Z).Take(topPerSide)
                .Concat(rows.Where(r => r.Z < 0).OrderBy(r => r.Z).Take(topPerSide)).OrderBy(r => r.Z).ToList();
            string ax = p == 0 ? "" : (p + 1).ToString();
            traces.Add(Trace("bar", new Dictionary<string, object?>
            {
                ["orientation"] = "h",
                ["name"] = $"{a} vs {b}",
                ["x"] = pick.Select(r => r.Z).ToArray(),
                ["y"] = pick.Select(r => r.Term).ToArray(),
                ["marker"] = new Dictionary<string, object?> { ["color"] = pick.Select(r => AdministrationPalette.Color(r.Z >= 0 ? a : b)).ToArray() },
                ["text"] = pick.Select(r => Inv($"<b>{Html(r.Term)}</b><br>z = {r.Z:F2}, log-odds = {r.Delta:F2}<br>{Html(Administrations.Name(a))}: {r.CountA} · {Html(Administrations.Name(b))}: {r.CountB}")).ToArray(),
                ["hovertemplate"] = "%{text}<extra></extra>",
                ["textposition"] = "none",
                ["xaxis"] = "x" + ax, ["yaxis"] = "y" + ax,
            }));
            double x0 = p * (width + gap);
            layout["xaxis" + ax] = new Dictionary<string, object?> { ["domain"] = new[] { x0, x0 + width }, ["anchor"] = "y" + ax, ["title"] = new Dictionary<string, object?> { ["text"] = $"z  (→ {Short(a)}, ← {Short(b)})", ["font"] = new Dictionary<string, object?> { ["size"] = 11 } }, ["zeroline"] = true };
            layout["yaxis" + ax] = new Dictionary<string, object?> { ["anchor"] = "x" + ax, ["automargin"] = true, ["type"] = "category" };
            annotations.Add(new Dictionary<string, object?> { ["text"] = $"<b>{Html(Administrations.Name(a))} vs {Html(Administrations.Name(b))}</b>", ["xref"] = "paper", ["yref"] = "paper", ["x"] = x0 + width / 2, ["y"] = 1.06, ["showarrow"] = false, ["xanchor"] = "center" });
        }
        // The usual bar, |z| = 1.96, on every panel: bars that do not cross it are leads, not findings.
        layout["shapes"] = Enumerable.Range(0, pairs.Count).SelectMany(p =>
        {
            var ax = p == 0 ? "" : (p + 1).ToString();
            return new[] { -1.96, 1.96 }.Select(x => (object)new Dictionary<string, object?>
            {
                ["type"] = "line", ["xref"] = "x" + ax, ["yref"] = "y" + ax + " domain", ["x0"] = x, ["x1"] = x, ["y0"] = 0, ["y1"] = 1,
                ["line"] = new Dictionary<string, object?> { ["color"] = "#888888", ["width"] = 1, ["dash"] = "dot" },
            });
        }).ToArray();
        layout["annotations"] = annotations.ToArray();
        layout["height"] = 140 + 22 * Math.Max(4, 2 * topPerSide);
        layout["width"] = Math.Max(PlotlyFigure.DefaultWidth, 460 * pairs.Count);
        return Chart(traces, layout);
    }

    /// <summary>Term trajectories: occurrences per 1,000 tokens per period, one line per term.</summary>
    public static GenericChart TermTrajectories(IReadOnlyList<TrajectoryPoint> points, string periodTitle = "Administration")
    {
        // A period of no known administration is no point on a line through time (and its few tokens give huge intervals).
        points = points.Where(p => p.Period is not ("unknown" or "undated")).ToList();
        var periods = points.Select(p => p.Period).Distinct().ToList();
        var labels = periods.ToDictionary(p => p, Administrations.Name);
        var traces = points.Select(p => p.Term).Distinct().Select((term, i) =>
        {
            var ps = periods.Select(per => points.First(p => p.Term == term && p.Period == per)).ToList();
            return Trace("scatter", new Dictionary<string, object?>
            {
                ["name"] = term,
                ["mode"] = "lines+markers",
                ["x"] = ps.Select(p => labels[p.Period]).ToArray(),
                ["y"] = ps.Select(p => p.PerThousand).ToArray(),
                ["text"] = ps.Select(p => Inv($"<b>{Html(term)}</b> in {Html(labels[p.Period])}<br>{p.Count} times in {p.Documents} texts · {p.PerThousand:F2} per 1,000 of {p.Tokens} tokens (95%: {p.Interval.Low:F2} to {p.Interval.High:F2})")).ToArray(),
                ["error_y"] = new Dictionary<string, object?>
                {
                    ["type"] = "data", ["symmetric"] = false, ["thickness"] = 1, ["width"] = 4,
                    ["array"] = ps.Select(p => p.Interval.High - p.PerThousand).ToArray(),
                    ["arrayminus"] = ps.Select(p => p.PerThousand - p.Interval.Low).ToArray(),
                },
                ["hovertemplate"] = "%{text}<extra></extra>",
                // Told apart without colour too: each term has its own dash and marker, and its name at the line's end.
                ["line"] = new Dictionary<string, object?> { ["color"] = ThemeColors[i % ThemeColors.Length], ["dash"] = Dashes[i % Dashes.Length], ["width"] = 2 },
                ["marker"] = new Dictionary<string, object?> { ["size"] = 9, ["color"] = ThemeColors[i % ThemeColors.Length], ["symbol"] = Symbols[i % Symbols.Length] },
            });
        }).ToList();
        return Chart(traces, new Dictionary<string, object?>
        {
            ["title"] = Title("Term trajectories: frequency per 1,000 tokens with 95% Wilson intervals (hover for counts)"),
            ["xaxis"] = new Dictionary<string, object?> { ["title"] = Title(periodTitle), ["type"] = "category", ["categoryorder"] = "array", ["categoryarray"] = periods.Select(p => labels[p]).ToArray() },
            ["yaxis"] = new Dictionary<string, object?> { ["title"] = Title("Occurrences per 1,000 tokens"), ["rangemode"] = "tozero" },
            ["legend"] = new Dictionary<string, object?> { ["title"] = Title("Term") },
        });
    }

    /// <summary>The label without its years ("Biden (2021-2025)" → "Biden"), for tight axis titles.</summary>
    private static string Short(string group) => Administrations.Name(group).Split(" (")[0];

}
