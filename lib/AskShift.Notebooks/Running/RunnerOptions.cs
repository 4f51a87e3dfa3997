namespace AskShift.Notebooks;

/// <summary>How <see cref="NotebookRunner"/> runs notebooks.</summary>
public sealed record RunnerOptions
{
    /// <summary>Longest a single cell may run before the notebook fails; generous, since cells may train models.</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>papermill-style parameters, injected as a cell after the cell tagged <c>parameters</c>.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Chart picture renderer for the run's sessions (null: Plotly JSON only).</summary>
    public IChartImageRenderer? ImageRenderer { get; init; } = ChromiumChartRenderer.Shared;

    /// <summary>
    /// Write a notebook whose charts lost their PNG pictures (no renderer, or rendering failed) over one whose charts had
    /// them. Off by default: on GitHub, where reviewers read the notebooks, a chart without a picture shows nothing.
    /// </summary>
    public bool AllowMissingPictures { get; init; }

    /// <summary>Called as cells start and finish, for progress display.</summary>
    public Action<CellProgress>? Progress { get; init; }

    /// <summary>
    /// Parameters always injected as strings, whatever they look like (<c>-r corpusPath=2024</c>, papermill's raw
    /// parameters). Others take the type of the default in the parameters cell, or look like a number or boolean.
    /// </summary>
    public IReadOnlySet<string> StringParameters { get; init; } = new HashSet<string>();

    /// <summary>
    /// How to start <c>askshift notebooks exec</c> (executable, then its leading arguments). When set, every notebook
    /// runs in a process of its own in its folder (see <see cref="NotebookProcess"/>): the CLI sets it, so nothing a
    /// cell does can take the batch down, and cells see the notebook's folder as their current directory. Null runs in
    /// this process, in the caller's current directory, which this runner never changes (it is process-wide).
    /// </summary>
    public IReadOnlyList<string>? ChildCommand { get; init; }

    /// <summary>
    /// With <see cref="ChildCommand"/>: how long past <see cref="CellTimeout"/> a cell's process may go on before it is
    /// killed (the interrupt at the timeout stops cells that cooperate; this stops the ones that do not).
    /// </summary>
    public TimeSpan KillGrace { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>Progress of one cell. <paramref name="CellNumber"/> counts all cells from 1, as editors show them.</summary>
public sealed record CellProgress(string Notebook, int CellNumber, int CellCount, CellStatus Status, TimeSpan Elapsed, ErrorOutput? Error = null);

/// <summary>Where a cell is in a run.</summary>
public enum CellStatus { Running, Succeeded, Failed, ExpectedError, Skipped }

/// <summary>The failing cell of a run: its 1-based number, id and error.</summary>
public sealed record CellFailure(int CellNumber, string CellId, ErrorOutput Error);

/// <summary>The outcome of running one notebook.</summary>
public sealed record NotebookRunResult(string Path, int CellsExecuted, int CodeCells, TimeSpan Elapsed, CellFailure? Failure)
{
    /// <summary>True when no cell failed unexpectedly.</summary>
    public bool Success => Failure is null;
}
