using System.Text.RegularExpressions;
using AskShift.Normalise;
using AskShift.Text;

namespace AskShift.Tests.Normalise;

/// <summary>
/// The chrome check asks whether a line holds a year with three patterns, full-width digits only on a line that holds
/// one, the apostrophe forms only on a line that holds an apostrophe (issue 13). It must answer as the single
/// case-insensitive pattern it replaced, kept here as the reference, on every line of the seeds and corpora and on
/// random lines of years, month names, apostrophes and look-alikes, in the invariant culture and in Turkish.
/// </summary>
public class YearPrefilterTests
{
    static readonly Regex Reference = new(@"(?<![\w-[\u3400-\u9FFF\uF900-\uFAFF]])(19|20|１９|２０)\d\d(?![\w-[\u3400-\u9FFF\uF900-\uFAFF]])|\b(" + DateWords.Months + @")\.?\s?(\d{1,2}(st|nd|rd|th)?)?,?\s?['’]\d\d\b|\b\d{1,2}(st|nd|rd|th)?\s+(" + DateWords.Months + @")\.?,?\s?['’]\d\d\b",
        RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture);

    static IEnumerable<string> RandomLines()
    {
        string[] pieces =
        [
            "2019", "1999", "2101", "１９８９", "２０２５", "19", "20", "'19", "’25", "`19", "Mar", "MARCH", "sept", "Sept.", "dec",
            "25", "9,", "3rd", "21st", "de\u212A", "\u017Fept", "Ma\u0131", "JUNE", "Jun24’25", "Home", "News", "About", "-", ",",
            ".", "'", "’", "a", "x2019", "2019x", "年", "发布于", "２０２１年",
        ];
        return PrefilterInputs.Random(pieces, seed: 59, count: 30000, maxPieces: 6);
    }

    [Theory]
    [InlineData("")]
    [InlineData("tr-TR")]
    public void The_three_patterns_answer_as_the_one_they_replace(string culture) => PrefilterInputs.InCulture(culture, () =>
    {
        int years = 0, none = 0, apostrophes = 0;
        foreach (var line in PrefilterInputs.CorpusLines().Concat(RandomLines()))
        {
            var expected = Reference.IsMatch(line);
            Assert.True(Chrome.HoldsYear(line) == expected, $"reference {expected} on \"{line}\"");
            if (expected) years++; else none++;
            if (expected && !Regex.IsMatch(line, @"(19|20|１９|２０)\d\d")) apostrophes++;
        }
        Assert.True(years > 1000 && none > 1000 && apostrophes > 100, $"too few lines of one kind ({years} with a year, {apostrophes} by apostrophe only, {none} without)");
    });

    [Theory]
    [InlineData("25 Mar '19", true)]
    [InlineData("Sept 9, ’19", true)]
    [InlineData("３月５日, ２０１９", true)]
    [InlineData("Home | News | About", false)]
    [InlineData("Rock 'n' roll in '19", false)] // an apostrophe year needs a month beside it
    public void Years_are_found_as_before(string line, bool year) => Assert.Equal(year, Chrome.HoldsYear(line));
}
