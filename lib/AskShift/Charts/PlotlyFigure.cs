using Plotly.NET;

namespace AskShift.Charts;

/// <summary>
/// Builds Plotly.NET charts from plain trace/layout property bags. Writing the plotly.js attributes directly keeps
/// every chart type (Sankey, heatmap, multi-axis bars) under one small, explicit code path and the JSON self-contained
/// (no CDN needed to read it).
/// </summary>
internal static class PlotlyFigure
{
    public static Trace Trace(string type, IDictionary<string, object?> props)
    {
        var t = new Trace(type);
        foreach (var (k, v) in props) if (v is not null) t.SetProperty(k, v);
        return t;
    }

    public static GenericChart Chart(IEnumerable<Trace> traces, IDictionary<string, object?> layout)
    {
        var chart = GenericChart.ofTraceObjects(true, traces.ToList());
        var l = new Layout();
        foreach (var (k, v) in layout) if (v is not null) l.SetProperty(k, v);
        return GenericChart.addLayout(l, chart);
    }

    public static Dictionary<string, object?> Title(string text) => new() { ["text"] = text };

    public static Dictionary<string, object?> Axis(string title, bool automargin = true, object? extra = null)
    {
        var d = new Dictionary<string, object?> { ["title"] = Title(title), ["automargin"] = automargin };
        return d;
    }

    public static string Html(string s) => System.Net.WebUtility.HtmlEncode(s);

    /// <summary>Wraps long text for hover boxes (plotly does not wrap).</summary>
    public static string Wrap(string s, int width = 80)
    {
        var words = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var lines = new List<string>(); var cur = "";
        foreach (var w in words)
        {
            if (cur.Length + w.Length + 1 > width && cur.Length > 0) { lines.Add(cur); cur = w; }
            else cur = cur.Length == 0 ? w : cur + " " + w;
        }
        if (cur.Length > 0) lines.Add(cur);
        return string.Join("<br>", lines.Select(Html));
    }
}
