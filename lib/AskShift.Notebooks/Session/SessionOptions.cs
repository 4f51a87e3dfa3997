namespace AskShift.Notebooks;

/// <summary>Settings for one <see cref="NotebookSession"/>; the defaults suit the headless runner and the kernel alike.</summary>
public sealed class SessionOptions
{
    /// <summary>
    /// Directory that relative <c>#r "x.dll"</c> and <c>#load "x.csx"</c> paths start from: the notebook's own folder,
    /// so a notebook runs the same whether it is started from the repository root or from its folder.
    /// </summary>
    public string WorkingDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>
    /// Renders chart figures to PNG so GitHub and nbviewer (which run no JavaScript) can show them. Null keeps only the
    /// interactive Plotly JSON. Defaults to the process-wide Chromium renderer.
    /// </summary>
    public IChartImageRenderer? ImageRenderer { get; init; } = ChromiumChartRenderer.Shared;

    /// <summary>Size of the PNG picture of a chart whose layout sets no size.</summary>
    public int ChartWidth { get; init; } = ChromiumChartRenderer.DefaultWidth;

    /// <inheritdoc cref="ChartWidth"/>
    public int ChartHeight { get; init; } = ChromiumChartRenderer.DefaultHeight;

    /// <summary>
    /// Where the engine reports its own warnings (e.g. "no Chromium"), kept apart from the cells' captured console.
    /// </summary>
    public TextWriter Diagnostics { get; init; } = ConsoleRouter.OriginalError;

    /// <summary>
    /// How long an interrupted cell's code gets to reach a loop check and stop before the cell is reported as still
    /// running in the background. Short, because the front end waits for the answer.
    /// </summary>
    public TimeSpan InterruptGrace { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Console text one cell may show (characters, whole lines); the rest is counted and replaced by an "output
    /// truncated" line, so a runaway print loop costs neither the runner's memory nor the front end's.
    /// </summary>
    public long MaxCellOutputChars { get; init; } = 5_000_000;
}
