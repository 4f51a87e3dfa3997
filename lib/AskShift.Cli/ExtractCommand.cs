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
        var window = new Option<double?>("--window-mb")
        {
            Description = "With --json or --output: load and write at most this many megabytes of files at a time, so memory follows the window, not the corpus; each file is then read twice. Without it, a corpus of more than 256 MB of files loads in windows of 16 MB. The output does not depend on it.",
            CustomParser = r => double.TryParse(r.Tokens.Single().Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var mb) && mb > 0 && mb <= 1 << 20
                ? mb : Fail(r, $"--window-mb: '{r.Tokens.Single().Value}' is not a size in megabytes (a number above 0, such as 16 or 0.5)"),
        };
        var cmd = new Command("extract", "Load documents and extract every ask made of the US government, with metadata.") { dir, json, output, format, quiet, jobs, window };
        cmd.SetAction(parse => Run(parse.GetValue(dir)!, parse.GetValue(json), Console.Out, Console.Error,
            parse.GetValue(output), parse.GetValue(format)!, parse.GetValue(quiet), parse.GetValue(jobs), parse.GetValue(window)));
        return cmd;
    }

    /// <summary>Runs the command, writing to the given streams (in-process tests pass their own writers).</summary>
    public static int Run(string path, bool json, TextWriter stdout, TextWriter stderr, string? outputDir = null, string format = "csv", bool quiet = false,
        int jobs = 0, double? windowMb = null)
    {
        if (jobs < 0) { stderr.WriteLine("askshift extract: --jobs must be 1 or more"); return ExitCodes.BadInput; }
        var options = new CorpusOptions { Parallelism = jobs == 0 ? Environment.ProcessorCount : jobs };
        // A window asked for is used whatever the corpus's size; otherwise the library's defaults decide.
        if (windowMb is { } mb) options = options with { WindowBytes = Math.Max(1, (long)(mb * (1 << 20))), WholeUpToBytes = 0 };
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
        var counts = (Documents: 0, Asks: 0, Errors: 0, Skipped: 0, Chars: 0L);
        void Count(Corpus w) => counts = (counts.Documents + w.Items.Count, counts.Asks + w.AllAsks.Count, counts.Errors + w.Errors.Count,
            counts.Skipped + w.Skipped.Count, counts.Chars + w.Items.Sum(d => (long)d.RawText.Length));
        void Summary()
        {
            if (quiet) return;
            stderr.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"askshift extract: {counts.Documents} documents, {counts.Asks} asks, {counts.Errors} errors, {counts.Skipped} skipped in {clock.Elapsed.TotalSeconds:0.0} s ({counts.Chars / 1e6:0.0} M characters)"));
        }
        // The table is for reading on a screen, so it needs the whole corpus; files and JSON are written window by window.
        if (outputDir is null && !json)
        {
            var corpus = interactive ? LoadWithBar(p => Corpus.Load(path, options, p))! : Corpus.Load(path, options);
            Count(corpus);
            Summary();
            WriteTable(corpus, stdout);
            return ExitCodes.Ok;
        }
        IEnumerable<Corpus> Windows(IProgress<LoadProgress>? progress) => Corpus.Stream(path, options, progress);
        if (outputDir is not null)
        {
            try { WriteFiles(interactive, Windows, Count, outputDir, format, options.Parallelism); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"askshift extract: cannot write to {outputDir}: {e.Message}");
                return ExitCodes.Failed;
            }
            Summary();
            if (!quiet) stderr.WriteLine($"askshift extract: wrote {format} files to {outputDir}");
            return ExitCodes.Ok;
        }
        try
        {
            if (ReferenceEquals(stdout, Console.Out))
            {
                stdout.Flush();
                using var stream = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
                WriteJson(interactive, Windows, Count, stream, options.Parallelism);
                stream.Write(System.Text.Encoding.UTF8.GetBytes(stdout.NewLine));
            }
            else
            {
                using var buffer = new MemoryStream();
                WriteJson(interactive, Windows, Count, buffer, options.Parallelism);
                stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            }
        }
        catch (SpillException e)
        {
            stderr.WriteLine($"askshift extract: {e.Message}");
            return ExitCodes.Failed;
        }
        Summary();
        return ExitCodes.Ok;
    }

    static double? Fail(System.CommandLine.Parsing.ArgumentResult r, string message)
    {
        r.AddError(message);
        return 0;
    }

    /// <summary>Runs <paramref name="windows"/> to the end, each window handed to <paramref name="each"/>, behind a progress bar when asked.</summary>
    static void Drive(bool interactive, Func<IProgress<LoadProgress>?, IEnumerable<Corpus>> windows, Action<Corpus> each)
    {
        if (!interactive)
        {
            foreach (var w in windows(null)) each(w);
            return;
        }
        LoadWithBar(p =>
        {
            foreach (var w in windows(p)) each(w);
            return null;
        });
    }

    private static Corpus? LoadWithBar(Func<IProgress<LoadProgress>, Corpus?> load)
    {
        Corpus? corpus = null;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                static string Name(string stage) => stage switch { "extract" => "extracting asks", "scan" => "finding repeated lines", _ => "reading files" };
                ProgressTask Task(string stage)
                {
                    if (!tasks.TryGetValue(stage, out var t)) tasks[stage] = t = ctx.AddTask(Name(stage));
                    return t;
                }
                Task("read");
                Task("extract");
                corpus = load(new SyncProgress(p =>
                {
                    var task = Task(p.Stage);
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                    task.Description = $"{Name(p.Stage)} {p.Done}/{p.Total}";
                }));
                foreach (var t in tasks.Values) t.Value = t.MaxValue;
            });
        return corpus;
    }

    // Reports on the loading thread (Progress<T> would post to the thread pool and race the bar's end).
    sealed class SyncProgress(Action<LoadProgress> report) : IProgress<LoadProgress>
    {
        public void Report(LoadProgress p) => report(p);
    }

    /// <summary>
    /// Every output file is written beside its final name and renamed into place, so a failed or killed run leaves
    /// either the previous file or the new one, never half of one. Errors and skipped files go to problems.csv. Tables
    /// are written one window at a time as the corpus loads.
    /// </summary>
    private static void WriteFiles(bool interactive, Func<IProgress<LoadProgress>?, IEnumerable<Corpus>> windows, Action<Corpus> count, string outputDir, string format, int jobs)
    {
        Directory.CreateDirectory(outputDir);
        var staging = Directory.CreateDirectory(Path.Combine(outputDir, $".askshift-extract-{Environment.ProcessId}")).FullName;
        try
        {
            var errors = new List<LoadError>();
            var skipped = new List<SkippedFile>();
            void Problems(Corpus w)
            {
                count(w);
                errors.AddRange(w.Errors);
                skipped.AddRange(w.Skipped);
            }
            if (format == "json")
            {
                using var file = File.Create(Path.Combine(staging, "corpus.json"));
                WriteJson(interactive, windows, count, file, jobs);
                file.Write(System.Text.Encoding.UTF8.GetBytes(Environment.NewLine));
            }
            else
            {
                using (var tables = new CorpusTableWriter(staging, format))
                    Drive(interactive, windows, w =>
                    {
                        Problems(w);
                        tables.Add(w);
                    });
                WriteProblems(errors, skipped, Path.Combine(staging, "problems.csv"));
            }
            foreach (var f in Directory.GetFiles(staging)) File.Move(f, Path.Combine(outputDir, Path.GetFileName(f)), overwrite: true);
        }
        finally { Directory.Delete(staging, recursive: true); }
    }

    private static void WriteProblems(IEnumerable<LoadError> errors, IEnumerable<SkippedFile> skipped, string path)
    {
        using var w = new StreamWriter(path, false, new System.Text.UTF8Encoding(false));
        w.Write("file,kind,reason\n");
        foreach (var e in errors) w.Write($"{Csv(e.File)},error,{Csv(e.Error)}\n");
        foreach (var k in skipped) w.Write($"{Csv(k.File)},skipped,{Csv(k.Reason)}\n");
    }

    // RFC 4180: every field quoted, quotes doubled, so commas and line breaks in reasons survive.
    private static string Csv(string field) => "\"" + field.Replace("\"", "\"\"") + "\"";

    /// <summary>
    /// The --json shape's serialiser, generated at compile time: it needs no reflection, so the same bytes come out of a
    /// Native AOT build (docs/measurements.md, "Patterns that defeated the regex engine's search"), where reflection-based
    /// serialisation of anonymous types wrote "{}".
    /// </summary>
    static readonly ExtractJsonContext Json = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>
    /// The --json shape, written into <paramref name="output"/> as UTF-8 while the corpus loads: each window's documents
    /// as it comes, its asks held back (in a temporary file once a second window arrives) until every document is out,
    /// then errors and skipped files. For 20,000 documents the text is about 40 MB, and building it as one string first,
    /// then encoding that, took about a second after loading was done (issue 13). The bytes are those of serialising
    /// the whole shape at once, whatever the window.
    /// </summary>
    static void WriteJson(bool interactive, Func<IProgress<LoadProgress>?, IEnumerable<Corpus>> windows, Action<Corpus> count, Stream output, int jobs)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = Json.Options.Encoder });
        var errors = new List<LoadError>();
        var skipped = new List<SkippedFile>();
        List<Ask>? held = null;
        FileStream? spill = null;
        try
        {
            w.WriteStartObject();
            w.WriteStartArray("documents");
            Drive(interactive, windows, window =>
            {
                count(window);
                WriteInOrder(w, window.Items, d => JsonSerializer.SerializeToUtf8Bytes(DocumentShape(d), Json.DocumentJson), jobs);
                errors.AddRange(window.Errors);
                skipped.AddRange(window.Skipped);
                if (held is not null)
                {
                    try
                    {
                        spill ??= new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
                        foreach (var a in held)
                        {
                            spill.Write(JsonSerializer.SerializeToUtf8Bytes(AskShape(a), Json.AskJson));
                            spill.WriteByte((byte)'\n');
                        }
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        throw new SpillException($"cannot hold the asks of earlier windows in a temporary file in {Path.GetTempPath()} " +
                            $"({e.Message}); free space there, point TMPDIR elsewhere, or give a larger --window-mb");
                    }
                }
                held = [.. window.AllAsks];
                w.Flush();
            });
            w.WriteEndArray();
            w.WriteStartArray("asks");
            if (spill is not null)
            {
                // One ask per line: compact JSON escapes every line break inside a string, so a raw one ends a value.
                spill.Position = 0;
                using var lines = new StreamReader(spill, new System.Text.UTF8Encoding(false), false, 1 << 16, leaveOpen: true);
                while (lines.ReadLine() is { } line) w.WriteRawValue(line, skipInputValidation: true);
            }
            WriteInOrder(w, held ?? [], a => JsonSerializer.SerializeToUtf8Bytes(AskShape(a), Json.AskJson), jobs);
            w.WriteEndArray();
            w.WriteStartArray("errors");
            foreach (var e in errors) JsonSerializer.Serialize(w, new ErrorJson(e.File, e.Error), Json.ErrorJson);
            w.WriteEndArray();
            w.WriteStartArray("skipped");
            foreach (var k in skipped) JsonSerializer.Serialize(w, new SkippedJson(k.File, k.Reason), Json.SkippedJson);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        finally { spill?.Dispose(); }
    }

    /// <summary>
    /// Writes each item's JSON in order, serialising a chunk of items on <paramref name="jobs"/> threads first. Written on
    /// one thread after the load, the JSON of 20,000 documents kept one core busy and the other idle for about a tenth of
    /// the whole run (issue 13); a chunk at a time, and flushed after each, the output never waits whole in memory.
    /// </summary>
    internal static void WriteInOrder<T>(Utf8JsonWriter w, IReadOnlyList<T> items, Func<T, byte[]> serialise, int jobs, int chunk = 512)
    {
        var json = new byte[Math.Min(chunk, items.Count)][];
        for (var start = 0; start < items.Count; start += chunk)
        {
            var n = Math.Min(chunk, items.Count - start);
            Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs) }, i => json[i] = serialise(items[start + i]));
            for (var i = 0; i < n; i++) w.WriteRawValue(json[i], skipInputValidation: true);
            w.Flush();
        }
    }

    /// <summary>The temporary file that holds the asks of earlier windows could not be written.</summary>
    sealed class SpillException(string message) : IOException(message);

    static DocumentJson DocumentShape(Document d) => new(
        d.File, d.Title, d.Organisations, d.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        CorpusFrames.Code(d.DatePrecision), d.DateEvidence, d.Administration, d.AdministrationEvidence, d.Addressees, d.Languages, d.Warnings,
        d.Url, d.Provenance, d.Reviewed);

    static AskJson AskShape(Ask a) => new(a.File, a.Ordinal, a.Text, a.Start, a.End, CorpusFrames.Code(a.Form), a.Language, a.Truncated, a.Page,
        AskShift.Review.ReviewSheet.Code(a.Review), a.Theme);

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

// The --json shape, field for field in the order it is written (JSON consumers and tests read these names): one object
// {"documents": [...], "asks": [...], "errors": [...], "skipped": [...]} of these records (WriteJson writes the object).

internal sealed record DocumentJson(string File, string? Title, IReadOnlyList<string> Organisations, string? Date, string DatePrecision,
    IReadOnlyList<string> DateEvidence, string Administration, IReadOnlyList<string> AdministrationEvidence, IReadOnlyList<string> Addressees,
    IReadOnlyList<string> Languages, IReadOnlyList<string> Warnings, string? Url, IReadOnlyDictionary<string, string> Provenance, bool Reviewed);

internal sealed record AskJson(string File, int Ordinal, string Text, int Start, int End, string Form, string Language, bool Truncated, int? Page,
    string Review, string? Theme);

internal sealed record ErrorJson(string File, string Error);

internal sealed record SkippedJson(string File, string Reason);

[System.Text.Json.Serialization.JsonSerializable(typeof(DocumentJson))]
[System.Text.Json.Serialization.JsonSerializable(typeof(AskJson))]
[System.Text.Json.Serialization.JsonSerializable(typeof(ErrorJson))]
[System.Text.Json.Serialization.JsonSerializable(typeof(SkippedJson))]
internal sealed partial class ExtractJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
