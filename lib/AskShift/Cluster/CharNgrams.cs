using System.Globalization;
using System.Text;

namespace AskShift.Cluster;

/// <summary>
/// TF-IDF character n-grams (lower-cased, diacritics and punctuation removed, with start and end markers), fitted on
/// the asks and applied to any later text. Written here rather than chained from ML.NET's NormalizeText,
/// TokenizeIntoCharactersAsKeys and one ProduceNgrams per length: that chain took about 2.8 s of a 3 s featurisation
/// of 10,000 asks, where one pass over the characters with a span-keyed vocabulary takes a tenth of it.
/// </summary>
internal sealed class CharNgrams
{
    private const char Start = '\u0002', End = '\u0003';
    private readonly Dictionary<string, int> vocabulary;
    private readonly double[] idf;
    private readonly int min, max;

    private CharNgrams(Dictionary<string, int> vocabulary, double[] idf, int min, int max)
    {
        this.vocabulary = vocabulary; this.idf = idf; this.min = min; this.max = max;
    }

    /// <summary>Number of distinct n-grams seen in fitting (the block's dimension).</summary>
    public int Dimension => idf.Length;

    /// <summary>Learns the vocabulary and document frequencies from <paramref name="texts"/>, and featurises them.</summary>
    public static (CharNgrams Model, SparseVector[] Vectors) Fit(IReadOnlyList<string> texts, int min, int max)
    {
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        var df = new List<int>();
        var docs = new (int[] Ids, int[] Counts)[texts.Count];
        var grams = new List<int>(1024);
        for (int d = 0; d < texts.Count; d++)
        {
            grams.Clear();
            var s = Normalise(texts[d]);
            for (int n = min; n <= max; n++)
                for (int i = 0; i + n <= s.Length; i++)
                {
                    var gram = s.AsSpan(i, n);
                    if (!lookup.TryGetValue(gram, out var id))
                    {
                        id = vocabulary.Count;
                        lookup[gram] = id;
                        df.Add(0);
                    }
                    grams.Add(id);
                }
            docs[d] = Count(grams);
            foreach (var id in docs[d].Ids) df[id]++;
        }
        var idf = new double[df.Count];
        for (int j = 0; j < idf.Length; j++) idf[j] = Math.Log((double)texts.Count / df[j]);
        var model = new CharNgrams(vocabulary, idf, min, max);
        var vectors = new SparseVector[docs.Length];
        for (int d = 0; d < docs.Length; d++) vectors[d] = model.Weigh(docs[d].Ids, docs[d].Counts);
        return (model, vectors);
    }

    /// <summary>Featurises new texts in the fitted space; n-grams not seen in fitting are ignored.</summary>
    public SparseVector[] Transform(IEnumerable<string> texts)
    {
        var lookup = vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        var result = new List<SparseVector>();
        var grams = new List<int>();
        foreach (var text in texts)
        {
            grams.Clear();
            var s = Normalise(text);
            for (int n = min; n <= max; n++)
                for (int i = 0; i + n <= s.Length; i++)
                    if (lookup.TryGetValue(s.AsSpan(i, n), out var id)) grams.Add(id);
            var (ids, counts) = Count(grams);
            result.Add(Weigh(ids, counts));
        }
        return result.ToArray();
    }

    /// <summary>The distinct ids of a text's n-grams, in order, with how often each occurs.</summary>
    private static (int[] Ids, int[] Counts) Count(List<int> grams)
    {
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(grams);
        span.Sort();
        int distinct = 0;
        for (int i = 0; i < span.Length; i++) if (i == 0 || span[i] != span[i - 1]) distinct++;
        var ids = new int[distinct]; var counts = new int[distinct];
        for (int i = 0, at = -1; i < span.Length; i++)
        {
            if (i == 0 || span[i] != span[i - 1]) ids[++at] = span[i];
            counts[at]++;
        }
        return (ids, counts);
    }

    /// <summary>tf × idf, L2-normalised (a text with no informative n-gram stays empty).</summary>
    private SparseVector Weigh(int[] ids, int[] counts)
    {
        int kept = 0;
        foreach (var id in ids) if (idf[id] > 0) kept++;
        var keepIds = new int[kept]; var values = new float[kept];
        double norm = 0;
        for (int j = 0, at = 0; j < ids.Length; j++)
        {
            if (idf[ids[j]] <= 0) continue;
            double v = counts[j] * idf[ids[j]];
            keepIds[at] = ids[j]; values[at++] = (float)v; norm += v * v;
        }
        norm = Math.Sqrt(norm);
        if (norm > 0) for (int j = 0; j < values.Length; j++) values[j] = (float)(values[j] / norm);
        return new SparseVector(idf.Length, keepIds, values);
    }

    /// <summary>Lower case, no diacritics, no punctuation or symbols, numbers and spaces kept, between markers.</summary>
    internal static string Normalise(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append(Start);
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark) continue;
            if (char.IsPunctuation(ch) || char.IsSymbol(ch)) continue;
            sb.Append(char.IsWhiteSpace(ch) ? ' ' : char.ToLowerInvariant(ch));
        }
        return sb.Append(End).ToString();
    }
}
