using AskShift.Cluster;

namespace AskShift.Tests.Cluster;

/// <summary>
/// The fast k-means (feature-major centres, SIMD, parallel restarts) against a plain implementation written the
/// obvious way: same starting centres, same labels; and the same labels on any number of threads.
/// </summary>
public class SparseKMeansTests
{
    /// <summary>Sparse rows around <paramref name="blobs"/> random centres, L2-normalised like TF-IDF rows.</summary>
    private static List<SparseVector> Data(int n, int dim, int blobs, int seed, out int[] truth)
    {
        var rng = new Random(seed);
        var centres = Enumerable.Range(0, blobs).Select(_ => Enumerable.Range(0, 6).Select(_ => rng.Next(dim)).Distinct().ToArray()).ToArray();
        truth = new int[n];
        var rows = new List<SparseVector>();
        for (int i = 0; i < n; i++)
        {
            int b = rng.Next(blobs);
            truth[i] = b;
            var w = new SortedDictionary<int, float>();
            foreach (var j in centres[b]) w[j] = 1f + (float)rng.NextDouble();
            for (int extra = 0; extra < 3; extra++) { int j = rng.Next(dim); w[j] = w.GetValueOrDefault(j) + 0.3f * (float)rng.NextDouble(); }
            var norm = (float)Math.Sqrt(w.Values.Sum(x => x * x));
            rows.Add(new SparseVector(dim, w.Keys.ToArray(), w.Values.Select(x => x / norm).ToArray()));
        }
        return rows;
    }

    /// <summary>Lloyd's algorithm in doubles, dense, no tricks; stops when no label changes.</summary>
    private static int[] Reference(List<SparseVector> rows, int dim, float[][] start)
    {
        int k = start.Length;
        var centres = start.Select(c => c.Select(x => (double)x).ToArray()).ToArray();
        var labels = new int[rows.Count];
        Array.Fill(labels, -1);
        for (int iteration = 0; iteration < 300; iteration++)
        {
            bool changed = false;
            for (int i = 0; i < rows.Count; i++)
            {
                var dense = new double[dim];
                for (int p = 0; p < rows[i].Indices.Length; p++) dense[rows[i].Indices[p]] = rows[i].Values[p];
                int best = 0; double bestD = double.PositiveInfinity;
                for (int c = 0; c < k; c++)
                {
                    double d = 0;
                    for (int j = 0; j < dim; j++) { double x = dense[j] - centres[c][j]; d += x * x; }
                    if (d < bestD - 1e-9) { bestD = d; best = c; }
                }
                if (labels[i] != best) { labels[i] = best; changed = true; }
            }
            if (!changed) break;
            for (int c = 0; c < k; c++)
            {
                var members = Enumerable.Range(0, rows.Count).Where(i => labels[i] == c).ToList();
                if (members.Count == 0) continue;
                centres[c] = new double[dim];
                foreach (var i in members)
                    for (int p = 0; p < rows[i].Indices.Length; p++) centres[c][rows[i].Indices[p]] += rows[i].Values[p] / (double)members.Count;
            }
        }
        return labels;
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(2, 5)]
    [InlineData(3, 9)]
    [InlineData(4, 17)] // more centres than one SIMD vector holds
    [InlineData(5, 33)] // more than four vectors: the general loop
    [InlineData(6, 12)] // more centres than blobs: many iterations, where the bounds skip most rows
    [InlineData(7, 24)]
    public void Lloyd_gives_the_labels_of_a_plain_implementation_from_the_same_start(int seed, int k)
    {
        const int dim = 60;
        var rows = Data(300, dim, blobs: Math.Min(k, 8), seed, out _);
        var data = new SparseKMeans.Rows(rows, dim);
        var start = SparseKMeans.PlusPlus(data, k, new Random(seed));
        var (labels, inertia, _) = SparseKMeans.Lloyd(data, start, k, maxIterations: 300, tol: 0);
        Assert.Equal(Reference(rows, dim, start), labels);
        Assert.True(inertia >= 0);
    }

    [Fact]
    public void The_same_seed_gives_the_same_labels_on_one_thread_or_many()
    {
        var rows = Data(500, 80, blobs: 6, seed: 11, out _);
        var one = SparseKMeans.Fit(rows, 80, new KMeansOptions { K = 6, Restarts = 5, Seed = 3, Threads = 1 });
        var many = SparseKMeans.Fit(rows, 80, new KMeansOptions { K = 6, Restarts = 5, Seed = 3, Threads = 4 });
        Assert.Equal(one.Labels, many.Labels);
        Assert.Equal(one.Restart, many.Restart);
        Assert.Equal(one.Inertia, many.Inertia);
    }

    [Fact]
    public void Well_separated_groups_are_found_and_no_cluster_is_left_empty()
    {
        var rows = Data(400, 200, blobs: 5, seed: 21, out var truth);
        var fit = SparseKMeans.Fit(rows, 200, new KMeansOptions { K = 5, Restarts = 10, Seed = 1 });
        Assert.Equal(1.0, Agreement.Score(truth.Select(t => t.ToString()).ToList(), fit.Labels).Ari, 3);
        Assert.Equal(5, fit.Labels.Distinct().Count());
    }

    [Fact]
    public void An_empty_cluster_takes_the_farthest_row()
    {
        const int dim = 40;
        var rows = Data(120, dim, blobs: 3, seed: 5, out _);
        var data = new SparseKMeans.Rows(rows, dim);
        var twice = SparseKMeans.PlusPlus(data, 2, new Random(1));
        var start = new[] { twice[0], twice[0], twice[1] }; // the second centre can win no row at first
        var (labels, _, _) = SparseKMeans.Lloyd(data, start, 3, 300, 0);
        Assert.Equal(3, labels.Distinct().Count());
    }

    [Fact]
    public void Many_features_and_reused_buffers_give_the_labels_of_fresh_runs_on_any_number_of_threads()
    {
        const int dim = 10_000; // more than two blocks of features, so partial sums are combined
        var rows = Data(600, dim, blobs: 7, seed: 13, out _);
        var one = SparseKMeans.Fit(rows, dim, new KMeansOptions { K = 7, Restarts = 3, Seed = 5, Threads = 1 });
        var many = SparseKMeans.Fit(rows, dim, new KMeansOptions { K = 7, Restarts = 3, Seed = 5, Threads = 4 });
        Assert.Equal(one.Labels, many.Labels);
        Assert.Equal(one.Inertia, many.Inertia);

        var data = new SparseKMeans.Rows(rows, dim);
        var start = SparseKMeans.PlusPlus(data, 7, new Random(2));
        var fresh = SparseKMeans.Lloyd(data, start, 7, 300, 0);
        var buffers = new SparseKMeans.Buffers();
        SparseKMeans.Lloyd(data, SparseKMeans.PlusPlus(data, 9, new Random(9), null, buffers), 9, 300, 0, null, buffers); // leaves them used, at another k
        var reused = SparseKMeans.Lloyd(data, start, 7, 300, 0, null, buffers);
        Assert.Equal(fresh.Labels, reused.Labels);
        Assert.Equal(fresh.Inertia, reused.Inertia);
        Assert.Equal(Reference(rows, dim, start), fresh.Labels);
    }
}
