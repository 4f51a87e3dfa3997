using System.Text;

namespace AskShift.Notebooks;

/// <summary>
/// The outputs of one running cell. Console writes are buffered per stream and released at line ends, before any
/// display, and at the end of the cell, so outputs keep their order. Once the cell has returned (or was abandoned
/// after a cancel), the context is closed and late writes from stray background work are dropped.
/// </summary>
internal sealed class CellContext(NotebookSession session, Action<CellOutput>? onOutput, CancellationToken cancellation)
{
    private readonly object gate = new();
    private readonly List<CellOutput> outputs = [];
    private readonly StringBuilder stdout = new(), stderr = new();
    private bool closed;
    private long streamChars, droppedChars, droppedLines;
    private readonly long maxStreamChars = session.Options.MaxCellOutputChars;

    public NotebookSession Session { get; } = session;
    public CancellationToken Cancellation { get; } = cancellation;

    public void WriteStream(string name, string text)
    {
        lock (gate)
        {
            if (closed) return;
            // Past the cap, text is counted, not kept: a cell printing millions of lines must not fill memory (the
            // runner keeps outputs) or the front end; Close says how much was left out.
            if (streamChars + text.Length > maxStreamChars)
            {
                var keep = (int)Math.Max(0, maxStreamChars - streamChars);
                var kept = keep == 0 ? 0 : text.LastIndexOf('\n', keep - 1) + 1; // keep whole lines only
                droppedChars += text.Length - kept;
                droppedLines += text.AsSpan(kept).Count('\n');
                streamChars = maxStreamChars;
                if (kept == 0) return;
                text = text[..kept];
            }
            else streamChars += text.Length;
            var buffer = name == "stderr" ? stderr : stdout;
            buffer.Append(text);
            var lastNewline = text.LastIndexOf('\n');
            if (lastNewline < 0) return;
            var all = buffer.ToString();
            var cut = all.LastIndexOf('\n') + 1;
            buffer.Clear().Append(all, cut, all.Length - cut);
            EmitLocked(new StreamOutput(name, all[..cut]));
        }
    }

    public void Emit(CellOutput output)
    {
        lock (gate)
        {
            if (closed) return;
            FlushLocked();
            EmitLocked(output);
        }
    }

    /// <summary>Releases buffered console text and stops accepting output; returns everything, streams merged.</summary>
    public IReadOnlyList<CellOutput> Close()
    {
        lock (gate)
        {
            if (!closed)
            {
                FlushLocked();
                if (droppedChars > 0)
                    EmitLocked(new StreamOutput("stderr", string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"output truncated: {droppedLines} lines / {droppedChars / 1e6:0.0} MB not shown (the cell printed more than {maxStreamChars / 1e6:0.#} MB; SessionOptions.MaxCellOutputChars)\n")));
            }
            closed = true;
            return Merge(outputs);
        }
    }

    private void FlushLocked()
    {
        if (stdout.Length > 0) { EmitLocked(new StreamOutput("stdout", stdout.ToString())); stdout.Clear(); }
        if (stderr.Length > 0) { EmitLocked(new StreamOutput("stderr", stderr.ToString())); stderr.Clear(); }
    }

    private void EmitLocked(CellOutput output)
    {
        outputs.Add(output);
        try { onOutput?.Invoke(output); }
        catch (Exception e) { ConsoleRouter.OriginalError.WriteLine($"askshift: output callback failed: {e.Message}"); }
    }

    private static List<CellOutput> Merge(List<CellOutput> list)
    {
        var merged = new List<CellOutput>(list.Count);
        foreach (var o in list)
        {
            if (o is StreamOutput s && merged.Count > 0 && merged[^1] is StreamOutput prev && prev.Name == s.Name)
                merged[^1] = prev with { Text = prev.Text + s.Text };
            else merged.Add(o);
        }
        return merged;
    }
}
