using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AskShift.Cluster;
using AskShift.Evaluate;
using AskShift.Review;

namespace AskShift.Cli;

/// <summary>
/// <c>askshift review export DIR -o review.csv</c> writes the rows a person should check; <c>askshift review agreement DIR</c>
/// reports how far the machine agrees with what the person marked. Applying the marks needs no command: <c>Corpus.Load</c>
/// (and so <c>extract</c> and the notebooks) applies <c>review.csv</c> found in the corpus folder.
/// </summary>
public static class ReviewCommand
{
    /// <summary>Builds the command and its two subcommands.</summary>
    public static Command Create()
    {
        var dir = new Argument<string>("DIR") { Description = "the corpus folder" };
        var output = new Option<string>("--output", "-o") { Description = "where to write the review file (put it in the corpus folder as review.csv to have it applied)", Required = true };
        var codebook = new Option<FileInfo?>("--codebook") { Description = "codebook JSON (e.g. notebooks/codebook.json): fill the theme column with the machine's themes" };
        var force = new Option<bool>("--force") { Description = "overwrite an existing file (it may hold a person's marks)" };
        var export = new Command("export", "Write one row per ask and per document date and administration, for a person to check in a spreadsheet") { dir, output, codebook, force };
        export.SetAction(p => Export(p.GetValue(dir)!, p.GetValue(output)!, p.GetValue(codebook)?.FullName, p.GetValue(force), p.InvocationConfiguration.Output, p.InvocationConfiguration.Error));

        var dir2 = new Argument<string>("DIR") { Description = "the corpus folder" };
        var review = new Option<string?>("--review") { Description = "the review file (default: review.csv in the corpus folder)" };
        var json = new Option<bool>("--json") { Description = "print one JSON object to stdout" };
        var agreement = new Command("agreement", "How far the machine agrees with the reviewed rows: asks P/R/F1, dates, administrations, themes") { dir2, review, json };
        agreement.SetAction(p => Agreement(p.GetValue(dir2)!, p.GetValue(review), p.GetValue(json), p.InvocationConfiguration.Output, p.InvocationConfiguration.Error));

        return new Command("review", "The review round trip: export rows to check, then measure agreement with the reviewed corpus") { export, agreement };
    }

    /// <summary>Runs <c>review export</c>, writing to the given streams.</summary>
    public static int Export(string dir, string output, string? codebookPath, bool force, TextWriter stdout, TextWriter stderr)
    {
        if (!Directory.Exists(dir)) { stderr.WriteLine($"askshift review export: no such corpus folder: {dir}"); return ExitCodes.BadInput; }
        if (File.Exists(output) && !force)
        {
            stderr.WriteLine($"askshift review export: {output} exists and may hold a person's marks; pass --force to overwrite it");
            return ExitCodes.BadInput;
        }
        Codebook? cb = null;
        try { if (codebookPath != null) cb = Codebook.Load(codebookPath); }
        catch (Exception e) when (e is FormatException or FileNotFoundException or IOException) { stderr.WriteLine($"askshift review export: {e.Message}"); return ExitCodes.BadInput; }
        // The export shows the machine's own values, so a person checks what the extractor did, not an earlier review.
        var corpus = Corpus.Load(dir, new CorpusOptions { ApplyReview = false });
        IReadOnlyList<string?>? themes = null;
        if (cb != null && corpus.AllAsks.Count >= 2)
        {
            var result = new AskClusterer(new ClusterOptions { Codebook = cb, Guided = GuidedMode.Seed }).Run(corpus.AllAsks.Select(a => a.AnalysisText).ToList());
            themes = result.Assignments.Select(a => result.Clusters[a].Theme).ToList();
        }
        try { ReviewSheet.Export(corpus, output, themes); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { stderr.WriteLine($"askshift review export: cannot write {output}: {e.Message}"); return ExitCodes.Failed; }
        foreach (var e in corpus.Errors) stderr.WriteLine($"askshift review export: not loaded: {e.File}: {e.Error}");
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {output}: {corpus.Items.Count * 2 + corpus.AllAsks.Count} rows ({corpus.AllAsks.Count} asks; a date and an administration row for each of {corpus.Items.Count} documents)"));
        return ExitCodes.Ok;
    }

    /// <summary>Runs <c>review agreement</c>, writing to the given streams.</summary>
    public static int Agreement(string dir, string? reviewPath, bool json, TextWriter stdout, TextWriter stderr)
    {
        if (!Directory.Exists(dir)) { stderr.WriteLine($"askshift review agreement: no such corpus folder: {dir}"); return ExitCodes.BadInput; }
        var file = reviewPath ?? Path.Combine(dir, ReviewSheet.DefaultName);
        if (!File.Exists(file)) { stderr.WriteLine($"askshift review agreement: no review file at {file} (write one with 'askshift review export')"); return ExitCodes.BadInput; }
        var machine = Corpus.Load(dir, new CorpusOptions { ApplyReview = false });
        var reviewed = Corpus.Load(dir, new CorpusOptions { Review = Path.GetFullPath(file) });
        var s = reviewed.Review!;
        foreach (var p in s.Problems) stderr.WriteLine($"askshift review agreement: {p.File}: {p.Error}");
        var r = ReviewAgreement.Compute(machine, reviewed);
        var a = r.Asks;
        string F(double x) => x.ToString("0.000", CultureInfo.InvariantCulture);
        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(new
            {
                review = new { file = s.File, rows = s.Rows, documentsReviewed = s.DocumentsReviewed, asksConfirmed = s.AsksConfirmed, asksEdited = s.AsksEdited,
                    asksDropped = s.AsksDropped, asksAdded = s.AsksAdded, themesSet = s.ThemesSet, problems = s.Problems.Count },
                asks = new { documents = a.Documents.Count, matched = a.Matched, machine = a.Predicted, reviewed = a.Reference,
                    precision = Math.Round(a.Precision, 4), recall = Math.Round(a.Recall, 4), f1 = Math.Round(a.F1, 4) },
                dates = new { compared = r.DatesCompared, agreed = r.DatesAgreed },
                administrations = new { compared = r.AdministrationsCompared, agreed = r.AdministrationsAgreed },
                themes = new { compared = r.ThemesCompared, agreed = r.ThemesAgreed },
            }));
            return ExitCodes.Ok;
        }
        stdout.WriteLine($"review file {s.File}: {s.Rows} rows, {s.DocumentsReviewed} documents reviewed, {s.Problems.Count} problems");
        stdout.WriteLine($"asks reviewed: {s.AsksConfirmed} kept, {s.AsksEdited} redrawn, {s.AsksDropped} dropped, {s.AsksAdded} added; {s.ThemesSet} themes set");
        stdout.WriteLine($"asks, over {a.Documents.Count} documents whose every machine ask was marked: precision {F(a.Precision)}, recall {F(a.Recall)}, F1 {F(a.F1)} ({a.Matched} matched, {a.Predicted} machine, {a.Reference} reviewed)");
        stdout.WriteLine($"dates: {r.DatesAgreed}/{r.DatesCompared} as the reviewer has them");
        stdout.WriteLine($"administrations: {r.AdministrationsAgreed}/{r.AdministrationsCompared} as the reviewer has them");
        stdout.WriteLine($"themes of kept or redrawn asks: {r.ThemesAgreed}/{r.ThemesCompared} left as the machine had them");
        return ExitCodes.Ok;
    }
}
