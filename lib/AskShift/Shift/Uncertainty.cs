namespace AskShift.Shift;

/// <summary>
/// How far a share or a contrast can be trusted: intervals for proportions (Wilson; a bootstrap over documents, since
/// asks in one document are not independent), agreement between two coders (Cohen's kappa), and false-discovery
/// control when hundreds of words are tested at once (Benjamini-Hochberg). Small on purpose: each function is checked
/// against scipy/scikit-learn values in the tests.
/// </summary>
public static class Uncertainty
{
    /// <summary>
    /// Wilson score interval for <paramref name="successes"/> of <paramref name="n"/>: unlike the normal approximation it
    /// stays inside [0, 1] and is honest for small n ("1 of 4" is 5% to 70%, not "25%").
    /// </summary>
    public static (double Low, double High) Wilson(int successes, int n, double confidence = 0.95)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), "a proportion needs at least one observation");
        if (successes < 0 || successes > n) throw new ArgumentOutOfRangeException(nameof(successes), $"{successes} is not between 0 and {n}");
        var z = NormalQuantile(1 - (1 - confidence) / 2);
        var p = (double)successes / n;
        var d = 1 + z * z / n;
        var centre = (p + z * z / (2 * n)) / d;
        var half = z * Math.Sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / d;
        // None or all: the bound is exactly 0 or 1 (centre and half are equal there, but rounding leaves a trace such as
        // 1e-19 that a chart's error bar turns into a negative length).
        return (successes == 0 ? 0 : Math.Max(0, centre - half), successes == n ? 1 : Math.Min(1, centre + half));
    }

    /// <summary>
    /// Percentile interval of a share from a bootstrap that resamples whole documents (a cluster bootstrap): a release
    /// with ten asks moves the share ten asks at a time, as it does in the data. Deterministic for a given seed.
    /// </summary>
    /// <param name="asks">One entry per ask: its document and whether it counts (e.g. is of the theme).</param>
    public static (double Low, double High) DocumentBootstrap(IReadOnlyList<(string Document, bool Hit)> asks, int resamples = 2000,
        int seed = 1, double confidence = 0.95)
    {
        if (asks.Count == 0) throw new ArgumentException("no asks to resample", nameof(asks));
        var docs = asks.GroupBy(a => a.Document, StringComparer.Ordinal)
            .Select(g => new[] { g.Count(a => a.Hit), g.Count() }).ToArray();
        return DocumentBootstrap(docs, sums => (double)sums[0] / sums[1], resamples, seed, confidence)!.Value; // every document has an ask
    }

    /// <summary>
    /// Percentile interval of any statistic of counts summed over documents, resampling whole documents: precision,
    /// recall and F1 of an extraction score move a document's asks together, as the share above does.
    /// Deterministic for a given seed.
    /// </summary>
    /// <param name="counts">One array per document, all of the same length (e.g. matched, extracted, annotated).</param>
    /// <param name="statistic">The statistic of the summed counts of one resample; NaN where it is undefined (a precision
    /// over no extracted asks), and such resamples are left out rather than scored as 0.</param>
    /// <returns>Null when the statistic is undefined in every resample.</returns>
    internal static (double Low, double High)? DocumentBootstrap(IReadOnlyList<int[]> counts, Func<int[], double> statistic, int resamples = 2000,
        int seed = 1, double confidence = 0.95)
    {
        if (counts.Count == 0) throw new ArgumentException("no documents to resample", nameof(counts));
        if (resamples < 1) throw new ArgumentOutOfRangeException(nameof(resamples), resamples, "at least one resample");
        var width = counts[0].Length;
        if (counts.Any(c => c.Length != width)) throw new ArgumentException($"every document needs {width} counts", nameof(counts));
        var rng = new Random(seed);
        var values = new double[resamples];
        var sums = new int[width];
        for (var r = 0; r < resamples; r++)
        {
            Array.Clear(sums);
            for (var i = 0; i < counts.Count; i++)
            {
                var d = counts[rng.Next(counts.Count)];
                for (var j = 0; j < width; j++) sums[j] += d[j];
            }
            values[r] = statistic(sums);
        }
        var defined = values.Where(v => !double.IsNaN(v)).ToArray();
        if (defined.Length == 0) return null;
        Array.Sort(defined);
        var alpha = (1 - confidence) / 2;
        return (Percentile(defined, alpha), Percentile(defined, 1 - alpha));
    }

    private static double Percentile(double[] sorted, double q)
    {
        var pos = q * (sorted.Length - 1);
        var lo = (int)Math.Floor(pos);
        var hi = (int)Math.Ceiling(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    /// <summary>
    /// Cohen's kappa between two codings of the same items: agreement beyond what the coders' own label frequencies
    /// would give by chance (1 perfect, 0 chance level). The machine's themes against a person's is the use here.
    /// </summary>
    public static double CohenKappa(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count != b.Count) throw new ArgumentException($"the codings differ in length ({a.Count} and {b.Count})");
        if (a.Count == 0) throw new ArgumentException("no items to compare");
        var n = (double)a.Count;
        var observed = a.Zip(b).Count(p => p.First == p.Second) / n;
        var countsA = a.GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        var countsB = b.GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        var expected = countsA.Sum(kv => kv.Value / n * (countsB.GetValueOrDefault(kv.Key) / n));
        return expected >= 1 ? 1 : (observed - expected) / (1 - expected);
    }

    /// <summary>
    /// Benjamini-Hochberg adjusted p-values (q-values), in the input order: a word is a finding at false-discovery rate
    /// q when its adjusted value is at most q, which keeps "significant" meaningful when hundreds are tested.
    /// </summary>
    public static double[] BenjaminiHochberg(IReadOnlyList<double> pValues)
    {
        var n = pValues.Count;
        var order = Enumerable.Range(0, n).OrderBy(i => pValues[i]).ToArray();
        var adjusted = new double[n];
        var running = 1.0;
        for (var rank = n; rank >= 1; rank--)
        {
            var i = order[rank - 1];
            running = Math.Min(running, pValues[i] * n / rank);
            adjusted[i] = Math.Min(1, running);
        }
        return adjusted;
    }

    /// <summary>Two-sided p-value of a z-score under the standard normal (for Fightin' Words z-scores).</summary>
    public static double TwoSidedP(double z) => Math.Min(1, 2 * NormalUpperTail(Math.Abs(z)));

    /// <summary>P(Z &gt; x) for the standard normal, via the complementary error function (W. J. Cody's rational fits are
    /// not needed at this accuracy: Numerical Recipes' erfc has relative error below 1.2e-7 everywhere).</summary>
    internal static double NormalUpperTail(double x) => 0.5 * Erfc(x / Math.Sqrt(2));

    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + 0.5 * z);
        var r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
                t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }

    /// <summary>The standard normal quantile (Acklam's rational approximation refined by one Halley step).</summary>
    internal static double NormalQuantile(double p)
    {
        if (p <= 0 || p >= 1) throw new ArgumentOutOfRangeException(nameof(p), "a quantile needs 0 < p < 1");
        double[] a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        double[] b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        double[] c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        double[] d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        const double low = 0.02425;
        double x;
        if (p < low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        else if (p <= 1 - low)
        {
            var q = p - 0.5;
            var r = q * q;
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
        }
        else
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - p));
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        // One Halley step with the tail function brings the ~1e-9 approximation to double precision.
        var e = (1 - NormalUpperTail(x)) - p;
        var u = e * Math.Sqrt(2 * Math.PI) * Math.Exp(x * x / 2);
        return x - u / (1 + x * u / 2);
    }
}
