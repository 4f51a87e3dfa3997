using AskShift.Extract;
using AskShift.Text;

namespace AskShift.Tests.Extract;

/// <summary>
/// Sentence rules skip a sentence that holds none of the marker stems; that is only safe if no marker pattern can match
/// such a sentence. Checked on every sentence of the annotated corpora and on random sentences built from marker words,
/// near-misses and the characters a case-insensitive pattern treats as ASCII letters.
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
            foreach (var pattern in SentenceRules.MarkerPatterns)
                Assert.False(pattern.IsMatch(sentence), $"{pattern} matches \"{sentence}\", which has no marker stem");
        }
        Assert.True(skipped > 1000, "the check saw too few sentences without a stem to mean anything");
    }
}
