using System.Text.RegularExpressions;
using AskShift.Text;

namespace AskShift.Tests.Text;

/// <summary>
/// The word list is held as 64-bit hashes in one array (issue 13). It must answer as a plain set of the list's strings
/// does: for every word of the list, in any case, and for every word of the seeds and corpora and of random letter
/// runs (glued pairs among them), in the invariant culture and in Turkish, whose dotted and dotless i must not change
/// what an ASCII word looks up.
/// </summary>
public class LexiconTests
{
    static readonly string[] List = File.ReadAllLines(Path.Combine(RepoPaths.Root, "lib", "AskShift", "Text", "data", "english-words.txt"))
        .Where(l => l.Length > 0).ToArray();

    static readonly HashSet<string> Reference = new(List, StringComparer.Ordinal);

    static IEnumerable<string> Words() =>
        PrefilterInputs.CorpusTexts().SelectMany(t => Regex.Matches(t, @"\p{L}+").Select(m => m.Value))
            .Concat(PrefilterInputs.Random(["the", "free", "dom", "human", "rights", "China", "q", "x", "Liu", "Xiaobo", "İ", "ı", "É", "ß"], seed: 61, count: 20000, maxPieces: 4)
                .Select(s => s.Replace(" ", "")));

    [Fact]
    public void Every_word_of_the_list_is_known_in_any_case()
    {
        Assert.Equal(Reference.Count, Lexicon.Count);
        foreach (var w in List)
        {
            Assert.True(Lexicon.Contains(w), w);
            var upper = w.ToUpperInvariant();
            if (upper.ToLowerInvariant() == w) Assert.True(Lexicon.Contains(upper.AsSpan()), upper);
            Assert.True(Lexicon.ContainsLower(w), w);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("tr-TR")]
    public void It_answers_as_a_set_of_the_list_does(string culture) => PrefilterInputs.InCulture(culture, () =>
    {
        int known = 0, unknown = 0;
        foreach (var w in Words())
        {
            var expected = Reference.Contains(w.ToLowerInvariant());
            Assert.True(Lexicon.Contains(w.AsSpan()) == expected, $"reference {expected} on \"{w}\"");
            Assert.True(Lexicon.Contains(w) == expected, $"reference {expected} on \"{w}\" (string)");
            if (expected) known++; else unknown++;
        }
        Assert.True(known > 10000 && unknown > 10000, $"too few words of one kind ({known} known, {unknown} not)");
    });

    [Theory]
    [InlineData("freedom", true)]
    [InlineData("Freedom", true)]
    [InlineData("thefreedom", false)]
    [InlineData("Chinesegovernment", false)]
    [InlineData("", false)]
    [InlineData("freedomfreedomfreedomfreedomfreedomfreedomfreedomfreedomfreedomfreedom", false)] // over 64 characters: lower-cased as a string
    public void Glued_pairs_are_not_words(string word, bool known) => Assert.Equal(known, Lexicon.Contains(word));

    [Fact]
    public void A_hash_of_zero_is_held_like_any_other()
    {
        var table = new Lexicon.HashTable([0UL, 1UL, 42UL, ulong.MaxValue]);
        Assert.True(table.Contains(0) && table.Contains(42) && table.Contains(ulong.MaxValue));
        Assert.False(table.Contains(43));
        // 0 and 1 are stored alike, so the table holds three values.
        Assert.Equal(3, table.Count);
    }
}
