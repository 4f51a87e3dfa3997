using System.Text.Json.Nodes;
using AskShift.Notebooks;

namespace AskShift.Kernel.Backend;

/// <summary>
/// The kernel's backend on the AskShift notebook engine: the same <see cref="NotebookSession"/> the headless runner
/// uses, so a notebook gives the same outputs in VS Code as under <c>askshift notebooks run</c>.
/// </summary>
public sealed class EngineBackend : IKernelBackend
{
    /// <summary>
    /// A cell with no visible effect (no variable, no output kept) run before the first real one: the first Roslyn
    /// compile and result formatting cost about two seconds of JIT, which would otherwise land on the user's first cell.
    /// </summary>
    internal const string WarmUpCell = "1 + 1";

    private readonly Task<NotebookSession> _session;

    /// <summary>
    /// Creates the session and warms it up in the background, so the kernel answers kernel_info while the engine
    /// loads; every call waits for that to finish, and cells still run strictly in order after the warm-up.
    /// </summary>
    public EngineBackend(SessionOptions options, bool warmUp = true)
    {
        _session = Task.Run(async () =>
        {
            var session = new NotebookSession(options);
            if (warmUp) await session.ExecuteAsync(WarmUpCell).ConfigureAwait(false);
            return session;
        });
    }

    /// <summary>Wraps an existing session as is (no warm-up).</summary>
    public EngineBackend(NotebookSession session) => _session = Task.FromResult(session);

    /// <summary>The engine's own count, which includes the warm-up cell; the kernel reports its own execution_count.</summary>
    public int ExecutionCount => _session.IsCompletedSuccessfully ? _session.Result.ExecutionCount : 0;

    public async Task<ExecutionOutcome> ExecuteAsync(string code, Action<KernelOutput> onOutput, CancellationToken ct)
    {
        var session = await _session.WaitAsync(ct).ConfigureAwait(false);
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
        var session = await _session.WaitAsync(ct).ConfigureAwait(false);
        var items = await session.CompleteAsync(code, cursor).WaitAsync(ct).ConfigureAwait(false);
        if (items.Count == 0) return new CompletionSet([], cursor, cursor);
        // Jupyter has one replacement span per reply; Roslyn gives every item the span of the word at the cursor.
        var start = items.Min(i => i.ReplaceStart);
        var end = items.Max(i => i.ReplaceEnd);
        return new CompletionSet(items.Select(i => i.Label).Distinct().ToList(), start, end);
    }

    public async Task<string?> InspectAsync(string code, int cursor, CancellationToken ct)
    {
        var session = await _session.WaitAsync(ct).ConfigureAwait(false);
        return await session.InspectAsync(code, cursor).WaitAsync(ct).ConfigureAwait(false);
    }

    public Completeness IsComplete(string code) => _session.GetAwaiter().GetResult().IsComplete(code) switch
    {
        IsCompleteResult.Complete => new Completeness(CompletenessStatus.Complete),
        IsCompleteResult.Incomplete => new Completeness(CompletenessStatus.Incomplete, "    "),
        IsCompleteResult.Invalid => new Completeness(CompletenessStatus.Invalid),
        _ => new Completeness(CompletenessStatus.Unknown),
    };

    public async ValueTask DisposeAsync() => await (await _session.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);

    private static JsonObject Data(MimeBundle b) => ToObject(b.Data);
    private static JsonObject Metadata(MimeBundle b) => b.Metadata is null ? new JsonObject() : ToObject(b.Metadata);

    private static JsonObject ToObject(IReadOnlyDictionary<string, JsonNode> values)
    {
        var obj = new JsonObject();
        foreach (var (k, v) in values) obj[k] = v?.DeepClone();
        return obj;
    }
}
