using AskShift.Notebooks;

namespace AskShift.Notebooks.Tests;

/// <summary>
/// The notebooks in <c>notebooks/</c> are committed executed, because reviewers read them on GitHub, which runs nothing.
/// These tests fail when a change to <c>lib/</c> makes a committed output stale, when a notebook no longer runs, or when
/// a committed chart would show as nothing on GitHub (no picture).
/// </summary>
public class CommittedNotebooksTests
{
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var nb in Directory.EnumerateFiles(TestPaths.RepoNotebooks, "*.ipynb").Order()) data.Add(Path.GetFileName(nb));
        return data;
    }

    [Fact]
    public void The_suite_has_its_four_notebooks()
    {
        var names = Directory.EnumerateFiles(TestPaths.RepoNotebooks, "*.ipynb").Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["01-corpus.ipynb", "02-clusters.ipynb", "03-timelines.ipynb", "04-wording.ipynb"], names);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Committed_outputs_are_current(string name)
    {
        // Each in its own process in the notebooks folder, as `askshift notebooks check` runs them: cells use relative paths.
        var result = await new NotebookChecker(new RunnerOptions { ImageRenderer = null, ChildCommand = ["dotnet", RunnerTests.CliDll] })
            .CheckAsync(Path.Combine(TestPaths.RepoNotebooks, name));
        Assert.True(result.Run.Success, $"{name} no longer runs: {result.Run.Failure}");
        if (result.Differences.Count > 0)
        {
            var d = result.Differences[0];
            Assert.Fail($"{name} has {result.Differences.Count} stale cell(s); rerun `askshift notebooks run` and commit. " +
                $"First, cell {d.CellNumber}:\ncommitted: {Clip(d.Committed)}\nfresh:     {Clip(d.Fresh)}");
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Committed_notebooks_render_without_javascript(string name)
    {
        var path = Path.Combine(TestPaths.RepoNotebooks, name);
        RunnerTests.AssertValidNbformat(path);
        var notebook = Notebook.Load(path);
        Assert.DoesNotContain(notebook.Cells, c => c.Source.Contains("FINDINGS_", StringComparison.Ordinal));
        Assert.StartsWith("## Findings", notebook.Cells.Last(c => c.CellType == "markdown").Source);
        var charts = 0;
        foreach (var cell in notebook.Cells.Where(c => c.IsCode))
        {
            Assert.NotNull(cell.ExecutionCount);
            Assert.DoesNotContain(cell.Outputs, o => o is ErrorOutput);
            foreach (var bundle in cell.Outputs.Select(o => o switch { DisplayOutput d => d.Bundle, ExecuteResultOutput r => r.Bundle, _ => null }).OfType<MimeBundle>())
            {
                if (!bundle.Data.ContainsKey("application/vnd.plotly.v1+json")) continue;
                charts++;
                Assert.False(bundle.Data.ContainsKey("text/html"), $"{name}: a chart bundle carries text/html, which GitHub strips");
                Assert.True(bundle.Data.TryGetValue("image/png", out var png), $"{name}: a chart has no PNG, so GitHub shows nothing");
                var image = PngImage.Decode(Convert.FromBase64String(png!.GetValue<string>()));
                Assert.True(image.CountNonBackground() > 1000, $"{name}: a chart's PNG is blank");
            }
        }
        Assert.True(charts > 0 || name.StartsWith("02", StringComparison.Ordinal), $"{name} shows no chart");
    }

    private static string Clip(string s) => s.Length > 400 ? s[..400] + "…" : s;
}
