using AskShift.Normalise;

namespace AskShift.Tests.Normalise;

/// <summary>
/// The chrome check runs its appeal pattern (built from a data file) only on lines that hold one of the phrases. That is
/// only safe if the pattern never matches a line the search rules out: checked on every line of the seeds and the
/// annotated corpora and on random lines built from the phrases, near-misses and the characters a case-insensitive
/// pattern takes for ASCII letters, in the invariant culture and in Turkish (where I and i case differently).
/// </summary>
public class AppealPrefilterTests
{
    static IEnumerable<string> RandomLines()
    {
        string[] pieces =
        [
            "Donate", "DONATION", "donat", "tax", "deductible", "tax-deductible", "your", "gift", "can", "will", "support",
            "Contact", "us", "contact-us", "sign", "up", "for", "Subscribe", "to", "newsletters", "cookie", "Cookies", "cook",
            "privacy", "policy", "all", "rights", "reserved", "follow", "on", "we", "help", "do", "not", "necessarily",
            "represent", "reflect", "coo\u212Aie", "\u017Fubscribe", "pr\u0130vacy", "pr\u0131vacy", "S\u0130GN", "xdonate",
            "donatex", "_donate", "-", ",", ".", "“", "\u00a0",
        ];
        return PrefilterInputs.Random(pieces, seed: 23, count: 30000, maxPieces: 9);
    }

    [Theory]
    [InlineData("")]
    [InlineData("tr-TR")]
    public void The_search_rules_out_only_lines_the_appeal_pattern_does_not_match(string culture) => PrefilterInputs.InCulture(culture, () =>
    {
        int ruledOut = 0, matched = 0;
        foreach (var line in PrefilterInputs.CorpusLines().Concat(RandomLines()))
        {
            var full = Chrome.AppealPattern.IsMatch(line);
            Assert.True(Chrome.HoldsAppeal(line) == full, $"pattern {full} on \"{line}\"");
            if (full) matched++; else ruledOut++;
        }
        Assert.True(matched > 1000 && ruledOut > 1000, $"too few lines of one kind to mean anything ({matched} matched, {ruledOut} not)");
    });

    [Theory]
    [InlineData("Please DONATE today", true)]
    [InlineData("Read our privacy policy.", true)]
    [InlineData("coo\u212Aies help us", true)] // the Kelvin sign is a k to a case-insensitive pattern
    [InlineData("The groups urged Congress to act.", false)]
    [InlineData("xdonate", false)] // the phrase inside a longer word
    public void Appeal_lines_are_found_as_before(string line, bool appeal) => Assert.Equal(appeal, Chrome.HoldsAppeal(line));
}
