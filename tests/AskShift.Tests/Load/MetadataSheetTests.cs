using AskShift.Load;

namespace AskShift.Tests.Load;

/// <summary>A scrape arrives with a sheet of URLs and dates: given values win, URLs date documents, bad rows are named.</summary>
public class MetadataSheetTests
{
    const string Obama2014 = "Published on April 2, 2014\n\nThe Obama administration should raise the case of Ilham Tohti.\n";
    const string Undated = "Rights groups wrote to the administration.\n\nWe urge the Secretary of State to press for the release of detained lawyers.\n";

    [Theory]
    [InlineData("https://www.hrw.org/news/2011/01/13/china-release-activists", "2011-01-13", DatePrecision.Day)]
    [InlineData("https://example.org/press/20230616/letter.html", "2023-06-16", DatePrecision.Day)]
    [InlineData("https://example.org/2019-11-19-joint-statement", "2019-11-19", DatePrecision.Day)]
    [InlineData("https://example.org/blog/2015/06/urge-action", "2015-06-01", DatePrecision.Month)]
    public void A_url_carrying_a_date_gives_it(string url, string date, DatePrecision precision)
    {
        var found = UrlDate.Find(url)!.Value;
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), found.Date);
        Assert.Equal(precision, found.Precision);
    }

    [Theory]
    [InlineData("https://example.org/news/item-1234567")]
    [InlineData("https://example.org/2019/13/45/x")]
    [InlineData(null)]
    public void A_url_without_a_date_gives_none(string? url) => Assert.Null(UrlDate.Find(url));

    [Fact]
    public void Sheet_values_win_urls_date_documents_front_matter_applies_and_bad_rows_are_named()
    {
        using var dir = new TempDir();
        dir.Write("a.txt", Obama2014);
        dir.Write("b.txt", Undated);
        dir.Write("c.txt", Undated);
        dir.Write("d.md", "---\ntitle: Letter on Hong Kong\ndate: 2021-07-01\norganisations: [Hong Kong Watch, Freedom House]\nsigned: yes\n---\n" + Undated);
        dir.Write("metadata.csv",
            "file,url,date,title,organisations,administration\n" +
            "a.txt,,2022-05-01,\"Letter, revised\",HRW; Amnesty,\n" +
            "b.txt,https://www.hrw.org/news/2011/01/13/china-release,,,,\n" +
            "c.txt,,05/03/2020,,,clinton\n" +
            "missing.txt,,2020-01-01,,,\n");
        var corpus = Corpus.Load(dir.Path);
        Assert.Equal(["a.txt", "b.txt", "c.txt", "d.md"], corpus.Items.Select(d => d.File).Order());
        Assert.Contains(corpus.Skipped, k => k.File == "metadata.csv" && k.Reason.Contains("metadata sheet"));

        var a = corpus.Items.Single(d => d.File == "a.txt");
        Assert.Equal(new DateOnly(2022, 5, 1), a.Date);       // the sheet wins over "April 2, 2014" in the text
        Assert.Equal("biden", a.Administration);              // and the administration follows the given date
        Assert.Equal("Letter, revised", a.Title);
        Assert.Equal(["HRW", "Amnesty"], a.Organisations);
        Assert.Equal("metadata.csv row 2", a.Provenance["date"]);
        Assert.Equal("inference", a.Provenance["administration"]);

        var b = corpus.Items.Single(d => d.File == "b.txt");
        Assert.Equal(new DateOnly(2011, 1, 13), b.Date);
        Assert.Equal(DatePrecision.Day, b.DatePrecision);
        Assert.Equal("obama", b.Administration);
        Assert.Equal("url", b.Provenance["date"]);
        Assert.Equal("https://www.hrw.org/news/2011/01/13/china-release", b.Url);

        // Row 4's date and administration are unusable: both are reported with the row, the document still loads.
        var c = corpus.Items.Single(d => d.File == "c.txt");
        Assert.NotEqual("clinton", c.Administration);
        Assert.Contains(corpus.Errors, e => e.File == "metadata.csv row 4" && e.Error.Contains("date '05/03/2020' is not a date"));
        Assert.Contains(corpus.Errors, e => e.File == "metadata.csv row 4" && e.Error.Contains("administration 'clinton'"));
        Assert.Contains(corpus.Errors, e => e.File == "metadata.csv row 5" && e.Error.Contains("unknown file 'missing.txt'"));

        var d = corpus.Items.Single(x => x.File == "d.md");
        Assert.Equal("Letter on Hong Kong", d.Title);
        Assert.Equal(new DateOnly(2021, 7, 1), d.Date);
        Assert.Equal(["Hong Kong Watch", "Freedom House"], d.Organisations);
        Assert.Equal("front matter", d.Provenance["date"]);
        Assert.StartsWith("Rights groups", d.RawText);        // offsets refer to the body, without the front matter
        Assert.Contains(d.Warnings, w => w.Contains("'signed' is not used"));
        Assert.All(d.Asks, x => Assert.Equal(x.Text, d.RawText[x.Start..x.End]));

        var frame = corpus.Documents;
        Assert.Contains("provenance", frame.Columns.Select(col => col.Name));
        Assert.Contains("url", frame.Columns.Select(col => col.Name));
    }

    [Fact]
    public void A_sheet_without_a_file_column_is_reported_and_the_corpus_loads_from_text()
    {
        using var dir = new TempDir();
        dir.Write("a.txt", Obama2014);
        dir.Write("metadata.tsv", "name\tdate\na.txt\t2022-05-01\n");
        var corpus = Corpus.Load(dir.Path);
        Assert.Contains(corpus.Errors, e => e.File == "metadata.tsv" && e.Error.Contains("no 'file' column"));
        Assert.Equal(new DateOnly(2014, 4, 2), Assert.Single(corpus.Items).Date);
        Assert.Equal("text", corpus.Items[0].Provenance["date"]);
    }
}
