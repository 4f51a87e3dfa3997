using AskShift.Metadata;

namespace AskShift.Tests.Metadata;

public class DateTests
{
    [Fact]
    public void A_dateline_gives_the_day()
    {
        var f = DateFinder.Find("(Uyghur Human Rights Project, March 9, 2018) The United States should act.");
        Assert.Equal(new DateOnly(2018, 3, 9), f.Date);
        Assert.Equal(DatePrecision.Day, f.Precision);
        Assert.Contains("(Uyghur Human Rights Project, March 9, 2018)", f.Evidence);
    }

    [Fact]
    public void Published_on_beats_dates_inside_the_body()
    {
        var f = DateFinder.Find("The hearing on June 2, 2019 was postponed.\nPublished on July 14, 2019\n");
        Assert.Equal(new DateOnly(2019, 7, 14), f.Date);
        Assert.Equal(DatePrecision.Day, f.Precision);
    }

    [Fact]
    public void A_weekday_and_month_day_are_pinned_to_a_year_by_the_office_holders_named()
    {
        // Secretary of State Mike Pompeo served 2018-04-26 to 2021-01-20; March 4 was a Wednesday only in 2020 then.
        var f = DateFinder.Find("Activists wrote to Secretary of State Mike Pompeo on Wednesday (March 4) asking him to act.");
        Assert.Equal(new DateOnly(2020, 3, 4), f.Date);
        Assert.Equal(DatePrecision.Inferred, f.Precision);
        Assert.Contains(f.Evidence, e => e.Contains("Mike Pompeo"));
    }

    [Fact]
    public void A_weekday_that_fits_no_year_of_the_tenure_gives_no_date()
    {
        // Feb 17 was never a Monday during 2021-2025.
        var f = DateFinder.Find("President Joe Biden met them on Monday (Feb. 17).");
        Assert.NotEqual(DatePrecision.Inferred, f.Precision);
    }

    [Theory]
    [InlineData(2009, 1, 20, "obama")]
    [InlineData(2017, 1, 19, "obama")]
    [InlineData(2017, 1, 20, "trump1")]
    [InlineData(2021, 1, 20, "biden")]
    [InlineData(2025, 1, 19, "biden")]
    [InlineData(2025, 1, 20, "trump2")]
    [InlineData(2005, 5, 5, "unknown")]
    public void Administrations_follow_the_codebook_boundaries(int y, int m, int d, string code) =>
        Assert.Equal(code, Administrations.For(new DateOnly(y, m, d)));
}

public class DocumentMetadataTests
{
    const string Release = "Skip to main content\nChina: US Should Press for Release of Ilham Tohti\n\n" +
        "(Washington, DC) – Freedom Now Coalition is calling on the Trump administration to demand the release of economist Ilham Tohti (伊力哈木·土赫提), " +
        "who is serving a life sentence. The statement was signed by PEN America, Freedom Now Coalition, and the Uyghur American Association.\n\n" +
        "Published on September 23, 2019\n";

    [Fact]
    public void Title_organisations_date_administration_and_addressees_come_from_the_text()
    {
        var doc = Corpus.FromTexts([("r.txt", Release)]).Items[0];
        Assert.Equal("China: US Should Press for Release of Ilham Tohti", doc.Title);
        Assert.Contains("Freedom Now Coalition", doc.Organisations);
        Assert.Contains("PEN America", doc.Organisations);
        Assert.Contains("Uyghur American Association", doc.Organisations);
        Assert.Equal(new DateOnly(2019, 9, 23), doc.Date);
        Assert.Equal("trump1", doc.Administration);
        Assert.Contains("the Trump administration", doc.Addressees);
    }

    [Fact]
    public void People_whose_cases_are_raised_are_listed_but_officials_are_not()
    {
        var doc = Corpus.FromTexts([("r.txt", "The US should raise the cases of detained lawyer Wang Quanzhang and blogger Wu Gan with President Xi Jinping.")]).Items[0];
        Assert.Contains("Wang Quanzhang", doc.People);
        Assert.Contains("Wu Gan", doc.People);
        Assert.DoesNotContain("Xi Jinping", doc.People);
    }

    [Fact]
    public void Honorifics_before_a_name_are_not_part_of_it()
    {
        var doc = Corpus.FromTexts([("r.txt", "Nobel Peace Prize Laureate Liu Xiaobo and artist Ai Weiwei are in detention; the US should raise their cases.")]).Items[0];
        Assert.Equal(["Liu Xiaobo", "Ai Weiwei"], doc.People);
    }

    [Theory]
    [InlineData("(Washington, July 12, 2025) –", "2025-07-12")]
    [InlineData("(New York, Feb. 3, 2014) - Human Rights Watch said today", "2014-02-03")]
    public void A_city_dateline_gives_the_day_even_on_a_line_of_its_own(string dateline, string expected)
    {
        var doc = Corpus.FromTexts([("d.txt", $"Rights Group Urges Action\n\n{dateline}\n\nThe group called on the US government to raise the cases of detained lawyers.\n")]).Items[0];
        Assert.Equal(expected, doc.Date?.ToString("yyyy-MM-dd"));
        Assert.Equal(DatePrecision.Day, doc.DatePrecision);
    }
}
