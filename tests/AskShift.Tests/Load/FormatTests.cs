using AskShift.Load;
using CsCheck;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace AskShift.Tests.Load;

/// <summary>
/// A researcher's corpus as it arrives: PDFs on letterhead, Word files, saved web pages. Every file here is generated
/// by the test (PdfPig's writer, the Open XML SDK), loaded, and accounted for.
/// </summary>
public class FormatTests
{
    /// <summary>A three-page letter with a running header, page-number footers and a word hyphenated across a line.</summary>
    internal static byte[] LetterPdf()
    {
        var b = new PdfDocumentBuilder();
        var font = b.AddStandard14Font(Standard14Font.Helvetica);
        string[][] bodies =
        [
            ["Joint letter to Secretary of State Antony Blinken", "March 3, 2021", "", "Dear Secretary Blinken,",
             "We write about the detention of human rights defenders in China."],
            ["We urge you to press the Chinese government to re-", "lease Ilham Tohti and every detained lawyer.",
             "The United States should impose targeted sanctions on the officials responsible."],
            ["Thank you for your attention to these urgent matters.", "Sincerely,", "Human Rights Watch"],
        ];
        for (var p = 0; p < bodies.Length; p++)
        {
            var page = b.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            page.AddText("Coalition for Rights in China | Letter", 9, new PdfPoint(40, 810), font);
            var y = 740.0;
            foreach (var line in bodies[p]) { if (line.Length > 0) page.AddText(line, 11, new PdfPoint(40, y), font); y -= 16; }
            page.AddText($"Page {p + 1} of {bodies.Length}", 9, new PdfPoint(270, 30), font);
        }
        return b.Build();
    }

    /// <summary>A PDF whose page carries no text at all, as a scan without OCR does.</summary>
    internal static byte[] ScanLikePdf()
    {
        var b = new PdfDocumentBuilder();
        var page = b.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        page.DrawRectangle(new PdfPoint(50, 50), 400, 600);
        return b.Build();
    }

    internal static byte[] LetterDocx()
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            W.Paragraph Para(string text, bool listItem = false)
            {
                var p = new W.Paragraph(new W.Run(new W.Text(text) { Space = SpaceProcessingModeValues.Preserve }));
                if (listItem) p.PrependChild(new W.ParagraphProperties(new W.NumberingProperties(new W.NumberingLevelReference { Val = 0 }, new W.NumberingId { Val = 1 })));
                return p;
            }
            var table = new W.Table(new W.TableRow(
                new W.TableCell(Para("Signatory")), new W.TableCell(Para("Amnesty International"))));
            main.Document = new W.Document(new W.Body(
                Para("Letter to President Biden"),
                Para("June 16, 2023"),
                Para("We call on your administration to take the following steps:"),
                Para("Raise the cases of detained Uyghur scholars in every meeting with Chinese officials.", listItem: true),
                Para("Impose sanctions on officials responsible for forced labour.", listItem: true),
                table));
            main.Document.Save();
        }
        return ms.ToArray();
    }

    internal const string PageWithFurniture = """
        <html><head><title>Groups urge action on Hong Kong</title></head><body>
        <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/donate">Donate now to support our work</a></nav>
        <div class="share-bar">Share this on Twitter Facebook Email</div>
        <article><h1>Groups urge action on Hong Kong</h1>
        <p>Washington, July 1, 2021. Rights groups wrote to the administration today about the crackdown in Hong Kong.</p>
        <p>We urge the Biden administration to sanction the officials responsible for dismantling Hong Kong's freedoms.</p>
        <p>The letter was signed by twelve organisations working on human rights in China and Hong Kong.</p></article>
        <aside>Related: We urge you to sign our petition on climate.</aside>
        <section id="comments"><p>Reader comment: The government must do more, I urge everyone to call their senator.</p></section>
        <footer>© 2021 Example Rights Group. Subscribe to our newsletter.</footer>
        </body></html>
        """;

    [Fact]
    public void A_pdf_letter_reads_in_order_without_running_headers_or_page_numbers_and_asks_know_their_page()
    {
        var r = DocumentReader.FromPdf(LetterPdf(), "letter.pdf");
        Assert.Null(r.Error);
        var text = r.Text!;
        Assert.DoesNotContain("Coalition for Rights in China | Letter", text);
        Assert.DoesNotContain("Page 2 of 3", text);
        Assert.Contains("press the Chinese government to release Ilham Tohti", text.Replace("\n", " "));
        Assert.Equal(3, r.PageStarts.Count);
        Assert.StartsWith("Thank you", text[r.PageStarts[2]..]);
        Assert.Contains(r.Warnings, w => w.Contains("running header, footer or page-number"));

        var doc = DocumentPipeline.Process("letter.pdf", text, pageStarts: r.PageStarts);
        var release = Assert.Single(doc.Asks, a => a.Text.Contains("Ilham Tohti"));
        Assert.Equal(2, release.Page);
        Assert.Equal(release.Text, text[release.Start..release.End]);
        Assert.Contains(doc.Asks, a => a.Text.Contains("targeted sanctions") && a.Page == 2);
        Assert.Equal(new DateOnly(2021, 3, 3), doc.Date);
        Assert.Equal("biden", doc.Administration);
    }

    /// <summary>
    /// A PDF's lines break at the page width, inside sentences: each ask still reads whole, from its request to its end
    /// on a later line, and its text is the PDF's own (line breaks and all).
    /// </summary>
    [Fact]
    public void A_pdf_whose_lines_wrap_inside_a_sentence_gives_whole_asks()
    {
        var b = new PdfDocumentBuilder();
        var font = b.AddStandard14Font(Standard14Font.Helvetica);
        var page = b.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        string[] lines =
        [
            "Letter to Secretary of State Antony Blinken", "May 4, 2022", "",
            "We write on behalf of the families of the detained Tibetan writers. We urge",
            "the State Department to press for the release of every writer held for his",
            "work and to raise their cases publicly at the next bilateral meeting with",
            "Chinese officials.",
        ];
        var y = 760.0;
        foreach (var line in lines) { if (line.Length > 0) page.AddText(line, 11, new PdfPoint(40, y), font); y -= 16; }
        var r = DocumentReader.FromPdf(b.Build(), "wrapped.pdf");
        Assert.Null(r.Error);
        var doc = DocumentPipeline.Process("wrapped.pdf", r.Text!, pageStarts: r.PageStarts);
        var press = Assert.Single(doc.Asks, a => a.Text.Contains("press for the release"));
        Assert.Contains("urge the State Department to press for the release of every writer held for his work", press.AnalysisText);
        Assert.Contains(doc.Asks, a => a.AnalysisText.Contains("raise their cases publicly at the next bilateral meeting with Chinese officials"));
        Assert.All(doc.Asks, a => Assert.Equal(a.Text, r.Text![a.Start..a.End]));
    }

    /// <summary>
    /// A sentence that runs on over a page break is one paragraph: its ask reads whole and belongs to the page it starts
    /// on. A page that ends its last sentence still ends the paragraph.
    /// </summary>
    [Fact]
    public void A_pdf_sentence_that_runs_on_over_a_page_break_gives_one_ask()
    {
        var b = new PdfDocumentBuilder();
        var font = b.AddStandard14Font(Standard14Font.Helvetica);
        string[][] bodies =
        [
            ["Letter to Secretary of State Antony Blinken", "May 4, 2022", "",
             "We write about the trials of the journalists held in Shanghai.",
             "We urge the State Department to press the Chinese government to"],
            ["release every detained journalist and to end the trials of their lawyers.",
             "We thank you for your attention to this matter."],
            ["Sincerely,", "Reporters for Press Freedom"],
        ];
        foreach (var body in bodies)
        {
            var page = b.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            var y = 760.0;
            foreach (var line in body) { if (line.Length > 0) page.AddText(line, 11, new PdfPoint(40, y), font); y -= 16; }
        }
        var r = DocumentReader.FromPdf(b.Build(), "two-pages.pdf");
        Assert.Null(r.Error);
        var text = r.Text!;
        Assert.StartsWith("release every detained journalist", text[r.PageStarts[1]..]);
        Assert.Equal('\n', text[r.PageStarts[1] - 1]);
        Assert.NotEqual('\n', text[r.PageStarts[1] - 2]);      // no blank line: the sentence goes on
        Assert.Equal("\n\n", text[(r.PageStarts[2] - 2)..r.PageStarts[2]]); // a finished page still ends its paragraph
        var doc = DocumentPipeline.Process("two-pages.pdf", text, pageStarts: r.PageStarts);
        var press = Assert.Single(doc.Asks, a => a.AnalysisText.Contains("press the Chinese government to release every detained journalist"));
        Assert.Equal(1, press.Page);
    }

    /// <summary>
    /// Chinese puts no space between lines: a line filled to the page's measure that ends inside a sentence runs on into
    /// the next, within a page and over a page break, so a Chinese ask wrapped in a PDF reads whole; a short line (a
    /// title, a signature) and a line that ends its sentence keep their breaks. (Pages as lines: PdfPig's writer has no
    /// Chinese font, so the assembly is tested on the lines a reader gives it.)
    /// </summary>
    [Fact]
    public void A_chinese_pdf_sentence_wrapped_across_lines_and_pages_is_one_line()
    {
        List<List<string>> pages =
        [
            ["人權團體致函美國國務卿", "", "多個人權團體今日聯名致函美國國務院，要求美國政府在與中國官員", "會面時提出被拘押律師的個案，並促請國務院對負責的官員實施制裁"],
            ["，同時為他們的家人提供協助。", "我們感謝您的關注。", "人權觀察"],
        ];
        var (text, starts, _) = PdfText.Assemble(pages);
        Assert.Contains("要求美國政府在與中國官員會面時提出被拘押律師的個案，並促請國務院對負責的官員實施制裁，同時為他們的家人提供協助。", text);
        Assert.Contains("人權團體致函美國國務卿\n", text);          // a title keeps its break
        Assert.Contains("提供協助。\n我們感謝您的關注。\n人權觀察", text); // so do lines that end a sentence
        Assert.StartsWith("，同時為他們的家人", text[starts[1]..]);
        var doc = DocumentPipeline.Process("letter.pdf", text, pageStarts: starts);
        Assert.Contains(doc.Asks, a => a.Text.StartsWith("要求美國政府在與中國官員會面時提出被拘押律師的個案"));
    }

    [Theory]
    [InlineData("多個人權團體今日聯名致函美國國務院，要求美國政府在與中國官員", "會面時提出", 30, true)]
    [InlineData("多個人權團體今日聯名致函美國國務院，要求美國政府在與中國官員", "，同時", 30, true)]
    [InlineData("人權團體致函美國國務卿", "多個人權團體今日聯名致函", 30, false)]            // not full: a title
    [InlineData("多個人權團體今日聯名致函美國國務院，要求美國政府提供協助。", "我們感謝您的關注", 30, false)] // a sentence ends
    [InlineData("多個人權團體今日聯名致函美國國務院，要求美國政府在與中國官員", "Human Rights Watch", 30, false)] // English below
    public void A_chinese_line_runs_on_only_when_full_and_inside_a_sentence(string line, string next, int measure, bool runsOn) =>
        Assert.Equal(runsOn, PdfText.ChineseRunsOn(line, next, measure));

    [Fact]
    public void A_pdf_without_a_text_layer_is_an_error_that_says_ocr_it_first()
    {
        var r = DocumentReader.FromPdf(ScanLikePdf(), "scan.pdf");
        Assert.Null(r.Text);
        Assert.StartsWith("no text layer", r.Error);
        Assert.Contains("OCR it first", r.Error);
    }

    [Fact]
    public void Bytes_that_are_not_a_pdf_or_a_word_file_are_reported_as_unreadable()
    {
        Assert.StartsWith("unreadable PDF", DocumentReader.FromPdf("not a pdf at all"u8.ToArray(), "x.pdf").Error);
        Assert.StartsWith("unreadable Word file", DocumentReader.FromDocx("PK not a zip"u8.ToArray(), "x.docx").Error);
    }

    [Fact]
    public void A_word_letter_keeps_paragraphs_list_items_and_tables()
    {
        var r = DocumentReader.FromDocx(LetterDocx(), "letter.docx");
        Assert.Null(r.Error);
        Assert.Contains("• Raise the cases of detained Uyghur scholars", r.Text);
        Assert.Contains("Amnesty International", r.Text);
        var doc = DocumentPipeline.Process("letter.docx", r.Text!);
        Assert.Contains(doc.Asks, a => a.Text.StartsWith("Raise the cases"));
        Assert.Contains(doc.Asks, a => a.Text.StartsWith("Impose sanctions"));
        Assert.All(doc.Asks, a => Assert.Null(a.Page));
        Assert.Equal("biden", doc.Administration);
    }

    [Fact]
    public void A_web_page_loses_its_navigation_sharing_sidebar_comments_and_footer()
    {
        var text = DocumentReader.HtmlToText(PageWithFurniture);
        Assert.Contains("We urge the Biden administration to sanction the officials", text);
        Assert.DoesNotContain("Donate now", text);
        Assert.DoesNotContain("Share this", text);
        Assert.DoesNotContain("petition on climate", text);
        Assert.DoesNotContain("Reader comment", text);
        Assert.DoesNotContain("newsletter", text);
        Assert.StartsWith("Groups urge action on Hong Kong", text);
        var doc = DocumentPipeline.Process("page.html", text);
        Assert.Single(doc.Asks);
    }

    /// <summary>A web page's lines are trimmed and their runs of spaces, tabs and carriage returns made one space in place, as the replacement they stand for did.</summary>
    [Fact]
    public void A_page_line_is_collapsed_as_the_replacement_did() =>
        Gen.OneOf(new[] { " ", "\t", "\r", "\u00a0", "\u3000", "a", "人", "x y" }.Select(Gen.Const).ToArray())
            .Array[0, 16].Select(parts => string.Concat(parts)).Sample(line =>
            {
                var expected = System.Text.RegularExpressions.Regex.Replace(line, @"[ \t\r]+", " ").Trim();
                var sb = new System.Text.StringBuilder();
                DocumentReader.AppendCollapsed(sb, line.AsSpan().Trim());
                Assert.Equal(expected, sb.ToString());
            }, iter: 20_000);

    [Theory]
    [InlineData("comment-list", true)]
    [InlineData("share_bar", true)]
    [InlineData("main  Sidebar", true)] // any word of the attribute, any case
    [InlineData("commentary", false)]
    [InlineData("shared-values", false)]
    [InlineData("--__ ", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void An_id_or_class_names_furniture_by_a_whole_word(string? names, bool furniture) =>
        Assert.Equal(furniture, DocumentReader.NamesFurniture(names));

    [Fact]
    public void A_folder_of_mixed_formats_is_loaded_with_every_file_accounted_for()
    {
        var dir = Directory.CreateTempSubdirectory("askshift-formats").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(dir, "letter.pdf"), LetterPdf());
            File.WriteAllBytes(Path.Combine(dir, "scan.pdf"), ScanLikePdf());
            File.WriteAllBytes(Path.Combine(dir, "letter.docx"), LetterDocx());
            File.WriteAllText(Path.Combine(dir, "page.html"), PageWithFurniture);
            File.WriteAllText(Path.Combine(dir, "notes.odt"), "not read");
            var corpus = Corpus.Load(dir);
            Assert.Equal(["letter.docx", "letter.pdf", "page.html"], corpus.Items.Select(d => d.File).Order());
            Assert.Equal("scan.pdf", Assert.Single(corpus.Errors).File);
            Assert.Contains(".pdf, .docx", Assert.Single(corpus.Skipped).Reason);
            var pdf = corpus.Items.Single(d => d.File == "letter.pdf");
            Assert.Equal(3, pdf.PageStarts.Count);
            var pages = corpus.Asks.Columns["page"];
            Assert.Contains(Enumerable.Range(0, (int)pages.Length).Select(i => pages[i]), p => p is 2);
        }
        finally { Directory.Delete(dir, true); }
    }
}
