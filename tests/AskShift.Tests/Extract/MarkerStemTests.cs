using AskShift.Extract;
using AskShift.Text;

namespace AskShift.Tests.Extract;

/// <summary>
/// Sentence rules skip a sentence that holds none of the marker stems; that is only safe if no marker pattern can match
/// such a sentence. Checked on every sentence of the annotated corpora and on random sentences built from marker words,
/// near-misses and the characters a case-insensitive pattern treats as ASCII letters. Each pattern is also run only on
/// sentences holding one of its own words, which is checked the same way.
/// </summary>
public class MarkerStemTests
{
    static IEnumerable<string> RandomSentences()
    {
        string[] pieces =
        [
            "We", "URGE", "the", "administration", "to", "act", "Congress", "should", "MUST", "needs", "to", "it is", "time",
            "for", "the US", "calls", "on", "asks", "These", "include", "recommendations", "were", "to", "focus", "on",
            "Washington", "pressing", "demands:", "a", "boycott", "Ought", "imperative", "that", "as\u212A", "\u017Fhould",
            "\u0130mportant", "li\u212Ae", "would", "like", "you", "Yesterday", "the", "report", "said", ",", ".", ";",
        ];
        return PrefilterInputs.Random(pieces, seed: 19, count: 20000, maxPieces: 13);
    }

    [Fact]
    public void No_marker_pattern_matches_a_sentence_without_a_marker_stem()
    {
        var skipped = 0;
        foreach (var sentence in PrefilterInputs.CorpusSentences().Concat(RandomSentences()))
        {
            if (SentenceRules.MayHoldMarker(sentence)) continue;
            skipped++;
            foreach (var (pattern, _) in SentenceRules.MarkerPatterns)
                Assert.False(pattern.IsMatch(sentence), $"{pattern} matches \"{sentence}\", which has no marker stem");
        }
        Assert.True(skipped > 1000, "the check saw too few sentences without a stem to mean anything");
    }

    [Fact]
    public void No_marker_pattern_matches_a_sentence_without_one_of_its_own_words()
    {
        var ruledOut = new int[SentenceRules.MarkerPatterns.Count];
        var matched = new int[ruledOut.Length];
        foreach (var sentence in PrefilterInputs.CorpusSentences().Concat(RandomSentences()))
            for (var i = 0; i < ruledOut.Length; i++)
            {
                var (pattern, needs) = SentenceRules.MarkerPatterns[i];
                if (pattern.IsMatch(sentence)) matched[i]++;
                if (IgnoreCasePrefilter.MayMatch(sentence, needs)) continue;
                ruledOut[i]++;
                Assert.False(pattern.IsMatch(sentence), $"{pattern} matches \"{sentence}\", which has none of its words");
            }
        for (var i = 0; i < ruledOut.Length; i++)
            Assert.True(ruledOut[i] > 1000 && matched[i] > 0, $"{SentenceRules.MarkerPatterns[i].Pattern}: {ruledOut[i]} sentences ruled out, {matched[i]} matched");
    }
}
