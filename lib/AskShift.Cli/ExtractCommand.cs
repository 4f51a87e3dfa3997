using System.CommandLine;
using System.Text.Json;
using AskShift.Frames;
using Spectre.Console;

namespace AskShift.Cli;

/// <summary>
/// <c>askshift extract DIR [--json]</c>: runs load, normalise, metadata and extract on a folder. The JSON shape is a
/// stable interface other tools parse, so it is spelled out field by field here rather than by serialising model records.
/// </summary>
public static class ExtractCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var dir = new Argument<string>("DIR") { Description = "Folder (searched recursively) or single file of .txt, .md, .html, .pdf, .docx documents." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (documents, asks, errors, skipped) to stdout; progress goes to stderr." };
        var output = new Option<string?>("--output", "-o") { Description = "Write the results as files into this folder instead of printing them." };
        var format = new Option<string>("--format")
        {
            Description = "With --output: csv (documents.csv, asks.csv, problems.csv), parquet (documents.parquet, asks.parquet, problems.csv) or json (corpus.json, the --json shape).",
            DefaultValueFactory = _ => "csv",
        };
        format.AcceptOnlyFromAmong("csv", "parquet", "json");
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress and no summary on stderr (errors are still reported in the output)." };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Files read and processed at once (default: one per core); the output does not depend on it.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var cmd = new Command("extract", "Load documents and extract every ask made of the US government, with metadata.") { dir, json, output, format, quiet, jobs };
        cmd.SetAction(parse => Run(parse.GetValue(dir)!, parse.GetValue(json), Console.Out, Console.Error,
            parse.GetValue(output), parse.GetValue(format)!, parse.GetValue(quiet), parse.GetValue(jobs)));
        return cmd;
    }

    /// <summary>Runs the command, writing to the given streams (in-process tests pass their own writers).</summary>
    public static int Run(string path, bool json, TextWriter stdout, TextWriter stderr, string? outputDir = null, string format = "csv", bool quiet = false,
        int jobs = 0)
    {
        if (jobs < 0) { stderr.WriteLine("askshift extract: --jobs must be 1 or more"); return ExitCodes.BadInput; }
        var options = new CorpusOptions { Parallelism = jobs == 0 ? Environment.ProcessorCount : jobs };
        if (!Directory.Exists(path) && !File.Exists(path))
        {
            stderr.WriteLine($"askshift extract: no such file or folder: {path}");
            return ExitCodes.BadInput;
        }
        if (outputDir is not null && json)
        {
            stderr.WriteLine("askshift extract: --json prints to stdout and --output writes files; pick one");
            return ExitCodes.BadInput;
        }
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // A progress bar only where someone watches it: on a terminal. A log (stderr redirected) gets one summary line.
        var interactive = !quiet && ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
        var corpus = interactive ? LoadWithBar(path, options) : Corpus.Load(path, options);
        if (!quiet)
        {
            var mb = corpus.Items.Sum(d => (long)d.RawText.Length) / 1e6; // millions of characters read
            stderr.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"askshift extract: {corpus.Items.Count} documents, {corpus.AllAsks.Count} asks, {corpus.Errors.Count} errors, {corpus.Skipped.Count} skipped in {clock.Elapsed.TotalSeconds:0.0} s ({mb:0.0} M characters)"));
        }
        if (outputDir is not null)
        {
            try { WriteFiles(corpus, outputDir, format); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"askshift extract: cannot write to {outputDir}: {e.Message}");
                return ExitCodes.Failed;
            }
            if (!quiet) stderr.WriteLine($"askshift extract: wrote {format} files to {outputDir}");
        }
        else if (json) WriteJson(corpus, stdout);
        else WriteTable(corpus, stdout);
        return ExitCodes.Ok;
    }

    private static Corpus LoadWithBar(string path, CorpusOptions options)
    {
        Corpus? corpus = null;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var read = ctx.AddTask("reading files");
                var extract = ctx.AddTask("extracting asks");
                corpus = Corpus.Load(path, options, new SyncProgress(p =>
                {
                    var task = p.Stage == "extract" ? extract : read;
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                    task.Description = $"{(p.Stage == "extract" ? "extracting asks" : "reading files")} {p.Done}/{p.Total}";
                }));
                read.Value = read.MaxValue;
                extract.Value = extract.MaxValue;
            });
        return corpus!;
    }

    // Reports on the loading thread (Progress<T> would post to the thread pool and race the bar's end).
    sealed class SyncProgress(Action<LoadProgress> report) : IProgress<LoadProgress>
    {
        public void Report(LoadProgress p) => report(p);
    }

    /// <summary>
    /// Every output file is written beside its final name and renamed into place, so a failed or killed run leaves
    /// either the previous file or the new one, never half of one. Errors and skipped files go to problems.csv.
    /// </summary>
    private static void WriteFiles(Corpus corpus, string outputDir, string format)
    {
        Directory.CreateDirectory(outputDir);
        var staging = Directory.CreateDirectory(Path.Combine(outputDir, $".askshift-extract-{Environment.ProcessId}")).FullName;
        try
        {
            switch (format)
            {
                case "json":
                    using (var w = new StreamWriter(Path.Combine(staging, "corpus.json"))) WriteJson(corpus, w);
                    break;
                case "parquet":
                    corpus.ToParquet(staging);
                    WriteProblems(corpus, Path.Combine(staging, "problems.csv"));
                    break;
                default:
                    corpus.ToCsv(staging);
                    WriteProblems(corpus, Path.Combine(staging, "problems.csv"));
                    break;
            }
            foreach (var f in Directory.GetFiles(staging)) File.Move(f, Path.Combine(outputDir, Path.GetFileName(f)), overwrite: true);
        }
        finally { Directory.Delete(staging, recursive: true); }
    }

    private static void WriteProblems(Corpus corpus, string path)
    {
        using var w = new StreamWriter(path, false, new System.Text.UTF8Encoding(false));
        w.Write("file,kind,reason\n");
        foreach (var e in corpus.Errors) w.Write($"{Csv(e.File)},error,{Csv(e.Error)}\n");
        foreach (var k in corpus.Skipped) w.Write($"{Csv(k.File)},skipped,{Csv(k.Reason)}\n");
    }

    // RFC 4180: every field quoted, quotes doubled, so commas and line breaks in reasons survive.
    private static string Csv(string field) => "\"" + field.Replace("\"", "\"\"") + "\"";

    /// <summary>
    /// The --json shape's serialiser, generated at compile time: it needs no reflection, so the same bytes come out of a
    /// Native AOT build (README, "Patterns that defeated the regex engine's search"), where reflection-based
    /// serialisation of anonymous types wrote "{}".
    /// </summary>
    static readonly ExtractJsonContext Json = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>
    /// The --json shape. On the process's own stdout it is serialised straight into the output stream as UTF-8: for
    /// 20,000 documents the text is about 40 MB, and building it as one string first, then encoding that, took about a
    /// second after loading was done (issue 13). The bytes are the same either way.
    /// </summary>
    static void WriteJson(Corpus corpus, TextWriter stdout)
    {
        var shape = JsonShape(corpus);
        if (!ReferenceEquals(stdout, Console.Out))
        {
            stdout.WriteLine(JsonSerializer.Serialize(shape, Json.ExtractJson));
            return;
        }
        stdout.Flush();
        using var stream = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
        JsonSerializer.Serialize(stream, shape, Json.ExtractJson);
        stream.Write(System.Text.Encoding.UTF8.GetBytes(stdout.NewLine));
    }

    static ExtractJson JsonShape(Corpus corpus) => new(
        corpus.Items.Select(d => new DocumentJson(
            d.File, d.Title, d.Organisations, d.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            CorpusFrames.Code(d.DatePrecision), d.DateEvidence, d.Administration, d.AdministrationEvidence, d.Addressees, d.Languages, d.Warnings,
            d.Url, d.Provenance, d.Reviewed)),
        corpus.AllAsks.Select(a => new AskJson(a.File, a.Ordinal, a.Text, a.Start, a.End, CorpusFrames.Code(a.Form), a.Language, a.Truncated, a.Page,
            AskShift.Review.ReviewSheet.Code(a.Review), a.Theme)),
        corpus.Errors.Select(e => new ErrorJson(e.File, e.Error)),
        corpus.Skipped.Select(k => new SkippedJson(k.File, k.Reason)));

    static void WriteTable(Corpus corpus, TextWriter stdout)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout) });
        // Redirected output has no terminal width; give the table room so titles stay readable.
        if (Console.IsOutputRedirected || !ReferenceEquals(stdout, Console.Out)) console.Profile.Width = 160;
        var table = new Table().AddColumns("File", "Title", "Date", "Admin", "Asks", "Languages", "Warnings");
        foreach (var d in corpus.Items)
            table.AddRow(Markup.Escape(d.File), Markup.Escape(Shorten(d.Title ?? "-", 50)),
                d.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "-", d.Administration,
                d.Asks.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                string.Join(", ", d.Languages), d.Warnings.Count.ToString());
        console.Write(table);
        console.WriteLine($"{corpus.Items.Count} documents, {corpus.AllAsks.Count} asks, {corpus.Errors.Count} errors, {corpus.Skipped.Count} skipped");
        foreach (var e in corpus.Errors) console.MarkupLine($"[red]error[/] {Markup.Escape(e.File)}: {Markup.Escape(e.Error)}");
        foreach (var k in corpus.Skipped) console.MarkupLine($"[grey]skipped[/] {Markup.Escape(k.File)}: {Markup.Escape(k.Reason)}");
    }

    static string Shorten(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";
}

// The --json shape, field for field in the order it is written (JSON consumers and tests read these names).
internal sealed record ExtractJson(IEnumerable<DocumentJson> Documents, IEnumerable<AskJson> Asks, IEnumerable<ErrorJson> Errors, IEnumerable<SkippedJson> Skipped);

internal sealed record DocumentJson(string File, string? Title, IReadOnlyList<string> Organisations, string? Date, string DatePrecision,
    IReadOnlyList<string> DateEvidence, string Administration, IReadOnlyList<string> AdministrationEvidence, IReadOnlyList<string> Addressees,
    IReadOnlyList<string> Languages, IReadOnlyList<string> Warnings, string? Url, IReadOnlyDictionary<string, string> Provenance, bool Reviewed);

internal sealed record AskJson(string File, int Ordinal, string Text, int Start, int End, string Form, string Language, bool Truncated, int? Page,
    string Review, string? Theme);

internal sealed record ErrorJson(string File, string Error);

internal sealed record SkippedJson(string File, string Reason);

[System.Text.Json.Serialization.JsonSerializable(typeof(ExtractJson))]
internal sealed partial class ExtractJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
