using System.CommandLine;
using System.Text.Json;
using AskShift.Cluster;

namespace AskShift.Cli;

/// <summary>
/// <c>askshift cluster</c>: clusters one ask per line with the same <see cref="AskClusterer"/> the notebooks use, so a
/// script and a notebook given the same file and seed get the same clusters.
/// </summary>
public static class ClusterCommand
{
    public static Command Create()
    {
        var texts = new Option<FileInfo>("--texts") { Description = "UTF-8 file with one ask per line", Required = true };
        var k = new Option<int?>("--k") { Description = "fixed number of clusters (default: chosen by silhouette in 2..min(12, n-1))" };
        var codebook = new Option<FileInfo?>("--codebook") { Description = "codebook JSON (see notebooks/codebook.json) to seed and name clusters" };
        var guided = new Option<string>("--guided") { Description = "with --codebook: 'seed' (centroids start at theme seed terms) or 'name' (only name clusters)", DefaultValueFactory = _ => "seed" };
        guided.AcceptOnlyFromAmong("seed", "name");
        var seed = new Option<int>("--seed") { Description = "random seed (same seed, same clusters)", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "print machine-readable JSON" };
        var chooseK = new Option<string>("--choose-k") { Description = "without --k: choose k by 'silhouette' or by 'stability' over resamples", DefaultValueFactory = _ => "silhouette" };
        chooseK.AcceptOnlyFromAmong("silhouette", "stability");
        var examples = new Option<FileInfo?>("--examples") { Description = "with --codebook (seed mode): hand-coded asks, one 'text<TAB>theme code' per line, that start each theme's centroid beside its seed terms" };
        var wordBlock = new Option<string>("--word-block") { Description = "what makes the word features: 'tokens' (the library's own tokenizer and stop words) or 'mlnet' (ML.NET's FeaturizeText, as clusterings before 2026-11-26 did)", DefaultValueFactory = _ => "tokens" };
        wordBlock.AcceptOnlyFromAmong("tokens", "mlnet");
        var cmd = new Command("cluster", "Cluster asks (one per line) and label the clusters") { texts, k, codebook, guided, seed, json, examples, chooseK, wordBlock };
        cmd.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var file = parse.GetValue(texts)!;
            if (!file.Exists) { error.WriteLine($"askshift cluster: texts file not found: {file.FullName}"); return ExitCodes.BadInput; }
            string content;
            try { content = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(File.ReadAllBytes(file.FullName)); }
            catch (System.Text.DecoderFallbackException e)
            {
                error.WriteLine($"askshift cluster: {file.FullName} is not UTF-8 (invalid byte at offset {e.Index}); convert it first, e.g. iconv -f WINDOWS-1252 -t UTF-8");
                return ExitCodes.BadInput;
            }
            // Blank lines are not asks: skipped, counted, and the line numbers of the rest kept for the output.
            var all = content.TrimStart('\uFEFF').Replace("\r\n", "\n").Split('\n');
            if (all.Length > 0 && all[^1].Length == 0) all = all[..^1];
            var numbered = all.Select((l, i) => (Line: i + 1, Text: l)).Where(x => !string.IsNullOrWhiteSpace(x.Text)).ToList();
            var lines = numbered.Select(x => x.Text).ToList();
            var blank = all.Length - lines.Count;
            if (lines.Count == 0) { error.WriteLine($"askshift cluster: {file.FullName} has no non-blank line (expected one ask per line)"); return ExitCodes.BadInput; }
            if (blank > 0) error.WriteLine($"askshift cluster: skipped {blank} blank line{(blank == 1 ? "" : "s")} in {file.FullName}");
            var fixedK = parse.GetValue(k);
            if (fixedK is int kk && (kk < 1 || kk > lines.Count))
            { error.WriteLine($"askshift cluster: --k {kk} must be between 1 and the number of asks ({lines.Count} non-blank lines) in {file.FullName}"); return ExitCodes.BadInput; }
            Codebook? cb = null;
            if (parse.GetValue(codebook) is FileInfo cbFile)
            {
                try { cb = Codebook.Load(cbFile.FullName); }
                catch (Exception e) when (e is FormatException or FileNotFoundException) { error.WriteLine($"askshift cluster: {e.Message}"); return ExitCodes.BadInput; }
            }
            IReadOnlyList<(string Text, string Label)>? coded = null;
            if (parse.GetValue(examples) is FileInfo exFile)
            {
                if (cb is null) { error.WriteLine("askshift cluster: --examples needs --codebook (they start the codebook's themes)"); return ExitCodes.BadInput; }
                try { coded = AskShift.Evaluate.AskMatching.ReadLabels(exFile.FullName); }
                catch (Exception e) when (e is FormatException or FileNotFoundException) { error.WriteLine($"askshift cluster: {e.Message}"); return ExitCodes.BadInput; }
                var unknown = coded.Select(c => c.Label).Distinct().Where(t => cb.Themes.All(x => x.Code != t)).ToList();
                if (unknown.Count > 0) { error.WriteLine($"askshift cluster: {exFile.FullName}: theme codes not in the codebook: {string.Join(", ", unknown)}"); return ExitCodes.BadInput; }
            }
            var options = new ClusterOptions
            {
                Examples = coded,
                ChooseK = parse.GetValue(chooseK) == "stability" ? KChoice.Stability : KChoice.Silhouette,
                K = fixedK,
                Seed = parse.GetValue(seed),
                Codebook = cb,
                Guided = cb is null ? GuidedMode.None : parse.GetValue(guided) == "name" ? GuidedMode.Name : GuidedMode.Seed,
                Features = new FeaturizerOptions { WordBlock = parse.GetValue(wordBlock) == "mlnet" ? WordBlock.MLNet : WordBlock.Tokens },
            };
            ClusteringResult result;
            try { result = new AskClusterer(options).Run(lines); }
            catch (ArgumentException e) { error.WriteLine($"askshift cluster: {file.FullName}: {e.Message}"); return ExitCodes.BadInput; }
            if (parse.GetValue(json))
            {
                var shape = new
                {
                    k = result.K,
                    method = result.Method,
                    clusters = result.Clusters.Select(c => new { id = c.Id, label = c.Label, theme = c.Theme, size = c.Size, terms = c.Terms.Select(t => t.Term).ToArray() }),
                    assignments = result.Assignments,
                    lines = numbered.Select(x => x.Line).ToArray(), // the input line of each assignment (blank lines skipped)
                    skipped_blank_lines = blank,
                };
                output.WriteLine(JsonSerializer.Serialize(shape, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            }
            else
            {
                output.WriteLine($"k = {result.K} ({result.Method})");
                foreach (var c in result.Clusters)
                {
                    output.WriteLine($"[{c.Id}] {c.Label}  ({c.Size} asks)  terms: {string.Join(", ", c.Terms.Select(t => t.Term))}");
                    foreach (var r in c.Representatives) output.WriteLine($"      - {r.Text}");
                }
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
