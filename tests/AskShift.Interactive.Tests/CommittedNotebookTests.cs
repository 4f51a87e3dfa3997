using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace AskShift.Interactive.Tests;

/// <summary>
/// Every committed notebook, run cell by cell through .NET Interactive's C# kernel (as Polyglot Notebooks runs it),
/// must run without an error and show what AskShift's own kernel committed: the same console text, the same tables
/// (text/html, character for character) and the same Plotly figures, each with a PNG picture. That holds only if
/// <c>#r</c> of AskShift.Core brought in the AskShift.Interactive formatters.
/// </summary>
public class CommittedNotebookTests
{
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        // Not dot-files: another test process may have a temporary copy of a notebook there.
        foreach (var nb in Directory.EnumerateFiles(Paths.Notebooks, "*.ipynb").Where(f => !Path.GetFileName(f).StartsWith('.')).Order())
            data.Add(Path.GetFileName(nb));
        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_runs_in_dotnet_interactive_with_the_committed_outputs(string name)
    {
        var workspace = Paths.Workspace();
        // .NET Interactive's own reader must take the file: a valid .NET Interactive notebook, C# cells included.
        var document = Notebook.Parse(File.ReadAllText(Path.Combine(workspace, name)));
        var cells = document.Elements.Where(e => e.KernelName is "csharp" or "C#").ToList();
        Assert.NotEmpty(cells);
        var committed = CommittedOutputs(Path.Combine(workspace, name));
        Assert.Equal(committed.Count, cells.Count);
        Assert.True(committed.Sum(c => c.Html.Count + c.Figures.Count) > 0, $"{name} has no committed table or chart to compare");

        var saved = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(workspace); // a dedicated, serial test process: see the csproj
        try
        {
            using var kernel = new DotNetInteractive();
            for (var i = 0; i < cells.Count; i++)
            {
                var run = await kernel.RunAsync(cells[i].Contents);
                var where = $"{name}, code cell {i + 1}";
                Assert.True(run.Failure is null, $"{where} failed in .NET Interactive: {run.Failure}\n{cells[i].Contents}");
                Assert.DoesNotContain("AskShift:", run.Stderr); // the extension's "not loaded" and "no PNG" notices
                var expected = committed[i];
                Assert.Equal(expected.Stdout, run.Stdout.ReplaceLineEndings("\n"));
                foreach (var html in expected.Html)
                    Assert.True(run.Values.Any(v => v.GetValueOrDefault("text/html") == html),
                        $"{where}: no text/html output equal to the committed one, which starts {Clip(html)}; got {string.Join(" | ", run.Values.Select(v => Clip(v.GetValueOrDefault("text/html") ?? "(none)")))}");
                foreach (var figure in expected.Figures)
                {
                    var chart = run.Values.FirstOrDefault(v => v.TryGetValue(PlotlyMime, out var json) && JsonNode.DeepEquals(JsonNode.Parse(json), figure));
                    Assert.True(chart is not null, $"{where}: no Plotly figure equal to the committed one");
                    Assert.True(chart!.TryGetValue("image/png", out var png) && IsPng(png), $"{where}: the chart has no PNG picture");
                }
            }
        }
        finally
        {
            Directory.SetCurrentDirectory(saved);
            Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(workspace))!, recursive: true);
        }
    }

    private const string PlotlyMime = "application/vnd.plotly.v1+json";

    private sealed record Expected(string Stdout, List<string> Html, List<JsonNode> Figures);

    /// <summary>Per code cell, what AskShift's kernel committed: console text, HTML tables, Plotly figures.</summary>
    private static List<Expected> CommittedOutputs(string path)
    {
        var nb = JsonNode.Parse(File.ReadAllText(path))!;
        var list = new List<Expected>();
        foreach (var cell in nb["cells"]!.AsArray().Where(c => c!["cell_type"]!.GetValue<string>() == "code"))
        {
            var stdout = "";
            var html = new List<string>();
            var figures = new List<JsonNode>();
            foreach (var o in cell!["outputs"]!.AsArray())
            {
                var type = o!["output_type"]!.GetValue<string>();
                if (type == "stream" && o["name"]!.GetValue<string>() == "stdout") stdout += Text(o["text"]!);
                if (type is "display_data" or "execute_result")
                {
                    var data = o["data"]!.AsObject();
                    if (data["text/html"] is { } h) html.Add(Text(h));
                    if (data[PlotlyMime] is { } f) figures.Add(f.DeepClone());
                }
            }
            list.Add(new Expected(stdout, html, figures));
        }
        return list;
    }

    private static string Text(JsonNode node) => node is JsonArray a ? string.Concat(a.Select(x => x!.GetValue<string>())) : node.GetValue<string>();

    private static bool IsPng(string base64)
    {
        try
        {
            var bytes = Convert.FromBase64String(base64);
            return bytes.Length > 8 && bytes[0] == 0x89 && bytes[1] == (byte)'P' && bytes[2] == (byte)'N' && bytes[3] == (byte)'G';
        }
        catch (FormatException) { return false; }
    }

    private static string Clip(string s) => s.Length > 120 ? s[..120] + "…" : s;
}
