using AskShift.Cluster;

namespace AskShift.Tests.Cluster;

public class WordNgramsTests
{
    [Fact]
    public void Stop_words_go_before_the_bigrams_are_formed_so_a_bigram_spans_them()
    {
        var (model, _) = WordNgrams.Fit(["Release of Ilham Tohti", "end the detention of lawyers"], 2, removeStopWords: true);
        foreach (var gram in new[] { "release", "ilham", "tohti", "release ilham", "ilham tohti", "end detention", "detention lawyers" })
            Assert.True(model.IdOf(gram) >= 0, gram);
        foreach (var gram in new[] { "of", "the", "release of", "of ilham", "end the" })
            Assert.Equal(-1, model.IdOf(gram));
        var (kept, _) = WordNgrams.Fit(["Release of Ilham Tohti"], 2, removeStopWords: false);
        Assert.True(kept.IdOf("release of") >= 0);
    }

    [Fact]
    public void Chinese_characters_are_words_so_word_bigrams_are_character_bigrams()
    {
        var (model, _) = WordNgrams.Fit(["释放人权律师", "释放维权人士"], 2, removeStopWords: true);
        Assert.True(model.IdOf("释") >= 0);
        Assert.True(model.IdOf("人 权") >= 0);
        Assert.True(model.IdOf("维 权") >= 0);
        Assert.Equal(-1, model.IdOf("人权"));
    }

    [Fact]
    public void Longer_n_grams_include_every_shorter_length_and_the_words_are_the_shared_tokenizers()
    {
        // The shared tokenizer keeps "U.S." and hyphenated words whole and drops a possessive 's.
        var (model, _) = WordNgrams.Fit(["the U.S. government's anti-torture pledge"], 3, removeStopWords: true);
        foreach (var gram in new[] { "u.s", "government", "anti-torture", "pledge", "u.s government", "u.s government anti-torture" })
            Assert.True(model.IdOf(gram) >= 0, gram);
        Assert.Equal(-1, model.IdOf("government's"));
    }

    [Fact]
    public void Vectors_are_tf_idf_of_the_grams_unit_length_and_a_fitted_text_transforms_to_its_own_vector()
    {
        string[] texts = ["release lawyers release", "release activists", "sanction officials"];
        var (model, vectors) = WordNgrams.Fit(texts, 2, removeStopWords: true);
        // "release lawyers release": release (tf 2, df 2), lawyers (1, 1), "release lawyers" (1, 1), "lawyers release" (1, 1).
        double release = 2 * Math.Log(3.0 / 2), one = Math.Log(3.0);
        var norm = Math.Sqrt(release * release + 3 * one * one);
        var values = vectors[0].Indices.Zip(vectors[0].Values).ToDictionary(p => p.First, p => (double)p.Second);
        Assert.Equal(4, values.Count);
        Assert.Equal(release / norm, values[model.IdOf("release")], 6);
        Assert.Equal(one / norm, values[model.IdOf("lawyers release")], 6);
        var again = model.Transform(texts);
        for (int i = 0; i < texts.Length; i++) Assert.Equal(vectors[i].Values, again[i].Values);
        Assert.Empty(model.Transform(["nothing seen here"])[0].Indices);
    }

    [Fact]
    public void The_featuriser_can_still_make_its_word_block_with_ML_NET_to_reproduce_earlier_clusterings()
    {
        var texts = new[] { "release Ilham Tohti", "sanction officials responsible for abuses", "release detained lawyers", "press for access to Tibet" };
        var own = AskFeaturizer.Fit(texts, new FeaturizerOptions { UseCharNgrams = false });
        var ml = AskFeaturizer.Fit(texts, new FeaturizerOptions { UseCharNgrams = false, WordBlock = WordBlock.MLNet });
        Assert.Null(own.Model);
        Assert.NotNull(ml.Model);
        // Same words once stop words are gone ("for", "to" in both lists), so the same number of 1-2 grams.
        Assert.Equal(ml.Dimension, own.Dimension);
        Assert.All(own.Vectors.Concat(ml.Vectors), v => Assert.Equal(1.0, Math.Sqrt(v.SquaredNorm()), 5));
        Assert.Equal(own.Vectors[0].Indices.Length, ml.Vectors[0].Indices.Length);
    }
}
