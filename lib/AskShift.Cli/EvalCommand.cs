using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AskShift.Cluster;
using AskShift.Evaluate;
using AskShift.Frames;

namespace AskShift.Cli;

/// <summary>
/// <c>askshift eval GOLD CORPUS [--json]</c>: scores extraction on a hand-annotated sample (asks P/R/F1, administration,
/// dates at the stated precision, themes with a codebook) and lists every missed and extra ask per document, so a
/// researcher sees where to look, not only how much is wrong.
/// </summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var gold = new Argument<string>("GOLD") { Description = "annotation file (an array of documents, as shared/seeds-gold.json) or a folder of *.json annotations" };
        var corpus = new Argument<string>("CORPUS") { Description = "the folder of documents the annotations refer to" };
        var json = new Option<bool>("--json") { Description = "print one JSON object (totals, documents, problems) to stdout" };
        var codebook = new Option<FileInfo?>("--codebook") { Description = "codebook JSON (e.g. notebooks/codebook.json): also score machine themes against the gold themes" };
        var threshold = new Option<double>("--threshold") { Description = "word overlap (share of the shorter span) for two spans to be the same ask", DefaultValueFactory = _ => AskMatching.DefaultThreshold };
        var cmd = new Command("eval", "Score extraction against hand annotations: asks, administrations, dates, themes") { gold, corpus, json, codebook, threshold };
        cmd.SetAction(parse => Run(parse.GetValue(gold)!, parse.GetValue(corpus)!, parse.GetValue(json), parse.GetValue(codebook)?.FullName,
            parse.GetValue(threshold), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return cmd;
    }

    /// <summary>Runs the command, writing to the given streams (in-process tests pass their own writers).</summary>
    public static int Run(string goldPath, string corpusPath, bool json, string? codebookPath, double threshold, TextWriter stdout, TextWriter stderr)
    {
        if (!(threshold > 0 && threshold <= 1)) { stderr.WriteLine($"askshift eval: --threshold {threshold.ToString(CultureInfo.InvariantCulture)} must be in (0, 1]"); return ExitCodes.BadInput; }
        if (!Directory.Exists(corpusPath)) { stderr.WriteLine($"askshift eval: no such corpus folder: {corpusPath}"); return ExitCodes.BadInput; }
        IReadOnlyList<GoldDocument> annotations;
        Codebook? cb = null;
        try
        {
            annotations = GoldSet.Load(goldPath);
            if (codebookPath != null) cb = Codebook.Load(codebookPath);
        }
        catch (Exception e) when (e is FormatException or FileNotFoundException or IOException)
        {
            stderr.WriteLine($"askshift eval: {e.Message}");
            return ExitCodes.BadInput;
        }
        if (annotations.Count == 0) { stderr.WriteLine($"askshift eval: {goldPath} holds no annotated document"); return ExitCodes.BadInput; }
        var loaded = Corpus.Load(corpusPath);
        var report = Evaluator.Evaluate(loaded, annotations, new EvaluationOptions { MatchThreshold = threshold, Codebook = cb });
        if (json) WriteJson(report, stdout);
        else WriteText(report, stdout);
        return ExitCodes.Ok;
    }

    static string F(double x) => x.ToString("0.000", CultureInfo.InvariantCulture);
    static string I((double Low, double High)? i) => i is { } x ? $"[{F(x.Low)}-{F(x.High)}]" : "[-]";
    static double[]? J((double Low, double High)? i) => i is { } x ? [Math.Round(x.Low, 4), Math.Round(x.High, 4)] : null;
    static string Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";

    static void WriteText(EvaluationReport r, TextWriter o)
    {
        o.WriteLine($"{"document",-34} {"asks m/pred/gold",-17} {"administration",-22} date (gold @ precision -> read)");
        foreach (var d in r.Documents)
        {
            var admin = d.AdministrationRight ? d.Administration : $"{d.Administration} (gold {d.GoldAdministration})";
            var date = d.DateRight switch
            {
                null => $"not stated -> {Iso(d.Date)}",
                true => $"{Iso(d.GoldDate)} @ {d.GoldPrecision} ok",
                false => $"{Iso(d.GoldDate)} @ {d.GoldPrecision} -> {Iso(d.Date)} {CorpusFrames.Code(d.DatePrecision)} WRONG",
            };
            o.WriteLine($"{d.File,-34} {$"{d.Matched}/{d.Predicted}/{d.Reference}",-17} {admin,-22} {date}");
            foreach (var m in d.Missed) o.WriteLine($"    missed: {AskLines.Shorten(m)}");
            foreach (var x in d.Extra) o.WriteLine($"    extra:  {AskLines.Shorten(x)}");
        }
        foreach (var p in r.Problems) o.WriteLine($"problem: {p}");
        o.WriteLine();
        o.WriteLine($"documents {r.Documents.Count}");
        var ci = r.Intervals();
        o.WriteLine($"asks: precision {F(r.Precision)} {I(ci.Precision)}, recall {F(r.Recall)} {I(ci.Recall)}, F1 {F(r.F1)} {I(ci.F1)} ({r.Matched} matched, {r.Predicted} extracted, {r.Reference} annotated)");
        o.WriteLine($"administration: {r.AdministrationRight}/{r.Documents.Count} right {I(ci.Administration)}");
        o.WriteLine($"date at the stated precision: {r.DatesRight}/{r.DatesScored} right {I(ci.Dates)} (documents whose text states no date are not scored)");
        o.WriteLine($"[{ci.Confidence.ToString("0%", CultureInfo.InvariantCulture)} intervals: asks by resampling the documents {ci.Resamples} times, administrations and dates by Wilson's score interval]");
        foreach (var (title, kinds) in new[] { ("by form", r.ByForm), ("by language", r.ByLanguage) })
        {
            o.WriteLine($"{title} (precision over the extracted asks of a kind, recall over the annotated ones):");
            foreach (var k in kinds)
                o.WriteLine($"    {k.Kind,-16} precision {(k.Extracted == 0 ? "  -  " : F(k.Precision))} ({k.ExtractedMatched}/{k.Extracted}), recall {(k.Annotated == 0 ? "  -  " : F(k.Recall))} ({k.AnnotatedFound}/{k.Annotated})");
        }
        if (r.Themes is { } t)
            o.WriteLine($"themes over matched asks: primary {t.Primary}/{t.Compared} ({F(t.PrimaryAgreement)}), primary or secondary {t.PrimaryOrSecondary}/{t.Compared} ({F(t.AnyAgreement)})");
    }

    static object Kind(KindScore k) => new
    {
        kind = k.Kind, extracted = k.Extracted, extractedMatched = k.ExtractedMatched, annotated = k.Annotated, annotatedFound = k.AnnotatedFound,
        precision = k.Extracted == 0 ? (double?)null : Math.Round(k.Precision, 4), recall = k.Annotated == 0 ? (double?)null : Math.Round(k.Recall, 4),
    };

    static void WriteJson(EvaluationReport r, TextWriter o)
    {
        var ci = r.Intervals();
        o.WriteLine(JsonSerializer.Serialize(new
        {
            totals = new
            {
                documents = r.Documents.Count, matched = r.Matched, extracted = r.Predicted, annotated = r.Reference,
                precision = Math.Round(r.Precision, 4), recall = Math.Round(r.Recall, 4), f1 = Math.Round(r.F1, 4),
                administrationRight = r.AdministrationRight, datesScored = r.DatesScored, datesRight = r.DatesRight,
                themes = r.Themes is { } t ? new { compared = t.Compared, primary = t.Primary, primaryOrSecondary = t.PrimaryOrSecondary } : null,
                byForm = r.ByForm.Select(Kind), byLanguage = r.ByLanguage.Select(Kind),
                intervals = new
                {
                    confidence = ci.Confidence, resamples = ci.Resamples, precision = J(ci.Precision), recall = J(ci.Recall), f1 = J(ci.F1),
                    administration = J(ci.Administration), dates = J(ci.Dates),
                },
            },
            documents = r.Documents.Select(d => new
            {
                file = d.File, matched = d.Matched, extracted = d.Predicted, annotated = d.Reference,
                administration = d.Administration, goldAdministration = d.GoldAdministration,
                date = Iso(d.Date) is var x && x != "-" ? x : null, datePrecision = CorpusFrames.Code(d.DatePrecision),
                goldDate = d.GoldDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), goldPrecision = d.GoldPrecision,
                dateRight = d.DateRight, dateEvidence = d.DateEvidence, missed = d.Missed, extra = d.Extra,
            }),
            problems = r.Problems,
        }, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }
}
