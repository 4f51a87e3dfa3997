using System.Diagnostics;

namespace AskShift.Text;

/// <summary>
/// Time and memory allowed for processing one document, checked at loop heads of every stage (per line, per
/// sentence, per pattern), so a file that would run for minutes or exhaust memory becomes a named load error and the
/// rest of the corpus loads. Ambient (an AsyncLocal) so deep stage code need not thread it through every signature;
/// it flows into the task that reads metadata beside extraction. Outside a budget, <see cref="Check"/> costs a read.
/// </summary>
internal sealed class Budget
{
    private static readonly AsyncLocal<Budget?> current = new();
    private readonly long deadline;
    private readonly long memoryLimit;
    private readonly TimeSpan time;
    private int calls;

    private Budget(TimeSpan time, long memoryLimit)
    {
        this.time = time;
        this.memoryLimit = memoryLimit;
        deadline = time == Timeout.InfiniteTimeSpan ? long.MaxValue : Stopwatch.GetTimestamp() + (long)(time.TotalSeconds * Stopwatch.Frequency);
    }

    /// <summary>Runs <paramref name="work"/> under a budget; <see cref="BudgetExceededException"/> says which ran out.</summary>
    public static T Run<T>(TimeSpan time, long memoryLimit, Func<T> work)
    {
        var outer = current.Value;
        current.Value = new Budget(time, memoryLimit);
        try { return work(); }
        finally { current.Value = outer; }
    }

    /// <summary>Throws when the document's time or memory allowance is spent.</summary>
    public static void Check() => current.Value?.CheckThis();

    private void CheckThis()
    {
        // Checks come at every loop head; the clock is read on every 64th and the heap size on every 1024th (and both on
        // the first), which keeps the cost out of profiles (every 16th was 4% of a load's samples) while a runaway
        // still stops within milliseconds.
        var n = Interlocked.Increment(ref calls);
        if ((n & 63) != 1) return;
        if (Stopwatch.GetTimestamp() > deadline)
            throw new BudgetExceededException(
                $"processing stopped after {time.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} s " +
                "(CorpusOptions.FileTimeLimit): a text this slow is usually a run-on scrape or not a document; split it or raise the limit");
        if ((n & 1023) == 1 && GC.GetTotalMemory(false) > memoryLimit)
            throw new BudgetExceededException(
                $"processing stopped: the managed heap passed {(memoryLimit / (1024.0 * 1024)).ToString("0", System.Globalization.CultureInfo.InvariantCulture)} MB (CorpusOptions.MemoryLimitBytes) " +
                "while reading this file");
    }
}

/// <summary>A document's processing ran out of time or memory; the message names the limit.</summary>
internal sealed class BudgetExceededException(string message) : Exception(message);
