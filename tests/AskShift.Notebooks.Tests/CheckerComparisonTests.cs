using System.Text.Json.Nodes;
using AskShift.Notebooks;

namespace AskShift.Notebooks.Tests;

/// <summary>
/// Committed notebooks may have been written by nbconvert or VS Code rather than the runner; the checker must see
/// their outputs as current when only the JSON layout differs, and as stale when the content does.
/// </summary>
public class CheckerComparisonTests
{
    private static NotebookCell CellWith(params CellOutput[] outputs)
    {
        var cell = NotebookCell.Code("x");
        cell.Outputs.AddRange(outputs);
        return cell;
    }

    private static CellOutput Chart(string json) => new DisplayOutput(new MimeBundle(new Dictionary<string, JsonNode>
    {
        ["application/vnd.plotly.v1+json"] = JsonNode.Parse(json)!,
        ["text/plain"] = JsonValue.Create("Plotly chart")!,
    }, null), null);

    [Fact]
    public void Json_outputs_compare_by_content_not_key_order_or_number_format()
    {
        var dotnet = CellWith(Chart("""{"data":[{"type":"bar","y":[1.0,2.5]}],"layout":{"width":600,"title":{"text":"T\u00e9"}}}"""));
        var python = CellWith(Chart("""{"layout":{"title":{"text":"Té"},"width":600.0},"data":[{"y":[1,2.5],"type":"bar"}]}"""));
        Assert.Equal(NotebookChecker.Describe(dotnet), NotebookChecker.Describe(python));
    }

    [Fact]
    public void Changed_json_content_is_a_difference()
    {
        var a = CellWith(Chart("""{"data":[{"type":"bar","y":[1,2]}]}"""));
        var b = CellWith(Chart("""{"data":[{"type":"bar","y":[1,3]}]}"""));
        Assert.NotEqual(NotebookChecker.Describe(a), NotebookChecker.Describe(b));
    }

    [Fact]
    public void Stream_chunks_of_one_stream_are_merged_but_streams_stay_apart()
    {
        var onePiece = CellWith(new StreamOutput("stdout", "a\nb\n"));
        var twoPieces = CellWith(new StreamOutput("stdout", "a\n"), new StreamOutput("stdout", "b\n"));
        var otherStream = CellWith(new StreamOutput("stdout", "a\n"), new StreamOutput("stderr", "b\n"));
        Assert.Equal(NotebookChecker.Describe(onePiece), NotebookChecker.Describe(twoPieces));
        Assert.NotEqual(NotebookChecker.Describe(onePiece), NotebookChecker.Describe(otherStream));
    }
}
