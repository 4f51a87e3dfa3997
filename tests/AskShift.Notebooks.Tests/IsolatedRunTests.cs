using System.Text.Json.Nodes;
using AskShift.Notebooks;

namespace AskShift.Notebooks.Tests;

/// <summary>
/// <c>askshift notebooks run/check</c> run each notebook in a process of its own: what a cell does to its process
/// costs only its notebook, the batch goes on, and the exit code says when anything did not complete.
/// </summary>
public class IsolatedRunTests
{
    private static string Folder() => Directory.CreateTempSubdirectory("askshift-isolated").FullName;

    private static string Write(string folder, string name, params string[] cells)
    {
        var nb = Notebook.Create();
        foreach (var c in cells) nb.Cells.Add(NotebookCell.Code(c));
        var path = Path.Combine(folder, name);
        nb.Save(path);
        return path;
    }

    [Fact]
    public async Task A_cell_that_exits_overflows_or_throws_on_a_thread_fails_its_notebook_only()
    {
        var dir = Folder();
        try
        {
            var exit = Write(dir, "a-exit.ipynb", "var x = 1;", "Environment.Exit(0);", "x");
            var overflow = Write(dir, "b-overflow.ipynb", "int F(int n) => F(n + 1) + 1;", "F(0)");
            var thrown = Write(dir, "c-thread.ipynb", "using System.Threading; new Thread(() => throw new InvalidOperationException(\"bg\")).Start(); Thread.Sleep(5000);");
            var fine = Write(dir, "d-fine.ipynb", "Console.WriteLine(System.IO.Directory.GetCurrentDirectory());");
            var before = new[] { exit, overflow, thrown }.ToDictionary(p => p, File.ReadAllText);

            var (code, output) = await RunnerTests.Cli("notebooks", "run", "--no-images", exit, overflow, thrown, fine);

            Assert.Equal(1, code); // not 0: three notebooks did not complete
            Assert.Contains("4 notebook(s)", output);
            Assert.Contains("3 failure(s)", output);
            Assert.Matches(@"FAILED \S*a-exit\.ipynb cell 2: ProcessExited: the process running it ended \(exit code 0\)", output);
            Assert.Matches(@"FAILED \S*b-overflow\.ipynb cell 2: ProcessExited: .*exit code 134", output);
            Assert.Contains("Stack overflow", output);
            Assert.Matches(@"FAILED \S*c-thread\.ipynb cell 1: ProcessExited", output);
            foreach (var (path, text) in before) Assert.Equal(text, File.ReadAllText(path)); // left unchanged
            // The survivor ran in its own folder: no process-wide directory swap in the runner.
            var printed = Notebook.Load(fine).Cells[0].Outputs.OfType<StreamOutput>().Single().Text.Trim();
            Assert.Equal(Path.GetFullPath(dir).TrimEnd('/'), printed.TrimEnd('/'));
            Assert.Empty(Directory.GetFiles(dir, ".*"));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public async Task A_cell_that_ignores_the_timeout_is_stopped_and_the_next_notebook_runs()
    {
        var dir = Folder();
        try
        {
            var hang = Write(dir, "a-hang.ipynb", "var t = new System.Threading.Thread(() => { while (true) { } }); t.Start(); t.Join();");
            var loop = Write(dir, "b-loop.ipynb", "while (true) { }", "2");
            var fine = Write(dir, "c-fine.ipynb", "40 + 2");
            var (code, output) = await RunnerTests.Cli("notebooks", "run", "--no-images", "--timeout", "6", hang, loop, fine);
            Assert.Equal(1, code);
            Assert.Matches(@"FAILED \S*a-hang\.ipynb cell 1: TimeoutException", output);
            Assert.Matches(@"FAILED \S*b-loop\.ipynb cell 1: TimeoutException", output);
            Assert.Equal("42", Notebook.Load(fine).Cells[0].Outputs.OfType<ExecuteResultOutput>().Single().Bundle.Text);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public async Task A_malformed_notebook_is_reported_and_the_others_still_run()
    {
        var dir = Folder();
        try
        {
            var bad = Path.Combine(dir, "a-bad.ipynb");
            File.WriteAllText(bad, "{\"nbformat\": \"4\", \"cells\": []}");
            var badCount = Path.Combine(dir, "b-count.ipynb");
            File.WriteAllText(badCount, "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": [{\"cell_type\": \"code\", \"id\": \"x\", \"execution_count\": \"5\", \"metadata\": {}, \"outputs\": [], \"source\": \"1\"}]}");
            var dup = Path.Combine(dir, "c-dup.ipynb");
            File.WriteAllText(dup, "{\"nbformat\": 4, \"nbformat\": 4, \"cells\": []}");
            var fine = Write(dir, "d-fine.ipynb", "40 + 2");
            var (code, output) = await RunnerTests.Cli("notebooks", "run", "--no-images", bad, badCount, dup, fine);
            Assert.Equal(2, code);
            Assert.Contains("'nbformat' must be a number (4), not \"4\"", output);
            Assert.Contains("cell 1: 'execution_count' must be a number or null, not \"5\"", output);
            Assert.Contains("Duplicate property", output);
            Assert.Contains("3 notebook(s) not run", output);
            Assert.DoesNotContain("   at ", output); // no stack trace
            Assert.Equal("42", Notebook.Load(fine).Cells[0].Outputs.OfType<ExecuteResultOutput>().Single().Bundle.Text);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public async Task Check_leaves_no_temporary_copy_behind_when_a_cell_exits_the_process()
    {
        var dir = Folder();
        try
        {
            var exit = Write(dir, "exit.ipynb", "Environment.Exit(3);");
            var (code, output) = await RunnerTests.Cli("notebooks", "check", exit);
            Assert.Equal(1, code);
            Assert.Contains("FAILED", output);
            Assert.Empty(Directory.GetFiles(dir, ".*"));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void A_parameter_takes_the_type_of_the_default_it_replaces_and_raw_ones_stay_strings()
    {
        var nb = Notebook.Create();
        nb.Cells.Add(NotebookCell.Code("var corpusPath = \"../seeds\";\nvar k = 5;\nstring label = null;", "parameters"));
        ParameterInjector.Inject(nb, new Dictionary<string, string> { ["corpusPath"] = "2024", ["k"] = "7", ["label"] = "true", ["seed"] = "3", ["note"] = "42" },
            new HashSet<string> { "note" });
        var injected = nb.Cells.Single(c => c.HasTag("injected-parameters")).Source;
        Assert.Contains("var corpusPath = \"2024\";", injected);
        Assert.Contains("var k = 7;", injected);
        Assert.Contains("var label = \"true\";", injected);
        Assert.Contains("var seed = 3;", injected); // not declared: typed by its look
        Assert.Contains("var note = \"42\";", injected); // -r: always a string
    }

    [Fact]
    public async Task Cells_run_with_tiered_compilation_on_although_askshift_itself_starts_with_it_off()
    {
        var dir = Folder();
        try
        {
            var nb = Write(dir, "tiers.ipynb", "Environment.GetEnvironmentVariable(\"DOTNET_TieredCompilation\") ?? \"unset\"");
            var (code, output) = await RunnerTests.Cli("notebooks", "run", "--no-images", nb);
            Assert.True(code == 0, output);
            Assert.Equal("1", ((ExecuteResultOutput)Notebook.Load(nb).Cells[0].Outputs.Single()).Bundle.Text);
            // The CLI's own processes (extract and the other batch commands) keep it off, from its runtime configuration.
            var config = JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(RunnerTests.CliDll, ".runtimeconfig.json")))!;
            Assert.False((bool)config["runtimeOptions"]!["configProperties"]!["System.Runtime.TieredCompilation"]!);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public async Task A_notebook_whose_folder_or_file_cannot_be_written_is_refused_before_it_runs_and_the_rest_run()
    {
        var dir = Folder();
        var locked = Directory.CreateDirectory(Path.Combine(dir, "locked")).FullName;
        try
        {
            // Each cell leaves a mark, so a run that happened anyway would show even though its save failed.
            var inLocked = Write(locked, "a-locked-folder.ipynb", "System.IO.File.AppendAllText(\"/tmp/askshift-unwritable-" + Path.GetFileName(dir) + "\", \"ran\");");
            var readOnly = Write(dir, "b-read-only.ipynb", "1 + 1");
            var fine = Write(dir, "c-fine.ipynb", "40 + 2");
            File.SetUnixFileMode(readOnly, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            LockFolder(locked);
            Assert.False(CanCreateFileIn(locked), "the test could not make a folder unwritable here");
            var before = new[] { inLocked, readOnly }.ToDictionary(p => p, File.ReadAllText);

            var (code, output) = await RunnerTests.Cli("notebooks", "run", "--no-images", inLocked, readOnly, fine);

            Assert.NotEqual(0, code);
            Assert.Matches(@"error: \S*a-locked-folder\.ipynb: its folder cannot be written .*; not run", output);
            Assert.Matches(@"error: \S*b-read-only\.ipynb: the notebook file is read-only.*; not run", output);
            Assert.Matches(@"2 notebook\(s\) not run: \S*a-locked-folder\.ipynb, \S*b-read-only\.ipynb", output);
            Assert.False(File.Exists("/tmp/askshift-unwritable-" + Path.GetFileName(dir)), "the notebook in the locked folder ran");
            foreach (var (path, text) in before) Assert.Equal(text, File.ReadAllText(path));
            Assert.Equal("42", ((ExecuteResultOutput)Notebook.Load(fine).Cells[0].Outputs.Single()).Bundle.Text);
        }
        finally
        {
            UnlockFolder(locked);
            File.Delete("/tmp/askshift-unwritable-" + Path.GetFileName(dir));
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// Takes write permission away from a folder. Permission bits do not stop root (CI runs as root), so there the
    /// folder is made immutable instead (chattr +i), which stops root too.
    /// </summary>
    private static void LockFolder(string folder)
    {
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        if (CanCreateFileIn(folder)) Chattr("+i", folder);
    }

    private static void UnlockFolder(string folder)
    {
        if (!Directory.Exists(folder)) return;
        Chattr("-i", folder);
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static void Chattr(string flag, string folder)
    {
        using var p = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("chattr", [flag, folder])
            { RedirectStandardError = true, RedirectStandardOutput = true })!;
        p.WaitForExit();
    }

    private static bool CanCreateFileIn(string folder)
    {
        var probe = Path.Combine(folder, "probe.tmp");
        try { File.WriteAllText(probe, ""); File.Delete(probe); return true; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }
}
