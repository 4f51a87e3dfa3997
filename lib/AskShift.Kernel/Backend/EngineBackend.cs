using System.Text.Json.Nodes;
using AskShift.Notebooks;

namespace AskShift.Kernel.Backend;

/// <summary>
/// The kernel's backend on the AskShift notebook engine: the same <see cref="NotebookSession"/> the headless runner
/// uses, so a notebook gives the same outputs in VS Code as under <c>askshift notebooks run</c>.
/// </summary>
public sealed class EngineBackend(NotebookSession session) : IKernelBackend
{
    public EngineBackend(SessionOptions options) : this(new NotebookSession(options)) { }

    public int ExecutionCount => session.ExecutionCount;

    public async Task<ExecutionOutcome> ExecuteAsync(string code, Action<KernelOutput> onOutput, CancellationToken ct)
    {
        var result = await session.ExecuteAsync(code, output => onOutput(Map(output)), ct).ConfigureAwait(false);
        if (result.Success) return ExecutionOutcome.Ok;
        var error = result.Outputs.OfType<ErrorOutput>().LastOrDefault();
        return new ExecutionOutcome(false, error is null ? null : (ExecutionError)Map(error));
    }

    /// <summary>Engine outputs map one-to-one onto iopub message kinds.</summary>
    public static KernelOutput Map(CellOutput output) => output switch
    {
        StreamOutput s => new StreamText(s.Name, s.Text),
        DisplayOutput d => new DisplayData(Data(d.Bundle), Metadata(d.Bundle), d.DisplayId),
        UpdateDisplayOutput u => new DisplayUpdate(Data(u.Bundle), Metadata(u.Bundle), u.DisplayId),
        ClearOutput c => new ClearDisplay(c.Wait),
        ExecuteResultOutput r => new ExecutionResult(Data(r.Bundle), Metadata(r.Bundle)),
        ErrorOutput e => new ExecutionError(e.EName, e.EValue, e.Traceback),
        _ => throw new NotSupportedException($"The kernel cannot forward engine output {output.GetType().Name}."),
    };

    public async Task<CompletionSet> CompleteAsync(string code, int cursor, CancellationToken ct)
    {
        var items = await session.CompleteAsync(code, cursor).WaitAsync(ct).ConfigureAwait(false);
        if (items.Count == 0) return new CompletionSet([], cursor, cursor);
        // Jupyter has one replacement span per reply; Roslyn gives every item the span of the word at the cursor.
        var start = items.Min(i => i.ReplaceStart);
        var end = items.Max(i => i.ReplaceEnd);
        return new CompletionSet(items.Select(i => i.Label).Distinct().ToList(), start, end);
    }

    public Task<string?> InspectAsync(string code, int cursor, CancellationToken ct) =>
        session.InspectAsync(code, cursor).WaitAsync(ct);

    public Completeness IsComplete(string code) => session.IsComplete(code) switch
    {
        IsCompleteResult.Complete => new Completeness(CompletenessStatus.Complete),
        IsCompleteResult.Incomplete => new Completeness(CompletenessStatus.Incomplete, "    "),
        IsCompleteResult.Invalid => new Completeness(CompletenessStatus.Invalid),
        _ => new Completeness(CompletenessStatus.Unknown),
    };

    public ValueTask DisposeAsync() => session.DisposeAsync();

    private static JsonObject Data(MimeBundle b) => ToObject(b.Data);
    private static JsonObject Metadata(MimeBundle b) => b.Metadata is null ? new JsonObject() : ToObject(b.Metadata);

    private static JsonObject ToObject(IReadOnlyDictionary<string, JsonNode> values)
    {
        var obj = new JsonObject();
        foreach (var (k, v) in values) obj[k] = v?.DeepClone();
        return obj;
    }
}
