using System.Text;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace AskShift.Load;

/// <summary>
/// Text of a Word (.docx) file's body, one paragraph per line with a blank line between paragraphs, table cells on
/// lines of their own, and list paragraphs marked with a bullet so the extractor sees them as list items. Headers,
/// footers and comments live in other parts of the package and are not read.
/// </summary>
internal static class DocxText
{
    public static (string? Text, string? Error) Extract(byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var doc = WordprocessingDocument.Open(stream, false);
            var body = doc.MainDocumentPart?.Document?.Body;
            if (body is null) return (null, "empty: the Word file has no document body");
            var sb = new StringBuilder();
            foreach (var p in body.Descendants<W.Paragraph>())
            {
                Text.Budget.Check();
                var line = ParagraphText(p).Trim();
                if (line.Length == 0) continue;
                var inTable = p.Ancestors<W.TableCell>().Any();
                var listItem = p.ParagraphProperties?.NumberingProperties is not null;
                sb.Append(listItem ? "• " : "").Append(line).Append(inTable || listItem ? "\n" : "\n\n");
            }
            var text = sb.ToString();
            return string.IsNullOrWhiteSpace(text) ? (null, "empty: the Word file has no text in its body") : (text, null);
        }
        catch (Exception e) when (e is DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or System.IO.InvalidDataException
                                   or System.IO.FileFormatException or System.Xml.XmlException or InvalidOperationException or ArgumentException)
        {
            return (null, $"unreadable Word file: {e.Message}");
        }
    }

    private static string ParagraphText(W.Paragraph p)
    {
        var sb = new StringBuilder();
        foreach (var el in p.Descendants())
        {
            switch (el)
            {
                case W.Text t: sb.Append(t.Text); break;
                case W.TabChar: sb.Append(' '); break;
                case W.Break or W.CarriageReturn: sb.Append(' '); break;
                case W.NoBreakHyphen: sb.Append('-'); break;
            }
        }
        return sb.ToString();
    }
}
