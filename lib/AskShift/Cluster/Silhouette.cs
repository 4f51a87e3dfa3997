namespace AskShift.Cluster;

/// <summary>How distances between asks are measured for the silhouette.</summary>
public enum SilhouetteMetric
{
    /// <summary>1 - cosine similarity: the natural distance for L2-normalised TF-IDF vectors.</summary>
    Cosine,
    /// <summary>Euclidean distance, what k-means itself minimises.</summary>
    Euclidean,
}

/// <summary>
/// Mean silhouette coefficient (Rousseeuw 1987), computed here because ML.NET has none. It is the criterion k is
/// chosen by: it rewards tight, well separated clusters and, unlike inertia, does not keep improving as k grows.
/// </summary>
public static class Silhouette
{
    /// <summary>Above this many points the score is computed on a seeded random sample, keeping the O(n²) cost bounded.</summary>
    public const int DefaultSampleLimit = 1000;

    /// <summary>Mean silhouette over all points (or a seeded sample of <paramref name="sampleLimit"/> points).</summary>
    /// <remarks>Points in singleton clusters score 0, as in scikit-learn. Returns 0 when there are fewer than 2 clusters.</remarks>
    public static double Score(IReadOnlyList<SparseVector> points, IReadOnlyList<int> labels, SilhouetteMetric metric = SilhouetteMetric.Cosine,
        int sampleLimit = DefaultSampleLimit, int seed = 0)
    {
        if (points.Count != labels.Count) throw new ArgumentException($"{points.Count} points but {labels.Count} labels");
        return Distances.Compute(points, metric, sampleLimit, seed).Score(labels);
    }

    /// <summary>
    /// Pairwise distances of a (sampled) point set, computed once and reused for every candidate k, so choosing k
    /// costs one O(n²) pass over the sparse vectors plus a cheap O(n²) sweep per k.
    /// </summary>
    public sealed class Distances
    {
        private readonly int[] _sample;
        private readonly float[] _d; // condensed upper triangle
        private Distances(int[] sample, float[] d) { _sample = sample; _d = d; }

        /// <summary>Number of points the silhouette is computed on.</summary>
        public int Count => _sample.Length;

        public static Distances Compute(IReadOnlyList<SparseVector> points, SilhouetteMetric metric = SilhouetteMetric.Cosine, int sampleLimit = DefaultSampleLimit, int seed = 0)
        {
            var idx = Enumerable.Range(0, points.Count).ToArray();
            if (idx.Length > sampleLimit)
            {
                var rng = new Random(seed);
                rng.Shuffle(idx);
                idx = idx.Take(sampleLimit).OrderBy(i => i).ToArray();
            }
            int n = idx.Length;
            var rows = new SparseKMeans.Rows(idx.Select(i => points[i]).ToList(), points.Count == 0 ? 0 : points.Max(p => p.Length));
            var d = new float[(long)n * (n - 1) / 2];
            // Dot products a block of rows at a time: the block is scattered feature-major, so one pass over another
            // row's non-zeros gives its dots with every row of the block (the k-means trick, with rows as centres).
            // Merging sorted index lists pair by pair cost 1.5 s of thread time for 1,000 asks of 336 non-zeros.
            int width = BlockWidth, blocks = (n + width - 1) / width;
            Parallel.For(0, blocks, () => (Matrix: new float[rows.Dim * width], Acc: new float[width]), (block, _, local) =>
            {
                int first = block * width, count = Math.Min(width, n - first);
                for (int s = 0; s < count; s++) SparseKMeans.Scatter(rows, first + s, local.Matrix, s, width);
                for (int b = first + 1; b < n; b++)
                {
                    SparseKMeans.Dots(rows, b, local.Matrix, width, local.Acc);
                    for (int s = 0; s < count && first + s < b; s++)
                    {
                        int a = first + s;
                        double dot = local.Acc[s], v;
                        if (metric == SilhouetteMetric.Cosine)
                        {
                            double den = Math.Sqrt(rows.SquaredNorm[a] * rows.SquaredNorm[b]);
                            v = den == 0 ? 1 : Math.Max(0, 1 - dot / den);
                        }
                        else v = Math.Sqrt(Math.Max(0, rows.SquaredNorm[a] + rows.SquaredNorm[b] - 2 * dot));
                        d[Offset(a, n) + b - a - 1] = (float)v;
                    }
                }
                for (int s = 0; s < count; s++) SparseKMeans.Unscatter(rows, first + s, local.Matrix, s, width);
                return local;
            }, _ => { });
            return new Distances(idx, d);
        }

        /// <summary>Rows per block: two SIMD vectors, so each pass keeps its sums in two registers.</summary>
        private static readonly int BlockWidth = 2 * System.Numerics.Vector<float>.Count;

        private static long Offset(int a, int n) => (long)a * (2L * n - a - 1) / 2;

        /// <summary>Distance between the a-th and b-th sampled points.</summary>
        public double this[int a, int b] => a == b ? 0 : a < b ? _d[Offset(a, Count) + b - a - 1] : _d[Offset(b, Count) + a - b - 1];

        /// <summary>Mean silhouette of a labelling of all points (only the sampled ones are scored).</summary>
        public double Score(IReadOnlyList<int> labels)
        {
            var lab = _sample.Select(i => labels[i]).ToArray();
            return Silhouette.Score(Count, lab, (a, b) => this[a, b]);
        }
    }

    /// <summary>Mean silhouette for points given only by a distance function; used for tests on plain coordinates.</summary>
    public static double Score(int n, IReadOnlyList<int> labels, Func<int, int, double> distance)
    {
        var clusters = labels.Distinct().OrderBy(x => x).ToArray();
        if (clusters.Length < 2 || clusters.Length >= n) return 0;
        var pos = clusters.Select((c, i) => (c, i)).ToDictionary(t => t.c, t => t.i);
        var size = new int[clusters.Length];
        foreach (var l in labels) size[pos[l]]++;
        double total = 0;
        var sums = new double[clusters.Length];
        for (int i = 0; i < n; i++)
        {
            Array.Clear(sums);
            for (int j = 0; j < n; j++) if (j != i) sums[pos[labels[j]]] += distance(i, j);
            int own = pos[labels[i]];
            if (size[own] == 1) continue; // singleton: silhouette 0
            double a = sums[own] / (size[own] - 1);
            double b = double.PositiveInfinity;
            for (int c = 0; c < clusters.Length; c++) if (c != own) b = Math.Min(b, sums[c] / size[c]);
            double m = Math.Max(a, b);
            total += m == 0 ? 0 : (b - a) / m;
        }
        return total / n;
    }
}
