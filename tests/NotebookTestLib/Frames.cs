using Microsoft.Data.Analysis;

namespace NotebookTestLib;

/// <summary>Builds values of host-known types from a separately loaded assembly, to test type unification.</summary>
public static class Frames
{
    public static DataFrame Numbers(int rows) =>
        new(new Int32DataFrameColumn("n", Enumerable.Range(0, rows)),
            new StringDataFrameColumn("label", Enumerable.Range(0, rows).Select(i => $"row {i}")));

    public static Plotly.NET.GenericChart Line() =>
        Plotly.NET.CSharp.Chart.Line<int, int, string>(new[] { 1, 2, 3 }, new[] { 2, 4, 3 });
}
