using System.Text;
using AskShift.Notebooks;
using CsCheck;

namespace AskShift.Notebooks.Tests;

/// <summary>
/// The notebook reader on random and mutated files (CsCheck): a file is a notebook or a
/// <see cref="NotebookFormatException"/> naming it, never another exception, and what it reads saves and reads back.
/// </summary>
public class NotebookReaderPropertyTests
{
    private static readonly string Valid = ValidJson();

    private static string ValidJson()
    {
        var nb = Notebook.Create();
        nb.Cells.Add(NotebookCell.Code("var x = 1;\nx", "parameters"));
        var cell = NotebookCell.Code("Console.WriteLine(\"hi\");");
        cell.Outputs.Add(new StreamOutput("stdout", "hi\n"));
        cell.ExecutionCount = 2;
        nb.Cells.Add(cell);
        nb.Cells.Add(new NotebookCell { Id = "md1", CellType = "markdown", Source = "# Title" });
        return nb.ToJson();
    }

    // Mutations that keep most of the structure: swap a value's type, drop or repeat a key, cut the text.
    private static readonly Gen<string> Mutated = Gen.Select(Gen.Int[0, 6], Gen.Int[0, int.MaxValue], (kind, at) =>
    {
        var s = Valid;
        var p = at % s.Length;
        return kind switch
        {
            0 => s[..p],
            1 => s.Remove(p, Math.Min(5, s.Length - p)),
            2 => s.Replace("\"nbformat\": 4", "\"nbformat\": \"4\""),
            3 => s.Replace("\"execution_count\": 2", "\"execution_count\": \"2\""),
            4 => s.Replace("\"id\": \"md1\"", "\"id\": 7"),
            5 => s.Insert(s.IndexOf("\"cells\"", StringComparison.Ordinal), "\"cells\": [],"),
            _ => s.Insert(p, "{[\"\\"),
        };
    });

    private static void ReadsOrRefuses(string json)
    {
        Notebook nb;
        try { nb = Notebook.Parse(json, "fuzz.ipynb"); }
        catch (NotebookFormatException e) { Assert.StartsWith("fuzz.ipynb", e.Message); return; }
        var again = Notebook.Parse(nb.ToJson(), "again.ipynb");
        Assert.Equal(nb.Cells.Count, again.Cells.Count);
    }

    [Fact]
    public void Mutated_notebooks_are_read_or_refused_by_name() => Mutated.Sample(ReadsOrRefuses, iter: 500);

    [Fact]
    public void Random_text_is_read_or_refused_by_name() =>
        Gen.String[0, 400].Sample(ReadsOrRefuses, iter: 500);
}
