using AskShift.Metadata;

namespace AskShift.Tests.Metadata;

/// <summary>
/// The metadata stage runs its authorship and case cue patterns only on sentences that hold one of the words each needs
/// (issue 13). The check must answer as the pattern does on every sentence of the seeds and corpora and on random
/// sentences built from the cue words, near-misses and the characters a case-insensitive pattern takes for ASCII letters,
/// in the invariant culture and in Turkish.
/// </summary>
public class CuePrefilterTests
{
    static IEnumerable<string> RandomSentences()
    {
        string[] pieces =
        [
            "co-authored", "coauthored", "Authored", "written by", "WRITTEN\nBY", "launches", "launch", "Presented", "presents",
            "published", "PUBLISH", "issued", "statement by", "letter from", "Letter", "detained", "detention", "imprisonment",
            "prisoners", "jailed", "arrested", "disappeared", "release of", "releases", "cases", "case", "Sentenced",
            "persecution", "in custody", "custodial", "de\u212Aained", "\u0130mprisoned", "\u017Fentenced", "ca\u017Fe", "pr\u0131soner",
            "Ilham", "Tohti", "the", "group", "said", ",", ".", "writ", "ten", "pre", "sent", "arrest", "jail", "\u00a0",
        ];
        return PrefilterInputs.Random(pieces, seed: 41, count: 30000, maxPieces: 9);
    }

    [Theory]
    [InlineData("")]
    [InlineData("tr-TR")]
    public void Each_check_answers_as_its_pattern(string culture) => PrefilterInputs.InCulture(culture, () =>
    {
        int authorship = 0, cases = 0, sentences = 0;
        var corpus = PrefilterInputs.CorpusTexts().SelectMany(MetadataExtractor.SplitSentences);
        foreach (var s in corpus.Concat(RandomSentences()))
        {
            var a = MetadataExtractor.AuthorshipCueRx().IsMatch(s);
            var c = MetadataExtractor.CaseCueRx().IsMatch(s);
            Assert.True(MetadataExtractor.HoldsAuthorshipCue(s) == a, $"authorship cue: pattern {a} on \"{s}\"");
            Assert.True(MetadataExtractor.HoldsCaseCue(s) == c, $"case cue: pattern {c} on \"{s}\"");
            if (a) authorship++;
            if (c) cases++;
            sentences++;
        }
        Assert.True(authorship > 1000 && cases > 1000 && sentences - Math.Max(authorship, cases) > 1000,
            $"too few sentences of one kind ({authorship} authorship, {cases} case cues of {sentences})");
    });
}
