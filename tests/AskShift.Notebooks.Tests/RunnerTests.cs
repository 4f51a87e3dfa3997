using System.Diagnostics;
using AskShift.Notebooks;

namespace AskShift.Notebooks.Tests;

public sealed class RunnerTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("askshift-nb-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Copy(string name)
    {
        var target = Path.Combine(dir, name);
        File.WriteAllText(target, File.ReadAllText(Path.Combine(TestPaths.Assets, name)).Replace("TESTLIB", TestPaths.TestLib));
        return target;
    }

    private static RunnerOptions Options(params (string, string)[] parameters) => new()
    {
        ImageRenderer = null, Parameters = parameters.ToDictionary(p => p.Item1, p => p.Item2),
    };

    internal static void AssertValidNbformat(string path)
    {
        var psi = new ProcessStartInfo("/usr/bin/python3",
            ["-c", "import nbformat,sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))", path])
        { RedirectStandardError = true, RedirectStandardOutput = true };
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"nbformat rejected {path}: {err}");
    }

    /// <summary>The askshift CLI built in the same configuration as these tests.</summary>
    internal static string CliDll
    {
        get
        {
            var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
            return Path.GetFullPath(Path.Combine(bin.FullName, "..", "..", "..", "..", "..", "lib", "AskShift.Cli", "bin", bin.Parent!.Name, bin.Name, "askshift.dll"));
        }
    }

    /// <summary>
    /// Runs the askshift CLI as a separate process, as users and CI do, to see its real exit code and output.
    /// </summary>
    internal static async Task<(int Exit, string Output)> Cli(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet", [CliDll, .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(args.First(a => a.EndsWith(".ipynb")))!,
        };
        psi.Environment["ASKSHIFT_CHROMIUM"] = "/nonexistent/chromium";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await stdout + await stderr);
    }

    [Fact]
    public async Task Runs_a_dotnet_interactive_notebook_and_writes_valid_nbformat_4_5()
    {
        var path = Copy("sample.ipynb");
        var progress = new List<CellProgress>();
        var result = await new NotebookRunner(new RunnerOptions { ImageRenderer = null, Progress = progress.Add }).RunAsync(path);
        Assert.True(result.Success, result.Failure?.Error.EValue);
        AssertValidNbformat(path);
        var nb = Notebook.Load(path);
        Assert.All(nb.Cells, c => Assert.False(string.IsNullOrEmpty(c.Id)));
        Assert.Equal("askshift-csharp", nb.Metadata["kernelspec"]!["name"]!.GetValue<string>());
        Assert.Equal("csharp", nb.Cells[1].Metadata["dotnet_interactive"]!["language"]!.GetValue<string>());
        Assert.Equal(new StreamOutput("stdout", "HRW 2020\n"), Assert.Single(nb.Cells[2].Outputs));
        Assert.Contains(nb.Cells[3].Outputs, o => o is DisplayOutput d && d.Bundle.Data.ContainsKey("text/html"));
        Assert.Equal("[ 2020, 4040, 6060 ]", nb.Cells[3].Outputs.OfType<ExecuteResultOutput>().Single().Bundle.Text);
        Assert.Equal("expected", Assert.IsType<ErrorOutput>(Assert.Single(nb.Cells[4].Outputs)).EValue);
        Assert.Null(nb.Cells[5].ExecutionCount);
        Assert.Equal("2020", nb.Cells[6].Outputs.OfType<ExecuteResultOutput>().Single().Bundle.Text);
        Assert.Contains(Formatter.PlotlyMime, nb.Cells[7].Outputs.OfType<ExecuteResultOutput>().Single().Bundle.Data.Keys);
        Assert.Contains(progress, p => p is { CellNumber: 5, Status: CellStatus.ExpectedError });
        Assert.Contains(progress, p => p is { CellNumber: 6, Status: CellStatus.Skipped });
        Assert.Equal([1, 2, 3, 4, 5, 6], nb.Cells.Where(c => c.ExecutionCount is not null).Select(c => c.ExecutionCount!.Value));
    }

    [Fact]
    public async Task Parameters_are_injected_after_the_parameters_cell()
    {
        var path = Copy("sample.ipynb");
        var result = await new NotebookRunner(Options(("year", "2024"), ("org", "Amnesty \"AI\""))).RunAsync(path);
        Assert.True(result.Success, result.Failure?.Error.EValue);
        var nb = Notebook.Load(path);
        var injected = nb.Cells[2];
        Assert.Contains("injected-parameters", injected.Tags);
        Assert.Contains("var year = 2024;", injected.Source);
        Assert.Contains("var org = \"Amnesty \\\"AI\\\"\";", injected.Source);
        Assert.Equal(new StreamOutput("stdout", "Amnesty \"AI\" 2024\n"), Assert.Single(nb.Cells[3].Outputs));
        AssertValidNbformat(path);
    }

    [Fact]
    public async Task Failing_notebook_exits_nonzero_names_the_cell_and_leaves_a_valid_file()
    {
        var path = Copy("failing.ipynb");
        var (exit, output) = await Cli("notebooks", "run", path, "--timeout", "60");
        Assert.Equal(1, exit);
        Assert.Contains("FAILED failing.ipynb cell 3: IndexOutOfRangeException", output);
        AssertValidNbformat(path);
        var nb = Notebook.Load(path);
        var error = Assert.IsType<ErrorOutput>(nb.Cells[2].Outputs[^1]);
        Assert.Equal("IndexOutOfRangeException", error.EName);
        Assert.Equal(new StreamOutput("stdout", "before\n"), nb.Cells[2].Outputs[0]);
        Assert.Empty(nb.Cells[3].Outputs); // not run: the stale output is gone
        var result = await new NotebookRunner(Options()).RunAsync(path);
        Assert.Equal(3, result.Failure!.CellNumber);
    }

    [Fact]
    public async Task Timeout_fails_the_cell_with_a_clear_error()
    {
        var path = Path.Combine(dir, "slow.ipynb");
        var nb = Notebook.Create();
        nb.Cells.Add(NotebookCell.Code("while (!CancellationToken.IsCancellationRequested) await Task.Delay(10);"));
        nb.Save(path);
        var result = await new NotebookRunner(new RunnerOptions { ImageRenderer = null, CellTimeout = TimeSpan.FromSeconds(1) }).RunAsync(path);
        Assert.Equal("TimeoutException", result.Failure!.Error.EName);
        AssertValidNbformat(path);
    }

    [Fact]
    public async Task Checker_detects_a_stale_output_and_accepts_a_fresh_run()
    {
        var path = Copy("sample.ipynb");
        await new NotebookRunner(Options()).RunAsync(path);
        MissingPictureTests.AddPicture(path); // a chart without its picture is itself not current
        var checker = new NotebookChecker(Options());
        var fresh = await checker.CheckAsync(path);
        Assert.True(fresh.UpToDate, string.Join("\n", fresh.Differences));
        var nb = Notebook.Load(path);
        nb.Cells[2].Outputs[0] = new StreamOutput("stdout", "HRW 2019\n");
        nb.Save(path);
        var stale = await checker.CheckAsync(path);
        Assert.False(stale.UpToDate);
        Assert.Equal(3, Assert.Single(stale.Differences).CellNumber);
        Assert.Contains("HRW 2019", File.ReadAllText(path)); // check never rewrites the notebook
        Assert.Single(Directory.GetFiles(dir));
    }

    [Fact]
    public void Bad_notebook_file_error_names_the_file()
    {
        var path = Path.Combine(dir, "broken.ipynb");
        File.WriteAllText(path, "{ not json");
        var e = Assert.Throws<NotebookFormatException>(() => Notebook.Load(path));
        Assert.Contains("broken.ipynb", e.Message);
    }

    [Theory]
    [InlineData("2024", "2024")]
    [InlineData("0.5", "0.5")]
    [InlineData("true", "true")]
    [InlineData("biden", "\"biden\"")]
    [InlineData("a\\b", "\"a\\\\b\"")]
    public void Parameter_values_become_csharp_literals(string value, string literal) =>
        Assert.Equal(literal, ParameterInjector.Literal(value));

    [Fact]
    public async Task Runs_in_one_process_at_once_leave_the_current_directory_alone()
    {
        var before = Environment.CurrentDirectory;
        var folders = Enumerable.Range(0, 4).Select(n => Directory.CreateDirectory(Path.Combine(dir, $"nb{n}")).FullName).ToList();
        var runs = folders.Select(async folder =>
        {
            var notebook = Notebook.Create();
            for (var c = 0; c < 3; c++) notebook.Cells.Add(NotebookCell.Code("await Task.Delay(20);\nSystem.IO.Directory.GetCurrentDirectory()"));
            var path = Path.Combine(folder, "n.ipynb");
            notebook.Save(path);
            var result = await new NotebookRunner(Options()).RunAsync(path);
            Assert.True(result.Success, result.Failure?.Error.EValue);
            return Notebook.Load(path);
        }).ToList();
        // Every cell of every concurrent run saw the one directory the process had, and it is unchanged after them.
        foreach (var notebook in await Task.WhenAll(runs))
            Assert.All(notebook.Cells, c => Assert.Equal(before, ((ExecuteResultOutput)c.Outputs.Single()).Bundle.Text));
        Assert.Equal(before, Environment.CurrentDirectory);
    }

    [Fact]
    public async Task Out_of_process_runs_see_their_own_notebook_folder()
    {
        var before = Environment.CurrentDirectory;
        var folders = Enumerable.Range(0, 2).Select(n => Directory.CreateDirectory(Path.Combine(dir, $"own{n}")).FullName).ToList();
        foreach (var folder in folders)
        {
            var notebook = Notebook.Create();
            notebook.Cells.Add(NotebookCell.Code("System.IO.File.WriteAllText(\"here.txt\", \"x\");\nSystem.IO.Directory.GetCurrentDirectory()"));
            var path = Path.Combine(folder, "n.ipynb");
            notebook.Save(path);
            var result = await new NotebookRunner(Options() with { ChildCommand = ["dotnet", CliDll] }).RunAsync(path);
            Assert.True(result.Success, result.Failure?.Error.EValue);
            Assert.Equal(folder, ((ExecuteResultOutput)Notebook.Load(path).Cells[0].Outputs.Single()).Bundle.Text);
            Assert.True(File.Exists(Path.Combine(folder, "here.txt")), "a relative path in a cell resolves in the notebook's folder");
        }
        Assert.Equal(before, Environment.CurrentDirectory);
    }
}
