using System.Text.Json.Nodes;

namespace AskShift.Notebooks;

/// <summary>One cell of a .ipynb notebook. Outputs use the engine's own output records, so a run writes them as-is.</summary>
public sealed class NotebookCell
{
    /// <summary>nbformat 4.5 cell id: stable across runs so diffs and editors can track cells.</summary>
    public required string Id { get; set; }

    /// <summary><c>code</c>, <c>markdown</c> or <c>raw</c>.</summary>
    public required string CellType { get; init; }

    /// <summary>The cell text, lines joined with \n.</summary>
    public string Source { get; set; } = "";

    /// <summary>Cell metadata as stored (tags, editor metadata); kept as JSON so unknown keys survive a run.</summary>
    public JsonObject Metadata { get; init; } = new();

    /// <summary>Which execution produced the outputs; null when not run.</summary>
    public int? ExecutionCount { get; set; }

    /// <summary>The cell's outputs (code cells only).</summary>
    public List<CellOutput> Outputs { get; } = [];

    /// <summary>Attachments of markdown cells, passed through untouched.</summary>
    public JsonNode? Attachments { get; init; }

    /// <summary>True for code cells, the only ones that run.</summary>
    public bool IsCode => CellType == "code";

    /// <summary>The cell's tags (papermill/nbclient conventions such as <c>parameters</c> and <c>raises-exception</c>).</summary>
    public IReadOnlyList<string> Tags =>
        Metadata["tags"] is JsonArray a ? a.Select(t => t?.GetValue<string>() ?? "").ToList() : [];

    /// <summary>Whether the cell carries <paramref name="tag"/>.</summary>
    public bool HasTag(string tag) => Tags.Contains(tag);

    /// <summary>A new code cell with the .NET Interactive metadata that marks it as C#.</summary>
    public static NotebookCell Code(string source, params string[] tags)
    {
        var cell = new NotebookCell { Id = NewId(), CellType = "code", Source = source };
        if (tags.Length > 0) cell.Metadata["tags"] = new JsonArray(tags.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray());
        Notebook.MarkCSharp(cell);
        return cell;
    }

    internal static string NewId() => Guid.NewGuid().ToString("N")[..12];
}
