using AskShift.Text;

namespace AskShift.Cluster;

/// <summary>
/// Word n-grams of 1 to <c>max</c> words, the word block of <see cref="AskFeaturizer"/>: the shared tokenizer's tokens
/// (<see cref="Tokens.Tokenize"/>: lower-cased words, every Chinese character a word, so word bigrams of Chinese text
/// are character bigrams), stop words (<see cref="Tokens.StopWords"/>) removed before the n-grams are formed, as
/// ML.NET's FeaturizeText does, so "release of Ilham Tohti" gives the bigram "release ilham". Written here rather than
/// taken from ML.NET because its pipeline (normalise, tokenize, stop words, keys, n-grams, TF-IDF, norm) cost about
/// 1.1 s of a 3.7 s clustering of 10,000 asks, most of it per-row overhead, where one pass over the tokens is a fraction
/// of that; and so that a word here is the same word as in cluster labels, keyness and wording changes.
/// </summary>
internal sealed class WordNgrams(int max, bool removeStopWords) : GramSource
{
    /// <summary>Fits a TF-IDF block of 1- to <paramref name="max"/>-word n-grams.</summary>
    public static (NgramTfidf Model, SparseVector[] Vectors) Fit(IReadOnlyList<string> texts, int max, bool removeStopWords) =>
        NgramTfidf.Fit(texts, new WordNgrams(max, removeStopWords));

    public override void Emit(string text, IGramSink sink)
    {
        var words = new List<string>();
        foreach (var t in Tokens.Tokenize(text))
            if (t.Text.Length > 0 && !(removeStopWords && (Tokens.StopWords.Contains(t.Text)))) words.Add(t.Text);
        Span<char> small = stackalloc char[128];
        for (int i = 0; i < words.Count; i++)
        {
            sink.Add(words[i]);
            int length = words[i].Length;
            for (int n = 2; n <= max && i + n <= words.Count; n++)
            {
                length += 1 + words[i + n - 1].Length;
                var buffer = length <= small.Length ? small : new char[length];
                int at = 0;
                for (int j = i; j < i + n; j++)
                {
                    if (j > i) buffer[at++] = ' ';
                    words[j].AsSpan().CopyTo(buffer[at..]);
                    at += words[j].Length;
                }
                sink.Add(buffer[..at]);
            }
        }
    }
}
