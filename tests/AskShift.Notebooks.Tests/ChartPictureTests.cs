using AskShift.Notebooks;

namespace AskShift.Notebooks.Tests;

/// <summary>Skips (with the reason) when Debian's Chromium is not installed; CI installs it.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!File.Exists(ChromiumChartRenderer.DefaultChromium))
            Skip = $"needs Chromium at {ChromiumChartRenderer.DefaultChromium} (apt-get install chromium)";
    }
}

public class ChartPictureTests
{
    [ChromiumFact]
    public async Task Chart_output_carries_a_png_that_is_a_real_picture()
    {
        await using var s = new NotebookSession(new SessionOptions { ChartWidth = 400, ChartHeight = 300 });
        var r = await s.ExecuteAsync($"#r \"{TestPaths.TestLib}\"\nNotebookTestLib.Frames.Line()");
        Assert.True(r.Success, string.Join("\n", r.Outputs));
        var bundle = Assert.IsType<ExecuteResultOutput>(Assert.Single(r.Outputs)).Bundle;
        Assert.Equal(["application/vnd.plotly.v1+json", "image/png", "text/plain"], bundle.Data.Keys.Order());
        var bytes = Convert.FromBase64String(bundle.Data["image/png"].GetValue<string>());
        var png = PngImage.Decode(bytes);
        // The figure's own layout size wins (Plotly.NET sets one); the session's size is the fallback.
        var layout = bundle.Data[Formatter.PlotlyMime]["layout"]!;
        var expected = ((int?)layout["width"]?.GetValue<double>() ?? 400, (int?)layout["height"]?.GetValue<double>() ?? 300);
        Assert.Equal(expected, (png.Width, png.Height));
        // Not a blank canvas: a plot area differs from the white paper, and the line is drawn in plotly's first
        // trace colour (#636efa), a strong blue that nothing else in the default template uses.
        Assert.True(png.CountNonBackground() > 1000);
        Assert.InRange(png.Count((r, g, b) => b > 200 && r < 150 && g < 160), 300, png.Width * png.Height / 10);
    }

    [Fact]
    public void Without_chromium_charts_keep_their_json_and_warn_once_with_the_fix()
    {
        var renderer = new ChromiumChartRenderer("/nonexistent/chromium");
        var log = new StringWriter();
        var figure = System.Text.Json.Nodes.JsonNode.Parse("""{"data":[],"layout":{},"config":{}}""")!;
        Assert.Null(renderer.RenderPng(figure, 100, 100, log));
        Assert.Null(renderer.RenderPng(figure, 100, 100, log));
        var text = log.ToString();
        Assert.Contains("apt-get install chromium", text);
        Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
