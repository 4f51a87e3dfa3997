namespace AskShift.Kernel.Backend;

/// <summary>
/// What the kernel needs from a C# engine. The protocol layer talks only to this interface so it can be tested
/// against a scripted backend and run on the AskShift notebook engine (<c>EngineBackend</c>) unchanged.
/// All positions are UTF-16 indexes into <c>code</c>; the kernel converts from the protocol's code points.
/// </summary>
public interface IKernelBackend : IAsyncDisposable
{
    /// <summary>
    /// Runs one cell. Outputs are reported through <paramref name="onOutput"/> as they happen so a front end sees
    /// progress live. Cancelling <paramref name="ct"/> is an interrupt: the backend stops what it can and returns.
    /// </summary>
    Task<ExecutionOutcome> ExecuteAsync(string code, Action<KernelOutput> onOutput, CancellationToken ct);

    /// <summary>Completions at <paramref name="cursor"/> in the session's current state.</summary>
    Task<CompletionSet> CompleteAsync(string code, int cursor, CancellationToken ct);

    /// <summary>Documentation (type and doc comment) for the symbol at <paramref name="cursor"/>, or null if none.</summary>
    Task<string?> InspectAsync(string code, int cursor, CancellationToken ct);

    /// <summary>Whether the code is a complete submission, for consoles that decide between Enter and newline.</summary>
    Completeness IsComplete(string code);

    /// <summary>Cells executed so far in this session (the engine's own count; shown only for diagnostics).</summary>
    int ExecutionCount { get; }
}

/// <summary>The end of one execution; the error is the one the front end should show in the execute_reply.</summary>
public sealed record ExecutionOutcome(bool Success, ExecutionError? Error = null)
{
    public static readonly ExecutionOutcome Ok = new(true);
}

/// <summary>Completion candidates replacing the text between <see cref="Start"/> and <see cref="End"/>.</summary>
public sealed record CompletionSet(IReadOnlyList<string> Matches, int Start, int End);

/// <summary>The answer to is_complete_request; <see cref="Indent"/> applies when the code is incomplete.</summary>
public sealed record Completeness(CompletenessStatus Status, string Indent = "");

/// <summary>Jupyter's is_complete statuses.</summary>
public enum CompletenessStatus { Complete, Incomplete, Invalid, Unknown }
