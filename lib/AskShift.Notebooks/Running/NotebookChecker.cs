using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AskShift.Notebooks;

/// <summary>A cell whose fresh outputs differ from the committed ones.</summary>
public sealed record CellDifference(int CellNumber, string CellId, string Committed, string Fresh);

/// <summary>The outcome of checking one notebook.</summary>
public sealed record NotebookCheckResult(string Path, NotebookRunResult Run, IReadOnlyList<CellDifference> Differences)
{
    /// <summary>True when the notebook ran cleanly and its committed outputs are current.</summary>
    public bool UpToDate => Run.Success && Differences.Count == 0;
}

/// <summary>
/// Tells whether committed notebook outputs are stale: runs a temporary copy and compares text outputs cell by cell,
/// ignoring what legitimately varies between runs (PNG bytes, execution counts, #!time timings, display ids).
/// </summary>
public sealed class NotebookChecker(RunnerOptions? options = null)
{
    private static readonly Regex Timing = new(@"Wall time: [0-9.]+ms", RegexOptions.Compiled);
    private readonly RunnerOptions options = options ?? new RunnerOptions();

    /// <summary>Checks <paramref name="path"/> without modifying it.</summary>
    public async Task<NotebookCheckResult> CheckAsync(string path, CancellationToken ct = default)
    {
        var committed = Notebook.Load(path);
        var full = Path.GetFullPath(path);
        // The copy sits beside the original so relative #r/#load paths resolve the same way.
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileNameWithoutExtension(full)}.check-{Guid.NewGuid():N}.ipynb");
        try
        {
            File.Copy(full, temp);
            // The copy is compared by its text; it may lose pictures where no renderer is installed.
            var run = await new NotebookRunner(options with { AllowMissingPictures = true }).RunAsync(temp, temp, ct);
            var fresh = Notebook.Load(temp);
            var diffs = new List<CellDifference>();
            var byId = fresh.Cells.ToDictionary(c => c.Id);
            for (var i = 0; i < committed.Cells.Count; i++)
            {
                var c = committed.Cells[i];
                if (!c.IsCode || !byId.TryGetValue(c.Id, out var f)) continue;
                var (a, b) = (Describe(c), Describe(f));
                if (a != b) diffs.Add(new CellDifference(i + 1, c.Id, a, b));
            }
            // A committed chart without its picture is not current either: GitHub would show nothing there.
            foreach (var n in ChartPictures.CellsWithoutPicture(committed))
                diffs.Add(new CellDifference(n, committed.Cells[n - 1].Id, "a chart without a PNG picture",
                    "every chart needs its PNG picture (run with Chromium installed)"));
            return new NotebookCheckResult(path, run with { Path = path }, diffs);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>
    /// The comparable text of a cell's outputs, the same whichever tool wrote the file: consecutive chunks of one stream
    /// are merged (a kernel may flush them in other pieces), timings and pictures are left out, and JSON outputs are
    /// compared by content (nbformat writers sort keys and format numbers differently from System.Text.Json).
    /// </summary>
    public static string Describe(NotebookCell cell)
    {
        var parts = new List<string>();
        string? streamName = null;
        foreach (var o in cell.Outputs)
        {
            if (o is StreamOutput s && s.Name == streamName) { parts[^1] += Timing.Replace(s.Text, "Wall time: <t>"); continue; }
            streamName = (o as StreamOutput)?.Name;
            parts.Add(o switch
            {
                StreamOutput st => $"{st.Name}: {Timing.Replace(st.Text, "Wall time: <t>")}",
                DisplayOutput d => "display: " + Bundle(d.Bundle),
                ExecuteResultOutput r => "result: " + Bundle(r.Bundle),
                ErrorOutput e => $"error: {e.EName}: {e.EValue}",
                _ => o.GetType().Name,
            });
        }
        return string.Join("\n---\n", parts);
    }

    private static string Bundle(MimeBundle b) => string.Join("\n", b.Data
        .Where(p => !p.Key.StartsWith("image/", StringComparison.Ordinal))
        .OrderBy(p => p.Key, StringComparer.Ordinal)
        .Select(p => $"[{p.Key}] {(p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : Canonical(p.Value))}"));

    /// <summary>JSON with object keys sorted and numbers in one format, so equal content gives equal text.</summary>
    internal static string Canonical(JsonNode? node)
    {
        var sb = new System.Text.StringBuilder();
        Write(node);
        return sb.ToString();

        void Write(JsonNode? n)
        {
            switch (n)
            {
                case null: sb.Append("null"); break;
                case JsonObject o:
                    sb.Append('{');
                    var first = true;
                    foreach (var (k, v) in o.OrderBy(p => p.Key, StringComparer.Ordinal))
                    {
                        if (!first) sb.Append(',');
                        first = false;
                        sb.Append(System.Text.Json.JsonSerializer.Serialize(k)).Append(':');
                        Write(v);
                    }
                    sb.Append('}');
                    break;
                case JsonArray a:
                    sb.Append('[');
                    for (var i = 0; i < a.Count; i++) { if (i > 0) sb.Append(','); Write(a[i]); }
                    sb.Append(']');
                    break;
                case JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number:
                    sb.Append(double.Parse(v.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture).ToString("R", System.Globalization.CultureInfo.InvariantCulture));
                    break;
                default:
                    sb.Append(n.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
                    break;
            }
        }
    }
}
