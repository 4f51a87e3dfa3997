using System.Text.RegularExpressions;
using AskShift.Text;

namespace AskShift.Tests.Text;

/// <summary>
/// Whether a text addresses a US official (so its "you" is the US government) is read with two patterns where there was
/// one alternation: salutation lines, and a letter said to be sent to a US office. The split must give the same answer
/// as the single pattern built from both halves, on every document of the seeds and the annotated corpora and on
/// generated texts that put salutations, foreign leaders and "letter to" phrases side by side, across line breaks.
/// </summary>
public class SalutationSplitTests
{
    static readonly Regex Single = new(Vocabulary.SalutationLineRx() + "|" + Vocabulary.LetterToUsRx(), RegexOptions.Multiline);

    static bool Reference(string text) =>
        Single.Matches(text).Any(m => !Vocabulary.ForeignPersonRx().IsMatch(m.Value)) || Vocabulary.LetterToUsOfficialRx().IsMatch(text);

    static IEnumerable<string> GeneratedTexts()
    {
        string[] pieces =
        [
            "Dear", "Mr.", "Madam", "President", "Vice President", "Secretary", "Senator", "Senators", "Members", "Xi", "Jinping",
            "Xi Jinping", "Premier", "Lee", "Obama", "Trump", "Biden", "Blinken", ",", ", as you", ", we", "To:", "The Honorable",
            "letter", "Letter", "X-letter", "appeal", "petition", "email", "to", "To", "U.S.", "US", "Congress", "your",
            "Representatives", "sent", "the", "\n", "\n", "\n\n", " \t", "\r\n", "Ambassador", "Speaker", "Smith-Jones", "we",
            "\nDear Secretary", "\nPresident Trump,\n", "\nSenator Lee,\n", "\nPresident Xi Jinping,\n", "letter to President",
            "appeal to US Senators", "\nTo: The Honorable", "\nMr. President, as you", "petition to\nCongress", "\nPremier Li,\n",
        ];
        return PrefilterInputs.Random(pieces, seed: 31, count: 20000, maxPieces: 15);
    }

    [Fact]
    public void The_split_patterns_answer_as_the_single_pattern_did()
    {
        int yes = 0, no = 0;
        foreach (var text in PrefilterInputs.CorpusTexts().Concat(GeneratedTexts()))
        {
            var expected = Reference(text);
            Assert.True(Vocabulary.AddressesUsOfficial(text) == expected, $"expected {expected} for \"{text}\"");
            if (expected) yes++; else no++;
        }
        Assert.True(yes > 1000 && no > 1000, $"too few texts of one kind to mean anything ({yes} address a US official, {no} do not)");
    }

    [Theory]
    [InlineData("President Xi Jinping,\nWe write about the letter to Congress.", true)] // the second half alone decides
    [InlineData("President Xi Jinping,\nWe write to you.", false)] // a foreign leader's salutation
    [InlineData("Our appeal\nto President Biden", true)] // "letter to" across a line break
    [InlineData("Senator Smith-Jones,\nthank you", true)]
    public void Salutations_and_letters_to_US_officials(string text, bool addressed) => Assert.Equal(addressed, Vocabulary.AddressesUsOfficial(text));
}
