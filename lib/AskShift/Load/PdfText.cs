using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace AskShift.Load;

/// <summary>
/// Text of a PDF as a reader sees it: each page in reading order (PdfPig's content-order extractor), running headers
/// and footers that repeat across pages and bare page numbers removed, words hyphenated across a line break joined,
/// and where each page starts in the text kept, so an ask can be traced to its page. A PDF with no text layer (a scan)
/// is an error that says so, never an empty document.
/// </summary>
internal static partial class PdfText
{
    public sealed record Result(string? Text, IReadOnlyList<int> PageStarts, IReadOnlyList<string> Warnings, string? Error);

    [GeneratedRegex(@"^\s*(page\s+)?\d{1,4}(\s*(/|of)\s*\d{1,4})?\s*$|^\s*[-–—]\s*\d{1,4}\s*[-–—]\s*$", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex PageNumberRx();

    // "re-\nlease" -> "release": a lower-case letter, a hyphen at the line end, a lower-case letter on the next line.
    [GeneratedRegex(@"(?<=\p{Ll})-\n(?=\p{Ll})", RegexOptions.ExplicitCapture)]
    private static partial Regex HyphenBreakRx();

    [GeneratedRegex(@"\d+", RegexOptions.ExplicitCapture)]
    private static partial Regex DigitsRx();

    /// <summary>How many lines at the top and bottom of a page can be a running header or footer.</summary>
    private const int EdgeLines = 3;

    public static Result Extract(byte[] bytes)
    {
        List<List<string>> pages;
        try
        {
            using var doc = PdfDocument.Open(bytes);
            pages = [];
            var letters = 0;
            foreach (var page in doc.GetPages())
            {
                Text.Budget.Check();
                letters += page.Letters.Count;
                pages.Add(ContentOrderTextExtractor.GetText(page).Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd()).ToList());
            }
            if (pages.Count == 0) return new(null, [], [], "empty: the PDF has no pages");
            if (letters == 0)
                return new(null, [], [], $"no text layer: the PDF's {pages.Count} page(s) are images (a scan); OCR it first (for example with ocrmypdf), then load the result");
        }
        catch (Exception e) when (e is not OutOfMemoryException and not Text.BudgetExceededException)
        {
            return new(null, [], [], $"unreadable PDF: {e.Message}");
        }

        var (text, starts, dropped) = Assemble(pages);
        var warnings = new List<string>();
        if (dropped > 0) warnings.Add($"pdf: removed {dropped} running header, footer or page-number line(s) across {pages.Count} page(s)");
        if (string.IsNullOrWhiteSpace(text)) return new(null, [], warnings, "empty: the PDF's text is only headers, footers or page numbers");
        return new(text, starts, warnings, null);
    }

    /// <summary>
    /// The text of a PDF's pages, each a list of its lines in reading order: running headers, footers and page numbers
    /// dropped, words hyphenated across lines joined, Chinese lines that run on joined, and a blank line at a page break
    /// unless a sentence runs on over it. Returns where each page starts in the text and how many lines were dropped.
    /// </summary>
    internal static (string Text, List<int> Starts, int Dropped) Assemble(List<List<string>> pages)
    {
        var running = RunningLines(pages);
        var sb = new StringBuilder();
        var starts = new List<int>();
        var dropped = 0;
        var lastLine = "";
        var lastMeasure = 0;
        foreach (var lines in pages)
        {
            var kept = new List<string>(lines.Count);
            for (var i = 0; i < lines.Count; i++)
            {
                var edge = i < EdgeLines || i >= lines.Count - EdgeLines;
                if (edge && (PageNumberRx().IsMatch(lines[i]) || running.Contains(Key(lines[i])))) { dropped++; continue; }
                kept.Add(lines[i]);
            }
            var measure = kept.Count == 0 ? 0 : kept.Max(l => l.Length);
            if (sb.Length > 0 && sb[^1] != '\n') sb.Append('\n');
            // A page break ends a paragraph, unless a sentence runs on over it ("... urge the administration to" at a
            // page's foot, "impose sanctions ..." at the next one's head): then it is one more wrapped line, or, in
            // Chinese, no break at all.
            var first = kept.Count > 0 ? kept[0] : "";
            if (sb.Length > 0 && lastLine.Length > 0 && first.Length > 0 && ChineseRunsOn(lastLine, first, lastMeasure)) sb.Length--;
            else if (sb.Length > 0 && !(lastLine.Length > 0 && first.Length > 0 &&
                                        Text.WrappedLines.At(lastLine + "\n" + first, lastLine.Length) != Text.WrappedLines.Join.None))
                sb.Append('\n');
            starts.Add(sb.Length);
            for (var k = 0; k < kept.Count; k++)
            {
                if (k > 0 && ChineseRunsOn(kept[k - 1], kept[k], measure)) sb.Length--; // the line break goes
                sb.Append(kept[k]).Append('\n');
            }
            if (kept.Count > 0) (lastLine, lastMeasure) = (kept[^1], measure);
        }
        var text = HyphenBreakRx().Replace(sb.ToString(), "");
        // Joining hyphenated words shortened the text: recompute each page start in the joined text.
        if (text.Length != sb.Length) starts = RemapStarts(sb.ToString(), starts);
        return (text, starts, dropped);
    }

    /// <summary>How full of the page's longest line a line must be to have been wrapped rather than ended.</summary>
    private const double FullLineShare = 0.85;

    /// <summary>
    /// Whether a line of Chinese runs on into the next: Chinese puts no space between lines, so the reader joins them here
    /// (English waits for the repaired view, which reads its wrapped breaks as spaces). The line must fill the page's
    /// measure (<paramref name="measure"/>, its longest line; a title or a signature does not) and end inside a sentence
    /// (an ideograph or a comma), and the next must go on in Chinese.
    /// </summary>
    internal static bool ChineseRunsOn(string line, string next, int measure)
    {
        var a = line.AsSpan().TrimEnd();
        var b = next.AsSpan().TrimStart();
        if (a.Length == 0 || b.Length == 0 || a.Length < FullLineShare * measure) return false;
        var last = a[^1];
        var first = b[0];
        return (Text.Tokens.IsCjk(last) || last is '，' or '、') && (Text.Tokens.IsCjk(first) || "，。、；：！？」』）》".Contains(first));
    }

    /// <summary>Lines at a page's top or bottom that recur (digits aside) on at least half the pages, when there are 3 or more.</summary>
    private static HashSet<string> RunningLines(List<List<string>> pages)
    {
        if (pages.Count < 3) return [];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var lines in pages)
        {
            var edges = lines.Take(EdgeLines).Concat(lines.Skip(Math.Max(EdgeLines, lines.Count - EdgeLines)))
                .Where(l => l.Trim().Length > 0).Select(Key).ToHashSet();
            foreach (var k in edges) counts[k] = counts.GetValueOrDefault(k) + 1;
        }
        return counts.Where(c => c.Value * 2 >= pages.Count).Select(c => c.Key).ToHashSet();
    }

    private static string Key(string line) => DigitsRx().Replace(line.Trim(), "#");

    // Page starts are ascending and so are the joins: one pass over both.
    private static List<int> RemapStarts(string before, List<int> starts)
    {
        var joins = HyphenBreakRx().Matches(before);
        var result = new List<int>(starts.Count);
        int j = 0, removed = 0;
        foreach (var s in starts)
        {
            while (j < joins.Count && joins[j].Index + joins[j].Length <= s) removed += joins[j++].Length;
            result.Add(s - removed);
        }
        return result;
    }
}
