namespace AskShift.Cluster;

/// <summary>
/// Spherical k-means started from given centroids (seeded k-means, Basu, Banerjee and Mooney 2002, with codebook
/// seed terms in place of labelled points). ML.NET's KMeans cannot take initial centroids, so guided seeding runs here;
/// it is deterministic because it has no random step.
/// </summary>
internal static class SeededKMeans
{
    /// <remarks>
    /// <para>Each pass assigns the points in parallel (each point's nearest centroid depends on nothing else) and sums every
    /// cluster in one pass over the points, adding members in index order, so the result is the same whatever the
    /// number of cores.</para>
    /// <para>Centroids are kept only on the features some point has (a centroid weight elsewhere never meets a point),
    /// stored feature-major: a point's similarities to all k centroids come from one pass over its non-zeros, each
    /// reading k neighbouring weights, instead of k passes that each read one weight from a vocabulary-sized array.
    /// Stability's resamples call this over a hundred times per run, where the scattered reads dominated. Every
    /// similarity, sum and norm adds the same products in the same order as the dense definition, so the assignments
    /// are the same bit for bit (a test holds them to the plain loop).</para>
    /// </remarks>
    public static int[] Run(IReadOnlyList<SparseVector> points, IReadOnlyList<SparseVector> seeds, int dimension, int maxIterations = 50)
    {
        int k = seeds.Count;
        // Compact feature ids, in feature order, for the features that occur in some point.
        var compact = new int[dimension];
        foreach (var p in points) foreach (var f in p.Indices) compact[f] = 1;
        int width = 0;
        for (int f = 0; f < dimension; f++) compact[f] = compact[f] != 0 ? width++ : -1;
        var rows = new int[points.Count][];
        for (int i = 0; i < points.Count; i++)
        {
            var idx = points[i].Indices;
            var r = rows[i] = new int[idx.Length];
            for (int j = 0; j < idx.Length; j++) r[j] = compact[idx[j]] * k;
        }

        // centroids[f * k + c]: centroid c's weight on compact feature f, each seed normalised over all its features.
        var centroids = new double[(long)width * k];
        for (int c = 0; c < k; c++)
        {
            var s = seeds[c];
            double n = Norm(s.Values);
            for (int j = 0; j < s.Indices.Length; j++)
                if (compact[s.Indices[j]] is var f and >= 0) centroids[(long)f * k + c] = n > 0 ? s.Values[j] / n : s.Values[j];
        }

        var assign = new int[points.Count];
        Array.Fill(assign, -1);
        var sums = new double[centroids.Length];
        var members = new bool[k];
        for (int iter = 0; iter < maxIterations; iter++)
        {
            int changed = 0;
            Parallel.For(0, points.Count, () => new double[k], (i, _, acc) =>
            {
                Array.Clear(acc);
                var r = rows[i]; var values = points[i].Values;
                for (int j = 0; j < r.Length; j++)
                {
                    double v = values[j];
                    var weights = centroids.AsSpan(r[j], k);
                    for (int c = 0; c < k; c++) acc[c] += v * weights[c];
                }
                int best = 0; double bestSim = double.NegativeInfinity;
                for (int c = 0; c < k; c++) if (acc[c] > bestSim) { bestSim = acc[c]; best = c; }
                if (assign[i] != best) { assign[i] = best; changed = 1; }
                return acc;
            }, _ => { });
            if (changed == 0) break;
            Array.Clear(sums);
            Array.Clear(members);
            for (int i = 0; i < points.Count; i++)
            {
                int c = assign[i];
                members[c] = true;
                var r = rows[i]; var values = points[i].Values;
                for (int j = 0; j < r.Length; j++) sums[r[j] + c] += values[j];
            }
            for (int c = 0; c < k; c++)
            {
                if (!members[c]) continue; // no member: keep the seed, the theme may still attract asks later
                double n = 0;
                for (long at = c; at < sums.Length; at += k) n += sums[at] * sums[at];
                n = Math.Sqrt(n);
                for (long at = c; at < sums.Length; at += k) centroids[at] = n > 0 ? sums[at] / n : sums[at];
            }
        }
        return assign;
    }

    private static double Norm(float[] values)
    {
        double s = 0;
        foreach (var v in values) s += (double)v * v;
        return Math.Sqrt(s);
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
