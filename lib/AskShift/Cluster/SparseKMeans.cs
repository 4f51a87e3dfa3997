using System.Numerics;
using System.Runtime.InteropServices;

namespace AskShift.Cluster;

/// <summary>Settings for <see cref="SparseKMeans"/>, sklearn's KMeans defaults unless said otherwise.</summary>
internal sealed record KMeansOptions
{
    public required int K { get; init; }
    /// <summary>Independent k-means++ starts; the one with the lowest inertia wins (sklearn's n_init).</summary>
    public int Restarts { get; init; } = 10;
    public int MaxIterations { get; init; } = 300;
    /// <summary>Converged when the centres move less than this times the data's mean per-feature variance (sklearn's tol).</summary>
    public double Tolerance { get; init; } = 1e-4;
    public int Seed { get; init; } = 1;
    /// <summary>Restarts run in parallel on this many threads (0: one per core). The result does not depend on it.</summary>
    public int Threads { get; init; }
}

/// <summary>One k-means fit: labels, inertia (sum of squared distances to the nearest centre) and what it took.</summary>
internal sealed record KMeansFit(int[] Labels, double Inertia, int Restart, int Iterations);

/// <summary>
/// Euclidean k-means on sparse rows (Lloyd's algorithm with greedy k-means++ seeding, as scikit-learn's KMeans), written
/// here rather than taken from ML.NET: ML.NET's KMeansTrainer wants an IDataView per fit, runs one start per fit and
/// keeps its own initialisation, so ten restarts of 10,000 asks took seconds where the arithmetic takes a fraction.
/// </summary>
/// <remarks>
/// Work is proportional to the non-zeros: a row's distances to all k centres come from one pass over its non-zeros
/// against the centres stored feature-major (the k weights of a feature side by side, added with SIMD), so a
/// 300-non-zero ask costs 300 short vector adds whatever the vocabulary size. Restarts run in parallel, each on its own
/// seeded random stream and entirely on one thread, and the best is picked by inertia then restart number, so the
/// same seed gives the same labels on any number of cores.
/// </remarks>
internal static class SparseKMeans
{
    /// <summary>Rows in compressed sparse row form, with their squared norms.</summary>
    internal sealed class Rows
    {
        public readonly int N, Dim;
        public readonly int[] Start, Col;
        public readonly float[] Val;
        public readonly double[] SquaredNorm;

        public Rows(IReadOnlyList<SparseVector> vectors, int dim)
        {
            N = vectors.Count; Dim = dim;
            Start = new int[N + 1];
            for (int i = 0; i < N; i++) Start[i + 1] = Start[i] + vectors[i].Indices.Length;
            Col = new int[Start[N]]; Val = new float[Start[N]]; SquaredNorm = new double[N];
            for (int i = 0; i < N; i++)
            {
                vectors[i].Indices.CopyTo(Col, Start[i]);
                vectors[i].Values.CopyTo(Val, Start[i]);
                SquaredNorm[i] = vectors[i].SquaredNorm();
            }
        }
    }

    /// <summary>The best of <see cref="KMeansOptions.Restarts"/> k-means++ starts.</summary>
    public static KMeansFit Fit(IReadOnlyList<SparseVector> vectors, int dim, KMeansOptions o)
    {
        if (o.K < 1 || o.K > vectors.Count) throw new ArgumentOutOfRangeException(nameof(o), $"k={o.K} is outside 1..{vectors.Count}");
        var rows = new Rows(vectors, dim);
        var tol = o.Tolerance * MeanVariance(rows);
        var fits = new KMeansFit[Math.Max(1, o.Restarts)];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = o.Threads > 0 ? o.Threads : Environment.ProcessorCount };
        Parallel.For(0, fits.Length, parallel, r =>
        {
            var rng = new Random(unchecked(o.Seed * 1_000_003 + r)); // fixed per (seed, restart); never HashCode, which is salted per process
            var centres = PlusPlus(rows, o.K, rng);
            var (labels, inertia, iterations) = Lloyd(rows, centres, o.K, o.MaxIterations, tol);
            fits[r] = new KMeansFit(labels, inertia, r, iterations);
        });
        return fits.OrderBy(f => f.Inertia).ThenBy(f => f.Restart).First();
    }

    /// <summary>Lloyd iterations from the given centres (dense, one per row of <paramref name="initial"/>).</summary>
    internal static (int[] Labels, double Inertia, int Iterations) Lloyd(Rows rows, float[][] initial, int k, int maxIterations, double tol)
    {
        int width = Padded(k);
        var centresT = new float[rows.Dim * width]; // feature-major: centresT[j * width + c], padded with zero centres
        var sq = new double[k];
        for (int c = 0; c < k; c++)
        {
            double s2 = 0;
            for (int j = 0; j < rows.Dim; j++) { float x = initial[c][j]; centresT[j * width + c] = x; s2 += (double)x * x; }
            sq[c] = s2;
        }
        var labels = new int[rows.N];
        Array.Fill(labels, -1);
        var dist = new double[rows.N];
        var acc = new float[width];
        var sumsT = new double[rows.Dim * width];
        var counts = new int[k];
        int iteration = 0;
        for (; iteration < Math.Max(1, maxIterations); iteration++)
        {
            bool changed = Assign(rows, centresT, sq, k, width, labels, dist, acc);
            // New centres: the mean of each cluster's rows; an empty cluster takes the row farthest from its centre.
            Array.Clear(counts); // sumsT is all zero here: the pass below clears what it reads
            for (int i = 0; i < rows.N; i++)
            {
                int c = labels[i];
                counts[c]++;
                for (int p = rows.Start[i]; p < rows.Start[i + 1]; p++) sumsT[rows.Col[p] * width + c] += rows.Val[p];
            }
            var taken = new HashSet<int>();
            for (int c = 0; c < k; c++)
            {
                if (counts[c] > 0) continue;
                int far = Farthest(dist, taken);
                taken.Add(far);
                for (int p = rows.Start[far]; p < rows.Start[far + 1]; p++) sumsT[rows.Col[p] * width + c] = rows.Val[p];
                counts[c] = 1;
                changed = true;
            }
            double shift = 0;
            Array.Clear(sq);
            var inverse = counts.Select(n => 1.0 / n).ToArray();
            for (int j = 0, at = 0; j < rows.Dim; j++, at += width)
                for (int c = 0; c < k; c++)
                {
                    float x = (float)(sumsT[at + c] * inverse[c]);
                    sumsT[at + c] = 0;
                    double d = x - centresT[at + c];
                    shift += d * d;
                    sq[c] += (double)x * x;
                    centresT[at + c] = x;
                }
            if (!changed || shift <= tol) { iteration++; break; }
        }
        // Final labels against the final centres, as sklearn does.
        Assign(rows, centresT, sq, k, width, labels, dist, acc);
        return (labels, dist.Sum(), iteration);
    }

    /// <summary>k rounded up to whole SIMD vectors, so a feature's centre weights load as full vectors.</summary>
    private static int Padded(int k) => (k + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;

    /// <summary>Nearest centre of every row; true when any label changed. <paramref name="dist"/> gets squared distances.</summary>
    private static bool Assign(Rows rows, float[] centresT, double[] sq, int k, int width, int[] labels, double[] dist, float[] acc)
    {
        bool changed = false;
        for (int i = 0; i < rows.N; i++)
        {
            Dots(rows, i, centresT, width, acc);
            int best = 0; double bestD = double.PositiveInfinity;
            for (int c = 0; c < k; c++)
            {
                double d = sq[c] - 2.0 * acc[c];
                if (d < bestD) { bestD = d; best = c; }
            }
            dist[i] = Math.Max(0, bestD + rows.SquaredNorm[i]);
            if (labels[i] != best) { labels[i] = best; changed = true; }
        }
        return changed;
    }

    /// <summary>
    /// acc[c] = row i · column c of a feature-major matrix <paramref name="width"/> wide (a multiple of the SIMD width),
    /// in one pass over the row's non-zeros, the sums kept in registers for up to four vectors.
    /// </summary>
    private static void Dots(Rows rows, int i, float[] matrixT, int width, float[] acc)
    {
        int vectors = width / Vector<float>.Count;
        var m = MemoryMarshal.Cast<float, Vector<float>>(matrixT.AsSpan());
        var col = rows.Col; var val = rows.Val;
        int from = rows.Start[i], to = rows.Start[i + 1];
        var output = MemoryMarshal.Cast<float, Vector<float>>(acc.AsSpan());
        switch (vectors)
        {
            case 1:
            {
                var s0 = Vector<float>.Zero;
                for (int p = from; p < to; p++) s0 += new Vector<float>(val[p]) * m[col[p]];
                output[0] = s0;
                return;
            }
            case 2:
            {
                Vector<float> s0 = Vector<float>.Zero, s1 = Vector<float>.Zero;
                for (int p = from; p < to; p++)
                {
                    var v = new Vector<float>(val[p]); int at = col[p] * 2;
                    s0 += v * m[at]; s1 += v * m[at + 1];
                }
                output[0] = s0; output[1] = s1;
                return;
            }
            case 3:
            {
                Vector<float> s0 = Vector<float>.Zero, s1 = Vector<float>.Zero, s2 = Vector<float>.Zero;
                for (int p = from; p < to; p++)
                {
                    var v = new Vector<float>(val[p]); int at = col[p] * 3;
                    s0 += v * m[at]; s1 += v * m[at + 1]; s2 += v * m[at + 2];
                }
                output[0] = s0; output[1] = s1; output[2] = s2;
                return;
            }
            case 4:
            {
                Vector<float> s0 = Vector<float>.Zero, s1 = Vector<float>.Zero, s2 = Vector<float>.Zero, s3 = Vector<float>.Zero;
                for (int p = from; p < to; p++)
                {
                    var v = new Vector<float>(val[p]); int at = col[p] * 4;
                    s0 += v * m[at]; s1 += v * m[at + 1]; s2 += v * m[at + 2]; s3 += v * m[at + 3];
                }
                output[0] = s0; output[1] = s1; output[2] = s2; output[3] = s3;
                return;
            }
            default:
            {
                output.Clear();
                for (int p = from; p < to; p++)
                {
                    var v = new Vector<float>(val[p]); int at = col[p] * vectors;
                    for (int q = 0; q < vectors; q++) output[q] += v * m[at + q];
                }
                return;
            }
        }
    }

    private static int Farthest(double[] dist, HashSet<int> taken)
    {
        int best = -1;
        for (int i = 0; i < dist.Length; i++)
            if (!taken.Contains(i) && (best < 0 || dist[i] > dist[best])) best = i;
        return best;
    }

    /// <summary>
    /// Greedy k-means++ (Arthur and Vassilvitskii 2007, with scikit-learn's 2 + ln k candidates per step, keeping the
    /// candidate that lowers the total squared distance most).
    /// </summary>
    internal static float[][] PlusPlus(Rows rows, int k, Random rng)
    {
        var centres = new float[k][];
        var closest = new double[rows.N];
        int trials = 2 + (int)Math.Log(k);
        int first = rng.Next(rows.N);
        centres[0] = Dense(rows, first);
        int width = Padded(trials); // the step's candidates side by side; "one" uses slot 0 of the same width
        var one = new float[rows.Dim * width];
        Scatter(rows, first, one, 0, width);
        var acc = new float[width];
        var sq1 = rows.SquaredNorm[first];
        for (int i = 0; i < rows.N; i++)
        {
            Dots(rows, i, one, width, acc);
            closest[i] = Math.Max(0, rows.SquaredNorm[i] + sq1 - 2.0 * acc[0]);
        }
        // The candidates of a step side by side, feature-major, so one pass over a row's non-zeros scores them all.
        var candT = new float[rows.Dim * width];
        var candidates = new int[trials];
        int previous = first;
        var potential = new double[trials];
        for (int c = 1; c < k; c++)
        {
            double total = closest.Sum();
            for (int t = 0; t < trials; t++)
            {
                candidates[t] = total > 0 ? Sample(closest, total * rng.NextDouble()) : rng.Next(rows.N);
                Scatter(rows, candidates[t], candT, t, width);
            }
            Array.Clear(potential);
            for (int i = 0; i < rows.N; i++)
            {
                Dots(rows, i, candT, width, acc);
                for (int t = 0; t < trials; t++)
                    potential[t] += Math.Min(closest[i], Math.Max(0, rows.SquaredNorm[i] + rows.SquaredNorm[candidates[t]] - 2.0 * acc[t]));
            }
            int best = 0;
            for (int t = 1; t < trials; t++) if (potential[t] < potential[best]) best = t;
            int chosen = candidates[best];
            centres[c] = Dense(rows, chosen);
            Unscatter(rows, previous, one, 0, width);
            Scatter(rows, chosen, one, 0, width);
            previous = chosen;
            for (int i = 0; i < rows.N; i++)
            {
                Dots(rows, i, one, width, acc);
                closest[i] = Math.Min(closest[i], Math.Max(0, rows.SquaredNorm[i] + rows.SquaredNorm[chosen] - 2.0 * acc[0]));
            }
            for (int t = 0; t < trials; t++) Unscatter(rows, candidates[t], candT, t, width);
        }
        return centres;
    }

    /// <summary>Writes row i into column <paramref name="slot"/> of a feature-major matrix <paramref name="width"/> wide.</summary>
    private static void Scatter(Rows rows, int i, float[] matrix, int slot, int width)
    {
        for (int p = rows.Start[i]; p < rows.Start[i + 1]; p++) matrix[rows.Col[p] * width + slot] = rows.Val[p];
    }

    private static void Unscatter(Rows rows, int i, float[] matrix, int slot, int width)
    {
        for (int p = rows.Start[i]; p < rows.Start[i + 1]; p++) matrix[rows.Col[p] * width + slot] = 0;
    }

    private static int Sample(double[] weights, double target)
    {
        double acc = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            acc += weights[i];
            if (acc >= target && weights[i] > 0) return i;
        }
        for (int i = weights.Length - 1; i >= 0; i--) if (weights[i] > 0) return i;
        return weights.Length - 1;
    }

    private static float[] Dense(Rows rows, int i)
    {
        var d = new float[rows.Dim];
        for (int p = rows.Start[i]; p < rows.Start[i + 1]; p++) d[rows.Col[p]] = rows.Val[p];
        return d;
    }

    /// <summary>Mean over features of the per-feature variance (what sklearn scales its tolerance by).</summary>
    private static double MeanVariance(Rows rows)
    {
        var mean = new double[rows.Dim];
        for (int p = 0; p < rows.Col.Length; p++) mean[rows.Col[p]] += rows.Val[p];
        double meanSq = 0;
        for (int j = 0; j < rows.Dim; j++) { mean[j] /= rows.N; meanSq += mean[j] * mean[j]; }
        return Math.Max(0, rows.SquaredNorm.Sum() / rows.N - meanSq) / Math.Max(1, rows.Dim);
    }
}
