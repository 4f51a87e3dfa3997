using System.Text.Json.Nodes;

namespace AskShift.Kernel.Backend;

/// <summary>
/// One output of a running cell, in the vocabulary of the iopub channel (each case maps to one iopub message type),
/// so the kernel forwards outputs without knowing how the engine produced them.
/// </summary>
public abstract record KernelOutput;

/// <summary>Console text; <see cref="Name"/> is <c>stdout</c> or <c>stderr</c>.</summary>
public sealed record StreamText(string Name, string Text) : KernelOutput;

/// <summary>A MIME bundle shown mid-cell (display_data); a non-null <see cref="DisplayId"/> allows later updates.</summary>
public sealed record DisplayData(JsonObject Data, JsonObject Metadata, string? DisplayId) : KernelOutput;

/// <summary>New content for the display with <see cref="DisplayId"/> (update_display_data).</summary>
public sealed record DisplayUpdate(JsonObject Data, JsonObject Metadata, string DisplayId) : KernelOutput;

/// <summary>Clear the cell's output (clear_output); <see cref="Wait"/> defers the clear until new output arrives.</summary>
public sealed record ClearDisplay(bool Wait) : KernelOutput;

/// <summary>The value of the cell's trailing expression (execute_result).</summary>
public sealed record ExecutionResult(JsonObject Data, JsonObject Metadata) : KernelOutput;

/// <summary>A compile error or exception (error); also carried by the execute_reply.</summary>
public sealed record ExecutionError(string Name, string Value, IReadOnlyList<string> Traceback) : KernelOutput;
