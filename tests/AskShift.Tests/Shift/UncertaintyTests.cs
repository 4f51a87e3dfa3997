using AskShift.Shift;

namespace AskShift.Tests.Shift;

/// <summary>Reference values from scipy 1.10.1 and scikit-learn 1.2.1 (Debian), computed 2026-11-25 and quoted here.</summary>
public class UncertaintyTests
{
    [Theory]
    [InlineData(0.975, 1.959963984540054)]   // scipy.stats.norm.ppf(0.975)
    [InlineData(0.95, 1.6448536269514722)]   // norm.ppf(0.95)
    [InlineData(0.995, 2.5758293035489004)]  // norm.ppf(0.995)
    public void Normal_quantile_matches_scipy(double p, double expected) =>
        Assert.Equal(expected, Uncertainty.NormalQuantile(p), 6);

    [Theory]
    // Wilson by its formula with scipy's z: 1 of 4 is the example (about 5% to 70%).
    [InlineData(1, 4, 0.95, 0.04558726080970055, 0.6993581574175981)]
    [InlineData(0, 10, 0.95, 0.0, 0.2775327998628892)]
    [InlineData(10, 10, 0.95, 0.7224672001371107, 1.0)]
    [InlineData(23, 44, 0.95, 0.3793546556062164, 0.662450089677489)]
    [InlineData(23, 44, 0.90, 0.4011870671750672, 0.6416344022285743)]
    public void Wilson_interval_matches_the_reference(int k, int n, double confidence, double low, double high)
    {
        var (l, h) = Uncertainty.Wilson(k, n, confidence);
        Assert.Equal(low, l, 6);
        Assert.Equal(high, h, 6);
    }

    [Theory]
    [InlineData(2751)]
    [InlineData(3791)]
    [InlineData(15)]
    [InlineData(7)]
    [InlineData(1)]
    public void Wilson_bounds_are_exactly_zero_and_one_at_none_and_all(int n)
    {
        // A trajectory's error bar is the share minus its lower bound: anything but an exact 0 at a zero count draws a
        // bar of negative length.
        Assert.Equal(0.0, Uncertainty.Wilson(0, n).Low);
        Assert.Equal(1.0, Uncertainty.Wilson(n, n).High);
    }

    [Fact]
    public void Cohen_kappa_matches_scikit_learn()
    {
        string[] a = ["sanctions", "sanctions", "un", "internet", "un", "sanctions", "detention", "detention"];
        string[] b = ["sanctions", "un", "un", "internet", "sanctions", "sanctions", "detention", "internet"];
        Assert.Equal(0.4893617021276596, Uncertainty.CohenKappa(a, b), 12); // sklearn.metrics.cohen_kappa_score(a, b)
        Assert.Equal(1.0, Uncertainty.CohenKappa(a, a), 12);
    }

    [Fact]
    public void Benjamini_hochberg_matches_the_reference_in_input_order()
    {
        // numpy implementation of the step-up rule (statsmodels' fdr_bh gives the same).
        double[] expected = [0.03, 0.06, 0.06, 0.03, 0.24, 0.5];
        var q = Uncertainty.BenjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.2, 0.5]);
        for (var i = 0; i < q.Length; i++) Assert.Equal(expected[i], q[i], 12);
    }

    [Theory]
    [InlineData(2.5, 0.012419330651552265)]   // 2 * scipy.stats.norm.sf(2.5)
    [InlineData(1.96, 0.04999579029644087)]
    [InlineData(-4.0, 6.334248366623973e-05)]
    public void Two_sided_p_matches_scipy(double z, double expected) =>
        Assert.Equal(expected, Uncertainty.TwoSidedP(z), 1e-7 * Math.Max(1, expected * 1e3));

    [Fact]
    public void Document_bootstrap_moves_a_documents_asks_together()
    {
        // Two documents: A with 4 asks of the theme, B with 1 of 4. Resampling documents gives only the shares
        // AA = 1, AB = BA = 5/8 and BB = 1/4, so the 95% interval runs from 1/4 to 1; an ask-level interval would not.
        var asks = Enumerable.Repeat(("A", true), 4).Concat([("B", true), ("B", false), ("B", false), ("B", false)]).ToList();
        var (low, high) = Uncertainty.DocumentBootstrap(asks, resamples: 4000, seed: 7);
        Assert.Equal(0.25, low, 12);
        Assert.Equal(1.0, high, 12);
        Assert.Equal(Uncertainty.DocumentBootstrap(asks, 500, seed: 3), Uncertainty.DocumentBootstrap(asks, 500, seed: 3));

        // With every document alike, the interval collapses onto the share.
        var same = Enumerable.Range(0, 10).SelectMany(d => new[] { ($"d{d}", true), ($"d{d}", false) }).ToList();
        Assert.Equal((0.5, 0.5), Uncertainty.DocumentBootstrap(same));
    }
}
