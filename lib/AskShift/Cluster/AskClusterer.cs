using Microsoft.ML;

namespace AskShift.Cluster;

/// <summary>How a codebook takes part in clustering.</summary>
public enum GuidedMode
{
    /// <summary>Unsupervised: k-means (k-means++ restarts), k by silhouette or stability; codebook ignored.</summary>
    None,
    /// <summary>Unsupervised clustering, then each cluster is named after the codebook theme whose seed terms it is closest to.</summary>
    Name,
    /// <summary>Centroids start at the codebook themes' seed terms (seeded spherical k-means); k = number of seeded themes that keep asks.</summary>
    Seed,
}

/// <summary>How the unsupervised mode picks k.</summary>
public enum KChoice
{
    /// <summary>Highest mean silhouette.</summary>
    Silhouette,
    /// <summary>
    /// Most stable: each k's clustering is compared (adjusted Rand index) with clusterings of random 80% subsamples;
    /// a k whose clusters come back when the data are resampled describes the data, not the seed.
    /// </summary>
    Stability,
}

/// <summary>Settings for <see cref="AskClusterer"/>; defaults suit a few dozen to a few thousand short asks.</summary>
public sealed record ClusterOptions
{
    /// <summary>Seed of k-means (and of ML.NET's context when it makes the word block): the same seed and inputs give the same clusters.</summary>
    public int Seed { get; init; } = 1;
    /// <summary>Fixed number of clusters; null chooses k in [<see cref="MinK"/>, <see cref="MaxK"/>] by silhouette.</summary>
    public int? K { get; init; }
    public int MinK { get; init; } = 2;
    /// <summary>Upper end of the k range; capped at n-1 because a silhouette needs at least one shared cluster.</summary>
    public int MaxK { get; init; } = 12;
    /// <summary>k-means++ restarts per k; the run with the lowest mean distance is kept (as sklearn's n_init).
    /// Null: 10 up to 1,000 asks, then fewer (10,000 / n, at least 3) so thousands of asks cluster in about a minute.</summary>
    public int? Restarts { get; init; }
    public FeaturizerOptions Features { get; init; } = new();
    public SilhouetteMetric Metric { get; init; } = SilhouetteMetric.Cosine;
    /// <summary>How k is chosen when <see cref="K"/> is null.</summary>
    public KChoice ChooseK { get; init; } = KChoice.Silhouette;
    /// <summary>Subsamples per k for <see cref="KChoice.Stability"/>.</summary>
    public int StabilityResamples { get; init; } = 10;
    /// <summary>
    /// Above this many asks, k is chosen on a seeded sample of this many and only the chosen k is fitted on all (the
    /// scores shown are the sample's), which bounds the cost of choosing k on a large corpus.
    /// </summary>
    public int ChooseKSampleLimit { get; init; } = 5_000;
    /// <summary>Above this many asks the silhouette is computed on a seeded sample (see <see cref="Silhouette.DefaultSampleLimit"/>).</summary>
    public int SilhouetteSampleLimit { get; init; } = Silhouette.DefaultSampleLimit;
    public Codebook? Codebook { get; init; }
    public GuidedMode Guided { get; init; } = GuidedMode.None;
    /// <summary>
    /// Hand-coded asks (text, theme code) that teach the seeded mode what each theme's asks look like: a theme's starting
    /// centroid is its seed terms plus the mean of its examples, so a theme whose seed terms miss how asks are worded
    /// (sanctions asks name laws and officials, not "sanctions") still attracts them. Null: seed terms alone.
    /// </summary>
    public IReadOnlyList<(string Text, string Theme)>? Examples { get; init; }
    /// <summary>Weight of the examples' mean against the seed terms in a starting centroid (both unit length).</summary>
    public double ExampleWeight { get; init; } = 1.0;
    /// <summary>How many c-TF-IDF terms describe each cluster.</summary>
    public int TopTerms { get; init; } = 8;
    /// <summary>How many asks closest to the centroid represent each cluster.</summary>
    public int Representatives { get; init; } = 3;
}

/// <summary>
/// The clustering stage: featurise asks with ML.NET, cluster with sparse k-means (or codebook-seeded k-means), choose
/// k by silhouette, label clusters by c-TF-IDF and show representative asks. One call: <c>new AskClusterer(options).Run(texts)</c>.
/// </summary>
public sealed class AskClusterer(ClusterOptions? options = null)
{
    public ClusterOptions Options { get; } = options ?? new ClusterOptions();

    /// <summary>Clusters <paramref name="texts"/> (one ask each).</summary>
    public ClusteringResult Run(IReadOnlyList<string> texts)
    {
        if (texts.Count == 0) throw new ArgumentException("no texts to cluster");
        var o = Options;
        if (o.Guided != GuidedMode.None && o.Codebook is null)
            throw new ArgumentException($"guided mode {o.Guided} needs a codebook");
        var blank = texts.Count(string.IsNullOrWhiteSpace);
        if (blank > 0)
            throw new ArgumentException($"{blank} of the {texts.Count} texts are blank: drop them before clustering (an ask has words)");
        var feats = AskFeaturizer.Fit(texts, o.Features, o.Features.WordBlock == WordBlock.MLNet ? new MLContext(seed: o.Seed) : null);
        var vectors = feats.Vectors;
        // Degenerate input is answered in words, before k-means fails on it (ML.NET said "not enough distinct instances").
        // Texts with the same words once stop words are removed have the same vector (all empty when every word is in
        // every text, as IDF is then zero): only distinct vectors can be told apart.
        var distinct = vectors.Distinct(SameVector.Instance).Count();
        string? reduced = null;
        if (o.K is int wantK && wantK > distinct && o.Guided != GuidedMode.Seed)
        {
            reduced = $"k reduced from {wantK} to {distinct}: the texts hold only {distinct} distinct word profiles";
            o = o with { K = distinct };
        }

        int[] raw; List<KScore> scores; string method;
        string?[]? themeOfRaw = null;
        if (o.Guided == GuidedMode.Seed)
        {
            var exampleThemes = (o.Examples ?? []).Select(e => e.Theme).ToHashSet(StringComparer.Ordinal);
            var themes = o.Codebook!.Themes.Where(t => t.SeedTerms.Count > 0 || exampleThemes.Contains(t.Code)).ToList();
            var seedVecs = feats.Transform(themes.Select(t => string.Join(" . ", t.SeedTerms)));
            var starts = themes.Select((t, i) => StartCentroid(seedVecs[i], t.Code, feats, o)).ToList();
            var usable = Enumerable.Range(0, themes.Count).Where(i => starts[i].Indices.Length > 0).ToList();
            if (usable.Count == 0) throw new ArgumentException("none of the codebook's seed terms (or examples) occurs in the feature space of these texts");
            raw = SeededKMeans.Run(vectors, usable.Select(i => starts[i]).ToList(), feats.Dimension);
            themeOfRaw = usable.Select(i => (string?)themes[i].Code).ToArray();
            int k = raw.Distinct().Count();
            scores = [new KScore(k, Silhouette.Score(vectors, raw, o.Metric, o.SilhouetteSampleLimit, o.Seed), DaviesBouldin(vectors, raw, feats.Dimension), AverageDistance(vectors, raw, feats.Dimension))];
            method = $"codebook-seeded spherical k-means from {usable.Count} themes" + (o.Examples is { Count: > 0 } ex ? $" (seed terms and {ex.Count} coded examples)" : "");
        }
        else if (texts.Count < 3 || distinct == 1 || o.K == 1)
        {
            raw = new int[texts.Count];
            scores = [new KScore(1, 0, 0, AverageDistance(vectors, raw, feats.Dimension))];
            method = texts.Count < 3 ? "single cluster (fewer than 3 texts)"
                : distinct == 1 ? "single cluster (every text has the same words once stop words are removed)" : "single cluster (fixed k=1)";
        }
        else
        {
            int lo, hi;
            if (o.K is int fixedK)
            {
                if (fixedK < 1 || fixedK > texts.Count) throw new ArgumentException($"k={fixedK} is outside 1..{texts.Count} (number of texts)");
                lo = hi = fixedK;
            }
            else
            {
                hi = Math.Min(o.MaxK, Math.Min(texts.Count - 1, distinct));
                lo = Math.Min(Math.Max(2, o.MinK), hi);
            }
            scores = [];
            raw = [];
            int restarts = o.Restarts ?? (texts.Count <= 1000 ? 10 : Math.Max(3, 10_000 / texts.Count));
            // Choosing k fits every k in the range; above ChooseKSampleLimit asks that is done on a seeded sample, and
            // only the chosen k is fitted on all, so the cost of choosing stops growing with the corpus.
            var choosing = lo < hi;
            var sampled = choosing && texts.Count > o.ChooseKSampleLimit;
            var order = Enumerable.Range(0, texts.Count).ToArray();
            if (sampled) new Random(o.Seed).Shuffle(order);
            var pool = sampled ? order.Take(o.ChooseKSampleLimit).Order().Select(i => vectors[i]).ToList() : vectors.ToList();
            var distances = Silhouette.Distances.Compute(pool, o.Metric, o.SilhouetteSampleLimit, o.Seed);
            double best = double.NegativeInfinity;
            int bestK = lo;
            for (int k = lo; k <= hi; k++)
            {
                var (labels, avgDist, db) = TrainKMeans(pool, feats.Dimension, k, sampled ? Math.Max(3, 10_000 / pool.Count) : restarts, o.Seed);
                double sil = distances.Score(labels);
                var stab = o.ChooseK == KChoice.Stability && choosing ? Stability(pool, labels, k, feats.Dimension, o) : double.NaN;
                scores.Add(new KScore(k, sil, db, avgDist) { Stability = stab });
                var criterion = o.ChooseK == KChoice.Stability && choosing ? stab : sil;
                if (criterion > best + 1e-12) { best = criterion; raw = labels; bestK = k; }
            }
            if (sampled) raw = TrainKMeans(vectors, feats.Dimension, bestK, restarts, o.Seed).Labels;
            method = o.K is null ? $"k-means (k-means++, {restarts} restarts), k in {lo}..{hi} by " +
                                   (o.ChooseK == KChoice.Stability ? $"stability over {o.StabilityResamples} subsamples of 80%" : $"{o.Metric.ToString().ToLowerInvariant()} silhouette") +
                                   (sampled ? $" on a sample of {pool.Count} asks, then k={bestK} fitted on all {texts.Count}" : "")
                                 : $"k-means (k-means++, {restarts} restarts), fixed k={o.K}";
        }
        if (reduced is not null) method = $"{method}; {reduced}";
        var found = raw.Distinct().Count();
        if (o.K is int asked && found < asked)
            method = $"{method}; {asked - found} of the {asked} clusters came out empty, so there are {found}";
        return Describe(texts, vectors, feats, raw, themeOfRaw, scores, method);
    }

    /// <summary>A theme's starting centroid: its seed terms, plus <see cref="ClusterOptions.ExampleWeight"/> times the mean of its examples.</summary>
    private static SparseVector StartCentroid(SparseVector seedTerms, string theme, AskFeaturizer feats, ClusterOptions o)
    {
        var examples = (o.Examples ?? []).Where(e => e.Theme == theme).Select(e => e.Text).ToList();
        if (examples.Count == 0) return seedTerms;
        var sum = new Dictionary<int, double>();
        void Add(SparseVector v, double w)
        {
            var norm = Math.Sqrt(v.Values.Sum(x => (double)x * x));
            if (norm == 0) return;
            for (int j = 0; j < v.Indices.Length; j++) sum[v.Indices[j]] = sum.GetValueOrDefault(v.Indices[j]) + w * v.Values[j] / norm;
        }
        Add(seedTerms, 1);
        foreach (var v in feats.Transform(examples)) Add(v, o.ExampleWeight / examples.Count);
        var keys = sum.Keys.Order().ToArray();
        return new SparseVector(feats.Dimension, keys, keys.Select(k => (float)sum[k]).ToArray());
    }

    /// <summary>
    /// Mean adjusted Rand index between <paramref name="labels"/> and spherical k-means (k-means++ start, seeded) run
    /// on random 80% subsamples, compared on the asks each subsample holds.
    /// </summary>
    private static double Stability(IReadOnlyList<SparseVector> vectors, int[] labels, int k, int dimension, ClusterOptions o)
    {
        // The resamples are independent (each has its own seeded generator), so they run in parallel; their scores are
        // added in resample order, as one after another would add them.
        var scores = new double[o.StabilityResamples];
        Parallel.For(0, o.StabilityResamples, b =>
        {
            var rng = new Random(o.Seed * 7919 + b);
            var sample = Enumerable.Range(0, vectors.Count).OrderBy(_ => rng.Next()).Take(Math.Max(k + 1, vectors.Count * 4 / 5)).Order().ToList();
            var points = sample.Select(i => vectors[i]).ToList();
            // k-means++ start on cosine distance.
            var seeds = new List<SparseVector> { points[rng.Next(points.Count)] };
            var first = SeededKMeans.ToDense(seeds[0], dimension);
            var nearest = points.Select(p => p.Dot(first)).ToArray();
            while (seeds.Count < k)
            {
                var d = nearest.Select(m => Math.Max(0, 1 - m)).ToArray();
                var sum = d.Sum();
                if (sum <= 0) break;
                var r = rng.NextDouble() * sum;
                int pick = 0;
                for (double acc = d[0]; acc < r && pick < d.Length - 1; acc += d[++pick]) { }
                seeds.Add(points[pick]);
                var dense = SeededKMeans.ToDense(points[pick], dimension);
                for (int i = 0; i < points.Count; i++) nearest[i] = Math.Max(nearest[i], points[i].Dot(dense));
            }
            var sub = SeededKMeans.Run(points, seeds, dimension);
            scores[b] = Agreement.Score(sample.Select(i => labels[i]).ToList(), sub).Ari;
        });
        var total = 0.0;
        foreach (var score in scores) total += score;
        return total / o.StabilityResamples;
    }

    /// <summary>
    /// Two vectors are the same profile when they hold the same values at the same indices, bit for bit. Compared on
    /// the arrays themselves: formatting every value into a string key took 12 s of a 40 s run at 100,000 asks.
    /// </summary>
    private sealed class SameVector : IEqualityComparer<SparseVector>
    {
        public static readonly SameVector Instance = new();

        public bool Equals(SparseVector? a, SparseVector? b) =>
            ReferenceEquals(a, b) || a is not null && b is not null &&
            a.Indices.AsSpan().SequenceEqual(b.Indices) &&
            System.Runtime.InteropServices.MemoryMarshal.AsBytes(a.Values.AsSpan()).SequenceEqual(System.Runtime.InteropServices.MemoryMarshal.AsBytes(b.Values.AsSpan()));

        public int GetHashCode(SparseVector v)
        {
            var h = new HashCode();
            h.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(v.Indices.AsSpan()));
            h.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(v.Values.AsSpan()));
            return h.ToHashCode();
        }
    }

    /// <summary>
    /// The best of <paramref name="restarts"/> k-means++ starts (<see cref="SparseKMeans"/>, not ML.NET's trainer: see
    /// there why), with the mean squared distance to the centres and the Davies-Bouldin index.
    /// </summary>
    private static (int[] Labels, double AvgDist, double DaviesBouldin) TrainKMeans(IReadOnlyList<SparseVector> vectors, int dimension, int k, int restarts, int seed)
    {
        var fit = SparseKMeans.Fit(vectors, dimension, new KMeansOptions { K = k, Restarts = Math.Max(1, restarts), Seed = seed });
        return (fit.Labels, fit.Inertia / vectors.Count, DaviesBouldin(vectors, fit.Labels, dimension));
    }

    private ClusteringResult Describe(IReadOnlyList<string> texts, IReadOnlyList<SparseVector> vectors, AskFeaturizer feats,
        int[] raw, string?[]? themeOfRaw, List<KScore> scores, string method)
    {
        var o = Options;
        // Renumber by decreasing size, then by first ask, so ids do not depend on the trainer's internal order.
        var order = raw.Distinct()
            .OrderByDescending(c => raw.Count(x => x == c)).ThenBy(c => Array.IndexOf(raw, c)).ToList();
        var newId = order.Select((c, i) => (c, i)).ToDictionary(t => t.c, t => t.i);
        var assign = raw.Select(c => newId[c]).ToArray();
        int k = order.Count;
        if (scores.Count == 1 && scores[0].K != k) scores[0] = scores[0] with { K = k };

        var terms = ClassTfidf.TopTerms(texts, assign, o.TopTerms);
        var centroids = Centroids(vectors, assign, Enumerable.Range(0, k).ToArray(), feats.Dimension, normalize: true);

        // Codebook names: seeded clusters carry their theme; in Name mode pick the closest theme by seed-term similarity.
        var themeOf = new string?[k];
        if (themeOfRaw is not null) foreach (var (c, i) in newId) themeOf[i] = themeOfRaw[c];
        else if (o.Guided == GuidedMode.Name)
        {
            var themes = o.Codebook!.SeededThemes;
            var tv = feats.Transform(themes.Select(t => string.Join(" . ", t.SeedTerms)));
            for (int c = 0; c < k; c++)
            {
                int best = -1; double bestSim = 0;
                for (int t = 0; t < themes.Count; t++) { double s = tv[t].Dot(centroids[c]); if (s > bestSim) { bestSim = s; best = t; } }
                themeOf[c] = best < 0 ? null : themes[best].Code;
            }
        }
        var labelOfTheme = o.Codebook?.Themes.ToDictionary(t => t.Code, t => t.Label) ?? [];
        var used = new Dictionary<string, int>();
        var clusters = new List<ClusterInfo>();
        for (int c = 0; c < k; c++)
        {
            var top = terms.TryGetValue(c, out var tt) ? tt : [];
            string label = themeOf[c] is string code ? labelOfTheme.GetValueOrDefault(code, code)
                : top.Count > 0 ? string.Join(", ", top.Take(3).Select(t => t.Term)) : $"cluster {c}";
            used[label] = used.GetValueOrDefault(label) + 1;
            if (used[label] > 1) label = $"{label} ({used[label]})";
            var reps = Enumerable.Range(0, texts.Count).Where(i => assign[i] == c)
                .Select(i => new RepresentativeAsk(i, texts[i], CosineToCentroid(vectors[i], centroids[c])))
                .OrderByDescending(r => r.Similarity).ThenBy(r => r.Index).Take(o.Representatives).ToList();
            clusters.Add(new ClusterInfo(c, label, themeOf[c], assign.Count(a => a == c), top, reps));
        }
        return new ClusteringResult(k, method, scores, assign, clusters, texts.ToList());
    }

    private static double CosineToCentroid(SparseVector v, double[] centroid)
    {
        double n = Math.Sqrt(v.SquaredNorm());
        return n == 0 ? 0 : v.Dot(centroid) / n; // centroid is unit length
    }

    /// <summary>
    /// The centroid of each cluster in <paramref name="ids"/> (unit length, or the mean), all in one pass over the
    /// vectors: a pass per cluster had cost k passes over every non-zero at 10,000 asks. Each sum adds its members in
    /// index order, as a pass per cluster did, so the centroids are the same to the last bit.
    /// </summary>
    private static double[][] Centroids(IReadOnlyList<SparseVector> vectors, int[] assign, int[] ids, int dim, bool normalize)
    {
        var slot = new Dictionary<int, int>();
        for (int a = 0; a < ids.Length; a++) slot[ids[a]] = a;
        var sums = new double[ids.Length][];
        for (int a = 0; a < ids.Length; a++) sums[a] = new double[dim];
        var counts = new int[ids.Length];
        for (int i = 0; i < vectors.Count; i++)
        {
            if (!slot.TryGetValue(assign[i], out var a)) continue;
            counts[a]++;
            var v = vectors[i];
            var sum = sums[a];
            for (int j = 0; j < v.Indices.Length; j++) sum[v.Indices[j]] += v.Values[j];
        }
        for (int a = 0; a < ids.Length; a++)
        {
            if (normalize) SeededKMeans.Normalize(sums[a]);
            else if (counts[a] > 0) for (int j = 0; j < dim; j++) sums[a][j] /= counts[a];
        }
        return sums;
    }

    /// <summary>Mean squared euclidean distance to the (mean) centroid, comparable with ML.NET's AverageDistance.</summary>
    private static double AverageDistance(IReadOnlyList<SparseVector> vectors, int[] assign, int dim)
    {
        double total = 0;
        var ids = assign.Distinct().ToArray();
        var cents = Centroids(vectors, assign, ids, dim, normalize: false);
        for (int a = 0; a < ids.Length; a++)
        {
            var c = ids[a];
            var m = cents[a];
            double mn = m.Sum(x => x * x);
            for (int i = 0; i < vectors.Count; i++) if (assign[i] == c) total += vectors[i].SquaredDistance(m, mn);
        }
        return total / vectors.Count;
    }

    /// <summary>Davies-Bouldin index (same definition as ML.NET's evaluator) for clusterings ML.NET did not train.</summary>
    internal static double DaviesBouldin(IReadOnlyList<SparseVector> vectors, int[] assign, int dim)
    {
        var ids = assign.Distinct().OrderBy(x => x).ToArray();
        if (ids.Length < 2) return 0;
        var cents = Centroids(vectors, assign, ids, dim, normalize: false);
        var cn = cents.Select(m => m.Sum(x => x * x)).ToArray();
        // Where each centroid is non-zero, ascending: the distance between two centroids sums only over the union of
        // the two, in the same order as over every dimension (the terms left out are exactly 0), k² times over the
        // non-zeros instead of over the whole dimension.
        var support = cents.Select(m => Enumerable.Range(0, dim).Where(j => m[j] != 0).ToArray()).ToArray();
        var scatter = new double[ids.Length];
        for (int a = 0; a < ids.Length; a++)
        {
            var members = Enumerable.Range(0, vectors.Count).Where(i => assign[i] == ids[a]).ToList();
            scatter[a] = members.Average(i => Math.Sqrt(vectors[i].SquaredDistance(cents[a], cn[a])));
        }
        double sum = 0;
        for (int a = 0; a < ids.Length; a++)
        {
            double worst = 0;
            for (int b = 0; b < ids.Length; b++)
            {
                if (a == b) continue;
                double d = 0;
                int[] sa = support[a], sb = support[b];
                for (int p = 0, q = 0; p < sa.Length || q < sb.Length;)
                {
                    int j;
                    if (q >= sb.Length || (p < sa.Length && sa[p] < sb[q])) j = sa[p++];
                    else if (p >= sa.Length || sb[q] < sa[p]) j = sb[q++];
                    else { j = sa[p]; p++; q++; }
                    double x = cents[a][j] - cents[b][j];
                    d += x * x;
                }
                d = Math.Sqrt(d);
                if (d > 0) worst = Math.Max(worst, (scatter[a] + scatter[b]) / d);
            }
            sum += worst;
        }
        return sum / ids.Length;
    }
}
