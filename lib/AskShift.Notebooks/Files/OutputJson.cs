using System.Text.Json.Nodes;

namespace AskShift.Notebooks;

/// <summary>Converts between the engine's outputs and nbformat 4 output JSON.</summary>
internal static class OutputJson
{
    public static JsonObject Write(CellOutput output, int? executionCount) => output switch
    {
        StreamOutput s => new JsonObject { ["name"] = s.Name, ["output_type"] = "stream", ["text"] = Lines(s.Text) },
        DisplayOutput d => new JsonObject { ["data"] = Data(d.Bundle), ["metadata"] = Meta(d.Bundle), ["output_type"] = "display_data" },
        ExecuteResultOutput r => new JsonObject
        {
            ["data"] = Data(r.Bundle), ["execution_count"] = executionCount, ["metadata"] = Meta(r.Bundle), ["output_type"] = "execute_result",
        },
        ErrorOutput e => new JsonObject
        {
            ["ename"] = e.EName, ["evalue"] = e.EValue, ["output_type"] = "error",
            ["traceback"] = new JsonArray(e.Traceback.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()),
        },
        _ => throw new ArgumentException($"{output.GetType().Name} is not stored in notebooks; apply it before saving."),
    };

    public static CellOutput Read(JsonObject o, string where)
    {
        var type = o["output_type"]?.GetValue<string>() ?? throw new NotebookFormatException($"{where}: output without output_type");
        return type switch
        {
            "stream" => new StreamOutput(o["name"]?.GetValue<string>() ?? "stdout", Text(o["text"])),
            "display_data" => new DisplayOutput(Bundle(o), null),
            "execute_result" => new ExecuteResultOutput(Bundle(o)),
            "error" => new ErrorOutput(o["ename"]?.GetValue<string>() ?? "", o["evalue"]?.GetValue<string>() ?? "",
                (o["traceback"] as JsonArray ?? []).Select(t => t?.GetValue<string>() ?? "").ToList()),
            _ => throw new NotebookFormatException($"{where}: unknown output_type '{type}'"),
        };
    }

    private static MimeBundle Bundle(JsonObject o)
    {
        var data = new Dictionary<string, JsonNode>();
        foreach (var (k, v) in o["data"] as JsonObject ?? [])
            if (v is not null) data[k] = v is JsonArray && !k.EndsWith("json", StringComparison.Ordinal) ? JsonValue.Create(Text(v)) : v.DeepClone();
        var meta = (o["metadata"] as JsonObject)?.ToDictionary(p => p.Key, p => p.Value!.DeepClone());
        return new MimeBundle(data, meta is { Count: > 0 } ? meta : null);
    }

    private static JsonObject Data(MimeBundle b)
    {
        var data = new JsonObject();
        foreach (var (k, v) in b.Data.OrderBy(p => p.Key, StringComparer.Ordinal))
            data[k] = v is JsonValue val && val.TryGetValue<string>(out var s) && k != "image/png" ? Lines(s) : v.DeepClone();
        return data;
    }

    private static JsonObject Meta(MimeBundle b)
    {
        var meta = new JsonObject();
        foreach (var (k, v) in b.Metadata ?? new Dictionary<string, JsonNode>()) meta[k] = v.DeepClone();
        return meta;
    }

    /// <summary>nbformat multiline string: a list of lines, each keeping its newline (Jupyter's own layout).</summary>
    public static JsonArray Lines(string text)
    {
        var result = new JsonArray();
        var start = 0;
        while (start < text.Length)
        {
            var nl = text.IndexOf('\n', start);
            var end = nl < 0 ? text.Length : nl + 1;
            result.Add(text[start..end]);
            start = end;
        }
        return result;
    }

    public static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonArray a => string.Concat(a.Select(x => x?.GetValue<string>())),
        _ => node.GetValue<string>(),
    };
}
