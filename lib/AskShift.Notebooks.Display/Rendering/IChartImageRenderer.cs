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

    /// <summary>Whether pictures can be drawn on this machine at all, so a run can refuse before it overwrites a
    /// notebook whose charts have pictures with one whose charts have none.</summary>
    bool IsAvailable => true;

    /// <summary>What to tell a user who has no renderer: what is missing and how to get it.</summary>
    string MissingHint => "no chart renderer is available";
}
