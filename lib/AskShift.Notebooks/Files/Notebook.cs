using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AskShift.Notebooks;

/// <summary>
/// A .ipynb notebook in nbformat 4.5. Files in 4.4 or earlier 4.x are upgraded on read (cell ids added). Saving is
/// atomic (temp file + rename), so an interrupted run never leaves half a notebook. The metadata names the AskShift
/// kernel and also carries .NET Interactive's keys, so the file still opens as a Polyglot/.NET Interactive notebook.
/// </summary>
public sealed class Notebook
{
    /// <summary>Kernelspec written to notebooks; its name is what <c>askshift kernel install</c> registers.</summary>
    public static JsonObject KernelSpec() => new()
    {
        ["display_name"] = "C# (AskShift)", ["language"] = "C#", ["name"] = "askshift-csharp",
    };

    /// <summary>language_info written to notebooks and sent by the kernel in kernel_info_reply.</summary>
    public static JsonObject LanguageInfo() => new()
    {
        ["file_extension"] = ".cs", ["mimetype"] = "text/x-csharp", ["name"] = "C#", ["pygments_lexer"] = "csharp", ["version"] = "13.0",
    };

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true, IndentSize = 1, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Notebook-level metadata (kernelspec, language_info, anything else the file had).</summary>
    public JsonObject Metadata { get; init; } = new();

    /// <summary>The cells in order.</summary>
    public List<NotebookCell> Cells { get; init; } = [];

    /// <summary>An empty C# notebook with AskShift and .NET Interactive metadata.</summary>
    public static Notebook Create()
    {
        var nb = new Notebook();
        nb.EnsureMetadata();
        return nb;
    }

    /// <summary>Reads <paramref name="path"/>; errors name the file and what is wrong with it.</summary>
    public static Notebook Load(string path)
    {
        if (!File.Exists(path)) throw new NotebookFormatException($"{path}: notebook not found");
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses notebook JSON; <paramref name="source"/> names it in error messages.</summary>
    public static Notebook Parse(string json, string source = "notebook")
    {
        try { return ParseStrict(json, source); }
        // A field of the wrong JSON type ("nbformat": "4", "execution_count": "5", a numeric id) surfaces from
        // System.Text.Json as InvalidOperationException or FormatException: say which file, never a stack trace.
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException)
        {
            throw new NotebookFormatException($"{source}: a field has the wrong type for nbformat 4 ({e.Message})");
        }
    }

    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false, MaxDepth = 256 };

    private static Notebook ParseStrict(string json, string source)
    {
        JsonObject root;
        try { root = JsonNode.Parse(json, documentOptions: Strict) as JsonObject ?? throw new NotebookFormatException($"{source}: not a JSON object"); }
        catch (JsonException e) { throw new NotebookFormatException($"{source}: invalid JSON ({e.Message})"); }
        if (root["nbformat"] is JsonValue nv && nv.GetValueKind() != JsonValueKind.Number)
            throw new NotebookFormatException($"{source}: 'nbformat' must be a number (4), not {nv.ToJsonString()}");
        var major = root["nbformat"]?.GetValue<int>() ?? throw new NotebookFormatException($"{source}: no 'nbformat' field; is this a Jupyter notebook?");
        if (major != 4) throw new NotebookFormatException($"{source}: nbformat {major} is not supported (need 4.x)");
        var nb = new Notebook { Metadata = (root["metadata"] as JsonObject)?.DeepClone().AsObject() ?? new JsonObject() };
        var cells = root["cells"] as JsonArray ?? throw new NotebookFormatException($"{source}: no 'cells' array");
        var ids = new HashSet<string>();
        for (var i = 0; i < cells.Count; i++)
        {
            var where = $"{source}: cell {i + 1}";
            if (cells[i] is not JsonObject c) throw new NotebookFormatException($"{where} is not an object");
            var type = c["cell_type"]?.GetValue<string>() ?? throw new NotebookFormatException($"{where} has no cell_type");
            if (c["id"] is JsonNode idNode && idNode.GetValueKind() != JsonValueKind.String)
                throw new NotebookFormatException($"{where}: 'id' must be a string, not {idNode.ToJsonString()}");
            if (c["execution_count"] is JsonNode ec && ec.GetValueKind() != JsonValueKind.Number)
                throw new NotebookFormatException($"{where}: 'execution_count' must be a number or null, not {ec.ToJsonString()}");
            var id = c["id"]?.GetValue<string>();
            while (id is null || !ids.Add(id)) id = NotebookCell.NewId();
            var cell = new NotebookCell
            {
                Id = id, CellType = type, Source = OutputJson.Text(c["source"]),
                Metadata = (c["metadata"] as JsonObject)?.DeepClone().AsObject() ?? new JsonObject(),
                ExecutionCount = c["execution_count"]?.GetValue<int>(), Attachments = c["attachments"]?.DeepClone(),
            };
            foreach (var o in c["outputs"] as JsonArray ?? [])
                cell.Outputs.Add(OutputJson.Read(o as JsonObject ?? throw new NotebookFormatException($"{where}: output is not an object"), where));
            nb.Cells.Add(cell);
        }
        return nb;
    }

    /// <summary>The notebook as nbformat 4.5 JSON (one-space indent and line lists, like Jupyter, for small diffs).</summary>
    public string ToJson()
    {
        EnsureMetadata();
        var cells = new JsonArray();
        foreach (var c in Cells)
        {
            var o = new JsonObject();
            if (c.Attachments is not null) o["attachments"] = c.Attachments.DeepClone();
            o["cell_type"] = c.CellType;
            if (c.IsCode) o["execution_count"] = c.ExecutionCount;
            o["id"] = c.Id;
            o["metadata"] = c.Metadata.DeepClone();
            if (c.IsCode) o["outputs"] = new JsonArray(c.Outputs.Select(x => (JsonNode)OutputJson.Write(x, c.ExecutionCount)).ToArray());
            o["source"] = OutputJson.Lines(c.Source);
            cells.Add(o);
        }
        var root = new JsonObject { ["cells"] = cells, ["metadata"] = Metadata.DeepClone(), ["nbformat"] = 4, ["nbformat_minor"] = 5 };
        return root.ToJsonString(WriteOptions) + "\n";
    }

    /// <summary>Writes to <paramref name="path"/> atomically: a reader sees the old file or the new one, never a mix.</summary>
    public void Save(string path)
    {
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllText(temp, ToJson(), new UTF8Encoding(false));
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private void EnsureMetadata()
    {
        Metadata["kernelspec"] = KernelSpec();
        Metadata["language_info"] = LanguageInfo();
        Metadata["polyglot_notebook"] ??= new JsonObject
        {
            ["kernelInfo"] = new JsonObject
            {
                ["defaultKernelName"] = "csharp",
                ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["languageName"] = "C#", ["name"] = "csharp" }),
            },
        };
        foreach (var c in Cells.Where(c => c.IsCode)) MarkCSharp(c);
    }

    internal static void MarkCSharp(NotebookCell c)
    {
        c.Metadata["dotnet_interactive"] ??= new JsonObject { ["language"] = "csharp" };
        c.Metadata["polyglot_notebook"] ??= new JsonObject { ["kernelName"] = "csharp" };
    }
}

/// <summary>A notebook file that cannot be read; the message names the file and the problem.</summary>
public sealed class NotebookFormatException(string message) : Exception(message);
