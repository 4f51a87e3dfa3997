using System.Text.Json.Nodes;
using AskShift.Notebooks;

namespace AskShift.Notebooks.Tests;

/// <summary>
/// The main job on a machine without Chromium must not strip the chart pictures reviewers read on GitHub: it refuses
/// and says how to fix it, unless told to drop them with --no-images; the checker flags a chart without a picture.
/// </summary>
public sealed class MissingPictureTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("askshift-pic-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    /// <summary>sample.ipynb run once, then given a (tiny, valid) PNG on its chart, as a committed notebook has.</summary>
    private async Task<string> NotebookWithPicture()
    {
        var path = Path.Combine(dir, "charts.ipynb");
        File.WriteAllText(path, File.ReadAllText(Path.Combine(TestPaths.Assets, "sample.ipynb")).Replace("TESTLIB", TestPaths.TestLib));
        var run = await new NotebookRunner(new RunnerOptions { ImageRenderer = null, AllowMissingPictures = true }).RunAsync(path);
        Assert.True(run.Success, run.Failure?.Error.EValue);
        AddPicture(path);
        Assert.Equal((1, 0), ChartPictures.Count(Notebook.Load(path)));
        return path;
    }

    /// <summary>Gives every chart of the notebook at <paramref name="path"/> a 1x1 PNG, as a run with Chromium would.</summary>
    internal static void AddPicture(string path)
    {
        var nb = Notebook.Load(path);
        foreach (var cell in nb.Cells)
            for (var i = 0; i < cell.Outputs.Count; i++)
                if (cell.Outputs[i] is ExecuteResultOutput r && r.Bundle.Data.ContainsKey(Formatter.PlotlyMime))
                {
                    var data = r.Bundle.Data.ToDictionary(kv => kv.Key, kv => kv.Value.DeepClone());
                    data["image/png"] = JsonValue.Create("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
                    cell.Outputs[i] = new ExecuteResultOutput(new MimeBundle(data, r.Bundle.Metadata));
                }
        nb.Save(path);
    }

    [Fact]
    public async Task Without_a_renderer_the_run_refuses_names_the_fix_and_leaves_the_file_unchanged()
    {
        var path = await NotebookWithPicture();
        var before = File.ReadAllBytes(path);
        var (exit, output) = await RunnerTests.Cli("notebooks", "run", path);
        Assert.NotEqual(0, exit);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Contains("apt-get install -y chromium", output);
        Assert.Contains("ASKSHIFT_CHROMIUM", output);
        Assert.Contains("--no-images", output);
    }

    [Fact]
    public async Task With_no_images_the_pictures_are_dropped_on_purpose_with_a_warning()
    {
        var path = await NotebookWithPicture();
        var (exit, output) = await RunnerTests.Cli("notebooks", "run", "--no-images", path);
        Assert.True(exit == 0, output);
        Assert.Contains("warning: --no-images", output);
        Assert.Equal((0, 1), ChartPictures.Count(Notebook.Load(path)));
    }

    [Fact]
    public async Task The_runner_keeps_the_committed_file_when_pictures_are_lost_midway()
    {
        var path = await NotebookWithPicture();
        var before = File.ReadAllBytes(path);
        // A renderer that claims to work but draws nothing, as a browser that crashes mid-run does.
        var result = await new NotebookRunner(new RunnerOptions { ImageRenderer = new BrokenRenderer() }).RunAsync(path);
        Assert.False(result.Success);
        Assert.Equal("MissingChartPicture", result.Failure!.Error.EName);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public async Task Check_reports_a_chart_without_a_picture_as_not_current()
    {
        var path = Path.Combine(dir, "nopic.ipynb");
        File.WriteAllText(path, File.ReadAllText(Path.Combine(TestPaths.Assets, "sample.ipynb")).Replace("TESTLIB", TestPaths.TestLib));
        await new NotebookRunner(new RunnerOptions { ImageRenderer = null, AllowMissingPictures = true }).RunAsync(path);
        var result = await new NotebookChecker(new RunnerOptions { ImageRenderer = null }).CheckAsync(path);
        Assert.False(result.UpToDate);
        Assert.Contains(result.Differences, d => d.Committed.Contains("without a PNG picture"));
    }

    private sealed class BrokenRenderer : IChartImageRenderer
    {
        public byte[]? RenderPng(JsonNode figure, int width, int height, TextWriter diagnostics) => null;
    }
}
