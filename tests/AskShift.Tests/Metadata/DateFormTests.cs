using AskShift.Metadata;
using AskShift.Text;

namespace AskShift.Tests.Metadata;

/// <summary>
/// Date forms that web pages outside the United States write: day first in digits, day-month-year with hyphens,
/// Chinese numerals and full-width digits. Every input is written for its test; none is copied from a corpus document.
/// </summary>
public class DateFormTests
{
    static readonly MetadataOptions Options = new() { Today = new DateOnly(2026, 11, 25) };
    static DateFinding Find(string text) => DateFinder.Find(text, Options);

    [Theory]
    [InlineData("Rights groups write to Washington\n25/03/2019\nThe groups wrote today.", "2019-03-25")]       // a day above 12 comes first
    [InlineData("Rights groups write to Washington\n13-11-2020\nThe groups wrote today.", "2020-11-13")]
    [InlineData("Rights groups write to Washington\n25.03.2019\nThe groups wrote today.", "2019-03-25")]       // full stops: day first
    [InlineData("Rights groups write to Washington\nPublished 5.3.2019\nThe groups wrote today.", "2019-03-05")]
    [InlineData("Rights groups write to Washington\n3.25.2019\nThe groups wrote today.", "2019-03-25")]        // 25 cannot be a month
    [InlineData("Rights groups write to Washington\n07-Jun-2022\nThe groups wrote today.", "2022-06-07")]
    [InlineData("Rights groups write to Washington\n7-Sept-2022 | Campaign desk\nThe groups wrote today.", "2022-09-07")]
    [InlineData("Rights groups write to Washington\n2019-03-25T10:00:00Z\nThe groups wrote today.", "2019-03-25")]  // a page's timestamp
    [InlineData("Rights groups write to Washington\n25 Mar '19\nThe groups wrote today.", "2019-03-25")]            // a short date line, two-digit year
    [InlineData("Rights groups write to Washington\n5th March ’19\nThe groups wrote today.", "2019-03-05")]
    [InlineData("人權團體致函美國國務院\n二〇一九年三月二十五日\n多個團體今日致函。", "2019-03-25")]
    [InlineData("人权团体致信美国国务院\n二零二一年十二月三十一日\n多个团体今日致信。", "2021-12-31")]
    [InlineData("人权团体致信美国国务院\n2022年十月五日\n多个团体今日致信。", "2022-10-05")]
    [InlineData("人权团体致信美国国务院\n２０２２年１０月５日\n多个团体今日致信。", "2022-10-05")]                 // full-width digits
    [InlineData("人權團體致函\n正文第一段。\n發佈時間：二〇一八年十一月八日\n二〇一六年七月一日的會議已經過去。", "2018-11-08")] // a stamp over a body date
    [InlineData("Free the jailed editors\nCreated on 14 May 2021 · 3,102 signatures\nThe editors were arrested in 2017.", "2021-05-14")] // a petition's stamp
    [InlineData("SEOUL/TAIPEI, 2 October 2023 — Rights groups asked the State Department to act.\nThe arrests began in 2021.", "2023-10-02")] // a dateline of two places
    [InlineData("Groups ask for a Tibet envoy\nBy our correspondent | March 9, 2018\nThe post was left empty in 2017.", "2018-03-09")] // a byline, then the date
    [InlineData("Writers' group writes to the president\nBoston, October 12, 2010—Ahead of the visit, the group sent a letter.\nThe writers were jailed in 2008.", "2010-10-12")] // a dash glued to the next word
    [InlineData("Rally for the monks\nChicago [US], May 3, 2019 (ANI): Hundreds gathered.\nThe monks were arrested in 2017.", "2019-05-03")] // a wire's dateline, the country in brackets
    public void The_documents_own_date_is_read_to_the_day(string text, string expected)
    {
        var f = Find(text);
        Assert.Equal(expected, f.Date?.ToString("yyyy-MM-dd"));
        Assert.Equal(DatePrecision.Day, f.Precision);
        Assert.NotEmpty(f.Evidence);
    }

    [Fact]
    public void A_body_sentence_saying_something_was_created_on_a_day_is_no_stamp() =>
        Assert.NotEqual(new DateOnly(2010, 3, 3), Find("Groups ask for a Tibet envoy\nThe envoy's office, which was created on March 3, 2010, is empty.\nThe groups wrote today.").Date);

    [Fact]
    public void A_slashed_date_whose_numbers_could_both_be_months_stays_month_first() =>
        Assert.Equal(new DateOnly(2019, 5, 3), Find("Rights groups write to Washington\n05/03/2019\nThe groups wrote today.").Date);

    [Theory]
    [InlineData("Release notes\nSee section 1.1.2.2019 of the manual.\nNothing else.")]   // a run of numbers and full stops
    [InlineData("人权团体致信\n二〇一九年二月三十日\n多个团体今日致信。")]                     // no such day
    public void Numbers_that_are_not_a_real_date_give_no_day(string text) =>
        Assert.NotEqual(DatePrecision.Day, Find(text).Precision);

    [Fact]
    public void A_chinese_month_and_year_near_the_top_give_the_month()
    {
        var f = Find("人權團體致函美國國會\n二〇二〇年六月\n多個團體呼籲國會採取行動。");
        Assert.Equal(new DateOnly(2020, 6, 1), f.Date);
        Assert.Equal(DatePrecision.Month, f.Precision);
    }

    [Fact]
    public void A_date_in_chinese_numerals_places_the_text_in_its_administration()
    {
        var text = "人權團體致函美國國務院\n二〇二二年三月八日\n多個團體呼籲國務院採取行動。";
        var date = Find(text);
        Assert.Equal("biden", AdministrationFinder.Find(text, date, Options).Code);
    }

    [Theory]
    [InlineData("一", 1)]
    [InlineData("九", 9)]
    [InlineData("十", 10)]
    [InlineData("十二", 12)]
    [InlineData("二十", 20)]
    [InlineData("二十五", 25)]
    [InlineData("三十一", 31)]
    [InlineData("二二", -1)]
    [InlineData("十十", -1)]
    [InlineData("〇", -1)]
    public void Chinese_numerals_for_months_and_days_are_read_as_numbers(string s, int expected) =>
        Assert.Equal(expected, DateWords.ChineseSmallNumber(s));

    [Theory]
    [InlineData("二〇一九", 2019)]
    [InlineData("二零一七", 2017)]
    [InlineData("一九九九", 1999)]
    [InlineData("二○○九", 2009)]
    public void A_year_in_chinese_digits_is_read_digit_by_digit(string s, int expected) =>
        Assert.Equal(expected, DateWords.ChineseYearValue(s));
}

/// <summary>Dates the text says were written today, and a date line heading an event notice (stop 40, inputs of their own).</summary>
public class TodayDateTests
{
    static readonly MetadataOptions Options = new() { Today = new DateOnly(2026, 11, 25) };

    [Theory]
    [InlineData("Statement on the deal\nThe agreement was made public today, on March 4, 2020, after a long dispute. The dam opened on May 5, 2017.", "2020-03-04")]
    [InlineData("Statement\nOur report, published today (Monday, June 7, 2021), documents the camps. They opened on May 5, 2017.", "2021-06-07")]
    [InlineData("Statement\nThe report, released on 8 October 2022 (today), documents the camps.", "2022-10-08")]
    [InlineData("Hearing on press freedom\n\nOctober 5, 2021–10:00 a.m. Virtual, via Zoom\n\nStatement of a witness.", "2021-10-05")]
    public void The_day_a_text_calls_today_or_heads_its_notice_with_is_its_date(string text, string expected)
    {
        var found = DateFinder.Find(text, Options);
        Assert.Equal(DatePrecision.Day, found.Precision);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), found.Date);
    }

    [Fact]
    public void A_body_date_the_text_does_not_call_today_is_still_trusted_to_its_month_only() =>
        Assert.Equal(DatePrecision.Month, DateFinder.Find("Statement\nThe camps opened on May 5, 2017, and we urge the State Department to act today.", Options).Precision);
}
