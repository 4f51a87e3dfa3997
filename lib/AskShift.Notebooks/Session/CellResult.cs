namespace AskShift.Notebooks;

/// <summary>
/// What one cell produced. <paramref name="Outputs"/> are the same outputs that were streamed while the cell ran,
/// with consecutive stream chunks merged the way nbformat stores them.
/// </summary>
public sealed record CellResult(bool Success, IReadOnlyList<CellOutput> Outputs, TimeSpan Elapsed);

/// <summary>
/// A completion candidate. <paramref name="ReplaceStart"/>..<paramref name="ReplaceEnd"/> is the span of the cell text
/// the candidate replaces (Jupyter's cursor_start/cursor_end).
/// </summary>
public sealed record CompletionItem(string Label, string Kind, int ReplaceStart, int ReplaceEnd, string? Detail = null);

/// <summary>Whether a piece of code could run as typed, for Jupyter's is_complete_request (console front ends).</summary>
public enum IsCompleteResult
{
    /// <summary>Parses without errors: run it.</summary>
    Complete,
    /// <summary>Only errors a user fixes by typing more (an open brace or string): wait for more lines.</summary>
    Incomplete,
    /// <summary>Has syntax errors that more typing cannot fix.</summary>
    Invalid,
}
