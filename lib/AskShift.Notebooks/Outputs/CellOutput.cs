using System.Text.Json.Nodes;

namespace AskShift.Notebooks;

/// <summary>
/// One output of a cell, shaped after the Jupyter output types so the headless runner can write it to .ipynb and a
/// kernel can forward it as an iopub message without translating between two models.
/// </summary>
public abstract record CellOutput;

/// <summary>Text written to Console.Out (<c>stdout</c>) or Console.Error (<c>stderr</c>) while the cell ran.</summary>
public sealed record StreamOutput(string Name, string Text) : CellOutput;

/// <summary>A value shown mid-cell by <c>display(x)</c>; <paramref name="DisplayId"/> lets it be updated in place later.</summary>
public sealed record DisplayOutput(MimeBundle Bundle, string? DisplayId) : CellOutput;

/// <summary>A new rendering for an earlier display with the same id (Jupyter's update_display_data).</summary>
public sealed record UpdateDisplayOutput(MimeBundle Bundle, string DisplayId) : CellOutput;

/// <summary>Clears the cell's outputs shown so far; <paramref name="Wait"/> delays the clear until new output arrives.</summary>
public sealed record ClearOutput(bool Wait) : CellOutput;

/// <summary>The value of the cell's trailing expression.</summary>
public sealed record ExecuteResultOutput(MimeBundle Bundle) : CellOutput;

/// <summary>
/// A compile error or an unhandled exception. <paramref name="Traceback"/> holds plain text lines (no ANSI colours),
/// already trimmed to the cell's own code, so it reads well on GitHub as well as in a live kernel.
/// </summary>
public sealed record ErrorOutput(string EName, string EValue, IReadOnlyList<string> Traceback) : CellOutput;
