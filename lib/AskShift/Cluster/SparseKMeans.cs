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
    /// <summary>Each pass runs on this many threads (0: one per core). The result does not depend on it.</summary>
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
/// 300-non-zero ask costs 300 short vector adds whatever the vocabulary size. Restarts run one after another, each on
/// its own seeded random stream, with every pass split over the cores in fixed blocks of rows (and of features) whose
/// partial sums are added in block order; the best restart is picked by inertia then restart number, so the same seed
/// gives the same labels on any number of cores.
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
        var buffers = new Buffers();
        // Restarts run one after another, each spread over the cores by blocks of rows: three restarts on two cores
        // in parallel would leave one core idle for the third.
        for (int r = 0; r < fits.Length; r++)
        {
            var rng = new Random(unchecked(o.Seed * 1_000_003 + r)); // fixed per (seed, restart); never HashCode, which is salted per process
            var centres = PlusPlus(rows, o.K, rng, parallel, buffers);
            var (labels, inertia, iterations) = Lloyd(rows, centres, o.K, o.MaxIterations, tol, parallel, buffers);
            fits[r] = new KMeansFit(labels, inertia, r, iterations);
        }
        return fits.OrderBy(f => f.Inertia).ThenBy(f => f.Restart).First();
    }

    /// <summary>Rows per block of parallel work. Fixed, so sums are added in the same order on any number of cores.</summary>
    private const int Block = 256;

    /// <summary>Features per block when centres are recomputed in parallel (fixed, for the same reason).</summary>
    private const int FeatureBlock = 4096;

    /// <summary>
    /// A row is left alone when its distance to its own centre, plus how far that centre moved, stays below its
    /// distance to the second nearest, minus how far any other centre moved, by this much. Dot products are summed in
    /// float, so a squared distance over a few hundred non-zeros is uncertain by up to about 1e-5, and a distance near
    /// zero (its square root) by up to about 1e-3: the margin covers that, and rows of TF-IDF asks, whose distances lie
    /// between 0.5 and 1.4, are still skipped once they settle.
    /// </summary>
    private const double BoundMargin = 1e-3;

    /// <summary>
    /// Lloyd iterations from the given centres (dense, one per row of <paramref name="initial"/>), with Hamerly's bounds
    /// (2010): each row keeps an upper bound on the distance to its centre and a lower bound on the distance to any
    /// other, loosened each iteration by how far the centres moved; while the bounds stay apart the row's label cannot
    /// change and its distances are not computed. Late iterations, where few asks move, then cost little.
    /// </summary>
    internal static (int[] Labels, double Inertia, int Iterations) Lloyd(Rows rows, float[][] initial, int k, int maxIterations, double tol,
        ParallelOptions? parallel = null, Buffers? buffers = null)
    {
        parallel ??= new ParallelOptions();
        buffers ??= new Buffers();
        int width = Padded(k);
        var centresT = Buffers.Zeroed(ref buffers.CentresT, rows.Dim * width); // feature-major: centresT[j * width + c], padded with zero centres
        var sq = new double[k];
        for (int c = 0; c < k; c++)
        {
            double s2 = 0;
            for (int j = 0; j < rows.Dim; j++) { float x = initial[c][j]; centresT[j * width + c] = x; s2 += (double)x * x; }
            sq[c] = s2;
        }
        var state = new AssignState(rows.N, k);
        // Each cluster's sum of rows, kept from one iteration to the next and changed only by the rows that moved:
        // late iterations move few asks, and re-adding every row each time was most of an iteration's cost.
        var sumsT = Buffers.Zeroed(ref buffers.SumsT, rows.Dim * width);
        var counts = new int[k];
        var labelCounts = new int[k];
        var previous = Enumerable.Repeat(-1, rows.N).ToArray();
        var dirty = new bool[k];
        var emptyRow = new int[k];
        int featureBlocks = (rows.Dim + FeatureBlock - 1) / FeatureBlock;
        var sqPart = new double[featureBlocks * k];
        var driftPart = new double[featureBlocks * k];
        int iteration = 0;
        for (; iteration < Math.Max(1, maxIterations); iteration++)
        {
            bool changed = Assign(rows, centresT, sq, k, width, state, useBounds: iteration > 0, parallel);
            // An empty cluster takes the row farthest from its centre, which needs every row's true distance: when bounds
            // skipped rows, one full pass first (it also corrects any label a bound kept), before the sums are moved.
            if (iteration > 0)
            {
                Array.Clear(labelCounts); // counts stays the previous labels' until the sums move below
                for (int i = 0; i < rows.N; i++) labelCounts[state.Labels[i]]++;
                if (labelCounts.Contains(0)) changed |= Assign(rows, centresT, sq, k, width, state, useBounds: false, parallel);
            }
            Array.Clear(dirty);
            for (int i = 0; i < rows.N; i++)
            {
                int from = previous[i], to = state.Labels[i];
                if (from == to) continue;
                if (from >= 0)
                {
                    counts[from]--; dirty[from] = true;
                    for (int p = rows.Start[i]; p < rows.Start[i + 1]; p++) sumsT[rows.Col[p] * width + from] -= rows.Val[p];
                }
                counts[to]++; dirty[to] = true;
                for (int p = rows.Start[i]; p < rows.Start[i + 1]; p++) sumsT[rows.Col[p] * width + to] += rows.Val[p];
                previous[i] = to;
            }
            // An empty cluster takes the row farthest from its centre as its new centre (its sum stays empty until
            // rows join it).
            Array.Fill(emptyRow, -1);
            if (counts.Contains(0))
            {
                var taken = new HashSet<int>();
                for (int c = 0; c < k; c++)
                {
                    if (counts[c] > 0) continue;
                    int far = Farthest(state.Dist, taken);
                    taken.Add(far);
                    emptyRow[c] = far; dirty[c] = true;
                    changed = true;
                }
            }
            // New centres (the mean of each changed cluster's rows), by fixed blocks of features in parallel; the
            // norms and drifts are summed block by block in order, so any number of cores gives the same numbers.
            Array.Clear(sqPart); Array.Clear(driftPart);
            var inverse = counts.Select(n => n > 0 ? 1.0 / n : 0).ToArray();
            var dense = emptyRow.Select(r => r >= 0 ? Dense(rows, r) : null).ToArray();
            Parallel.For(0, featureBlocks, parallel, fb =>
            {
                int jEnd = Math.Min(rows.Dim, (fb + 1) * FeatureBlock);
                for (int c = 0; c < k; c++)
                {
                    if (!dirty[c]) continue;
                    double s2 = 0, drift2 = 0;
                    for (int j = fb * FeatureBlock, at = j * width + c; j < jEnd; j++, at += width)
                    {
                        float x = dense[c] is { } row ? row[j] : (float)(sumsT[at] * inverse[c]);
                        double d = x - centresT[at];
                        drift2 += d * d;
                        s2 += (double)x * x;
                        centresT[at] = x;
                    }
                    sqPart[fb * k + c] = s2; driftPart[fb * k + c] = drift2;
                }
            });
            double shift = 0;
            for (int c = 0; c < k; c++)
            {
                if (!dirty[c]) { state.Drift[c] = 0; continue; }
                double s2 = 0, drift2 = 0;
                for (int fb = 0; fb < featureBlocks; fb++) { s2 += sqPart[fb * k + c]; drift2 += driftPart[fb * k + c]; }
                sq[c] = s2; shift += drift2; state.Drift[c] = Math.Sqrt(drift2);
            }
            if (!changed || shift <= tol) { iteration++; break; }
        }
        // Final labels against the final centres, every distance computed, as sklearn does.
        Assign(rows, centresT, sq, k, width, state, useBounds: false, parallel);
        return (state.Labels, state.Dist.Sum(), iteration);
    }

    /// <summary>
    /// The large feature-major arrays, kept from one restart to the next: allocating megabytes per restart cost more
    /// than the arithmetic on a thousand asks.
    /// </summary>
    internal sealed class Buffers
    {
        public float[]? CentresT, CandT;
        public double[]? SumsT;

        /// <summary>An array of at least <paramref name="length"/> elements whose first <paramref name="length"/> are zero.</summary>
        public static T[] Zeroed<T>(ref T[]? array, int length)
        {
            if (array is null || array.Length < length) return array = new T[length];
            Array.Clear(array, 0, length);
            return array;
        }
    }

    /// <summary>What assignment keeps between iterations: labels, squared distances, Hamerly's bounds, centre drift.</summary>
    private sealed class AssignState(int n, int k)
    {
        public readonly int[] Labels = Enumerable.Repeat(-1, n).ToArray();
        /// <summary>Squared distance to the assigned centre; exact after a pass without bounds.</summary>
        public readonly double[] Dist = new double[n];
        public readonly double[] Upper = new double[n], Lower = new double[n];
        /// <summary>How far each centre moved in the last update.</summary>
        public readonly double[] Drift = new double[k];
    }

    /// <summary>
    /// Nearest centre of every row (rows skipped whose bounds rule out a change); true when any label changed. Rows
    /// are split in fixed blocks, each written only by the thread that owns it, so the result is thread-count free.
    /// </summary>
    private static bool Assign(Rows rows, float[] centresT, double[] sq, int k, int width, AssignState st, bool useBounds, ParallelOptions parallel)
    {
        int top = 0; double max1 = 0, max2 = 0; // the largest drift, and the largest of the others
        if (useBounds)
            for (int c = 0; c < k; c++)
            {
                var d = st.Drift[c];
                if (d > max1) { max2 = max1; max1 = d; top = c; }
                else if (d > max2) max2 = d;
            }
        int blocks = (rows.N + Block - 1) / Block;
        var changedIn = new bool[blocks];
        Parallel.For(0, blocks, parallel, () => new float[width], (b, _, acc) =>
        {
            int to = Math.Min(rows.N, (b + 1) * Block);
            for (int i = b * Block; i < to; i++)
            {
                if (useBounds)
                {
                    int own = st.Labels[i];
                    st.Upper[i] += st.Drift[own];
                    st.Lower[i] -= own == top ? max2 : max1;
                    if (st.Upper[i] + BoundMargin < st.Lower[i]) continue;
                }
                Dots(rows, i, centresT, width, acc);
                int best = 0; double bestD = double.PositiveInfinity, secondD = double.PositiveInfinity;
                for (int c = 0; c < k; c++)
                {
                    double d = sq[c] - 2.0 * acc[c];
                    if (d < bestD) { secondD = bestD; bestD = d; best = c; }
                    else if (d < secondD) secondD = d;
                }
                st.Dist[i] = Math.Max(0, bestD + rows.SquaredNorm[i]);
                st.Upper[i] = Math.Sqrt(st.Dist[i]);
                st.Lower[i] = double.IsPositiveInfinity(secondD) ? double.PositiveInfinity : Math.Sqrt(Math.Max(0, secondD + rows.SquaredNorm[i]));
                if (st.Labels[i] != best) { st.Labels[i] = best; changedIn[b] = true; }
            }
            return acc;
        }, _ => { });
        return changedIn.Contains(true);
    }

    /// <summary>k rounded up to whole SIMD vectors, so a feature's centre weights load as full vectors.</summary>
    private static int Padded(int k) => (k + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;

    /// <summary>
    /// acc[c] = row i · column c of a feature-major matrix <paramref name="width"/> wide (a multiple of the SIMD width),
    /// in one pass over the row's non-zeros, the sums kept in registers for up to four vectors.
    /// </summary>
    internal static void Dots(Rows rows, int i, float[] matrixT, int width, float[] acc)
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
    internal static float[][] PlusPlus(Rows rows, int k, Random rng, ParallelOptions? parallel = null, Buffers? buffers = null)
    {
        parallel ??= new ParallelOptions();
        buffers ??= new Buffers();
        var centres = new float[k][];
        var closest = new double[rows.N];
        int trials = 2 + (int)Math.Log(k);
        int first = rng.Next(rows.N);
        centres[0] = Dense(rows, first);
        int width = Padded(trials);
        int blocks = (rows.N + Block - 1) / Block;
        // The candidates of a step side by side, feature-major, so one pass over a row's non-zeros scores them all;
        // each row's distance to each candidate is kept, so the chosen one updates the nearest distances without
        // another pass (as scikit-learn does).
        var candT = Buffers.Zeroed(ref buffers.CandT, rows.Dim * width);
        var toCandidate = new double[trials * rows.N];
        var candidates = new int[trials];
        var partial = new double[blocks * trials];
        void Score(int count)
        {
            Array.Clear(partial);
            Parallel.For(0, blocks, parallel, () => new float[width], (b, _, acc) =>
            {
                int to = Math.Min(rows.N, (b + 1) * Block);
                for (int i = b * Block; i < to; i++)
                {
                    Dots(rows, i, candT, width, acc);
                    for (int t = 0; t < count; t++)
                    {
                        var d = Math.Max(0, rows.SquaredNorm[i] + rows.SquaredNorm[candidates[t]] - 2.0 * acc[t]);
                        toCandidate[t * rows.N + i] = d;
                        partial[b * trials + t] += Math.Min(closest[i], d);
                    }
                }
                return acc;
            }, _ => { });
        }
        candidates[0] = first;
        Scatter(rows, first, candT, 0, width);
        Array.Fill(closest, double.PositiveInfinity);
        Score(1);
        Unscatter(rows, first, candT, 0, width);
        Array.Copy(toCandidate, closest, rows.N);
        var potential = new double[trials];
        for (int c = 1; c < k; c++)
        {
            double total = closest.Sum();
            for (int t = 0; t < trials; t++)
            {
                candidates[t] = total > 0 ? Sample(closest, total * rng.NextDouble()) : rng.Next(rows.N);
                Scatter(rows, candidates[t], candT, t, width);
            }
            Score(trials);
            Array.Clear(potential);
            for (int b = 0; b < blocks; b++) // block by block in order: the same sums on any number of cores
                for (int t = 0; t < trials; t++) potential[t] += partial[b * trials + t];
            int best = 0;
            for (int t = 1; t < trials; t++) if (potential[t] < potential[best]) best = t;
            int chosen = candidates[best];
            centres[c] = Dense(rows, chosen);
            for (int i = 0, at = best * rows.N; i < rows.N; i++) closest[i] = Math.Min(closest[i], toCandidate[at + i]);
            for (int t = 0; t < trials; t++) Unscatter(rows, candidates[t], candT, t, width);
        }
        return centres;
    }

    /// <summary>Writes row i into column <paramref name="slot"/> of a feature-major matrix <paramref name="width"/> wide.</summary>
    internal static void Scatter(Rows rows, int i, float[] matrix, int slot, int width)
    {
        for (int p = rows.Start[i]; p < rows.Start[i + 1]; p++) matrix[rows.Col[p] * width + slot] = rows.Val[p];
    }

    internal static void Unscatter(Rows rows, int i, float[] matrix, int slot, int width)
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
