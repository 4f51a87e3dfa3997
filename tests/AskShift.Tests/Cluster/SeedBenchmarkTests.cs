using AskShift.Cluster;
using Xunit.Abstractions;

namespace AskShift.Tests.Cluster;

/// <summary>
/// The comparison of bench/README.md: our clustering of the 40 gold seed asks against scikit-learn's TF-IDF + k-means
/// (bench/sklearn_baseline.py, mean over random_state 0..9 with k = 14 gold themes: NMI 0.6869, ARI 0.1926).
/// </summary>
public class SeedBenchmarkTests(ITestOutputHelper output)
{
    private const double SklearnMeanNmi = 0.6869, SklearnMeanAri = 0.1926;

    [Fact]
    public void Guided_seeding_from_the_codebook_beats_sklearn_on_the_gold_seed_asks()
    {
        var (texts, gold) = RepoFiles.SeedAsks();
        var codebook = Codebook.Load(RepoFiles.Find("notebooks/codebook.json"));
        var result = new AskClusterer(new ClusterOptions { Codebook = codebook, Guided = GuidedMode.Seed }).Run(texts);
        var a = result.AgreementWith(gold);
        output.WriteLine($"guided k={result.K} NMI={a.Nmi:F4} ARI={a.Ari:F4} V={a.VMeasure:F4} H={a.Homogeneity:F4} C={a.Completeness:F4}");
        Assert.True(a.Nmi > SklearnMeanNmi, $"NMI {a.Nmi:F4} does not beat sklearn {SklearnMeanNmi}");
        Assert.True(a.Ari > SklearnMeanAri, $"ARI {a.Ari:F4} does not beat sklearn {SklearnMeanAri}");
    }

    [Fact]
    public void Unsupervised_at_the_gold_k_is_reported()
    {
        var (texts, gold) = RepoFiles.SeedAsks();
        foreach (var useChars in new[] { true, false })
        {
            var result = new AskClusterer(new ClusterOptions { K = gold.Distinct().Count(), Features = new FeaturizerOptions { UseCharNgrams = useChars } }).Run(texts);
            var a = result.AgreementWith(gold);
            output.WriteLine($"unsupervised chars={useChars} k={result.K} NMI={a.Nmi:F4} ARI={a.Ari:F4}");
        }
        var auto = new AskClusterer().Run(texts);
        var b = auto.AgreementWith(gold);
        output.WriteLine($"unsupervised k by silhouette k={auto.K} NMI={b.Nmi:F4} ARI={b.Ari:F4}");
        Assert.InRange(auto.K, 2, 12);
    }
}
