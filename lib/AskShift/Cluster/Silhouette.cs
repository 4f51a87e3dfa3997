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
    public const int DefaultSampleLimit = 3000;

    /// <summary>Mean silhouette over all points (or a seeded sample of <paramref name="sampleLimit"/> points).</summary>
    /// <remarks>Points in singleton clusters score 0, as in scikit-learn. Returns 0 when there are fewer than 2 clusters.</remarks>
    public static double Score(IReadOnlyList<SparseVector> points, IReadOnlyList<int> labels, SilhouetteMetric metric = SilhouetteMetric.Cosine,
        int sampleLimit = DefaultSampleLimit, int seed = 0)
    {
        if (points.Count != labels.Count) throw new ArgumentException($"{points.Count} points but {labels.Count} labels");
        var idx = Enumerable.Range(0, points.Count).ToArray();
        if (idx.Length > sampleLimit)
        {
            var rng = new Random(seed);
            rng.Shuffle(idx);
            idx = idx.Take(sampleLimit).OrderBy(i => i).ToArray();
        }
        var pts = idx.Select(i => points[i]).ToArray();
        var lab = idx.Select(i => labels[i]).ToArray();
        var norms = pts.Select(p => p.SquaredNorm()).ToArray();
        double Dist(int a, int b)
        {
            double dot = pts[a].Dot(pts[b]);
            if (metric == SilhouetteMetric.Cosine)
            {
                double den = Math.Sqrt(norms[a] * norms[b]);
                return den == 0 ? 1 : Math.Max(0, 1 - dot / den);
            }
            return Math.Sqrt(Math.Max(0, norms[a] + norms[b] - 2 * dot));
        }
        return Score(pts.Length, lab, Dist);
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
