using System.Text.RegularExpressions;
using AskShift.Metadata;
using CsCheck;

namespace AskShift.Tests.Metadata;

/// <summary>
/// Organisations named as the subject of "calls on", "urged", "published" ... are looked for only in the runs between
/// punctuation that hold one of those verbs (issue 13). The matches must be those the pattern finds over the whole text:
/// same places, same names, same order.
/// </summary>
public class OrgSubjectTests
{
    static readonly string[] Tokens =
    [
        "Human", "Rights", "Watch", "Amnesty", "International", "of", "for", "in", "on", "Without", "Borders", "urges", "urged",
        "is urging", "calls on", "called\non", "is calling on", "recommends", "recommended", "launched", "released", "published",
        "presents", "Published", "URGED", "the", "US", "AT&T", "Hong-Kong", "Uyghur_Project", "Ünited", "Émigrés", "2021",
        ".", ",", ";", "—", "-", "&", "(", ")", "“", "”", "’s", "\n", "\u00a0", "\t", "Co\u200Dalition", "Coalition", "said", "and",
    ];

    static readonly Gen<string> Texts = Gen.OneOf(Tokens.Select(Gen.Const).ToArray()).Array[0, 24]
        .Select(parts => string.Join(Gen.Int[0, 3].Single() == 0 ? "" : " ", parts));

    static void Same(string text)
    {
        var single = MetadataExtractor.OrgSubjectRx().Matches(text).Select(m => (m.Index, m.Value, Org: m.Groups["org"].Value)).ToList();
        var runs = MetadataExtractor.OrgSubjects(text).Select(m => (m.Index, m.Value, Org: m.Groups["org"].Value)).ToList();
        Assert.True(single.SequenceEqual(runs), $"'{text}': [{string.Join("; ", single)}] vs [{string.Join("; ", runs)}]");
    }

    [Fact]
    public void Run_by_run_matching_finds_what_the_pattern_finds_in_generated_text() => Texts.Sample(Same, iter: 30_000);

    [Fact]
    public void Run_by_run_matching_finds_what_the_pattern_finds_in_every_document_of_the_seeds_and_corpora()
    {
        var matched = 0;
        foreach (var text in PrefilterInputs.CorpusTexts())
        {
            Same(text);
            matched += MetadataExtractor.OrgSubjectRx().Count(text);
        }
        Assert.True(matched > 20, $"only {matched} matches in the corpora: the comparison means little");
    }

    [Theory]
    [InlineData("Human Rights Watch urged Congress. Amnesty International published a report.", 2)]
    [InlineData("Human Rights Watch, in a letter, urged Congress.", 0)] // the comma ends the run before the verb
    [InlineData("Human Rights Watch urged", 1)]                          // the verb at the end of the text
    public void Organisations_before_their_verbs(string text, int count) => Assert.Equal(count, MetadataExtractor.OrgSubjects(text).Count());
}
