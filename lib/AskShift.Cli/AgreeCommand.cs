using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AskShift.Evaluate;

namespace AskShift.Cli;

/// <summary>
/// <c>askshift agree FIRST SECOND [--corpus DIR] [--json]</c>: inter-coder agreement between two hand annotations of the
/// same documents, by the rule extraction is scored by. A researcher double-codes a sample to learn how far the
/// reference itself can be trusted before reading any extraction score against it.
/// </summary>
public static class AgreeCommand
{
    public static Command Create()
    {
        var first = new Argument<string>("FIRST") { Description = "the first coder's annotations: a file (an array of documents, as shared/seeds-gold.json) or a folder of *.json" };
        var second = new Argument<string>("SECOND") { Description = "the second coder's annotations of (some of) the same documents, in the same format" };
        var corpus = new Option<DirectoryInfo?>("--corpus") { Description = "the folder of documents: every span of both coders is checked against its text" };
        var json = new Option<bool>("--json") { Description = "print one JSON object (totals, documents, problems) to stdout" };
        var threshold = new Option<double>("--threshold") { Description = "word overlap (share of the shorter span) for two spans to be the same ask", DefaultValueFactory = _ => AskMatching.DefaultThreshold };
        var cmd = new Command("agree", "Agreement between two coders' annotations: asks, administrations, dates, themes") { first, second, corpus, json, threshold };
        cmd.SetAction(parse => Run(parse.GetValue(first)!, parse.GetValue(second)!, parse.GetValue(corpus)?.FullName, parse.GetValue(json),
            parse.GetValue(threshold), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return cmd;
    }

    /// <summary>Runs the command, writing to the given streams (in-process tests pass their own writers).</summary>
    public static int Run(string firstPath, string secondPath, string? corpusPath, bool json, double threshold, TextWriter stdout, TextWriter stderr)
    {
        if (!(threshold > 0 && threshold <= 1)) { stderr.WriteLine($"askshift agree: --threshold {threshold.ToString(CultureInfo.InvariantCulture)} must be in (0, 1]"); return ExitCodes.BadInput; }
        if (corpusPath is not null && !Directory.Exists(corpusPath)) { stderr.WriteLine($"askshift agree: no such corpus folder: {corpusPath}"); return ExitCodes.BadInput; }
        IReadOnlyList<GoldDocument> a, b;
        try
        {
            a = GoldSet.Load(firstPath);
            b = GoldSet.Load(secondPath);
        }
        catch (Exception e) when (e is FormatException or FileNotFoundException or IOException)
        {
            stderr.WriteLine($"askshift agree: {e.Message}");
            return ExitCodes.BadInput;
        }
        Dictionary<string, string>? texts = null;
        if (corpusPath is not null)
        {
            // Only the documents the coders annotated are read, as loading reads them and with nothing extracted (a coded
            // sample of a large corpus stays quick); their raw text is what the offsets index. A file that is missing or
            // cannot be read is left out and named as a problem.
            texts = new Dictionary<string, string>(StringComparer.Ordinal);
            var maxBytes = new CorpusOptions().MaxFileBytes;
            foreach (var file in a.Select(d => d.File).Union(b.Select(d => d.File)))
            {
                var path = Path.Combine(corpusPath, file);
                if (File.Exists(path) && AskShift.Load.DocumentReader.Read(path, file, maxBytes).Text is { } text) texts[file] = text;
            }
        }
        var report = CoderAgreement.Compare(a, b, texts, threshold);
        if (report.Documents.Count == 0) { stderr.WriteLine($"askshift agree: {firstPath} and {secondPath} annotate no document in common"); return ExitCodes.BadInput; }
        if (json) WriteJson(report, stdout);
        else WriteText(report, stdout);
        return ExitCodes.Ok;
    }

    static string F(double x) => double.IsNaN(x) ? "-" : x.ToString("0.000", CultureInfo.InvariantCulture);
    static string Iso(DateOnly? d, string? precision) => d is { } x ? $"{x.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} @ {precision}" : "none";

    static void WriteText(CoderAgreementReport r, TextWriter o)
    {
        o.WriteLine($"{"document",-34} {"asks m/first/second",-20} {"administration",-20} date (first | second)");
        foreach (var d in r.Documents)
        {
            var admin = d.AdministrationAgreed ? d.FirstAdministration : $"{d.FirstAdministration} | {d.SecondAdministration}";
            var date = d.DateAgreed switch { true => "agree", false => "DIFFER", null => "not compared" };
            o.WriteLine($"{d.File,-34} {$"{d.Matched}/{d.First}/{d.Second}",-20} {admin,-20} {Iso(d.FirstDate, d.FirstPrecision)} | {Iso(d.SecondDate, d.SecondPrecision)} {date}");
            foreach (var x in d.OnlyFirst) o.WriteLine($"    first only:  {AskLines.Shorten(x)}");
            foreach (var x in d.OnlySecond) o.WriteLine($"    second only: {AskLines.Shorten(x)}");
        }
        foreach (var p in r.Problems) o.WriteLine($"problem: {p}");
        o.WriteLine();
        o.WriteLine($"documents {r.Documents.Count}");
        o.WriteLine($"asks: F1 {F(r.F1)} ({r.Matched} paired; {r.First} coded by the first, {r.Second} by the second; second against first: precision {F(r.Second == 0 ? 0 : (double)r.Matched / r.Second)}, recall {F(r.First == 0 ? 0 : (double)r.Matched / r.First)})");
        o.WriteLine($"administration: {r.AdministrationsAgreed}/{r.Documents.Count} agree");
        o.WriteLine($"date at the coarser stated precision: {r.DatesAgreed}/{r.DatesCompared} agree; {r.DateStatedDisagreements} documents where only one coder says the text states a date");
        o.WriteLine($"themes of paired asks: {r.Themes.Agreed}/{r.Themes.Asks} agree ({F(r.Themes.Asks == 0 ? double.NaN : (double)r.Themes.Agreed / r.Themes.Asks)}), Cohen's kappa {F(r.Themes.Kappa)}");
    }

    static void WriteJson(CoderAgreementReport r, TextWriter o) => o.WriteLine(JsonSerializer.Serialize(new
    {
        totals = new
        {
            documents = r.Documents.Count, paired = r.Matched, first = r.First, second = r.Second, f1 = Math.Round(r.F1, 4),
            administrationsAgreed = r.AdministrationsAgreed, datesCompared = r.DatesCompared, datesAgreed = r.DatesAgreed,
            dateStatedDisagreements = r.DateStatedDisagreements,
            themes = new { compared = r.Themes.Asks, agreed = r.Themes.Agreed, kappa = double.IsNaN(r.Themes.Kappa) ? (double?)null : Math.Round(r.Themes.Kappa, 4) },
        },
        documents = r.Documents.Select(d => new
        {
            file = d.File, paired = d.Matched, first = d.First, second = d.Second,
            firstAdministration = d.FirstAdministration, secondAdministration = d.SecondAdministration,
            firstDate = d.FirstDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), firstPrecision = d.FirstPrecision,
            secondDate = d.SecondDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), secondPrecision = d.SecondPrecision,
            dateAgreed = d.DateAgreed, onlyFirst = d.OnlyFirst, onlySecond = d.OnlySecond,
        }),
        problems = r.Problems,
    }, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
}
