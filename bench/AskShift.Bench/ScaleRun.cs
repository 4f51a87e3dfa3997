using System.Diagnostics;
using AskShift.Cluster;
using AskShift.Evaluate;
using AskShift.Notebooks;
using AskShift.Shift;

namespace AskShift.Bench;

/// <summary>
/// One end-to-end run over a large corpus, the way a researcher with their own collection would use AskShift:
/// load it, check extraction against what was planted, cluster every ask, and execute all four notebooks on it.
/// Prints wall times, throughput and peak memory; nothing here asserts a time.
/// </summary>
public static class ScaleRun
{
    public static async Task<int> RunAsync(int documents, int seed, string? corpusDir, bool notebooks)
    {
        var repo = FindRepo();
        var generated = corpusDir is null;
        var dir = corpusDir ?? Path.Combine(Path.GetTempPath(), $"askshift-scale-{documents}-{seed}");
        var sw = Stopwatch.StartNew();
        if (generated)
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
            SyntheticCorpus.Write(dir, documents, seed);
            Console.WriteLine($"generated {documents} files in {dir} ({sw.Elapsed.TotalSeconds:F1} s)");
        }

        sw.Restart();
        var lastReport = 0;
        var corpus = Corpus.Load(dir, progress: new Progress<LoadProgress>(p =>
        {
            if (p.Done - lastReport >= 200 || p.Done == p.Total) { lastReport = p.Done; Console.Error.WriteLine($"  read {p.Done}/{p.Total}"); }
        }));
        var load = sw.Elapsed;
        Console.WriteLine($"Corpus.Load: {corpus.Items.Count} documents, {corpus.AllAsks.Count} asks, {corpus.Errors.Count} errors, " +
                          $"{corpus.Skipped.Count} skipped in {load.TotalSeconds:F1} s ({corpus.Items.Count / load.TotalSeconds:F0} documents/s)");
        foreach (var e in corpus.Errors.Take(5)) Console.WriteLine($"  error: {e.File}: {e.Error}");

        // Planted asks by file (text, theme), read once for the extraction score and the theme agreement.
        var planted = generated
            ? File.ReadLines(Path.Combine(dir, "planted-asks.tsv")).Select(l => l.Split('\t'))
                .GroupBy(f => f[0]).ToDictionary(g => g.Key, g => g.Select(f => (Text: f[2], Theme: f[1])).ToList())
            : [];
        if (generated) ScoreAgainstPlanted(dir, corpus, planted);

        sw.Restart();
        var rows = AskRow.From(corpus.Items);
        var texts = rows.Select(r => r.AnalysisText).ToList();
        var codebook = Codebook.Load(Path.Combine(repo, "notebooks", "codebook.json"));
        var guided = new AskClusterer(new ClusterOptions { Codebook = codebook, Guided = GuidedMode.Seed }).Run(texts);
        Console.WriteLine($"guided clustering of {texts.Count} asks: {guided.K} themes in {sw.Elapsed.TotalSeconds:F1} s");
        if (generated)
        {
            // Planted asks are known per file, so each ask is paired only with its own document's planted asks.
            var truth = new string?[texts.Count];
            foreach (var group in Enumerable.Range(0, rows.Count).GroupBy(i => rows[i].File))
            {
                var ids = group.ToList();
                var labels = AskMatching.Labels(ids.Select(i => texts[i]).ToList(),
                    (planted.GetValueOrDefault(group.Key) ?? []).Select(p => (p.Text, p.Theme)).ToList());
                for (var k = 0; k < ids.Count; k++) truth[ids[k]] = labels[k];
            }
            var idx = Enumerable.Range(0, texts.Count).Where(i => truth[i] is not null).ToList();
            var s = Agreement.Score(idx.Select(i => truth[i]!).ToList(), idx.Select(i => guided.Assignments[i]).ToList());
            Console.WriteLine($"  agreement with planted themes ({idx.Count} matched asks): NMI {s.Nmi:F3}, ARI {s.Ari:F3}");
        }
        Console.WriteLine($"peak working set so far: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB");

        if (!notebooks) return 0;
        var lib = Path.Combine(repo, "lib", "AskShift", "bin", "Debug", "net10.0", "AskShift.Core.dll");
        if (!File.Exists(lib))
        {
            Console.Error.WriteLine($"the notebooks #r {lib}; build it first: dotnet build lib/AskShift");
            return 2;
        }
        var outDir = Path.Combine(Path.GetTempPath(), $"askshift-scale-notebooks-{documents}");
        Directory.CreateDirectory(outDir);
        // The in-process runner leaves the current directory alone, so what the notebooks read and write by relative
        // paths (Codebook.Load("codebook.json"), the CSVs under tables/) resolves against this process's. Run from the
        // repository root, 02 and 03 failed at their first guided cell (codebook.json not found) and the tables landed
        // in the root; from notebooks/ they would overwrite the committed tables. This process runs nothing else, so it
        // moves to the output folder and takes the codebook along; the hand-coded gold the notebooks look for by
        // relative path is then absent, which they report, as it would not pair with generated asks anyway.
        File.Copy(Path.Combine(repo, "notebooks", "codebook.json"), Path.Combine(outDir, "codebook.json"), overwrite: true);
        Directory.SetCurrentDirectory(outDir);
        var failed = 0;
        foreach (var nb in Directory.EnumerateFiles(Path.Combine(repo, "notebooks"), "*.ipynb").Order())
        {
            var options = new RunnerOptions { Parameters = new Dictionary<string, string> { ["corpusPath"] = Path.GetFullPath(dir) } };
            var result = await new NotebookRunner(options).RunAsync(nb, Path.Combine(outDir, Path.GetFileName(nb)));
            Console.WriteLine($"{Path.GetFileName(nb)}: {(result.Success ? "ok" : "FAILED")} {result.CellsExecuted}/{result.CodeCells} cells in {result.Elapsed.TotalSeconds:F1} s" +
                              (result.Failure is { } f ? $" (cell {f.CellNumber}: {f.Error.EName}: {f.Error.EValue})" : ""));
            if (!result.Success) failed++;
        }
        await ChromiumChartRenderer.Shared.DisposeAsync();
        Console.WriteLine($"executed notebooks written to {outDir}");
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB");
        return failed == 0 ? 0 : 1;
    }

    static void ScoreAgainstPlanted(string dir, Corpus corpus, Dictionary<string, List<(string Text, string Theme)>> planted)
    {
        int matched = 0, predicted = 0, reference = 0;
        foreach (var doc in corpus.Items)
        {
            var s = AskMatching.Score(doc.Asks.Select(a => a.Text).ToList(),
                (planted.GetValueOrDefault(doc.File) ?? []).Select(p => p.Text).ToList());
            matched += s.Matched; predicted += s.Predicted; reference += s.Reference;
        }
        var truth = File.ReadLines(Path.Combine(dir, "planted-documents.tsv")).Select(l => l.Split('\t')).ToDictionary(f => f[0], f => (Date: f[1], Admin: f[2]));
        var dated = corpus.Items.Count(d => truth.TryGetValue(d.File, out var t) && d.Date?.ToString("yyyy-MM-dd") == t.Date);
        var admin = corpus.Items.Count(d => truth.TryGetValue(d.File, out var t) && d.Administration == t.Admin);
        Console.WriteLine($"extraction vs planted asks: P {(double)matched / predicted:F3} R {(double)matched / reference:F3} ({matched} matched, {predicted} extracted, {reference} planted)");
        Console.WriteLine($"dates right to the day: {dated}/{corpus.Items.Count}; administration right: {admin}/{corpus.Items.Count}");
    }

    static string FindRepo()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Notebooks.sln"))) return d.FullName;
        throw new InvalidOperationException("run from inside the AskShift repository (Notebooks.sln not found above the bench binary)");
    }
}
