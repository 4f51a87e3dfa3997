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
        var cmd = new Command("extract", "Load documents and extract every ask made of the US government, with metadata.") { dir, json };
        cmd.SetAction(parse => Run(parse.GetValue(dir)!, parse.GetValue(json), Console.Out, Console.Error));
        return cmd;
    }

    /// <summary>Runs the command, writing to the given streams (in-process tests pass their own writers).</summary>
    public static int Run(string path, bool json, TextWriter stdout, TextWriter stderr)
    {
        if (!Directory.Exists(path) && !File.Exists(path))
        {
            stderr.WriteLine($"askshift extract: no such file or folder: {path}");
            return ExitCodes.BadInput;
        }
        var corpus = Corpus.Load(path, progress: new SyncProgress(stderr));
        if (json) WriteJson(corpus, stdout);
        else WriteTable(corpus, stdout);
        return ExitCodes.Ok;
    }

    sealed class SyncProgress(TextWriter stderr) : IProgress<LoadProgress>
    {
        public void Report(LoadProgress p) => stderr.WriteLine($"[{p.Done}/{p.Total}] {p.File}");
    }

    static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    static void WriteJson(Corpus corpus, TextWriter stdout) => stdout.WriteLine(JsonSerializer.Serialize(new
    {
        Documents = corpus.Items.Select(d => new
        {
            d.File, d.Title, d.Organisations, Date = d.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            DatePrecision = CorpusFrames.Code(d.DatePrecision), d.DateEvidence, d.Administration, d.AdministrationEvidence, d.Addressees, d.Languages, d.Warnings,
        }),
        Asks = corpus.AllAsks.Select(a => new { a.File, a.Ordinal, a.Text, a.Start, a.End, Form = CorpusFrames.Code(a.Form), a.Language, a.Truncated, a.Page }),
        Errors = corpus.Errors.Select(e => new { e.File, e.Error }),
        Skipped = corpus.Skipped.Select(k => new { k.File, k.Reason }),
    }, JsonOptions));

    static void WriteTable(Corpus corpus, TextWriter stdout)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout) });
        // Redirected output has no terminal width; give the table room so titles stay readable.
        if (Console.IsOutputRedirected || !ReferenceEquals(stdout, Console.Out)) console.Profile.Width = 160;
        var table = new Table().AddColumns("File", "Title", "Date", "Admin", "Asks", "Languages", "Warnings");
        foreach (var d in corpus.Items)
            table.AddRow(Markup.Escape(d.File), Markup.Escape(Shorten(d.Title ?? "-", 50)),
                d.Date?.ToString("yyyy-MM-dd") ?? "-", d.Administration, d.Asks.Count.ToString(),
                string.Join(", ", d.Languages), d.Warnings.Count.ToString());
        console.Write(table);
        console.WriteLine($"{corpus.Items.Count} documents, {corpus.AllAsks.Count} asks, {corpus.Errors.Count} errors, {corpus.Skipped.Count} skipped");
        foreach (var e in corpus.Errors) console.MarkupLine($"[red]error[/] {Markup.Escape(e.File)}: {Markup.Escape(e.Error)}");
        foreach (var k in corpus.Skipped) console.MarkupLine($"[grey]skipped[/] {Markup.Escape(k.File)}: {Markup.Escape(k.Reason)}");
    }

    static string Shorten(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";
}
