using AskShift.Cluster;

namespace AskShift.Tests.Cluster;

public class CharNgramsTests
{
    [Fact]
    public void Text_is_lower_cased_without_diacritics_or_punctuation_between_markers()
    {
        Assert.Equal("\u0002free ilham tohti now 2014\u0003", CharNgrams.Normalise("Free Ilham Tohti — now! (2014)").Replace("  ", " "));
        Assert.Equal("\u0002cafe\u0003", CharNgrams.Normalise("Café"));
        Assert.Equal("\u0002释放人权律师\u0003", CharNgrams.Normalise("释放人权律师。"));
    }

    [Fact]
    public void Each_character_is_normalised_as_decomposing_the_whole_text_would_normalise_it()
    {
        // The plain way: the whole text to Unicode form D, marks, punctuation and symbols dropped, spaces kept, lower case.
        static string Plain(string text)
        {
            var sb = new System.Text.StringBuilder("\u0002");
            foreach (var ch in text.Normalize(System.Text.NormalizationForm.FormD))
            {
                var cat = System.Globalization.CharUnicodeInfo.GetUnicodeCategory(ch);
                if (cat is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark
                    or System.Globalization.UnicodeCategory.EnclosingMark) continue;
                if (char.IsPunctuation(ch) || char.IsSymbol(ch)) continue;
                sb.Append(char.IsWhiteSpace(ch) ? ' ' : char.ToLowerInvariant(ch));
            }
            return sb.Append('\u0003').ToString();
        }
        string[] texts =
        [
            "Release “Ilham Tohti” — now!", "Détention arbitraire à Lhassa, Ürümqi; Ñandú", "ÅNGSTRÖM Ω ℃ ½ ① ﬁ",
            "释放人权律师。", "釋放維權人士：「立即」", "豈 更 車 (compatibility ideographs)", "인권 변호사 석방", "Ελευθερία ΆΈΉ",
            "Свобода й Ё", "tab\there\u00A0nbsp\u2003em", "e\u0301 a\u0308\u0323 combining", "", "plain ascii 2024 U.S.",
        ];
        foreach (var t in texts) Assert.Equal(Plain(t), CharNgrams.Normalise(t));
        // An unpaired surrogate, which whole-text normalisation refuses, is kept as it is.
        Assert.Equal("\u0002a\uD800b\u0003", CharNgrams.Normalise("a\uD800b"));
    }

    [Fact]
    public void Shared_grams_carry_no_weight_and_rows_are_unit_length()
    {
        var (model, vectors) = CharNgrams.Fit(["release them", "release him", "sanction them"], 3, 3);
        Assert.All(vectors, v => Assert.Equal(1.0, Math.Sqrt(v.SquaredNorm()), 5));
        // A gram in every text has idf log(1) = 0: a text made only of such grams is left empty.
        var (_, same) = CharNgrams.Fit(["abc", "abc", "abc d"], 3, 3);
        Assert.Contains(same[0].Indices, _ => true); // "bc\u0003" ends only the first two
        var (_, all) = CharNgrams.Fit(["abc", "abc", "abc"], 3, 3);
        Assert.All(all, v => Assert.Empty(v.Indices));
        Assert.True(model.Dimension > 10);
    }

    [Fact]
    public void Transform_of_a_fitted_text_is_its_fitted_vector_and_unseen_grams_are_ignored()
    {
        var texts = new[] { "end forced labour in Xinjiang", "raise the cases of detained lawyers", "impose targeted sanctions" };
        var (model, vectors) = CharNgrams.Fit(texts, 3, 5);
        var again = model.Transform(texts);
        for (int i = 0; i < texts.Length; i++)
        {
            Assert.Equal(vectors[i].Indices, again[i].Indices);
            Assert.Equal(vectors[i].Values, again[i].Values);
        }
        Assert.Empty(model.Transform(["zzzz qqqq"])[0].Indices);
    }

    [Fact]
    public void Featuriser_joins_word_and_char_blocks_into_unit_rows_and_projects_seed_terms_alike()
    {
        var texts = new[] { "release Ilham Tohti", "sanction officials responsible for abuses", "release detained lawyers", "press for access to Tibet" };
        var f = AskFeaturizer.Fit(texts);
        Assert.All(f.Vectors, v => Assert.Equal(1.0, Math.Sqrt(v.SquaredNorm()), 5));
        Assert.All(f.Vectors, v => Assert.True(v.Indices.SequenceEqual(v.Indices.Order())));
        var projected = f.Transform(texts);
        for (int i = 0; i < texts.Length; i++) Assert.Equal(f.Vectors[i].Indices, projected[i].Indices);
        var words = AskFeaturizer.Fit(texts, new FeaturizerOptions { UseCharNgrams = false });
        Assert.True(f.Dimension > words.Dimension);
    }

    [Fact]
    public void Counting_in_parallel_blocks_gives_the_ids_and_weights_of_one_pass_in_order()
    {
        // More texts than one block holds, so grams first seen in a later block must come after every earlier one.
        var rng = new Random(9);
        string[] words = ["release", "sanction", "Tibet", "Uyghur", "lawyers", "détention", "释放", "人权", "press", "visa", "bans", "Hong Kong"];
        var texts = Enumerable.Range(0, 5000).Select(_ => string.Join(' ', Enumerable.Range(0, rng.Next(1, 7)).Select(_ => words[rng.Next(words.Length)] + rng.Next(40)))).ToList();
        var (model, vectors) = CharNgrams.Fit(texts, 3, 5);

        // The plain way: one vocabulary, ids in the order grams are first seen, tf-idf, unit length.
        var vocabulary = new Dictionary<string, int>();
        var counts = new List<Dictionary<int, int>>();
        foreach (var t in texts)
        {
            var s = CharNgrams.Normalise(t);
            var c = new Dictionary<int, int>();
            for (int n = 3; n <= 5; n++)
                for (int i = 0; i + n <= s.Length; i++)
                {
                    if (!vocabulary.TryGetValue(s.Substring(i, n), out var id)) vocabulary[s.Substring(i, n)] = id = vocabulary.Count;
                    c[id] = c.GetValueOrDefault(id) + 1;
                }
            counts.Add(c);
        }
        var df = new int[vocabulary.Count];
        foreach (var c in counts) foreach (var id in c.Keys) df[id]++;
        Assert.Equal(vocabulary.Count, model.Dimension);
        for (int d = 0; d < texts.Count; d++)
        {
            var kept = counts[d].Where(kv => df[kv.Key] < texts.Count).OrderBy(kv => kv.Key).ToList();
            var raw = kept.Select(kv => kv.Value * Math.Log((double)texts.Count / df[kv.Key])).ToList();
            var norm = Math.Sqrt(raw.Sum(x => x * x));
            Assert.Equal(kept.Select(kv => kv.Key), vectors[d].Indices);
            for (int j = 0; j < raw.Count; j++) Assert.InRange(Math.Abs(raw[j] / norm - vectors[d].Values[j]), 0, 1e-6);
        }
    }
}
