using AskShift.Cluster;

namespace AskShift.Tests.Cluster;

public class AgreementTests
{
    // Reference values computed once with Debian's python3-sklearn (/usr/bin/python3):
    //   normalized_mutual_info_score(a, b) (average_method="arithmetic"), adjusted_rand_score(a, b),
    //   homogeneity_completeness_v_measure(a, b) with a = x,x,x,y,y,y,z,z and b = 1,1,2,2,2,2,3,3.
    [Fact]
    public void Matches_sklearn_on_an_asymmetric_labelling()
    {
        string[] a = ["x", "x", "x", "y", "y", "y", "z", "z"];
        int[] b = [1, 1, 2, 2, 2, 2, 3, 3];
        var s = Agreement.Score(a, b);
        Assert.Equal(0.755004292486, s.Nmi, 9);
        Assert.Equal(0.545454545455, s.Ari, 9);
        Assert.Equal(0.7401878269638279, s.Homogeneity, 9);
        Assert.Equal(0.7704260414863777, s.Completeness, 9);
        Assert.Equal(0.755004292485672, s.VMeasure, 9);
    }

    // sklearn: a = 0,0,0,1,1,1,2,2,2,2; b = 0,0,1,1,1,2,2,2,0,0 -> NMI 0.39464837163589433, ARI 0.09090909090909091,
    // mutual_info_score 0.42973260214435804.
    [Fact]
    public void Matches_sklearn_on_a_noisy_labelling()
    {
        int[] a = [0, 0, 0, 1, 1, 1, 2, 2, 2, 2];
        int[] b = [0, 0, 1, 1, 1, 2, 2, 2, 0, 0];
        var s = Agreement.Score(a, b);
        Assert.Equal(0.39464837163589433, s.Nmi, 9);
        Assert.Equal(0.09090909090909091, s.Ari, 9);
        Assert.Equal(0.42973260214435804, s.MutualInformation, 9);
    }

    [Fact]
    public void Renamed_identical_partitions_agree_perfectly()
    {
        var s = Agreement.Score(new[] { "a", "a", "b", "c" }, new[] { 7, 7, 3, 9 });
        Assert.Equal(1, s.Nmi, 12);
        Assert.Equal(1, s.Ari, 12);
    }

    [Fact]
    public void Nmi_is_not_homogeneity_when_clusters_over_split()
    {
        // every point in its own cluster: perfectly homogeneous (ML.NET's "NMI" would say 1) but far from complete
        var s = Agreement.Score(new[] { 0, 0, 1, 1 }, new[] { 0, 1, 2, 3 });
        Assert.Equal(1, s.Homogeneity, 12);
        Assert.Equal(0.5, s.Completeness, 12);
        Assert.True(s.Nmi < 0.7);
    }

    [Fact]
    public void Different_lengths_are_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => Agreement.Score(new[] { 1, 2 }, new[] { 1 }));
        Assert.Contains("2 labels", e.Message);
    }
}
