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
        // Plotly.NET's default is a 600 x 600 square, too narrow for legends of themes and for side-by-side panels;
        // the PNG that GitHub shows is drawn at the layout's size, so every chart gets a readable one.
        layout.TryAdd("width", DefaultWidth);
        layout.TryAdd("height", DefaultHeight);
        layout.TryAdd("font", new Dictionary<string, object?> { ["size"] = 12 });
        foreach (var (k, v) in layout) if (v is not null) l.SetProperty(k, v);
        return GenericChart.addLayout(l, chart);
    }

    /// <summary>Width of a chart whose builder sets none, in pixels.</summary>
    public const int DefaultWidth = 960;

    /// <summary>Height of a chart whose builder sets none, in pixels.</summary>
    public const int DefaultHeight = 540;

    public static Dictionary<string, object?> Title(string text) => new() { ["text"] = text };

    public static Dictionary<string, object?> Axis(string title, bool automargin = true, object? extra = null)
    {
        var d = new Dictionary<string, object?> { ["title"] = Title(title), ["automargin"] = automargin };
        return d;
    }

    public static string Html(string s) => System.Net.WebUtility.HtmlEncode(s);

    /// <summary>Chart labels and hover texts leave the process: the same digits and dates under every culture ("1.61", not "1,61").</summary>
    public static string Inv(FormattableString text) => text.ToString(System.Globalization.CultureInfo.InvariantCulture);

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
