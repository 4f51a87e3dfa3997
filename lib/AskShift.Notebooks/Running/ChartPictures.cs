namespace AskShift.Notebooks;

/// <summary>A notebook's charts have PNG pictures that a run without a renderer would drop.</summary>
public sealed class MissingChartPicturesException(string path, string message) : Exception(message)
{
    /// <summary>The notebook that was left unchanged.</summary>
    public string Path { get; } = path;
}

/// <summary>
/// Counts chart outputs (Plotly JSON) with and without their PNG picture. GitHub renders no JavaScript, so a chart
/// without a picture is invisible to the reviewers who read the committed notebooks there.
/// </summary>
public static class ChartPictures
{
    /// <summary>Charts in <paramref name="notebook"/> that carry a PNG, and charts that do not.</summary>
    public static (int WithPicture, int Without) Count(Notebook notebook)
    {
        var charts = notebook.Cells.SelectMany(Charts).ToList();
        var with = charts.Count(b => b.Data.ContainsKey("image/png"));
        return (with, charts.Count - with);
    }

    /// <summary>1-based numbers of the cells holding a chart without a picture.</summary>
    public static IReadOnlyList<int> CellsWithoutPicture(Notebook notebook) =>
        notebook.Cells.Select((c, i) => (c, i)).Where(x => Charts(x.c).Any(b => !b.Data.ContainsKey("image/png"))).Select(x => x.i + 1).ToList();

    /// <summary>The output bundles of <paramref name="cell"/> that hold a chart.</summary>
    static IEnumerable<MimeBundle> Charts(NotebookCell cell) =>
        cell.Outputs.Select(o => o switch { DisplayOutput d => d.Bundle, ExecuteResultOutput r => r.Bundle, _ => null })
            .OfType<MimeBundle>().Where(b => b.Data.ContainsKey(Formatter.PlotlyMime));
}
