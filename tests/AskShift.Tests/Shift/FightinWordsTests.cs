using AskShift.Shift;

namespace AskShift.Tests.Shift;

public class FightinWordsTests
{
    // Toy corpus computed by hand. A = "tax tax tax war", B = "tax war war war"; prior strength 0.5 gives
    // α_tax = α_war = 0.5·4 = 2, α0 = 4, n_A = n_B = 4.
    // δ_tax = log((3+2)/(4+4-3-2)) - log((1+2)/(4+4-1-2)) = log(5/3) - log(3/5) = 2·log(5/3) = 1.0216512475319814
    // σ²    = 1/(3+2) + 1/(1+2) = 0.5333…; z = δ/σ = 1.3989588…
    [Fact]
    public void Log_odds_with_informative_prior_matches_hand_computation()
    {
        var rows = FightinWords.Compare(["tax tax tax war"], ["tax war war war"], new KeynessOptions { PriorStrength = 0.5, MinCount = 1 });
        var tax = rows.Single(r => r.Term == "tax");
        var war = rows.Single(r => r.Term == "war");
        Assert.Equal(1.0216512475319814, tax.Delta, 12);
        Assert.Equal(0.5333333333333333, tax.Variance, 12);
        Assert.Equal(1.0216512475319814 / Math.Sqrt(0.5333333333333333), tax.Z, 12);
        Assert.Equal(-tax.Z, war.Z, 12);
        Assert.Equal("tax", rows[0].Term); // sorted by z, group A's word first
        Assert.Equal((3, 1), (tax.CountA, tax.CountB));
    }

    [Fact]
    public void Stronger_prior_shrinks_the_z_score()
    {
        double Z(double s) => FightinWords.Compare(["tax tax tax war"], ["tax war war war"], new KeynessOptions { PriorStrength = s, MinCount = 1 })
            .Single(r => r.Term == "tax").Z;
        Assert.True(Z(5) < Z(0.5));
    }

    [Fact]
    public void Each_vs_rest_and_consecutive_pairs_use_chronological_groups()
    {
        string[] texts = ["sanctions sanctions dialogue", "sanctions dialogue", "olympics boycott olympics", "olympics boycott"];
        string[] groups = ["trump1", "trump1", "obama", "obama"];
        var rest = FightinWords.EachVsRest(texts, groups, new KeynessOptions { MinCount = 1 });
        Assert.Equal("obama", rest[0].GroupA);
        Assert.Equal("olympics", rest.First(r => r.GroupA == "obama").Term);
        var pairs = FightinWords.ConsecutivePairs(texts, groups, new KeynessOptions { MinCount = 1 });
        Assert.All(pairs, p => Assert.Equal(("trump1", "obama"), (p.GroupA, p.GroupB)));
        Assert.Equal("sanctions", pairs[0].Term);
        Assert.True(pairs[^1].Z < 0);
        Assert.Equal(pairs.Count, FightinWords.ToFrame(pairs).Rows.Count);
    }
}
