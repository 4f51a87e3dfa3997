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
            "appealed", "turned", "for", "help", "asked Washington for", "pressed the US for", "urge Congress for", "HELP", "support", "assistance", "action", "protection", "intervention",
            "urgent", "\u017Fupport", "\u0130ntervention", "he\u212Ap", "Beijing", "China's", "Chinese", "foreign", "ministry",
            "spokesperson", "of", "Xi", "PRC", "CCP", "Commerce", "Ministry", "—", "(", ")",
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

    [Theory]
    [InlineData("")]
    [InlineData("tr-TR")]
    public void No_pattern_matches_a_sentence_without_one_of_its_second_words(string culture) => PrefilterInputs.InCulture(culture, () =>
    {
        foreach (var (pattern, needs) in SentenceRules.AlsoNeeded)
        {
            int ruledOut = 0, matched = 0;
            foreach (var sentence in PrefilterInputs.CorpusSentences().Concat(RandomSentences()))
            {
                var match = pattern.IsMatch(sentence);
                if (match) matched++;
                if (IgnoreCasePrefilter.MayMatch(sentence, needs)) continue;
                ruledOut++;
                Assert.False(match, $"{pattern} matches \"{sentence}\", which has none of its second words");
            }
            Assert.True(ruledOut > 1000 && matched > 20, $"{pattern}: {ruledOut} sentences ruled out, {matched} matched");
        }
    });

    /// <summary>
    /// Whether the Chinese state is the subject before a request is decided without building the subject when the
    /// characters it is built from name none of the Chinese state's words; the answer must be the same at every word of
    /// every sentence.
    /// </summary>
    [Fact]
    public void The_Chinese_state_subject_check_answers_as_the_pattern_on_the_built_subject()
    {
        int chinese = 0, positions = 0;
        foreach (var sentence in PrefilterInputs.CorpusSentences().Concat(RandomSentences()))
            for (var at = 0; at <= sentence.Length; at++)
            {
                if (at > 0 && at < sentence.Length && !char.IsWhiteSpace(sentence[at - 1])) continue;
                var expected = SentenceRules.ChineseStateSubjectRx().IsMatch(SentenceRules.SubjectBefore(sentence, at));
                Assert.True(SentenceRules.ChineseStateSubjectBefore(sentence, at) == expected, $"pattern {expected} at {at} of \"{sentence}\"");
                if (expected) chinese++;
                positions++;
            }
        Assert.True(chinese > 1000 && positions - chinese > 10000, $"too few positions of one kind ({chinese} of {positions} with the Chinese state as subject)");
    }
}
