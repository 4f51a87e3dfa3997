using System.ComponentModel;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AskShift.Notebooks;

/// <summary>
/// Lets an interrupt stop a cell's own loops. .NET cannot abort a thread, so the engine inserts a call to
/// <see cref="Poll"/> at the top of every loop body in cell code; it costs one volatile read while nothing is
/// interrupted, and throws <see cref="OperationCanceledException"/> in the interrupted cell's flow once something is.
/// Public only because compiled cells call it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CellInterrupts
{
    private static int pending;

    /// <summary>Throws when the cell running this code has been interrupted; otherwise returns at once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Poll()
    {
        if (Volatile.Read(ref pending) != 0) Check();
    }

    // Only on thread-pool threads, where the cell's own flow runs (before and after its awaits) along with Task.Run and
    // Parallel bodies, whose exceptions are observed. On a thread the cell started itself an exception would be
    // unhandled and end the whole process, so such a loop is left to run, as it would without the check. (A raw
    // ThreadPool.QueueUserWorkItem or Timer callback looping in an interrupted cell is the one case this cannot tell.)
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Check()
    {
        if (Thread.CurrentThread.IsThreadPoolThread) ConsoleRouter.Current?.Cancellation.ThrowIfCancellationRequested();
    }

    /// <summary>
    /// Watches one running submission: from the moment <paramref name="ct"/> fires until <paramref name="run"/> ends,
    /// loop checks everywhere look at their cell's token.
    /// </summary>
    internal static void Watch(Task run, CancellationToken ct) => _ = new Watcher(run, ct);

    private sealed class Watcher
    {
        private readonly object gate = new();
        private readonly CancellationTokenRegistration registration;
        private bool raised, finished;

        public Watcher(Task run, CancellationToken ct)
        {
            registration = ct.Register(Raise);
            run.ContinueWith(_ => Finish(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        private void Raise()
        {
            lock (gate)
            {
                if (finished || raised) return;
                raised = true;
                Interlocked.Increment(ref pending);
            }
        }

        private void Finish()
        {
            lock (gate)
            {
                if (finished) return;
                finished = true;
                if (raised) Interlocked.Decrement(ref pending);
            }
            registration.Dispose();
        }
    }
}

/// <summary>
/// Inserts <see cref="CellInterrupts.Poll"/> at the top of every loop body. Text is only inserted on the loop's own
/// lines, never as new lines, so line numbers in stack traces still point at the cell as written.
/// </summary>
internal static class LoopPolling
{
    internal const string Call = "global::AskShift.Notebooks.CellInterrupts.Poll();";
    private static readonly CSharpParseOptions ScriptParse = new(LanguageVersion.Preview, kind: SourceCodeKind.Script);

    /// <summary>The code with loop checks, or null when it has no loop (the common case: nothing to recompile).</summary>
    public static string? Instrument(string code)
    {
        var root = CSharpSyntaxTree.ParseText(code, ScriptParse).GetRoot();
        var inserts = new List<(int Position, string Text)>();
        foreach (var loop in root.DescendantNodes().OfType<StatementSyntax>())
        {
            var body = loop switch
            {
                WhileStatementSyntax w => w.Statement,
                DoStatementSyntax d => d.Statement,
                ForStatementSyntax f => f.Statement,
                CommonForEachStatementSyntax fe => fe.Statement,
                _ => null,
            };
            if (body is null || body.IsMissing) continue;
            if (body is BlockSyntax block)
                inserts.Add((block.OpenBraceToken.Span.End, " " + Call));
            else
            {
                inserts.Add((body.SpanStart, "{ " + Call + " "));
                inserts.Add((body.Span.End, " }"));
            }
        }
        if (inserts.Count == 0) return null;
        var text = new System.Text.StringBuilder(code);
        foreach (var (position, insert) in inserts.OrderByDescending(i => i.Position)) text.Insert(position, insert);
        return text.ToString();
    }
}
