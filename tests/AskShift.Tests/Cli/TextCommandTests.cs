using AskShift.Cli;

namespace AskShift.Tests.Cli;

public class TextCommandTests
{
    [Fact]
    public void Prints_the_loaders_text_exactly_and_marks_pages_and_asks_on_request()
    {
        using var dir = new TempDir();
        var pdf = Path.Combine(dir.Path, "letter.pdf");
        File.WriteAllBytes(pdf, AskShift.Tests.Load.FormatTests.LetterPdf());
        var plain = new StringWriter();
        Assert.Equal(0, TextCommand.Run(pdf, false, false, plain, new StringWriter()));
        var doc = Corpus.Load(pdf).Items.Single();
        Assert.Equal(doc.RawText, plain.ToString()); // the text every offset refers to

        var marked = new StringWriter();
        Assert.Equal(0, TextCommand.Run(pdf, true, true, marked, new StringWriter()));
        Assert.Contains($"--- page 2 (offset {doc.PageStarts[1]}) ---", marked.ToString());
        var release = doc.Asks.Single(a => a.Text.Contains("Ilham Tohti"));
        Assert.Contains($"[[{release.Ordinal}: {release.Text}]]", marked.ToString());
    }

    [Fact]
    public void A_document_that_cannot_be_read_says_why()
    {
        using var dir = new TempDir();
        var scan = Path.Combine(dir.Path, "scan.pdf");
        File.WriteAllBytes(scan, AskShift.Tests.Load.FormatTests.ScanLikePdf());
        var stderr = new StringWriter();
        Assert.Equal(1, TextCommand.Run(scan, false, false, new StringWriter(), stderr));
        Assert.Contains("no text layer", stderr.ToString());
        Assert.Equal(2, TextCommand.Run(Path.Combine(dir.Path, "nope.pdf"), false, false, new StringWriter(), stderr));
    }
}
