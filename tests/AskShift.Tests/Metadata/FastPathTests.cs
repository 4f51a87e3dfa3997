using AskShift.Metadata;
using CsCheck;

namespace AskShift.Tests.Metadata;

/// <summary>
/// The faster ways of reading dates and events (issue 13) find exactly what the single patterns they replace found:
/// a speed-up that changed a date would change every chart built on it.
/// </summary>
public class FastPathTests
{
    static readonly string[] DateTokens =
    [
        "March", "mar.", "Sept", "DECEMBER", "may", "June", "17", "3rd", "1st", "of", "2019", "2024", "1998", "’19", "'25", "-", "–",
        "/", ".", ",", " ", "\n", "2023-06-16", "06/16/2023", "6-16-2023", "2023年", "6月", "16日", "民國", "105年", "104年9月24日",
        "建党", "100年7月1日", "１０５", "Published on", "(Washington,", ")", "Jan", "20", "12", "31", "2020.1.5", "x", "the",
        "25/03/2019", "5.3.2019", "3.25.2019", "1.1.2.2019", "25-Mar-2019", "-Sept-", "二〇一九年", "三月", "二十五日", "十二月", "２０１９年",
    ];

    static readonly Gen<string> DateLike = Gen.OneOf(DateTokens.Select(Gen.Const).ToArray()).Array[0, 14]
        .Select(parts => string.Join(Gen.Bool.Single() ? " " : "", parts));

    static void SameMatch(string s)
    {
        var single = DateFinder.FullDateRx().Match(s);
        var split = DateFinder.FirstFullDate(s);
        Assert.True(single.Success == split.Success, $"'{s}': success {single.Success} vs {split.Success}");
        if (!single.Success) return;
        Assert.True(single.Index == split.Index && single.Value == split.Value, $"'{s}': '{single.Value}'@{single.Index} vs '{split.Value}'@{split.Index}");
    }

    [Fact]
    public void The_split_full_date_patterns_find_the_single_patterns_first_date_on_generated_text() =>
        DateLike.Sample(SameMatch, iter: 20_000);

    [Fact]
    public void The_split_full_date_patterns_find_the_single_patterns_first_date_on_every_line_of_the_seeds_and_dev_corpus()
    {
        var folders = new[] { RepoPaths.Seeds, Path.Combine(RepoPaths.Root, "corpora", "dev", "docs") };
        var lines = 0;
        foreach (var file in folders.SelectMany(f => Directory.EnumerateFiles(f, "*.*", SearchOption.AllDirectories)).Where(f => f.EndsWith(".txt") || f.EndsWith(".md")))
            foreach (var line in File.ReadAllText(file).Split('\n'))
            {
                SameMatch(line);
                lines++;
            }
        Assert.True(lines > 1000, $"only {lines} lines read");
    }

    [Theory]
    [InlineData("No digits here at all.", false)]
    [InlineData("Filed on March 3, 2020", true)]
    [InlineData("民國１０５年９月２４日", true)] // full-width digits, which \d matches
    [InlineData("二〇二三年六月", false)]        // Chinese numerals, but no day
    [InlineData("二〇二三年六月五日", true)]      // a date in Chinese numerals
    public void A_line_can_hold_a_full_date_only_if_it_has_a_digit_or_a_chinese_date(string line, bool may)
    {
        Assert.Equal(may, DateFinder.MayHoldFullDate(line));
        if (!may) Assert.DoesNotMatch(DateFinder.FullDateRx(), line);
    }

    /// <summary>Full-width digits date a text exactly as ASCII digits do: on a date line, in a stamp and in the body.</summary>
    [Theory]
    [InlineData("他說，民國105年9月24日的會議很重要。")]
    [InlineData("人權團體致函\n2019年3月25日\n多個團體今日致函。")]
    [InlineData("人權團體致函\n正文。\n發佈時間：2018年11月8日\n")]
    [InlineData("人權團體致函美國國務院，多個團體今日致函。\n他們在2019年3月25日的會議上已經提出，並在2020年1月再次提出。")]
    public void Full_width_digits_date_a_text_as_ascii_digits_do(string ascii)
    {
        var options = new MetadataOptions { Today = new DateOnly(2026, 1, 1) };
        var fullWidth = new string(ascii.Select(c => c is >= '0' and <= '9' ? (char)(c - '0' + '０') : c).ToArray());
        var a = DateFinder.Find(ascii, options);
        var f = DateFinder.Find(fullWidth, options);
        Assert.NotNull(a.Date);
        Assert.Equal((a.Date, a.Precision), (f.Date, f.Precision));
    }

    [Theory]
    [InlineData("发布时间：2023年6月16日\n正文。\nPublished on July 1, 2023\n", 2023, 6, 16)]
    [InlineData("Published on July 1, 2023\n正文。\n发布时间：2023年6月16日\n", 2023, 7, 1)]
    [InlineData("Published on February 30, 2023\n发布时间：2023年6月16日\n", 2023, 6, 16)] // the first stamp with a real date
    public void The_first_stamp_wins_whether_it_is_English_or_Chinese(string text, int y, int m, int d)
    {
        var f = DateFinder.Find(text, new MetadataOptions { Today = new DateOnly(2026, 1, 1) });
        Assert.Equal(new DateOnly(y, m, d), f.Date);
        Assert.Equal(DatePrecision.Day, f.Precision);
    }

    static readonly string[] StampTokens =
    [
        "Date ", "Published on ", "Released ", "was released on ", "发布", "发布时间：", "發表於", "2020年1月15日", "2021年2月30日", "day, ",
        "Wednesday, ", "March 3, 2020", "February 30, 2021", "民國105年9月24日", " ", "\n", "，", "x", "according to the office.",
    ];

    /// <summary>The first stamp as the single pattern with both kinds of stamp as alternatives finds it (the reference).</summary>
    static readonly System.Text.RegularExpressions.Regex SingleStamp =
        new(DateFinder.StampRx() + "|" + DateFinder.ZhStampRx(), System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    static (int Index, string Value)? SingleStampPattern(string text)
    {
        foreach (System.Text.RegularExpressions.Match m in SingleStamp.Matches(text))
            if (DateFinder.ParseFull(m.Groups["date"].Value) is not null) return (m.Index, m.Value);
        return null;
    }

    [Fact]
    public void The_split_stamp_patterns_find_the_single_patterns_first_stamp() =>
        Gen.OneOf(StampTokens.Select(Gen.Const).ToArray()).Array[0, 10].Select(parts => string.Concat(parts)).Sample(text =>
        {
            var split = DateFinder.FirstStamp(text) is { } f ? (f.Stamp.Index, f.Stamp.Value) : ((int, string)?)null;
            Assert.True(SingleStampPattern(text) == split, $"'{text}': {SingleStampPattern(text)} vs {split}");
        }, iter: 40_000);

    [Fact]
    public void A_chinese_stamp_inside_an_english_stamp_with_no_real_date_is_not_taken()
    {
        // The English stamp's weekday slot ("\w+day") swallows 发布2020年1月15日; its own date (30 February) is not a date.
        const string text = "The notice reads: Date 发布2020年1月15日day, 2021年2月30日 according to the office.";
        Assert.Null(DateFinder.FirstStamp(text));
        Assert.Null(SingleStampPattern(text));
    }

    [Theory]
    [InlineData("Photo: March 3, 2020")]
    [InlineData("  file photo March 3, 2020")]
    [InlineData("[2] March 3, 2020")]
    [InlineData("图：2020年3月3日")]
    [InlineData("March 3, 2020 (Photo by a reader)")]
    [InlineData("March 3, 2020 © Some Agency")]
    [InlineData("March 3, 2020 Reuters/")]
    public void A_caption_with_a_date_is_no_date_line(string line) =>
        Assert.Null(DateFinder.DateLine(line, new MetadataOptions()));

    [Theory]
    [InlineData("March 3, 2020")]
    [InlineData("Photographs: March 3, 2020")]
    public void A_date_alone_on_its_line_is_a_date_line(string line) =>
        Assert.NotNull(DateFinder.DateLine(line, new MetadataOptions()));

    /// <summary>
    /// The date finder makes a string only of lines that pass <see cref="DateFinder.MayBeDateLine"/> (issue 13), so every
    /// line the date-line rule accepts must pass it: generated date-like lines, padded and lengthened, and every line of
    /// the seeds and the development corpus.
    /// </summary>
    [Fact]
    public void Every_date_line_passes_the_check_made_before_it_is_read()
    {
        var options = new MetadataOptions();
        void Check(string line)
        {
            if (DateFinder.DateLine(line, options) is not null) Assert.True(DateFinder.MayBeDateLine(line), line);
        }
        Gen.Select(DateLike, Gen.Int[0, 130]).Sample((line, pad) => { Check(line); Check(new string(' ', pad) + line + "\r"); Check(line + new string('x', pad)); }, iter: 20_000);
        var accepted = 0;
        foreach (var file in Directory.GetFiles(RepoPaths.Seeds).Concat(Directory.GetFiles(Path.Combine(RepoPaths.Root, "corpora", "dev", "docs"))))
            foreach (var line in File.ReadAllText(file).Split('\n'))
            {
                Check(line);
                if (DateFinder.DateLine(line, options) is not null) accepted++;
            }
        Assert.True(accepted > 50, $"only {accepted} date lines in the real documents");
    }
}
