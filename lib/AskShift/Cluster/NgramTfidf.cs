namespace AskShift.Cluster;

/// <summary>Receives the n-grams a <see cref="GramSource"/> finds in one text, as spans (no string per gram).</summary>
internal interface IGramSink
{
    void Add(ReadOnlySpan<char> gram);
}

/// <summary>What counts as an n-gram of a text: one feature block of <see cref="AskFeaturizer"/>.</summary>
internal abstract class GramSource
{
    /// <summary>Hands every n-gram of <paramref name="text"/> to <paramref name="sink"/>, repeats included, in text order.</summary>
    public abstract void Emit(string text, IGramSink sink);
}

/// <summary>
/// A TF-IDF n-gram block fitted on the asks and applied to any later text: tf × log(N / df), L2-normalised, ids in the
/// order n-grams are first seen. The n-grams come from a <see cref="GramSource"/> (characters or words); the vocabulary
/// is keyed by span, so counting allocates a string only for an n-gram seen for the first time.
/// </summary>
internal sealed class NgramTfidf
{
    private readonly Dictionary<string, int> vocabulary;
    private readonly double[] idf;
    private readonly GramSource source;

    private NgramTfidf(Dictionary<string, int> vocabulary, double[] idf, GramSource source)
    {
        this.vocabulary = vocabulary; this.idf = idf; this.source = source;
    }

    /// <summary>Number of distinct n-grams seen in fitting (the block's dimension).</summary>
    public int Dimension => idf.Length;

    /// <summary>The id of <paramref name="gram"/>, or -1 when fitting never saw it (tests look at it).</summary>
    internal int IdOf(string gram) => vocabulary.TryGetValue(gram, out var id) ? id : -1;

    /// <summary>Texts per block when counting in parallel; fixed, so the vocabulary's order never depends on the cores.</summary>
    private const int Block = 2048;

    /// <summary>
    /// Learns the vocabulary and document frequencies from <paramref name="texts"/>, and featurises them. Blocks of texts
    /// are counted in parallel, each with a vocabulary of its own in first-seen order; the blocks are then merged in
    /// order, so every n-gram gets the id a single pass would give it.
    /// </summary>
    public static (NgramTfidf Model, SparseVector[] Vectors) Fit(IReadOnlyList<string> texts, GramSource source)
    {
        int blocks = (texts.Count + Block - 1) / Block;
        var local = new (List<string> Grams, (int[] Ids, int[] Counts)[] Docs)[blocks];
        Parallel.For(0, blocks, b =>
        {
            var sink = new Learning();
            int from = b * Block, to = Math.Min(texts.Count, from + Block);
            var docs = new (int[], int[])[to - from];
            for (int d = from; d < to; d++)
            {
                sink.Grams.Clear();
                source.Emit(texts[d], sink);
                docs[d - from] = Count(sink.Grams);
            }
            local[b] = (sink.Names, docs);
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
        var model = new NgramTfidf(global, idf, source);
        var vectors = new SparseVector[merged.Length];
        Parallel.For(0, merged.Length, d => vectors[d] = model.Weigh(merged[d].Ids, merged[d].Counts));
        return (model, vectors);
    }

    /// <summary>Featurises new texts in the fitted space; n-grams not seen in fitting are ignored.</summary>
    public SparseVector[] Transform(IEnumerable<string> texts)
    {
        var sink = new Looking(vocabulary);
        var result = new List<SparseVector>();
        foreach (var text in texts)
        {
            sink.Grams.Clear();
            source.Emit(text, sink);
            var (ids, counts) = Count(sink.Grams);
            result.Add(Weigh(ids, counts));
        }
        return result.ToArray();
    }

    /// <summary>Fitting: an n-gram not seen before in this block gets the next id.</summary>
    private sealed class Learning : IGramSink
    {
        private readonly Dictionary<string, int> vocabulary = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup;
        public readonly List<string> Names = [];
        public readonly List<int> Grams = new(1024);

        public Learning() => lookup = vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();

        public void Add(ReadOnlySpan<char> gram)
        {
            if (!lookup.TryGetValue(gram, out var id))
            {
                id = Names.Count;
                var name = gram.ToString();
                vocabulary[name] = id;
                Names.Add(name);
            }
            Grams.Add(id);
        }
    }

    /// <summary>Transforming: only n-grams of the fitted vocabulary count.</summary>
    private sealed class Looking(Dictionary<string, int> vocabulary) : IGramSink
    {
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup = vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        public readonly List<int> Grams = [];

        public void Add(ReadOnlySpan<char> gram)
        {
            if (lookup.TryGetValue(gram, out var id)) Grams.Add(id);
        }
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
}
