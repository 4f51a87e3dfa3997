using AskShift.Cluster;

namespace AskShift.Tests.Cluster;

public class SilhouetteTests
{
    private static double Euclid(double[][] p, int a, int b) => Math.Sqrt(p[a].Zip(p[b], (x, y) => (x - y) * (x - y)).Sum());

    private static SparseVector Sparse(params float[] dense) =>
        new(dense.Length, Enumerable.Range(0, dense.Length).Where(i => dense[i] != 0).ToArray(), dense.Where(v => v != 0).ToArray());

    // sklearn.metrics.silhouette_score on the same points (euclidean) = 0.9196222281154851
    [Fact]
    public void Separable_points_score_near_one_and_match_sklearn()
    {
        double[][] p = [[0, 0], [0, 1], [1, 0], [10, 10], [10, 11], [11, 10]];
        var s = Silhouette.Score(p.Length, [0, 0, 0, 1, 1, 1], (a, b) => Euclid(p, a, b));
        Assert.Equal(0.9196222281154851, s, 9);
    }

    // sklearn silhouette_score(X2, [0,0,1,1,1]) = 0.415283742681127
    [Fact]
    public void Overlapping_points_match_sklearn()
    {
        double[][] p = [[0, 0], [0, 2], [4, 0], [4, 2], [9, 1]];
        Assert.Equal(0.415283742681127, Silhouette.Score(p.Length, [0, 0, 1, 1, 1], (a, b) => Euclid(p, a, b)), 9);
    }

    // sklearn silhouette_score([[1,0],[0.9,0.1],[0,1],[0.1,0.9]], [0,0,1,1], metric="cosine") = 0.9931008308303025
    [Fact]
    public void Cosine_on_sparse_vectors_matches_sklearn()
    {
        var pts = new[] { Sparse(1, 0), Sparse(0.9f, 0.1f), Sparse(0, 1), Sparse(0.1f, 0.9f) };
        Assert.Equal(0.9931008308303025, Silhouette.Score(pts, [0, 0, 1, 1], SilhouetteMetric.Cosine), 6);
    }

    [Fact]
    public void Wrong_partition_scores_below_right_one()
    {
        double[][] p = [[0, 0], [0, 1], [1, 0], [10, 10], [10, 11], [11, 10]];
        var wrong = Silhouette.Score(p.Length, [0, 1, 0, 1, 0, 1], (a, b) => Euclid(p, a, b));
        Assert.True(wrong < 0);
    }

    [Fact]
    public void Sampling_keeps_the_score_close_on_many_points()
    {
        var rng = new Random(3);
        var pts = new List<SparseVector>(); var lab = new List<int>();
        for (int i = 0; i < 400; i++)
        {
            int c = i % 2;
            pts.Add(Sparse(c == 0 ? 1 : (float)rng.NextDouble() * 0.1f, c == 1 ? 1 : (float)rng.NextDouble() * 0.1f));
            lab.Add(c);
        }
        double full = Silhouette.Score(pts, lab);
        double sampled = Silhouette.Score(pts, lab, sampleLimit: 100, seed: 5);
        Assert.InRange(Math.Abs(full - sampled), 0, 0.05);
    }

    [Theory]
    [InlineData(SilhouetteMetric.Cosine)]
    [InlineData(SilhouetteMetric.Euclidean)]
    public void Blocked_distances_equal_pairwise_dot_products(SilhouetteMetric metric)
    {
        // 203 points: not a whole number of blocks, so the last block is partial; some rows share no feature at all.
        var rng = new Random(17);
        const int dim = 500;
        var pts = new List<SparseVector>();
        for (int i = 0; i < 203; i++)
        {
            var idx = Enumerable.Range(0, rng.Next(0, 40)).Select(_ => rng.Next(dim)).Distinct().Order().ToArray();
            pts.Add(new SparseVector(dim, idx, idx.Select(_ => (float)rng.NextDouble()).ToArray()));
        }
        var d = Silhouette.Distances.Compute(pts, metric, sampleLimit: 1000);
        for (int a = 0; a < pts.Count; a++)
            for (int b = 0; b < pts.Count; b++)
            {
                double dot = pts[a].Dot(pts[b]), na = pts[a].SquaredNorm(), nb = pts[b].SquaredNorm();
                double expected = a == b ? 0
                    : metric == SilhouetteMetric.Cosine ? (na * nb == 0 ? 1 : Math.Max(0, 1 - dot / Math.Sqrt(na * nb)))
                    : Math.Sqrt(Math.Max(0, na + nb - 2 * dot));
                Assert.InRange(Math.Abs(expected - d[a, b]), 0, 1e-5 * Math.Max(1, expected)); // float sums, stored as float
            }
    }
}
