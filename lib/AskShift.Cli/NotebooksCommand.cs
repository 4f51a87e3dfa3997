using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using AskShift.Notebooks;

namespace AskShift.Cli;

/// <summary>
/// <c>askshift notebooks run|check</c>: executes the C# notebooks headless (the project's main job) and tells CI
/// whether the committed outputs are stale.
/// </summary>
public static class NotebooksCommand
{
    /// <summary>The <c>notebooks</c> command with its <c>run</c> and <c>check</c> subcommands.</summary>
    public static Command Create()
    {
        var command = new Command("notebooks", "Execute the C# notebooks headless, writing outputs in place, or check they are current.");
        command.Subcommands.Add(RunCommand());
        command.Subcommands.Add(CheckCommand());
        command.Subcommands.Add(ExecCommand());
        return command;
    }

    /// <summary>This askshift, as a command line that starts it again (the child process of each notebook).</summary>
    private static IReadOnlyList<string> Self()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("cannot tell which executable is running");
        return Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? [process, Path.Combine(AppContext.BaseDirectory, "askshift.dll")]
            : [process];
    }

    private static Option<string[]> ParameterOption() => new("--parameter", "-p")
    {
        Description = "name=value injected after the cell tagged 'parameters' (papermill style); the value takes the type of the " +
                      "default it replaces (a string default keeps it a string), else a number or boolean if it looks like one. Repeatable.",
    };

    private static Option<string[]> RawParameterOption() => new("--raw-parameter", "-r")
    {
        Description = "name=value injected as a string whatever it looks like (papermill's -r). Repeatable.",
    };

    /// <summary>
    /// The child side of <c>run</c> and <c>check</c>: runs one notebook in this process (started in its folder) and
    /// writes a result file. Hidden: users run <c>run</c>, which starts one of these per notebook.
    /// </summary>
    private static Command ExecCommand()
    {
        var notebook = new Argument<string>("NOTEBOOK");
        var output = new Option<string>("--output") { Required = true };
        var result = new Option<string>("--result") { Required = true };
        var timeout = TimeoutOption();
        var parameters = ParameterOption();
        var raw = RawParameterOption();
        var noImages = new Option<bool>("--no-images");
        var allowMissing = new Option<bool>("--allow-missing-pictures");
        var exec = new Command("exec", "Run one notebook in this process and write a result file (started by run and check).")
        {
            notebook, output, result, timeout, parameters, raw, noImages, allowMissing,
        };
        exec.Hidden = true;
        exec.SetAction(async (parse, ct) =>
        {
            if (!TryOptions(parse.GetValue(timeout), parse.GetValue(parameters) ?? [], parse.GetValue(raw) ?? [], out var options)) return ExitCodes.BadInput;
            options = options with { AllowMissingPictures = parse.GetValue(allowMissing) };
            if (parse.GetValue(noImages)) options = options with { ImageRenderer = null };
            int code;
            try { code = await NotebookProcess.ExecAsync(parse.GetValue(notebook)!, parse.GetValue(output)!, parse.GetValue(result)!, options, ct); }
            finally { await ChromiumChartRenderer.Shared.DisposeAsync(); }
            // A thread a cell started (not a background thread) would keep this process alive after the notebook is done.
            Console.Out.Flush();
            Environment.Exit(code);
            return code;
        });
        return exec;
    }

    private static Argument<string[]> NotebookArgument() => new("NOTEBOOK")
    {
        Arity = ArgumentArity.ZeroOrMore,
        Description = "Notebooks to run (default: notebooks/*.ipynb of this repository).",
    };

    private static Option<double> TimeoutOption() => new("--timeout")
    {
        Description = "Per-cell timeout in seconds.", DefaultValueFactory = _ => 600,
    };

    private static Command RunCommand()
    {
        var notebooks = NotebookArgument();
        var timeout = TimeoutOption();
        var parameters = ParameterOption();
        var raw = RawParameterOption();
        var noImages = new Option<bool>("--no-images")
        {
            Description = "Write the notebooks without chart pictures on purpose (no Chromium here). Without it, a run that " +
                          "cannot draw pictures refuses to overwrite notebooks whose charts have them.",
        };
        var run = new Command("run", "Run notebooks top to bottom in fresh sessions and write their outputs in place.")
        {
            notebooks, timeout, parameters, raw, noImages,
        };
        run.SetAction(async (parse, ct) =>
        {
            if (!TryOptions(parse.GetValue(timeout), parse.GetValue(parameters) ?? [], parse.GetValue(raw) ?? [], out var options)) return ExitCodes.BadInput;
            if (!TryFind(parse.GetValue(notebooks) ?? [], out var files)) return ExitCodes.BadInput;
            if (parse.GetValue(noImages))
            {
                options = options with { ImageRenderer = null, AllowMissingPictures = true };
                Console.Error.WriteLine("warning: --no-images: charts are written without PNG pictures; GitHub will show them as empty");
            }
            // Every file is read before anything runs: a malformed one is reported, and the others still run.
            var unreadable = new List<string>();
            foreach (var f in files.ToList())
            {
                try { Notebook.Load(f); }
                catch (NotebookFormatException e) { Console.Error.WriteLine($"error: {e.Message}"); unreadable.Add(f); files.Remove(f); }
            }
            if (!parse.GetValue(noImages) && options.ImageRenderer is not { IsAvailable: true })
            {
                // Refuse before anything is written: one notebook run and the next refused would leave a mixed state.
                var withPictures = files.Where(f => ChartPictures.Count(Notebook.Load(f)).WithPicture > 0).ToList();
                if (withPictures.Count > 0)
                {
                    Console.Error.WriteLine($"error: {options.ImageRenderer?.MissingHint ?? "no chart renderer"}; " +
                                            $"these notebooks have chart pictures that a run now would drop: {string.Join(", ", withPictures.Select(Rel))}. " +
                                            "Nothing was run or changed. Install Chromium, or pass --no-images to write them without pictures on purpose.");
                    return ExitCodes.Failed;
                }
            }
            var runner = new NotebookRunner(options with { ChildCommand = Self() });
            var clock = Stopwatch.StartNew();
            var results = new List<NotebookRunResult>();
            foreach (var file in files)
            {
                Console.WriteLine($"{Rel(file)}");
                // Found before the cells run, not after: a folder the run cannot write to.
                if (Unwritable(file) is { } why)
                {
                    Console.Error.WriteLine($"error: {Rel(file)}: {why}; not run");
                    unreadable.Add(file);
                    continue;
                }
                try { results.Add(await runner.RunAsync(file, ct: ct)); }
                catch (NotebookFormatException e) { Console.Error.WriteLine($"error: {e.Message}"); unreadable.Add(file); }
                catch (MissingChartPicturesException e) { Console.Error.WriteLine($"error: {e.Message}"); unreadable.Add(file); }
            }
            await ChromiumChartRenderer.Shared.DisposeAsync();
            var code = Summary(results, clock.Elapsed);
            if (unreadable.Count > 0)
            {
                Console.Error.WriteLine($"{unreadable.Count} notebook(s) not run: {string.Join(", ", unreadable.Select(Rel))}");
                return code == ExitCodes.Ok ? ExitCodes.BadInput : code;
            }
            return code;
        });
        return run;
    }

    private static Command CheckCommand()
    {
        var notebooks = NotebookArgument();
        var timeout = TimeoutOption();
        var check = new Command("check", "Execute notebooks into a temporary copy and report cells whose committed text outputs are stale.")
        {
            notebooks, timeout,
        };
        check.SetAction(async (parse, ct) =>
        {
            if (!TryOptions(parse.GetValue(timeout), [], [], out var options)) return ExitCodes.BadInput;
            if (!TryFind(parse.GetValue(notebooks) ?? [], out var files)) return ExitCodes.BadInput;
            var checker = new NotebookChecker(options with { ChildCommand = Self() });
            var stale = 0;
            foreach (var file in files)
            {
                Console.WriteLine($"{Rel(file)}");
                NotebookCheckResult r;
                try { r = await checker.CheckAsync(file, ct); }
                catch (NotebookFormatException e) { Console.Error.WriteLine($"error: {e.Message}"); stale++; continue; }
                if (r.Run.Failure is { } f)
                    Console.WriteLine($"  FAILED {Rel(file)} cell {f.CellNumber}: {f.Error.EName}: {f.Error.EValue}");
                foreach (var d in r.Differences)
                    Console.WriteLine($"  STALE {Rel(file)} cell {d.CellNumber} (id {d.CellId}): committed output differs from a fresh run\n" +
                                      $"    committed: {Short(d.Committed)}\n    fresh:     {Short(d.Fresh)}");
                if (!r.UpToDate) stale++;
                else Console.WriteLine("  up to date");
            }
            await ChromiumChartRenderer.Shared.DisposeAsync();
            Console.WriteLine($"{files.Count} notebook(s) checked, {stale} stale or failing");
            return stale == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return check;
    }

    private static bool TryOptions(double timeoutSeconds, string[] parameterArgs, string[] rawArgs, out RunnerOptions options)
    {
        options = null!;
        if (timeoutSeconds <= 0) { Console.Error.WriteLine("error: --timeout must be a positive number of seconds"); return false; }
        var parameters = new Dictionary<string, string>();
        var strings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (p, raw) in parameterArgs.Select(p => (p, false)).Concat(rawArgs.Select(p => (p, true))))
        {
            try
            {
                var kv = ParameterInjector.ParseArgument(p);
                parameters[kv.Key] = kv.Value;
                if (raw) strings.Add(kv.Key); else strings.Remove(kv.Key);
            }
            catch (ArgumentException e) { Console.Error.WriteLine($"error: {e.Message}"); return false; }
        }
        options = new RunnerOptions
        {
            CellTimeout = TimeSpan.FromSeconds(timeoutSeconds), Parameters = parameters, StringParameters = strings, Progress = Report,
        };
        return true;
    }

    /// <summary>Why the run could not save <paramref name="file"/> in place, or null when it can.</summary>
    private static string? Unwritable(string file)
    {
        var probe = Path.Combine(Path.GetDirectoryName(file)!, $".askshift-write-probe-{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllText(probe, "");
            File.Delete(probe);
            if (new FileInfo(file).IsReadOnly) return "the notebook file is read-only, so its outputs cannot be saved";
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"its folder cannot be written ({e.Message}), so its outputs could not be saved";
        }
    }

    private static void Report(CellProgress p)
    {
        var label = p.Status switch
        {
            CellStatus.Running => null,
            CellStatus.Succeeded => "ok",
            CellStatus.ExpectedError => "ok (expected error)",
            CellStatus.Skipped => "skipped",
            _ => $"FAILED: {p.Error?.EName}: {p.Error?.EValue}",
        };
        if (label is not null)
            Console.WriteLine($"  cell {p.CellNumber}/{p.CellCount} {label} {Seconds(p.Elapsed)}");
    }

    private static int Summary(List<NotebookRunResult> results, TimeSpan elapsed)
    {
        var cells = results.Sum(r => r.CellsExecuted);
        var failures = results.Where(r => r.Failure is not null).ToList();
        Console.WriteLine($"{results.Count} notebook(s), {cells} cell(s) executed in {Seconds(elapsed)}, {failures.Count} failure(s)");
        foreach (var r in failures)
            Console.Error.WriteLine($"FAILED {Rel(r.Path)} cell {r.Failure!.CellNumber}: {r.Failure.Error.EName}: {r.Failure.Error.EValue}");
        return failures.Count == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }

    /// <summary>
    /// The given notebooks, or notebooks/*.ipynb of the current directory, or of the repository (the folder with
    /// Notebooks.sln) above it, so the command works from anywhere inside a checkout.
    /// </summary>
    private static bool TryFind(string[] given, out List<string> files)
    {
        files = [];
        if (given.Length > 0)
        {
            foreach (var g in given)
            {
                if (!File.Exists(g)) { Console.Error.WriteLine($"error: notebook not found: {g}"); return false; }
                files.Add(Path.GetFullPath(g));
            }
            return true;
        }
        var dir = new DirectoryInfo(Environment.CurrentDirectory);
        string? folder = Directory.Exists("notebooks") ? Path.GetFullPath("notebooks") : null;
        for (var d = dir; folder is null && d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Notebooks.sln"))) folder = Path.Combine(d.FullName, "notebooks");
        if (folder is null || !Directory.Exists(folder))
        {
            Console.Error.WriteLine("error: no notebooks given and no notebooks/ folder found here or in the repository (Notebooks.sln) above");
            return false;
        }
        files = Directory.GetFiles(folder, "*.ipynb").Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) { Console.Error.WriteLine($"error: no .ipynb files in {folder}"); return false; }
        return true;
    }

    private static string Rel(string path) => Path.GetRelativePath(Environment.CurrentDirectory, path);

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    private static string Short(string s)
    {
        s = s.Replace('\n', ' ');
        return s.Length > 160 ? s[..159] + "…" : s;
    }
}
