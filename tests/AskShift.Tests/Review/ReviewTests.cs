using System.Globalization;
using AskShift.Cli;
using AskShift.Evaluate;
using AskShift.Review;
using AskShift.Tests.Load;

namespace AskShift.Tests.Review;

/// <summary>
/// The review round trip a researcher runs before publishing: export the rows to check, mark them in a spreadsheet,
/// load the corpus with the marks applied, and state the machine's agreement with them.
/// </summary>
public class ReviewTests
{
    const string Letter = "Open letter on Tibet\n\nMay 4, 2016\n\nDear Secretary Kerry,\n\n" +
        "We urge the Secretary of State to raise the case of Tashi Wangchuk with Chinese officials.\n\n" +
        "We also urge the State Department to fund Tibetan-language broadcasting.\n\n" +
        "Finally, the administration should press for access to the region for diplomats and journalists.\n";

    const string Release = "Groups welcome the new rules\n\nThe coalition urged Congress to pass the Uyghur Forced Labor Prevention Act.\n" +
        "It also wants the administration to expand the Entity List.\n";

    static string Csv(params string[] lines) => string.Join("\n", lines) + "\n";
    const string Header = "file,kind,ordinal,start,end,page,form,text,theme,value,evidence,review,new_text,new_theme,new_value,note";

    static (int Start, int End) Span(string text, string quote) { var i = text.IndexOf(quote, StringComparison.Ordinal); return (i, i + quote.Length); }

    static string AskRow(string file, string text, string ask, string mark, string newText = "", string newTheme = "", string theme = "")
    {
        var (s, e) = Span(text, ask);
        return $"{file},ask,,{s},{e},,sentence,\"{ask}\",{theme},,,{mark},\"{newText}\",{newTheme},,";
    }

    [Fact]
    public void A_researchers_corpus_loads_with_every_file_accounted_for_and_every_correction_applied_or_reported()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(Path.Combine(dir.Path, "letter.pdf"), FormatTests.LetterPdf());
        File.WriteAllBytes(Path.Combine(dir.Path, "scan.pdf"), FormatTests.ScanLikePdf());
        File.WriteAllBytes(Path.Combine(dir.Path, "letter.docx"), FormatTests.LetterDocx());
        dir.Write("page.html", FormatTests.PageWithFurniture);
        dir.Write("kerry.txt", Letter);
        dir.Write("release.txt", Release);
        dir.Write("metadata.csv", Csv("file,url,date", "release.txt,https://example.org/news/2021/06/10/rules,", "ghost.txt,,2020-01-01", "kerry.txt,,not a date"));
        var machine = Corpus.Load(dir.Path);
        var kerry = machine.Items.Single(d => d.File == "kerry.txt");
        Assert.Equal(3, kerry.Asks.Count);

        dir.Write("review.csv", Csv(Header,
            AskRow("kerry.txt", Letter, kerry.Asks[0].Text, "keep", newTheme: "release_detainees_raise_cases", theme: "release_detainees_raise_cases"),      // row 2: kept, theme agreed
            AskRow("kerry.txt", Letter, kerry.Asks[1].Text, "drop"),                                                                      // row 3
            AskRow("kerry.txt", Letter, kerry.Asks[2].Text, "edit", newText: "press for access to the region for diplomats and journalists"), // row 4
            "kerry.txt,ask,,,,,,,,,,add,\"fund Tibetan-language broadcasting\",internet_freedom_tech,,",                                      // row 5: re-added, shorter
            "kerry.txt,date,,,,,,,,,,set,,,2016-05,",                                                                                     // row 6
            "kerry.txt,administration,,,,,,,,obama,,keep,,,,",                                                                           // row 7
            "release.txt,administration,,,,,,,,,,set,,,trump1,",                                                                          // row 8
            "release.txt,ask,,0,10,,sentence,\"a sentence that was in the file when it was exported\",,,,keep,,,,",                      // row 9: file changed
            "ghost.txt,date,,,,,,,,,,set,,,2020,",                                                                                        // row 10: unknown file
            "scan.pdf,date,,,,,,,,,,set,,,2020,",                                                                                         // row 11: file that failed
            "release.txt,date,,,,,,,,,,set,,,June 2021,",                                                                                 // row 12: not ISO
            "release.txt,administration,,,,,,,,,,set,,,clinton,",                                                                         // row 13
            "release.txt,ask,,,,,,,,,,approve,,,,",                                                                                       // row 14
            "release.txt,ask,,,,,,,,,,add,\"text that is not in the release\",,,"));                                                     // row 15
        var corpus = Corpus.Load(dir.Path);

        // Every file is a document, an error or skipped with a reason.
        Assert.Equal(["kerry.txt", "letter.docx", "letter.pdf", "page.html", "release.txt"], corpus.Items.Select(d => d.File).Order());
        Assert.Contains(corpus.Errors, e => e.File == "scan.pdf" && e.Error.Contains("OCR"));
        Assert.Contains(corpus.Skipped, s => s.File == "review.csv" && s.Reason.Contains("review file"));
        Assert.Contains(corpus.Skipped, s => s.File == "metadata.csv");
        Assert.Contains(corpus.Errors, e => e.File == "metadata.csv row 3" && e.Error.Contains("ghost.txt"));
        Assert.Contains(corpus.Errors, e => e.File == "metadata.csv row 4");

        var k = corpus.Items.Single(d => d.File == "kerry.txt");
        Assert.Equal([ReviewState.Confirmed, ReviewState.Added, ReviewState.Edited], k.Asks.Select(a => a.Review));
        Assert.Equal("release_detainees_raise_cases", k.Asks[0].Theme);
        Assert.Equal("fund Tibetan-language broadcasting", k.Asks[1].Text);
        Assert.Equal("internet_freedom_tech", k.Asks[1].Theme);
        Assert.Equal("press for access to the region for diplomats and journalists", k.Asks[2].Text);
        Assert.Equal(k.Asks[2].Text, k.RawText[k.Asks[2].Start..k.Asks[2].End]);
        Assert.Equal([1, 2, 3], k.Asks.Select(a => a.Ordinal));
        Assert.Equal((new DateOnly(2016, 5, 1), DatePrecision.Month), (k.Date!.Value, k.DatePrecision));
        Assert.Equal("review.csv row 6", k.Provenance["date"]);
        Assert.Contains("confirmed in review.csv row 7", k.Provenance["administration"]);
        Assert.Equal(["asks", "date", "administration"], k.ReviewedFields);

        var r = corpus.Items.Single(d => d.File == "release.txt");
        Assert.Equal("trump1", r.Administration);
        Assert.All(r.Asks, a => Assert.Equal(ReviewState.Machine, a.Review)); // the stale row changed nothing

        string[] reported = ["review.csv row 9", "review.csv row 10", "review.csv row 11", "review.csv row 12", "review.csv row 13", "review.csv row 14", "review.csv row 15"];
        Assert.Equal(reported, corpus.Errors.Where(e => e.File.StartsWith("review.csv", StringComparison.Ordinal)).Select(e => e.File));
        Assert.Contains("no longer occurs", corpus.Errors.Single(e => e.File == "review.csv row 9").Error);
        Assert.Contains("did not load", corpus.Errors.Single(e => e.File == "review.csv row 11").Error);

        var s = corpus.Review!;
        Assert.Equal((1, 1, 1, 1, 2), (s.AsksConfirmed, s.AsksEdited, s.AsksDropped, s.AsksAdded, s.ThemesSet));
        Assert.Equal((0, 1, 1, 1), (s.DatesConfirmed, s.DatesChanged, s.AdministrationsConfirmed, s.AdministrationsChanged));

        // Frames say, row by row, what a person checked.
        var review = corpus.Asks.Columns["review"];
        Assert.Equal(3, Enumerable.Range(0, (int)review.Length).Count(i => (string)review[i] != "machine"));
        var docs = corpus.Documents;
        var reviewed = Enumerable.Range(0, (int)docs.Rows.Count).Where(i => (string)docs.Columns["review"][i] == "reviewed").Select(i => (string)docs.Columns["file"][i]);
        Assert.Equal(["kerry.txt", "release.txt"], reviewed.Order());

        // The machine-only corpus is still there for the baseline.
        var baseline = Corpus.Load(dir.Path, new CorpusOptions { ApplyReview = false });
        Assert.Null(baseline.Review);
        Assert.Equal(machine.AllAsks.Select(a => a.Text), baseline.AllAsks.Select(a => a.Text));
    }

    [Fact]
    public void Agreement_with_a_review_counts_only_what_the_reviewer_checked_in_full()
    {
        using var dir = new TempDir();
        dir.Write("kerry.txt", Letter);
        dir.Write("release.txt", Release);
        var machine = Corpus.Load(dir.Path);
        var kerry = machine.Items.Single(d => d.File == "kerry.txt");
        var release = machine.Items.Single(d => d.File == "release.txt");
        Assert.Equal(2, release.Asks.Count);
        // kerry.txt: 3 machine asks, all marked: 2 kept, 1 dropped, 1 added -> matched 2 of 3 machine, 2 of 3 reviewed.
        // release.txt: only one of its two asks marked, so its asks are not scored; its date row is.
        dir.Write("review.csv", Csv(Header,
            AskRow("kerry.txt", Letter, kerry.Asks[0].Text, "keep", theme: "release_detainees_raise_cases"),
            AskRow("kerry.txt", Letter, kerry.Asks[1].Text, "keep", newTheme: "internet_freedom_tech", theme: "other"),
            AskRow("kerry.txt", Letter, kerry.Asks[2].Text, "drop"),
            "kerry.txt,ask,,,,,,,,,,add,\"Open letter on Tibet\",,,",
            AskRow("release.txt", Release, release.Asks[0].Text, "keep"),
            "release.txt,date,,,,,,,,,,set,,,2021-06-10,"));
        var reviewed = Corpus.Load(dir.Path);
        var r = ReviewAgreement.Compute(Corpus.Load(dir.Path, new CorpusOptions { ApplyReview = false }), reviewed);
        Assert.Equal("kerry.txt", Assert.Single(r.Asks.Documents).File);
        Assert.Equal((2, 3, 3), (r.Asks.Matched, r.Asks.Predicted, r.Asks.Reference));
        Assert.Equal(2.0 / 3, r.Asks.Precision, 6);
        Assert.Equal((1, 0), (r.DatesCompared, r.DatesAgreed));
        Assert.Equal((0, 0), (r.AdministrationsCompared, r.AdministrationsAgreed));
        Assert.Equal((2, 1), (r.ThemesCompared, r.ThemesAgreed));
    }

    [Fact]
    public void Export_writes_every_ask_and_field_and_an_unmarked_file_changes_nothing()
    {
        using var dir = new TempDir();
        dir.Write("kerry.txt", Letter);
        dir.Write("release.txt", Release);
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE"); // the file is the same under every culture
            var stdout = new StringWriter();
            Assert.Equal(0, ReviewCommand.Export(dir.Path, Path.Combine(dir.Path, "review.csv"), Path.Combine(RepoPaths.Root, "notebooks", "codebook.json"), false, stdout, new StringWriter()));
            Assert.Contains("9 rows (5 asks", stdout.ToString());
        }
        finally { CultureInfo.CurrentCulture = saved; }
        var text = File.ReadAllText(Path.Combine(dir.Path, "review.csv"));
        Assert.StartsWith(Header, text.TrimStart('\uFEFF'));
        Assert.Contains("kerry.txt,date,,,,,,,,2016-05-04,", text);
        Assert.Contains("kerry.txt,administration,,,,,,,,obama,", text);
        Assert.DoesNotContain(".partial", string.Join(",", Directory.GetFiles(dir.Path)));

        var corpus = Corpus.Load(dir.Path);
        Assert.Equal(0, corpus.Review!.DocumentsReviewed);
        Assert.Empty(corpus.Errors);
        Assert.All(corpus.AllAsks, a => Assert.Equal(ReviewState.Machine, a.Review));

        // A second export would overwrite a person's marks: refused unless forced.
        var err = new StringWriter();
        Assert.Equal(2, ReviewCommand.Export(dir.Path, Path.Combine(dir.Path, "review.csv"), null, false, new StringWriter(), err));
        Assert.Contains("--force", err.ToString());
    }

    [Theory]
    [InlineData("urge the State\nDepartment to act", "urge the State Department to act")]
    [InlineData("urge the State Department to act", "urge the State  Department\tto act")]
    public void A_quotation_is_found_whatever_whitespace_a_spreadsheet_left_in_it(string document, string quote)
    {
        var text = "We " + document + " now.";
        var span = ReviewSheet.Find(text, quote, 0);
        Assert.NotNull(span);
        Assert.Equal(3, span.Value.Start);
        Assert.Equal("now.", text[(span.Value.End + 1)..]);
    }

    [Fact]
    public void A_review_file_without_the_needed_columns_is_reported_and_nothing_is_applied()
    {
        using var dir = new TempDir();
        dir.Write("kerry.txt", Letter);
        dir.Write("review.csv", "file,comment\nkerry.txt,looks fine\n");
        var corpus = Corpus.Load(dir.Path);
        Assert.Contains(corpus.Errors, e => e.File == "review.csv" && e.Error.Contains("'kind'"));
        Assert.All(corpus.AllAsks, a => Assert.Equal(ReviewState.Machine, a.Review));
    }

    [Fact]
    public void A_reviewers_theme_wins_over_the_machines_in_the_rows_the_notebooks_chart()
    {
        using var dir = new TempDir();
        dir.Write("kerry.txt", Letter);
        var machine = Corpus.Load(dir.Path);
        var first = machine.AllAsks[0];
        dir.Write("review.csv", Csv(Header, AskRow("kerry.txt", Letter, first.Text, "keep", newTheme: "internet_freedom_tech"), AskRow("kerry.txt", Letter, machine.AllAsks[1].Text, "keep", newTheme: "not_in_codebook")));
        var corpus = Corpus.Load(dir.Path);
        var rows = AskShift.Shift.AskRow.From(corpus.Items);
        var codebook = AskShift.Cluster.Codebook.Load(Path.Combine(RepoPaths.Root, "notebooks", "codebook.json"));
        var labels = codebook.WithReviewedThemes(rows.Select(r => r.ReviewedTheme).ToList(), ["m1", "m2", "m3"]);
        Assert.Equal(codebook.Themes.Single(t => t.Code == "internet_freedom_tech").Label, labels[0]);
        Assert.Equal("not_in_codebook", labels[1]); // an unknown code is kept, not lost
        Assert.Equal("m3", labels[2]);
        Assert.Contains("2 kept", ReviewSheet.Describe(corpus.Review));
        Assert.Contains("unchecked", ReviewSheet.Describe(null));
    }
}
