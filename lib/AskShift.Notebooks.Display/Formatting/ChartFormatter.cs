using System.Text.Json.Nodes;
using Plotly.NET;

namespace AskShift.Notebooks;

/// <summary>
/// Plotly.NET charts as the Plotly figure JSON (data, layout, config), which VS Code draws interactively without a
/// network, plus a text summary. No text/html: Plotly.NET's HTML needs a script tag that GitHub strips. The PNG for
/// JavaScript-less viewers is added by the session's image renderer.
/// </summary>
internal static class ChartFormatter
{
    public static MimeBundle Format(GenericChart chart)
    {
        var figure = Figure(chart);
        return Formatter.Bundle((Formatter.PlotlyMime, figure), ("text/plain", JsonValue.Create(Text(figure))));
    }

    /// <summary>The one-line text/plain stand-in for a chart: its trace types and title.</summary>
    public static string Text(JsonObject figure)
    {
        var types = (figure["data"] as JsonArray ?? []).Select(t => t?["type"]?.GetValue<string>() ?? "scatter").Distinct();
        var title = figure["layout"]?["title"] switch
        {
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            JsonObject o => o["text"]?.GetValue<string>(),
            _ => null,
        };
        return $"Plotly chart ({string.Join(", ", types)}){(title is null ? "" : ": " + title)}";
    }

    /// <summary>The figure as JSON, as plotly.js's newPlot/toImage take it.</summary>
    public static JsonObject Figure(GenericChart chart)
    {
        var figure = JsonNode.Parse(GenericChart.toFigureJson(chart))!.AsObject();
        var config = JsonNode.Parse(Newtonsoft.Json.JsonConvert.SerializeObject(GenericChart.getConfig(chart)));
        figure["config"] = config as JsonObject ?? new JsonObject();
        figure["data"] ??= new JsonArray();
        figure["layout"] ??= new JsonObject();
        return figure;
    }
}
