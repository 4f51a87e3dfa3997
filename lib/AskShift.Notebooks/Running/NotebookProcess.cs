using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AskShift.Notebooks;

/// <summary>
/// One process per notebook, the nbclient way: a cell that exits the process, overflows the stack, throws on a
/// background thread or will not stop costs only its own notebook. The parent (<see cref="NotebookRunner"/> with
/// <see cref="RunnerOptions.ChildCommand"/> set) starts <c>askshift notebooks exec</c> in the notebook's folder, reads
/// its progress lines, enforces the timeout by killing the process when a cell outlives it, and turns an early death
/// into a failure that names the cell that was running. The child (<see cref="ExecAsync"/>) runs the notebook in its
/// own process and writes a result file; the notebook itself is only ever written by the child's atomic save.
/// </summary>
public static class NotebookProcess
{
    /// <summary>Prefix of the child's progress lines on stdout; anything else it prints is passed on as diagnostics.</summary>
    internal const string ProgressPrefix = "@askshift-progress ";

    /// <summary>
    /// Set to "1" for the processes that compile notebook cells (the runner's children, the kernel through its
    /// kernelspec): askshift's own runtime configuration turns tiered compilation off, which suits its batch commands,
    /// while Roslyn-compiled cells start faster tiered.
    /// </summary>
    public const string TieredCompilationVariable = "DOTNET_TieredCompilation";

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The child side: runs <paramref name="path"/> in this process (whose current directory the parent set to the
    /// notebook's folder), saves it to <paramref name="outputPath"/>, and writes the outcome to <paramref name="resultFile"/>.
    /// Returns 0 when the result file was written, whatever the notebook's own outcome.
    /// </summary>
    public static async Task<int> ExecAsync(string path, string outputPath, string resultFile, RunnerOptions options, CancellationToken ct = default)
    {
        var stdout = Console.Out;
        var runner = new NotebookRunner(options with
        {
            ChildCommand = null,
            Progress = p => { lock (stdout) stdout.WriteLine(ProgressPrefix + ProgressJson(p)); stdout.Flush(); },
        });
        JsonObject result;
        try
        {
            var r = await runner.RunAsync(path, outputPath, ct);
            result = new JsonObject
            {
                ["executed"] = r.CellsExecuted, ["codeCells"] = r.CodeCells, ["elapsedMs"] = (long)r.Elapsed.TotalMilliseconds,
                ["failure"] = r.Failure is null ? null : new JsonObject
                {
                    ["cell"] = r.Failure.CellNumber, ["id"] = r.Failure.CellId, ["ename"] = r.Failure.Error.EName,
                    ["evalue"] = r.Failure.Error.EValue, ["traceback"] = new JsonArray(r.Failure.Error.Traceback.Select(t => (JsonNode?)t).ToArray()),
                },
            };
        }
        catch (MissingChartPicturesException e) { result = new JsonObject { ["refused"] = e.Message }; }
        var temp = resultFile + ".tmp";
        await File.WriteAllTextAsync(temp, result.ToJsonString(Json), CancellationToken.None);
        File.Move(temp, resultFile, overwrite: true);
        return 0;
    }

    private static string ProgressJson(CellProgress p) => new JsonObject
    {
        ["cell"] = p.CellNumber, ["of"] = p.CellCount, ["status"] = p.Status.ToString(), ["ms"] = (long)p.Elapsed.TotalMilliseconds,
        ["ename"] = p.Error?.EName, ["evalue"] = p.Error?.EValue,
    }.ToJsonString(Json);

    /// <summary>The parent side: runs one notebook in a child process and supervises it.</summary>
    internal static async Task<NotebookRunResult> RunAsync(string path, string outputPath, RunnerOptions options, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        var notebook = Notebook.Load(full); // a malformed file is refused here, before any process starts
        var resultFile = Path.Combine(Path.GetTempPath(), $"askshift-run-{Guid.NewGuid():N}.json");
        var psi = new ProcessStartInfo(options.ChildCommand![0])
        {
            WorkingDirectory = folder, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8, StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var a in options.ChildCommand.Skip(1)) psi.ArgumentList.Add(a);
        foreach (var a in new[] { "notebooks", "exec", full, "--output", Path.GetFullPath(outputPath), "--result", resultFile,
                     "--timeout", options.CellTimeout.TotalSeconds.ToString("R", CultureInfo.InvariantCulture) })
            psi.ArgumentList.Add(a);
        foreach (var (k, v) in options.Parameters)
        {
            psi.ArgumentList.Add(options.StringParameters.Contains(k) ? "--raw-parameter" : "--parameter");
            psi.ArgumentList.Add($"{k}={v}");
        }
        if (options.ImageRenderer is null) psi.ArgumentList.Add("--no-images");
        // askshift's own runtime configuration turns tiered compilation off for its batch commands; a notebook's cells
        // are compiled by Roslyn, which starts faster tiered (the default corpus's four notebooks: 53 s against 69 s).
        // A value the user set is kept.
        if (Environment.GetEnvironmentVariable(TieredCompilationVariable) is null) psi.Environment[TieredCompilationVariable] = "1";
        if (options.AllowMissingPictures) psi.ArgumentList.Add("--allow-missing-pictures");

        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {psi.FileName}");
        var running = 0;                       // the cell the child last said it started (0: none)
        var runningSince = Stopwatch.StartNew();
        var stderrTail = new Queue<string>();  // the last lines, to quote if the process dies
        var gate = new object();
        var stdoutDone = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync(CancellationToken.None) is { } line)
            {
                if (!line.StartsWith(ProgressPrefix, StringComparison.Ordinal)) { ConsoleRouter.OriginalError.WriteLine(line); continue; }
                if (ParseProgress(line[ProgressPrefix.Length..], full) is not { } p) continue;
                lock (gate)
                {
                    running = p.Status == CellStatus.Running ? p.CellNumber : 0;
                    runningSince.Restart();
                }
                options.Progress?.Invoke(p with { Notebook = path });
            }
        }, CancellationToken.None);
        var stderrDone = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync(CancellationToken.None) is { } line)
            {
                ConsoleRouter.OriginalError.WriteLine(line);
                lock (stderrTail) { stderrTail.Enqueue(line); if (stderrTail.Count > 12) stderrTail.Dequeue(); }
            }
        }, CancellationToken.None);

        string? killedFor = null;
        var limit = options.CellTimeout + options.KillGrace;
        try
        {
            while (!process.HasExited)
            {
                var exited = process.WaitForExitAsync(ct);
                await Task.WhenAny(exited, Task.Delay(250, ct));
                int cell; TimeSpan since;
                lock (gate) { cell = running; since = runningSince.Elapsed; }
                if (!process.HasExited && cell == 0 && since > options.KillGrace && File.Exists(resultFile))
                {
                    // Done and reported, but something the notebook started keeps the process alive.
                    process.Kill(entireProcessTree: true);
                }
                else if (!process.HasExited && cell > 0 && since > limit)
                {
                    killedFor = $"cell {cell} ran {since.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s, past the " +
                                $"{options.CellTimeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s timeout, and did not stop when interrupted: its process was killed";
                    process.Kill(entireProcessTree: true);
                }
            }
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        finally
        {
            await process.WaitForExitAsync(CancellationToken.None);
            await Task.WhenAll(stdoutDone, stderrDone);
            // A save killed half-way leaves the child's temporary file; the notebook itself is untouched.
            var orphan = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(outputPath))!, $".{Path.GetFileName(outputPath)}.{process.Id}.tmp");
            if (File.Exists(orphan)) File.Delete(orphan);
        }

        try
        {
            if (killedFor is null && File.Exists(resultFile))
                return ReadResult(path, notebook, resultFile, clock.Elapsed);
            int lastCell;
            lock (gate) lastCell = running;
            string tail;
            lock (stderrTail) tail = string.Join("\n", stderrTail);
            var why = killedFor ?? $"the process running it ended (exit code {process.ExitCode}) before the notebook completed" +
                (lastCell > 0 ? $", while cell {lastCell} was running" : "") +
                ": a cell may have called Environment.Exit, overflowed the stack or thrown on a background thread";
            var message = $"{why}; {Path.GetFileName(outputPath)} was not written" + (tail.Length > 0 ? $". Its last words:\n{tail}" : "");
            var failed = lastCell > 0 ? lastCell : 0;
            var id = failed > 0 && failed <= notebook.Cells.Count ? notebook.Cells[failed - 1].Id : "";
            return new NotebookRunResult(path, 0, notebook.Cells.Count(c => c.IsCode), clock.Elapsed,
                new CellFailure(failed, id, new ErrorOutput(killedFor is null ? "ProcessExited" : "TimeoutException", message, [message])));
        }
        finally
        {
            if (File.Exists(resultFile)) File.Delete(resultFile);
        }
    }

    private static CellProgress? ParseProgress(string json, string name)
    {
        try
        {
            var o = JsonNode.Parse(json)!.AsObject();
            var status = Enum.Parse<CellStatus>((string)o["status"]!);
            var error = o["ename"] is null ? null : new ErrorOutput((string)o["ename"]!, (string?)o["evalue"] ?? "", []);
            return new CellProgress(name, (int)o["cell"]!, (int)o["of"]!, status, TimeSpan.FromMilliseconds((long)o["ms"]!), error);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or NullReferenceException or FormatException)
        {
            return null;
        }
    }

    private static NotebookRunResult ReadResult(string path, Notebook notebook, string resultFile, TimeSpan elapsed)
    {
        var o = JsonNode.Parse(File.ReadAllText(resultFile))!.AsObject();
        if (o["refused"] is JsonValue refused) throw new MissingChartPicturesException(path, (string)refused!);
        CellFailure? failure = null;
        if (o["failure"] is JsonObject f)
            failure = new CellFailure((int)f["cell"]!, (string?)f["id"] ?? "", new ErrorOutput((string)f["ename"]!, (string?)f["evalue"] ?? "",
                f["traceback"]?.AsArray().Select(t => (string?)t ?? "").ToList() ?? []));
        return new NotebookRunResult(path, (int)o["executed"]!, (int)o["codeCells"]!, elapsed, failure);
    }
}
