using System.Text.Json.Nodes;

namespace AskShift.Notebooks;

/// <summary>
/// A value rendered in several MIME types at once; the front end (VS Code, GitHub, nbviewer) picks the richest one it
/// can show. Text types are JSON strings, <c>application/*json</c> types are JSON objects and <c>image/png</c> is base64,
/// exactly as nbformat stores them.
/// </summary>
public sealed record MimeBundle(IReadOnlyDictionary<string, JsonNode> Data, IReadOnlyDictionary<string, JsonNode>? Metadata)
{
    /// <summary>A bundle holding just <c>text/plain</c>, the one type every front end can show.</summary>
    public static MimeBundle PlainText(string text) =>
        new(new Dictionary<string, JsonNode> { ["text/plain"] = JsonValue.Create(text) }, null);

    /// <summary>The <c>text/plain</c> rendering, if any.</summary>
    public string? Text => Data.TryGetValue("text/plain", out var n) ? n.GetValue<string>() : null;
}
