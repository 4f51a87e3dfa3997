using AskShift.Text;

namespace AskShift.Tests.Text;

/// <summary>
/// The hashed word sets restatement checks use, held to the plain definition they replaced: a set of strings built from
/// <see cref="Tokens.Tokenize"/> (stop words and ask filler out, crude stem, Chinese character pairs), compared by the
/// share of the smaller set found in the other.
/// </summary>
public class WordSetTests
{
    static HashSet<string> Reference(string text)
    {
        var tokens = Tokens.Tokenize(text);
        var words = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            var w = tokens[i].Text;
            if (Tokens.IsCjk(w[0]))
            {
                if (i + 1 < tokens.Count && tokens[i + 1].Start == tokens[i].End && Tokens.IsCjk(tokens[i + 1].Text[0])) words.Add(w + tokens[i + 1].Text);
                else if (i == 0 || tokens[i - 1].End != tokens[i].Start || !Tokens.IsCjk(tokens[i - 1].Text[0])) words.Add(w);
                continue;
            }
            if (w.Length > 2 && !Tokens.StopWords.Contains(w) && !Vocabulary.IsAskFiller(w))
            {
                foreach (var suffix in new[] { "ing", "ed", "es", "s" })
                    if (w.EndsWith(suffix, StringComparison.Ordinal) && w.Length - suffix.Length >= 4) { w = w[..^suffix.Length]; break; }
                words.Add(w);
            }
        }
        return words;
    }

    static double ReferenceOverlap(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        return small.Count(large.Contains) / (double)small.Count;
    }

    static readonly string[] Pieces =
    [
        "sanctions", "sanction", "officials", "official", "release", "released", "releasing", "urge", "government", "the",
        "China's", "U.S.", "u.s", "don't", "anti-torture", "co-op", "Xinjiang", "XINJIANG", "rights", "pressing", "press",
        "café", "cafe\u0301", "İstanbul", "Ωmega", "ǅemal", "中", "国", "人", "權", "制", "裁", "’s", "'s", "-", ".", ",", " ",
        "  ", "\n", "1989", "S.65", "it’s", "ing", "eds", "mess", "goes", "uses",
    ];

    static IEnumerable<string> Texts(int seed, int count)
    {
        var rng = new Random(seed);
        yield return "";
        yield return "   ";
        yield return "中国人權";
        yield return "The U.S. government should sanction officials responsible for abuses in Xinjiang.";
        for (var n = 0; n < count; n++)
        {
            var parts = Enumerable.Range(0, rng.Next(0, 14)).Select(_ => Pieces[rng.Next(Pieces.Length)]);
            yield return rng.Next(3) == 0 ? string.Concat(parts) : string.Join(' ', parts);
        }
    }

    [Fact]
    public void Counts_the_distinct_words_the_string_definition_finds()
    {
        foreach (var text in Texts(5, 3000))
            Assert.True(Reference(text).Count == WordSet.Of(text).Count, $"count differs for \"{text}\"");
    }

    [Fact]
    public void Overlap_equals_the_string_definition_on_random_pairs()
    {
        var texts = Texts(11, 600).ToList();
        var rng = new Random(3);
        for (var n = 0; n < 4000; n++)
        {
            var a = texts[rng.Next(texts.Count)];
            var b = rng.Next(4) == 0 ? a + " press" : texts[rng.Next(texts.Count)];
            Assert.True(ReferenceOverlap(Reference(a), Reference(b)) == WordSet.Overlap(WordSet.Of(a), WordSet.Of(b)), $"overlap differs for \"{a}\" and \"{b}\"");
        }
    }

    [Fact]
    public void A_restated_ask_overlaps_fully_and_a_different_one_little()
    {
        var ask = WordSet.Of("The U.S. should impose sanctions on the officials responsible for the camps");
        Assert.Equal(1.0, WordSet.Overlap(ask, WordSet.Of("Impose sanctions on officials responsible for camps")));
        Assert.True(WordSet.Overlap(ask, WordSet.Of("Raise the case of Ilham Tohti at every meeting")) < 0.2);
        Assert.Equal(0, WordSet.Overlap(ask, WordSet.Of("the of and")));
    }
}
