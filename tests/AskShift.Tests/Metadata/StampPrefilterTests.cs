using AskShift.Metadata;

namespace AskShift.Tests.Metadata;

/// <summary>
/// The date finder runs its stamp patterns ("Published on ...", "发布时间：...") only on text that holds a word the English
/// pattern needs or a first character of the Chinese one (issue 13). That is safe only if neither pattern ever matches
/// text the check rules out: checked on every document of the seeds and corpora, on each of their lines, and on random
/// text of stamp words, near-misses and the characters a case-insensitive pattern takes for ASCII letters, in the
/// invariant culture and in Turkish.
/// </summary>
public class StampPrefilterTests
{
    static IEnumerable<string> RandomTexts()
    {
        string[] pieces =
        [
            "Published", "PUBLISHED:", "Posted", "posted on", "Released", "released", "was released on", "Created on", "was Released on", "is Created on", "were", "been", "Dated",
            "Issued", "Date:", "For immediate release", "Press Release", "Updated", "June 4, 2019", "4 June 2019", "2019-06-04",
            "2019年6月4日", "发布时间：", "發佈日期:", "发表于", "发布时间：2023年6月16日", "發表於 二〇一九年三月五日", "發布2019年6月4日", "on", "at 10:00 am EST", "Monday,", "Po\u017Fted", "\u0130ssued",
            "Dat\u0130d", "publi\u017Fhed", "He", "the", "letter", ",", ".", "\n",
        ];
        return PrefilterInputs.Random(pieces, seed: 61, count: 30000, maxPieces: 8);
    }

    [Theory]
    [InlineData("")]
    [InlineData("tr-TR")]
    public void No_stamp_pattern_matches_text_the_check_rules_out(string culture) => PrefilterInputs.InCulture(culture, () =>
    {
        int english = 0, chinese = 0, ruledOut = 0;
        foreach (var text in PrefilterInputs.CorpusTexts().Concat(PrefilterInputs.CorpusLines()).Concat(RandomTexts()))
        {
            var (mayEnglish, mayChinese) = (DateFinder.MayHoldStamp(text), DateFinder.MayHoldChineseStamp(text));
            if (DateFinder.StampRx().IsMatch(text)) { english++; Assert.True(mayEnglish, $"English stamp in \"{text}\", ruled out"); }
            if (DateFinder.ZhStampRx().IsMatch(text)) { chinese++; Assert.True(mayChinese, $"Chinese stamp in \"{text}\", ruled out"); }
            if (!mayEnglish && !mayChinese) ruledOut++;
        }
        Assert.True(english > 1000 && chinese > 1000 && ruledOut > 1000, $"too few texts of one kind ({english} English stamps, {chinese} Chinese, {ruledOut} ruled out)");
    });

    /// <summary>
    /// The English stamp pattern tests "not after was/is/been ..." after its capitalised verb rather than before it, so the
    /// engine can search for three of its characters rather than one (issue 13). It must find the same stamps as the
    /// pattern with the test before the verb, built here from it.
    /// </summary>
    [Fact]
    public void The_stamp_pattern_matches_as_with_its_test_before_the_verb()
    {
        var current = DateFinder.StampRx();
        var pattern = current.ToString();
        foreach (var (verb, words) in new[] { ("Released", "was|were|been|being|be|is|are|get|gets|got"), ("Created", "was|were|been|being|be|is|are") })
        {
            var after = $@"(?-i:{verb})(?<!\b(?:{words})\s+{verb})";
            Assert.Contains(after, pattern);
            pattern = pattern.Replace(after, $@"(?<!\b(?:{words})\s+)(?-i:{verb})");
        }
        var reference = new System.Text.RegularExpressions.Regex(pattern, current.Options);
        int stamps = 0, passives = 0;
        foreach (var text in PrefilterInputs.CorpusTexts().Concat(RandomTexts()))
        {
            var expected = reference.Matches(text).Select(m => (m.Index, m.Length, m.Groups["date"].Value)).ToList();
            Assert.Equal(expected, current.Matches(text).Select(m => (m.Index, m.Length, m.Groups["date"].Value)).ToList());
            stamps += expected.Count;
            if (System.Text.RegularExpressions.Regex.IsMatch(text, @"\b(was|were|is|been)\s+(Released|Created)\s+on\s+\w+ \d")) passives++;
        }
        Assert.True(stamps > 1000 && passives > 100, $"too few texts of one kind ({stamps} stamps, {passives} texts with a passive verb before a date)");
    }

    [Fact]
    public void Stamps_are_found_as_before()
    {
        Assert.Equal(new DateOnly(2022, 1, 10), DateFinder.FirstStamp("Petition\nCreated on January 10, 2022\nWe urge ...")?.Date);
        Assert.Equal(new DateOnly(2023, 6, 16), DateFinder.FirstStamp("人权组织 发布时间：2023年6月16日")?.Date);
        Assert.Null(DateFinder.FirstStamp("He was released on June 4, 2005, after ten years."));
        Assert.Null(DateFinder.FirstStamp("The groups wrote to the President on June 4, 2005."));
    }
}
