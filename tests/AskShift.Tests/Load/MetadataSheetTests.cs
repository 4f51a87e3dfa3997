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
    [InlineData("https://example.org/all-posts/2024/3/7/groups-urge-action", "2024-03-07", DatePrecision.Day)] // months and days without zeros
    [InlineData("https://example.org/a/senate-hearing-tibet-20180411/123456.html", "2018-04-11", DatePrecision.Day)] // compact, after a hyphen
    [InlineData("https://example.org/news/20160307093015.htm", "2016-03-07", DatePrecision.Day)] // a timestamp to the second
    [InlineData("https://example.org/news/201603070930/", "2016-03-07", DatePrecision.Day)] // to the minute
    [InlineData("https://example.org/2019/12/3-ways-to-help", "2019-12-01", DatePrecision.Month)] // a slug opening with a number is no day
    [InlineData("https://example.org/blog/2015/06/5-reasons-to-act", "2015-06-01", DatePrecision.Month)]
    [InlineData("https://web.archive.org/web/20210315123456/https://example.org/2019/05/letter", "2019-05-01", DatePrecision.Month)] // the original's, not the capture's
    public void A_url_carrying_a_date_gives_it(string url, string date, DatePrecision precision)
    {
        var found = UrlDate.Find(url)!.Value;
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), found.Date);
        Assert.Equal(precision, found.Precision);
    }

    [Theory]
    [InlineData("https://example.org/news/item-1234567")]
    [InlineData("https://example.org/2019/13/45/x")]
    [InlineData("https://example.org/item/120199876")] // nine digits are an id
    [InlineData("https://example.org/item-20191345/x")] // no thirteenth month
    [InlineData("https://example.org/news/20160307996015.htm")] // no 99th hour
    [InlineData("https://web.archive.org/web/20210315123456/https://example.org/letter")] // the capture time is not the page's date
    [InlineData(null)]
    public void A_url_without_a_date_gives_none(string? url) => Assert.Null(UrlDate.Find(url));

    [Fact]
    public void A_date_the_text_states_as_its_own_wins_over_the_urls_and_anything_weaker_yields_to_it()
    {
        using var dir = new TempDir();
        // A letter's date line, posted the next day: the letter's day is kept, and the disagreement is reported.
        dir.Write("line.txt", "Letter on Tibet\n\nMarch 2, 2016\n\nDear Secretary Kerry,\nWe urge you to raise the case of the detained monks.");
        // Only a month in the URL: the text's day stands.
        dir.Write("month.txt", "Letter on Tibet\n\nMarch 2, 2016\n\nDear Secretary Kerry,\nWe urge you to raise the case of the detained monks.");
        // The text gives only a year: the URL's day is surer.
        dir.Write("year.txt", "Advocates met in 2018 and urged the State Department to raise the case of the detained monks.");
        dir.Write("metadata.csv",
            "file,url\n" +
            "line.txt,https://example.org/news/2016/03/03/letter-on-tibet\n" +
            "month.txt,https://example.org/2016/03/letter-on-tibet\n" +
            "year.txt,https://example.org/news/2019/04/06/advocates-meet\n");
        var corpus = Corpus.Load(dir.Path);
        var line = corpus.Items.Single(d => d.File == "line.txt");
        Assert.Equal(new DateOnly(2016, 3, 2), line.Date);
        Assert.Equal("text", line.Provenance["date"]);
        Assert.Contains(line.Warnings, w => w.Contains("the text states 2016-03-02") && w.Contains("2016/03/03"));
        var month = corpus.Items.Single(d => d.File == "month.txt");
        Assert.Equal((new DateOnly(2016, 3, 2), DatePrecision.Day), (month.Date!.Value, month.DatePrecision));
        Assert.DoesNotContain(month.Warnings, w => w.Contains("the text states"));
        var year = corpus.Items.Single(d => d.File == "year.txt");
        Assert.Equal((new DateOnly(2019, 4, 6), DatePrecision.Day), (year.Date!.Value, year.DatePrecision));
        Assert.Equal("url", year.Provenance["date"]);
        Assert.Equal("trump1", year.Administration);
    }

    [Fact]
    public void A_url_without_a_date_is_reported_only_when_the_date_then_comes_from_the_text()
    {
        using var dir = new TempDir();
        dir.Write("given.txt", Undated);
        dir.Write("text.txt", Undated);
        dir.Write("metadata.csv",
            "file,url,date\n" +
            "given.txt,https://example.org/news/letter-on-tibet,2016-03-02\n" +
            "text.txt,https://example.org/news/letter-on-tibet-2,\n");
        var corpus = Corpus.Load(dir.Path);
        Assert.DoesNotContain(corpus.Items.Single(d => d.File == "given.txt").Warnings, w => w.Contains("carries no date"));
        Assert.Contains(corpus.Items.Single(d => d.File == "text.txt").Warnings, w => w.Contains("carries no date; the date comes from the text"));
    }

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
