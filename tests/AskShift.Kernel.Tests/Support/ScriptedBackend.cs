using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using AskShift.Kernel.Backend;

namespace AskShift.Kernel.Tests.Support;

/// <summary>
/// A tiny line-command language behind <see cref="IKernelBackend"/>, so the protocol layer can be driven through
/// every output kind, error, cancellation and completion path without the C# engine:
/// <c>print T</c>, <c>eprint T</c>, <c>display ID T</c> (ID <c>-</c> = none), <c>update ID T</c>, <c>clear [wait]</c>,
/// <c>result T</c>, <c>fail NAME MESSAGE</c>, <c>sleep MS</c> (cancellable), <c>spin MS</c> (ignores cancellation),
/// <c>set NAME VALUE</c>, <c>get NAME</c>, <c>lines N</c> (N one-line writes).
/// </summary>
public sealed class ScriptedBackend : IKernelBackend
{
    private static readonly string[] Commands = ["print", "eprint", "display", "update", "clear", "result", "fail", "sleep", "spin", "set", "get", "lines"];
    private readonly ConcurrentDictionary<string, string> _variables = new();
    private int _count;

    public int ExecutionCount => _count;

    public async Task<ExecutionOutcome> ExecuteAsync(string code, Action<KernelOutput> onOutput, CancellationToken ct)
    {
        Interlocked.Increment(ref _count);
        foreach (var raw in code.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var parts = line.Split(' ', 3);
            string Arg(int i) => parts.Length > i ? parts[i] : "";
            string Rest(int from) => string.Join(' ', parts.Skip(from));
            switch (parts[0])
            {
                case "print": onOutput(new StreamText("stdout", Rest(1) + "\n")); break;
                case "eprint": onOutput(new StreamText("stderr", Rest(1) + "\n")); break;
                case "display": onOutput(new DisplayData(Bundle(Rest(2)), new JsonObject(), Arg(1) == "-" ? null : Arg(1))); break;
                case "update": onOutput(new DisplayUpdate(Bundle(Rest(2)), new JsonObject(), Arg(1))); break;
                case "clear": onOutput(new ClearDisplay(Arg(1) == "wait")); break;
                case "result": onOutput(new ExecutionResult(Bundle(Rest(1)), new JsonObject())); break;
                case "set": _variables[Arg(1)] = Arg(2); break;
                case "get":
                    if (!_variables.TryGetValue(Arg(1), out var value)) return Fail(onOutput, "KeyNotFound", $"no variable '{Arg(1)}'");
                    onOutput(new ExecutionResult(Bundle(value), new JsonObject()));
                    break;
                case "fail": return Fail(onOutput, Arg(1), Arg(2));
                case "sleep": await Task.Delay(int.Parse(Arg(1)), ct); break;
                case "lines": // lines N: N separate writes of one line each, as a print loop makes them
                    for (var i = 0; i < int.Parse(Arg(1)); i++) onOutput(new StreamText("stdout", $"line {i}\n"));
                    break;
                case "spin":
                    var sw = Stopwatch.StartNew();
                    while (sw.ElapsedMilliseconds < int.Parse(Arg(1))) Thread.SpinWait(1000);
                    break;
                default: return Fail(onOutput, "UnknownCommand", $"unknown command '{parts[0]}'");
            }
        }
        return ExecutionOutcome.Ok;
    }

    private static ExecutionOutcome Fail(Action<KernelOutput> onOutput, string name, string message)
    {
        var error = new ExecutionError(name, message, [$"{name}: {message}", "   at line 1"]);
        onOutput(error);
        return new ExecutionOutcome(false, error);
    }

    private static JsonObject Bundle(string text) => new() { ["text/plain"] = text, ["text/html"] = $"<b>{text}</b>" };

    public Task<CompletionSet> CompleteAsync(string code, int cursor, CancellationToken ct)
    {
        var start = cursor;
        while (start > 0 && char.IsLetterOrDigit(code[start - 1])) start--;
        var prefix = code[start..cursor];
        var matches = Commands.Concat(_variables.Keys).Where(w => w.StartsWith(prefix, StringComparison.Ordinal)).Order().ToList();
        return Task.FromResult(new CompletionSet(matches, start, cursor));
    }

    public Task<string?> InspectAsync(string code, int cursor, CancellationToken ct)
    {
        int start = cursor, end = cursor;
        while (start > 0 && char.IsLetterOrDigit(code[start - 1])) start--;
        while (end < code.Length && char.IsLetterOrDigit(code[end])) end++;
        var word = code[start..end];
        string? doc = _variables.TryGetValue(word, out var v) ? $"{word} = {v}"
            : Commands.Contains(word) ? $"{word}: a scripted-backend command" : null;
        return Task.FromResult(doc);
    }

    public Completeness IsComplete(string code)
    {
        if (code.TrimEnd().EndsWith('\\')) return new Completeness(CompletenessStatus.Incomplete, "  ");
        var first = code.Trim().Split(' ')[0];
        return first.Length == 0 || Commands.Contains(first) ? new Completeness(CompletenessStatus.Complete)
            : new Completeness(CompletenessStatus.Invalid);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
