using System.CommandLine;
using AskShift.Load;

namespace AskShift.Cli;

/// <summary>
/// <c>askshift text FILE</c>: the text the loader produced for one document (from a PDF, a Word file, a web page...),
/// the text every ask's offsets refer to, so a reader can check a span or a page against it.
/// </summary>
public static class TextCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "One document (.txt, .md, .html, .htm, .pdf, .docx)." };
        var asks = new Option<bool>("--asks") { Description = "Mark each ask as [[n: ...]] (the marks shift later offsets; without --asks the text is exact)." };
        var pages = new Option<bool>("--pages") { Description = "Print a line before each page of a PDF saying where it starts (shifts later offsets)." };
        var cmd = new Command("text", "Print the text the loader produced for one document, which every offset refers to.") { file, asks, pages };
        cmd.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(asks), parse.GetValue(pages), Console.Out, Console.Error));
        return cmd;
    }

    /// <summary>Runs the command on the given streams.</summary>
    public static int Run(string path, bool markAsks, bool markPages, TextWriter stdout, TextWriter stderr)
    {
        if (!File.Exists(path)) { stderr.WriteLine($"askshift text: no such file: {path}"); return ExitCodes.BadInput; }
        if (!DocumentReader.IsSupported(path))
        {
            stderr.WriteLine($"askshift text: {path}: unsupported file type '{Path.GetExtension(path)}' (reads {DocumentReader.SupportedTypes})");
            return ExitCodes.BadInput;
        }
        var corpus = Corpus.Load(path);
        if (corpus.Errors.FirstOrDefault() is { } error)
        {
            stderr.WriteLine($"askshift text: {path}: {error.Error}");
            return ExitCodes.Failed;
        }
        var doc = corpus.Items.Single();
        var marks = new List<(int At, string Text)>();
        if (markPages)
            marks.AddRange(doc.PageStarts.Select((start, i) => (start, $"\n--- page {i + 1} (offset {start}) ---\n")));
        if (markAsks)
            foreach (var a in doc.Asks) { marks.Add((a.Start, $"[[{a.Ordinal}: ")); marks.Add((a.End, "]]")); }
        var text = doc.RawText;
        var at = 0;
        // Ends before starts at one offset, so an ask ending where the next begins closes first.
        foreach (var (pos, mark) in marks.OrderBy(m => m.At).ThenBy(m => m.Text == "]]" ? 0 : 1))
        {
            stdout.Write(text.AsSpan(at, pos - at));
            stdout.Write(mark);
            at = pos;
        }
        stdout.Write(text.AsSpan(at));
        return ExitCodes.Ok;
    }
}
