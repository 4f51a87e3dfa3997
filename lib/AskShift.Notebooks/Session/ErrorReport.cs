using System.Diagnostics;
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
    /// Type, message, and the stack down to the last frame in cell code: frames below it are the engine's
    /// machinery, which means nothing to a notebook reader.
    /// </summary>
    /// <param name="e">What the cell threw.</param>
    /// <param name="sourceLine">The file and line of an IL offset in a method, for methods whose assembly was loaded
    /// without symbols (the cells: see <see cref="SubmissionChain.SourceLine"/>); null when every frame has its line.</param>
    public static ErrorOutput Exception(Exception e, Func<MethodBase, int, (string File, int Line)?>? sourceLine = null)
    {
        while (e is TargetInvocationException { InnerException: { } inner }) e = inner;
        if (e is AggregateException { InnerExceptions.Count: 1 } agg) e = agg.InnerExceptions[0];
        var frames = (e.StackTrace ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (sourceLine is not null) frames = WithLines(e, frames, sourceLine);
        var last = frames.FindLastIndex(f => f.Contains("Submission#", StringComparison.Ordinal));
        if (last >= 0) frames = frames.Take(last + 1).ToList();
        frames = frames.Where(f => !f.StartsWith("---", StringComparison.Ordinal)).Select(Clean)
            .Where(f => !f.StartsWith("at System.Runtime.CompilerServices.", StringComparison.Ordinal)
                        && !f.StartsWith("at <Initialize>", StringComparison.Ordinal) && !f.StartsWith("at <Factory>", StringComparison.Ordinal))
            .ToList();
        var head = $"{e.GetType().FullName}: {e.Message}";
        return new ErrorOutput(e.GetType().Name, e.Message, [head, .. frames]);
    }

    /// <summary>
    /// Adds " in FILE:line N", as the runtime writes it when it has symbols, to the frames of methods it had none for.
    /// The frames of the exception's stack trace come in the order of its text, so each method's lines are taken in
    /// turn by the text lines that name that method.
    /// </summary>
    private static List<string> WithLines(Exception e, List<string> frames, Func<MethodBase, int, (string File, int Line)?> sourceLine)
    {
        var lines = new Dictionary<string, Queue<string>>(StringComparer.Ordinal);
        foreach (var frame in new StackTrace(e, fNeedFileInfo: false).GetFrames())
        {
            if (frame.GetMethod() is not { DeclaringType: { } type } method || frame.GetILOffset() is var il && il < 0) continue;
            if (sourceLine(method, il) is not { } at) continue;
            var key = $"at {type.FullName?.Replace('+', '.')}.{method.Name}";
            if (!lines.TryGetValue(key, out var queue)) lines[key] = queue = new Queue<string>();
            queue.Enqueue($" in {at.File}:line {at.Line}");
        }
        if (lines.Count == 0) return frames;
        return frames.Select(f =>
        {
            if (f.Contains(" in ", StringComparison.Ordinal)) return f;
            var cut = f.IndexOfAny(['(', '[']);
            return cut > 0 && lines.TryGetValue(f[..cut], out var queue) && queue.TryDequeue(out var line) ? f + line : f;
        }).ToList();
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
