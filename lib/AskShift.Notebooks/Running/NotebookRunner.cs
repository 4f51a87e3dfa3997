using System.Diagnostics;

namespace AskShift.Notebooks;

/// <summary>
/// Runs a notebook top to bottom in a fresh session and writes the outputs back, like papermill/nbclient: stops at
/// the first unexpected error (recorded in that cell; later cells are cleared so no stale output survives), honours
/// the <c>skip-execution</c>, <c>raises-exception</c> and <c>parameters</c> tags, and a per-cell timeout.
/// </summary>
public sealed class NotebookRunner(RunnerOptions? options = null)
{
    private readonly RunnerOptions options = options ?? new RunnerOptions();

    /// <summary>
    /// Runs <paramref name="path"/> and saves the result to <paramref name="outputPath"/> (default: in place).
    /// The file is always written, failed or not, as a complete notebook.
    /// </summary>
    /// <exception cref="MissingChartPicturesException">The run would write over a notebook whose charts have pictures
    /// and no renderer is available (and <see cref="RunnerOptions.AllowMissingPictures"/> is off): nothing is run and
    /// nothing written.</exception>
    public async Task<NotebookRunResult> RunAsync(string path, string? outputPath = null, CancellationToken ct = default)
    {
        var notebook = Notebook.Load(path);
        // Only a run that writes over the notebook could lose its pictures; a copy written elsewhere cannot.
        var inPlace = outputPath is null || Path.GetFullPath(outputPath) == Path.GetFullPath(path);
        var hadPictures = inPlace && ChartPictures.Count(notebook).WithPicture > 0;
        if (hadPictures && !options.AllowMissingPictures && options.ImageRenderer is not { IsAvailable: true })
            throw new MissingChartPicturesException(path,
                $"{path}: its charts have PNG pictures, but {options.ImageRenderer?.MissingHint ?? "no chart renderer is configured"}; " +
                "the notebook was not run and not changed. Pass --no-images to write it without pictures on purpose.");
        if (options.ChildCommand is not null) return await NotebookProcess.RunAsync(path, outputPath ?? path, options, ct);
        ParameterInjector.Inject(notebook, options.Parameters, options.StringParameters);
        var clock = Stopwatch.StartNew();
        var result = await RunAsync(notebook, Path.GetDirectoryName(Path.GetFullPath(path))!, path, ct);
        var lost = hadPictures && !options.AllowMissingPictures ? ChartPictures.Count(notebook).Without : 0;
        if (lost > 0)
        {
            // Rendering failed part-way (the browser crashed, say): keep the committed file rather than lose its pictures.
            var error = new ErrorOutput("MissingChartPicture",
                $"{lost} chart(s) got no PNG picture ({options.ImageRenderer?.MissingHint ?? "no renderer"}); {path} was left unchanged", []);
            return result with { Elapsed = clock.Elapsed, Failure = result.Failure ?? new CellFailure(0, "", error) };
        }
        notebook.Save(outputPath ?? path);
        return result with { Elapsed = clock.Elapsed };
    }

    /// <summary>
    /// Runs an in-memory notebook in this process. <paramref name="workingDirectory"/> is where <c>#r</c> and
    /// <c>#load</c> paths are resolved from.
    /// </summary>
    /// <remarks>
    /// The process's current directory is left alone: it is one setting for every thread, so changing it for one run
    /// would move it under anything else the process is doing (another run, a test, the notebook that called this).
    /// Relative paths in cells (<c>Corpus.Load("../seeds")</c>) therefore resolve against the caller's current
    /// directory here. To run a notebook in its own folder, as Jupyter does, set <see cref="RunnerOptions.ChildCommand"/>
    /// (what <c>askshift notebooks run</c> does): each notebook then gets a process of its own, started in its folder.
    /// </remarks>
    public Task<NotebookRunResult> RunAsync(Notebook notebook, string workingDirectory, string name, CancellationToken ct = default) =>
        RunInDirectoryAsync(notebook, workingDirectory, name, Stopwatch.StartNew(), ct);

    async Task<NotebookRunResult> RunInDirectoryAsync(Notebook notebook, string workingDirectory, string name, Stopwatch clock, CancellationToken ct)
    {
        await using var session = new NotebookSession(new SessionOptions
        {
            WorkingDirectory = workingDirectory, ImageRenderer = options.ImageRenderer,
        });
        var codeCells = notebook.Cells.Count(c => c.IsCode);
        var executed = 0;
        CellFailure? failure = null;
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            if (!cell.IsCode) continue;
            var number = i + 1;
            if (failure is not null) { cell.Outputs.Clear(); cell.ExecutionCount = null; continue; }
            if (cell.HasTag("skip-execution"))
            {
                options.Progress?.Invoke(new CellProgress(name, number, notebook.Cells.Count, CellStatus.Skipped, TimeSpan.Zero));
                continue;
            }
            options.Progress?.Invoke(new CellProgress(name, number, notebook.Cells.Count, CellStatus.Running, TimeSpan.Zero));
            cell.Outputs.Clear();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.CellTimeout);
            var r = await session.ExecuteAsync(cell.Source, ct: timeout.Token);
            executed++;
            cell.ExecutionCount = session.ExecutionCount;
            Apply(cell, r.Outputs);
            var error = cell.Outputs.OfType<ErrorOutput>().LastOrDefault();
            if (!r.Success && timeout.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                error = new ErrorOutput("TimeoutException", $"Cell {number} did not finish within {options.CellTimeout.TotalSeconds:0.#} s.",
                    [$"TimeoutException: cell {number} did not finish within {options.CellTimeout.TotalSeconds:0.#} s (see --timeout)."]);
                cell.Outputs.RemoveAll(o => o is ErrorOutput);
                cell.Outputs.Add(error);
            }
            CellStatus status;
            if (r.Success) status = CellStatus.Succeeded;
            else if (cell.HasTag("raises-exception") && !ct.IsCancellationRequested) status = CellStatus.ExpectedError;
            else
            {
                status = CellStatus.Failed;
                failure = new CellFailure(number, cell.Id, error ?? new ErrorOutput("Error", "cell failed", []));
            }
            options.Progress?.Invoke(new CellProgress(name, number, notebook.Cells.Count, status, r.Elapsed, status == CellStatus.Failed ? failure!.Error : null));
        }
        return new NotebookRunResult(name, executed, codeCells, clock.Elapsed, failure);
    }

    /// <summary>Folds live-only outputs into what a file stores: updates replace their display, clears drop earlier outputs.</summary>
    internal static void Apply(NotebookCell cell, IEnumerable<CellOutput> outputs)
    {
        var ids = new Dictionary<string, int>();
        foreach (var o in outputs)
        {
            switch (o)
            {
                case ClearOutput:
                    cell.Outputs.Clear(); ids.Clear();
                    break;
                case UpdateDisplayOutput u:
                    if (ids.TryGetValue(u.DisplayId, out var at)) cell.Outputs[at] = new DisplayOutput(u.Bundle, u.DisplayId);
                    break;
                case DisplayOutput d:
                    if (d.DisplayId is not null) ids[d.DisplayId] = cell.Outputs.Count;
                    cell.Outputs.Add(d);
                    break;
                default:
                    cell.Outputs.Add(o);
                    break;
            }
        }
    }
}
