using System.Diagnostics;
using System.Globalization;

namespace AskShift.Bench;

/// <summary>
/// Loads one folder several times in one process and prints, per load, its wall time, the process's CPU time and the
/// bytes it allocated. The first load pays for the JIT; the later ones show the per-document work alone, which is what
/// a change to the loading path moves. Allocation is exact and does not depend on the machine's load, so it separates
/// two builds where wall times on a shared machine cannot (issue 13; bench/warm_load.py runs two builds in turn).
/// </summary>
static class WarmLoad
{
    public static void Run(string dir, int rounds)
    {
        var inv = CultureInfo.InvariantCulture;
        using var process = Process.GetCurrentProcess();
        for (var r = 0; r < rounds; r++)
        {
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var collections = GC.CollectionCount(0);
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var corpus = Corpus.Load(dir);
            clock.Stop();
            process.Refresh();
            Console.WriteLine(string.Create(inv,
                $"round {r + 1}: wall {clock.Elapsed.TotalSeconds:F2} s, cpu {(process.TotalProcessorTime - cpu).TotalSeconds:F2} s, " +
                $"allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6:F0} MB, gen0 {GC.CollectionCount(0) - collections}, " +
                $"documents {corpus.Items.Count}, asks {corpus.AllAsks.Count}"));
        }
    }
}
