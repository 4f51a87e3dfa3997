using System.Reflection;
using Microsoft.CodeAnalysis;

namespace AskShift.Notebooks;

/// <summary>Turns compile diagnostics and exceptions into error outputs that point at the cell's own code.</summary>
internal static class ErrorReport
{
    public static ErrorOutput Compile(IEnumerable<Diagnostic> diagnostics, string? file = null)
    {
        var lines = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d =>
        {
            var pos = d.Location.GetLineSpan().StartLinePosition;
            var where = file is null ? "" : file;
            return $"{where}({pos.Line + 1},{pos.Character + 1}): error {d.Id}: {d.GetMessage()}";
        }).ToList();
        return new ErrorOutput("CompilationError", string.Join("\n", lines), lines);
    }

    public static ErrorOutput Directive(DirectiveException e) =>
        new("DirectiveError", e.Line > 0 ? $"(line {e.Line}): {e.Message}" : e.Message,
            [e.Line > 0 ? $"(line {e.Line}): {e.Message}" : e.Message]);

    /// <summary>
    /// Type, message, and the stack down to the last frame in cell code: frames below it are Roslyn's scripting
    /// machinery, which means nothing to a notebook reader.
    /// </summary>
    public static ErrorOutput Exception(Exception e)
    {
        while (e is TargetInvocationException { InnerException: { } inner }) e = inner;
        if (e is AggregateException { InnerExceptions.Count: 1 } agg) e = agg.InnerExceptions[0];
        var frames = (e.StackTrace ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var last = frames.FindLastIndex(f => f.Contains("Submission#", StringComparison.Ordinal));
        if (last >= 0) frames = frames.Take(last + 1).ToList();
        frames = frames.Where(f => !f.StartsWith("---", StringComparison.Ordinal)).Select(Clean).ToList();
        var head = $"{e.GetType().FullName}: {e.Message}";
        return new ErrorOutput(e.GetType().Name, e.Message, [head, .. frames]);
    }

    private static string Clean(string frame)
    {
        // "at Submission#3.<<Initialize>>d__0.MoveNext() in cell:line 4" reads better as "at cell 4 line 4".
        var i = frame.IndexOf("Submission#", StringComparison.Ordinal);
        if (i < 0) return frame;
        var inAt = frame.IndexOf(" in ", i, StringComparison.Ordinal);
        var line = inAt >= 0 ? frame[(frame.LastIndexOf(":line ", StringComparison.Ordinal) is var l and >= 0 ? l + 1 : inAt)..] : "";
        var member = frame[(i)..(inAt >= 0 ? inAt : frame.Length)];
        var dot = member.IndexOf('.');
        member = dot >= 0 ? member[(dot + 1)..] : member;
        if (member.StartsWith("<<Initialize>>", StringComparison.Ordinal)) member = "<cell>";
        return $"at {member}{(line.Length > 0 ? ", " + line : "")}";
    }
}
