using AskShift.Text;

namespace AskShift.Tests.Text;

/// <summary>
/// Numbers are read as the patterns find them: any decimal digit a pattern's \d matches, so a document numbering its
/// items or dating its dateline in full-width or Arabic-Indic digits loads instead of failing.
/// </summary>
public class DigitsTests
{
    [Theory]
    [InlineData("2019", 2019)]
    [InlineData("２０１９", 2019)]     // full-width
    [InlineData("٣", 3)]              // Arabic-Indic
    [InlineData("۱۲", 12)]            // extended Arabic-Indic (Persian)
    [InlineData("(12) ", 12)]         // a marker's bracket and space are passed over
    [InlineData("", 0)]
    public void Every_decimal_digit_counts(string text, int value) => Assert.Equal(value, Digits.Value(text));

    [Theory]
    [InlineData("We urge the US government to act: ١. Sanction the officials responsible for abuses ٢. Raise the cases of detained lawyers at every meeting.")]
    [InlineData("We urge the US government to act: 1. Sanction the officials responsible for abuses 2. Raise the cases of detained lawyers at every meeting.")]
    public void An_inline_list_numbered_in_any_digits_is_read(string text)
    {
        var doc = DocumentPipeline.Process("inline.txt", text + "\n");
        Assert.Equal(["Sanction the officials responsible for abuses", "Raise the cases of detained lawyers at every meeting"],
            doc.Asks.Select(a => a.Text.Trim()).ToArray());
    }

    [Fact]
    public void A_yearless_dateline_with_arabic_indic_digits_is_read()
    {
        var f = AskShift.Metadata.DateFinder.Find("GENEVA, Oct ٣ - Activists asked Secretary of State Antony Blinken to press Beijing on the 2022 Winter Olympics.",
            new AskShift.Metadata.MetadataOptions { Today = new DateOnly(2026, 11, 25) });
        Assert.Equal(new DateOnly(2022, 10, 3), f.Date);
    }

    [Fact]
    public void A_url_month_in_arabic_indic_digits_is_read_from_an_address_without_a_scheme() =>
        Assert.Equal(new DateOnly(2024, 3, 1), AskShift.Load.UrlDate.Find("example.org/news/20٢٤/03/report")!.Value.Date);
}
