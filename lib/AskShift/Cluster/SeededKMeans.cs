namespace AskShift.Cluster;

/// <summary>
/// Spherical k-means started from given centroids (seeded k-means, Basu, Banerjee and Mooney 2002, with codebook
/// seed terms in place of labelled points). ML.NET's KMeans cannot take initial centroids, so guided seeding runs here;
/// it is deterministic because it has no random step.
/// </summary>
internal static class SeededKMeans
{
    /// <remarks>
    /// Each pass assigns the points in parallel (each point's nearest centroid depends on nothing else) and sums every
    /// cluster in one pass over the points, adding members in index order, so the result is the same whatever the
    /// number of cores.
    /// </remarks>
    public static int[] Run(IReadOnlyList<SparseVector> points, IReadOnlyList<SparseVector> seeds, int dimension, int maxIterations = 50)
    {
        int k = seeds.Count;
        var centroids = seeds.Select(s => ToDense(s, dimension)).ToArray();
        var assign = new int[points.Count];
        Array.Fill(assign, -1);
        for (int iter = 0; iter < maxIterations; iter++)
        {
            int changed = 0;
            Parallel.For(0, points.Count, i =>
            {
                int best = 0; double bestSim = double.NegativeInfinity;
                for (int c = 0; c < k; c++)
                {
                    double sim = points[i].Dot(centroids[c]);
                    if (sim > bestSim) { bestSim = sim; best = c; }
                }
                if (assign[i] != best) { assign[i] = best; changed = 1; }
            });
            if (changed == 0) break;
            var sums = new double[k][];
            for (int i = 0; i < points.Count; i++)
            {
                var sum = sums[assign[i]] ??= new double[dimension];
                var p = points[i];
                for (int j = 0; j < p.Indices.Length; j++) sum[p.Indices[j]] += p.Values[j];
            }
            for (int c = 0; c < k; c++)
            {
                if (sums[c] is not { } sum) continue; // no member: keep the seed, the theme may still attract asks later
                Normalize(sum);
                centroids[c] = sum;
            }
        }
        return assign;
    }

    internal static double[] ToDense(SparseVector v, int dimension)
    {
        var d = new double[dimension];
        for (int j = 0; j < v.Indices.Length; j++) d[v.Indices[j]] = v.Values[j];
        Normalize(d);
        return d;
    }

    internal static void Normalize(double[] d)
    {
        double n = Math.Sqrt(d.Sum(x => x * x));
        if (n > 0) for (int j = 0; j < d.Length; j++) d[j] /= n;
    }
}
