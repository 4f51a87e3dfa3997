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

    /// <summary>Texts per block when counting in parallel; fixed, so the vocabulary's order never depends on the cores.</summary>
    private const int Block = 2048;

    /// <summary>
    /// Learns the vocabulary and document frequencies from <paramref name="texts"/>, and featurises them. Blocks of texts
    /// are counted in parallel, each with a vocabulary of its own in first-seen order; the blocks are then merged in
    /// order, so every n-gram gets the id a single pass would give it.
    /// </summary>
    public static (CharNgrams Model, SparseVector[] Vectors) Fit(IReadOnlyList<string> texts, int min, int max)
    {
        int blocks = (texts.Count + Block - 1) / Block;
        var local = new (List<string> Grams, (int[] Ids, int[] Counts)[] Docs)[blocks];
        Parallel.For(0, blocks, b =>
        {
            var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
            var lookup = vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
            var names = new List<string>();
            var grams = new List<int>(1024);
            int from = b * Block, to = Math.Min(texts.Count, from + Block);
            var docs = new (int[], int[])[to - from];
            for (int d = from; d < to; d++)
            {
                grams.Clear();
                var s = Normalise(texts[d]);
                for (int n = min; n <= max; n++)
                    for (int i = 0; i + n <= s.Length; i++)
                    {
                        var gram = s.AsSpan(i, n);
                        if (!lookup.TryGetValue(gram, out var id))
                        {
                            id = names.Count;
                            var name = gram.ToString();
                            vocabulary[name] = id;
                            names.Add(name);
                        }
                        grams.Add(id);
                    }
                docs[d - from] = Count(grams);
            }
            local[b] = (names, docs);
        });
        var global = new Dictionary<string, int>(StringComparer.Ordinal);
        var df = new List<int>();
        var merged = new (int[] Ids, int[] Counts)[texts.Count];
        for (int b = 0, at = 0; b < blocks; b++)
        {
            var map = new int[local[b].Grams.Count];
            for (int j = 0; j < map.Length; j++)
            {
                if (!global.TryGetValue(local[b].Grams[j], out var id)) { id = global.Count; global[local[b].Grams[j]] = id; df.Add(0); }
                map[j] = id;
            }
            foreach (var (ids, counts) in local[b].Docs)
            {
                // Local ids in first-seen order map to global ids in the same relative order only within a block, so
                // sort each document's ids again.
                var g = new int[ids.Length];
                for (int j = 0; j < ids.Length; j++) { g[j] = map[ids[j]]; df[g[j]]++; }
                var c = (int[])counts.Clone();
                Array.Sort(g, c);
                merged[at++] = (g, c);
            }
        }
        var idf = new double[df.Count];
        for (int j = 0; j < idf.Length; j++) idf[j] = Math.Log((double)texts.Count / df[j]);
        var model = new CharNgrams(global, idf, min, max);
        var vectors = new SparseVector[merged.Length];
        Parallel.For(0, merged.Length, d => vectors[d] = model.Weigh(merged[d].Ids, merged[d].Counts));
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
        // Decomposing is only needed to strip diacritics, and plain ASCII has none (most asks are plain ASCII).
        foreach (var ch in System.Text.Ascii.IsValid(text) ? text : text.Normalize(NormalizationForm.FormD))
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark) continue;
            if (char.IsPunctuation(ch) || char.IsSymbol(ch)) continue;
            sb.Append(char.IsWhiteSpace(ch) ? ' ' : char.ToLowerInvariant(ch));
        }
        return sb.Append(End).ToString();
    }
}
