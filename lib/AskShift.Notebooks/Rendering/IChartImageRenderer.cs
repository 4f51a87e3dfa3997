using System.Text.Json.Nodes;

namespace AskShift.Notebooks;

/// <summary>Draws a Plotly figure to PNG, for viewers that cannot run plotly.js (GitHub, nbviewer).</summary>
public interface IChartImageRenderer
{
    /// <summary>
    /// PNG bytes of <paramref name="figure"/> (data/layout/config JSON), or null when rendering is not possible on
    /// this machine; the reason is written once to <paramref name="diagnostics"/>.
    /// </summary>
    byte[]? RenderPng(JsonNode figure, int width, int height, TextWriter diagnostics);
}
