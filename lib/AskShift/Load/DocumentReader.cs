using System.Text.RegularExpressions;
using System.Text;
using AngleSharp.Html.Parser;

namespace AskShift.Load;

/// <summary>The outcome of reading one file: decoded text plus warnings, or an error.</summary>
public sealed record ReadResult(string File, string? Text, IReadOnlyList<string> Warnings, string? Error)
{
    /// <summary>Where each page starts in <see cref="Text"/> (PDFs); empty for formats without pages.</summary>
    public IReadOnlyList<int> PageStarts { get; init; } = [];
    /// <summary>Metadata the file states about itself (a Markdown file's YAML front matter), or null.</summary>
    public GivenMetadata? Given { get; init; }
}

/// <summary>
/// Turns files into text without losing any input silently: every file becomes either text or an error that
/// names the problem, because researchers must be able to account for every document in a corpus.
/// </summary>
public static partial class DocumentReader
{
    static readonly string[] TextExtensions = [".txt", ".md"];
    static readonly string[] HtmlExtensions = [".html", ".htm"];

    /// <summary>What the loader reads, for messages that list it.</summary>
    public const string SupportedTypes = ".txt, .md, .html, .htm, .pdf, .docx";

    static DocumentReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Files under <paramref name="path"/> the loader understands (a single file is returned as is).</summary>
    public static IReadOnlyList<string> Enumerate(string path)
    {
        if (File.Exists(path)) return [path];
        if (!Directory.Exists(path)) throw new FileNotFoundException($"No such file or folder: {path}", path);
        return EnumerateAll(path).Where(IsSupported).ToList();
    }

    /// <summary>Every file under a folder (or the file itself), in ordinal order, so callers can account for each.</summary>
    public static IReadOnlyList<string> EnumerateAll(string path) => Walk(path).Files;

    /// <summary>
    /// Every file under a folder, and every folder that could not be listed (with the reason), so a corpus is accounted
    /// for even when part of it is unreadable. A linked folder is followed once: a link back up the tree (a loop) or to
    /// a folder already listed is not listed again, so no file is read twice.
    /// </summary>
    public static (IReadOnlyList<string> Files, IReadOnlyList<(string Folder, string Reason)> Problems) Walk(string path)
    {
        if (File.Exists(path)) return ([path], []);
        if (!Directory.Exists(path)) throw new FileNotFoundException($"No such file or folder: {path}", path);
        var files = new List<string>();
        var problems = new List<(string, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(Path.GetFullPath(path));
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            string real;
            try { real = Directory.ResolveLinkTarget(dir, returnFinalTarget: true)?.FullName ?? dir; }
            catch (IOException e) { problems.Add((dir, $"unreadable folder: {e.Message}")); continue; }
            if (!seen.Add(Path.TrimEndingDirectorySeparator(real))) continue;
            try
            {
                files.AddRange(Directory.EnumerateFiles(dir));
                foreach (var sub in Directory.EnumerateDirectories(dir)) pending.Push(sub);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                problems.Add((dir, $"unreadable folder: {e.Message}"));
            }
        }
        files.Sort(StringComparer.Ordinal);
        return (files, problems);
    }

    /// <summary>True for extensions the loader reads (<see cref="SupportedTypes"/>).</summary>
    public static bool IsSupported(string file)
    {
        var ext = Path.GetExtension(file).ToLowerInvariant();
        return TextExtensions.Contains(ext) || HtmlExtensions.Contains(ext) || ext is ".pdf" or ".docx";
    }

    /// <summary>Reads one file; <paramref name="relative"/> is the name used in errors and results.</summary>
    public static ReadResult Read(string fullPath, string relative, long maxBytes)
    {
        byte[] bytes;
        try
        {
            // A symbolic link's own length is that of the path it holds (a link to a pipe reports 9, not 0): what counts
            // is the file it finally points to.
            var link = new FileInfo(fullPath);
            var info = link.Attributes.HasFlag(FileAttributes.ReparsePoint) && File.ResolveLinkTarget(fullPath, returnFinalTarget: true) is FileInfo target
                ? target : link;
            if (info.Length > maxBytes)
                return Fail(relative, $"too large: {info.Length} bytes exceeds the limit of {maxBytes} bytes");
            // Unbuffered (bufferSize 0): the file is read in large blocks straight into its byte array, and a 64 KB
            // buffer per file was a third of everything a load allocated.
            static FileStream Open(string path) => new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
            FileStream stream;
            if (info.Length > 0) stream = Open(fullPath); // a regular file with content: named pipes and devices report 0
            else
            {
                // Opening a named pipe blocks until someone writes to it; a file must open at once or it is not a file.
                // The open runs on a thread of its own: on a pool thread it could wait behind a busy pool (a parallel load
                // blocks pool threads on these very opens) and a plain empty file would be timed out as a pipe.
                var open = Task.Factory.StartNew(() => Open(fullPath), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
                if (!open.Wait(OpenTimeout))
                {
                    // Should a writer ever open the pipe, the handle that then arrives is closed, not leaked.
                    open.ContinueWith(t => t.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
                    return Fail(relative, "not a regular file: opening it did not finish (a named pipe or device?)");
                }
                stream = open.Result;
            }
            using var _ = stream;
            // Never trust the reported length: a device (/dev/zero, or a link to it) reports 0 and never ends.
            bytes = ReadAtMost(stream, maxBytes + 1, info.Length);
            if (bytes.Length > maxBytes)
                return Fail(relative, $"too large: more than {maxBytes} bytes (the limit) could be read from it");
        }
        catch (AggregateException e) when (e.InnerException is IOException or UnauthorizedAccessException)
        {
            return Fail(relative, $"unreadable: {e.InnerException!.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(relative, $"unreadable: {e.Message}");
        }
        return Path.GetExtension(fullPath).ToLowerInvariant() switch
        {
            ".pdf" => FromPdf(bytes, relative),
            ".docx" => FromDocx(bytes, relative),
            ".md" => WithFrontMatter(Decode(bytes, relative, html: false)),
            var ext => Decode(bytes, relative, HtmlExtensions.Contains(ext)),
        };
    }

    static ReadResult WithFrontMatter(ReadResult r)
    {
        if (r.Text is null) return r;
        var (body, given, problems) = FrontMatter.Split(r.Text);
        if (given is null && problems.Count == 0) return r;
        if (string.IsNullOrWhiteSpace(body)) return Fail(r.File, "empty: the file has front matter and no text");
        return r with { Text = body, Given = given, Warnings = [.. r.Warnings, .. problems] };
    }

    /// <summary>A PDF's text in reading order, with where each page starts; a scan without a text layer is an error.</summary>
    public static ReadResult FromPdf(byte[] bytes, string relative)
    {
        if (bytes.Length == 0) return Fail(relative, "empty: the file has no content");
        var r = PdfText.Extract(bytes);
        return r.Error is not null ? Fail(relative, r.Error) : new ReadResult(relative, r.Text, r.Warnings, null) { PageStarts = r.PageStarts };
    }

    /// <summary>A Word file's body text, paragraphs and list items on lines of their own.</summary>
    public static ReadResult FromDocx(byte[] bytes, string relative)
    {
        if (bytes.Length == 0) return Fail(relative, "empty: the file has no content");
        var (text, error) = DocxText.Extract(bytes);
        return error is not null ? Fail(relative, error) : new ReadResult(relative, text, [], null);
    }

    /// <summary>Decodes bytes already in memory (used by <see cref="Read"/> and by tests).</summary>
    public static ReadResult Decode(byte[] bytes, string relative, bool html)
    {
        if (bytes.Length == 0) return Fail(relative, "empty: the file has no content");
        var warnings = new List<string>();
        var (text, encodingWarning, error) = EncodingDetector.Decode(bytes);
        if (error != null) return Fail(relative, error);
        if (encodingWarning != null) warnings.Add(encodingWarning);
        if (html) text = HtmlToText(text!);
        if (string.IsNullOrWhiteSpace(text)) return Fail(relative, "empty: the file contains only whitespace or markup");
        return new ReadResult(relative, text, warnings, null);
    }

    static ReadResult Fail(string file, string error) => new(file, null, [], error);

    /// <summary>How long opening a file may take before it is reported as not a regular file.</summary>
    static readonly TimeSpan OpenTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Up to <paramref name="limit"/> bytes of <paramref name="stream"/>. The reported length only sizes the first
    /// (pooled) buffer: a device that reports 0 and never ends still stops at the limit, and a file that grew is read
    /// whole. The result is one exact-size array.
    /// </summary>
    internal static byte[] ReadAtMost(Stream stream, long limit, long lengthHint = 0)
    {
        var most = (int)Math.Min(limit, Array.MaxLength);
        var size = (int)Math.Clamp(lengthHint + 1, Math.Min(4096, most), most);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var filled = 0;
            while (filled < limit)
            {
                if (filled == buffer.Length)
                {
                    var bigger = System.Buffers.ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Min(limit, Array.MaxLength), (long)buffer.Length * 2));
                    if (bigger.Length <= buffer.Length)
                    {
                        System.Buffers.ArrayPool<byte>.Shared.Return(bigger);
                        throw new IOException($"more than {filled} bytes: larger than the largest array .NET can hold");
                    }
                    buffer.AsSpan(0, filled).CopyTo(bigger);
                    System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                var n = stream.Read(buffer, filled, (int)Math.Min(buffer.Length - filled, limit - filled));
                if (n <= 0) break;
                filled += n;
            }
            return buffer.AsSpan(0, filled).ToArray();
        }
        finally { System.Buffers.ArrayPool<byte>.Shared.Return(buffer); }
    }

    /// <summary>
    /// One parser per thread: a new <see cref="HtmlParser"/> builds its configuration and entity tables, which cost more
    /// than parsing a short page; a parser is not shared between threads, since parsing keeps state in it.
    /// </summary>
    static readonly ThreadLocal<HtmlParser> Parser = new(() => new HtmlParser());

    /// <summary>Block elements end lines so the text keeps the paragraph structure later stages rely on.</summary>
    internal static string HtmlToText(string html)
    {
        using var doc = Parser.Value!.ParseDocument(html);
        foreach (var junk in doc.QuerySelectorAll("script, style, noscript, template").ToList()) junk.Remove();
        // Main content: page furniture (navigation, footers, sidebars, sharing and comment sections, forms) goes before
        // the text-level chrome rules see the page; a <main> or <article> with real text, when there is one, is the page.
        foreach (var junk in doc.QuerySelectorAll(Furniture).Concat(doc.All.Where(IsFurnitureByName)).Distinct().ToList()) junk.Remove();
        var sb = new StringBuilder();
        var main = doc.QuerySelectorAll("main, [role=main], article").FirstOrDefault(e => e.TextContent.Trim().Length >= 200);
        var body = (AngleSharp.Dom.INode?)main ?? (AngleSharp.Dom.INode?)doc.Body ?? doc.DocumentElement;
        var title = doc.Title;
        var h1 = doc.QuerySelector("h1");
        if (main is not null && h1 is not null && !main.Contains(h1)) sb.Append(h1.TextContent.Trim()).Append("\n\n");
        else if (!string.IsNullOrWhiteSpace(title) && h1 == null) sb.Append(title.Trim()).Append("\n\n");
        Walk(body, sb);
        // Each line trimmed, its runs of spaces, tabs and carriage returns made one space, at most one blank line in a
        // row. Read in place: splitting the page's text into lines and replacing in each copied every line twice.
        var walked = sb.ToString();
        var outSb = new StringBuilder(walked.Length + 1);
        var blank = 0;
        foreach (var range in walked.AsSpan().Split('\n'))
        {
            var l = walked.AsSpan(range).Trim();
            if (l.Length == 0) { if (++blank == 1 && outSb.Length > 0) outSb.Append('\n'); continue; }
            blank = 0;
            AppendCollapsed(outSb, l);
            outSb.Append('\n');
        }
        var end = outSb.Length;
        while (end > 0 && char.IsWhiteSpace(outSb[end - 1])) end--;
        return outSb.ToString(0, end) + "\n";
    }

    /// <summary>
    /// Appends <paramref name="line"/> (already trimmed) with every run of spaces, tabs and carriage returns made one
    /// space, as replacing <c>[ \t\r]+</c> with a space does.
    /// </summary>
    internal static void AppendCollapsed(StringBuilder into, ReadOnlySpan<char> line)
    {
        while (!line.IsEmpty)
        {
            var run = line.IndexOfAny(HorizontalSpace);
            if (run < 0) { into.Append(line); return; }
            into.Append(line[..run]).Append(' ');
            line = line[run..];
            line = line[(line.IndexOfAnyExcept(HorizontalSpace) is var next and >= 0 ? next : line.Length)..];
        }
    }

    static readonly System.Buffers.SearchValues<char> HorizontalSpace = System.Buffers.SearchValues.Create(" \t\r");

    const string Furniture = "nav, footer, aside, form, iframe, svg, button, [role=navigation], [role=banner], [role=contentinfo], " +
                             "[role=complementary], [role=search], [aria-hidden=true]";

    // Words in an element's id or class that name page furniture, matched as whole words of the name
    // ("comment-list", "share_bar"), so "commentary" or "shared-values" are kept.
    static readonly HashSet<string> FurnitureWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "comment", "comments", "share", "sharing", "social", "cookie", "cookies", "newsletter", "related", "sidebar",
        "breadcrumb", "breadcrumbs", "menu", "navbar", "subscribe", "signup", "promo", "advert", "advertisement", "disqus",
    };

    static bool IsFurnitureByName(AngleSharp.Dom.IElement e)
    {
        if (e.LocalName is "html" or "body" or "main" or "article") return false;
        // Every element of every page is asked: its id and class are read in place, most elements having neither.
        return NamesFurniture(e.Id) || NamesFurniture(e.ClassName);
    }

    /// <summary>Whether one of the words of an id or class attribute (split at spaces, hyphens and underscores) names furniture.</summary>
    internal static bool NamesFurniture(string? names)
    {
        if (string.IsNullOrEmpty(names)) return false;
        var span = names.AsSpan();
        foreach (var range in span.SplitAny(" -_"))
            if (FurnitureLookup.Contains(span[range])) return true;
        return false;
    }

    static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FurnitureLookup = FurnitureWords.GetAlternateLookup<ReadOnlySpan<char>>();

    static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    { "p","div","br","li","ul","ol","h1","h2","h3","h4","h5","h6","section","article","header","footer","nav","tr","table","blockquote","aside","main","dd","dt","figcaption" };

    /// <summary>
    /// Text of the tree under <paramref name="root"/>, block elements on lines of their own. Iterative, with an explicit
    /// stack: the depth of a page's nesting is the input's to choose, and recursion would let it overflow the stack.
    /// </summary>
    static void Walk(AngleSharp.Dom.INode root, StringBuilder sb)
    {
        // Each entry is a node to enter, or (Closing) the element whose end is to be written.
        var stack = new Stack<(AngleSharp.Dom.INode Node, bool Closing)>();
        for (var i = root.ChildNodes.Length - 1; i >= 0; i--) stack.Push((root.ChildNodes[i], false));
        while (stack.Count > 0)
        {
            var (node, closing) = stack.Pop();
            if (node is AngleSharp.Dom.IText t) { sb.Append(t.Data); continue; }
            if (node is not AngleSharp.Dom.IElement e) continue;
            var block = Blocks.Contains(e.LocalName);
            if (closing)
            {
                if (block) sb.Append('\n');
                if (e.LocalName is "p" or "h1" or "h2" or "h3" or "li") sb.Append('\n');
                continue;
            }
            if (block) sb.Append('\n');
            if (e.LocalName.Equals("li", StringComparison.OrdinalIgnoreCase)) sb.Append("• ");
            stack.Push((e, true));
            for (var i = e.ChildNodes.Length - 1; i >= 0; i--) stack.Push((e.ChildNodes[i], false));
        }
    }
}
