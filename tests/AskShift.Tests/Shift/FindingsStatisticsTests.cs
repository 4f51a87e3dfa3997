using AskShift.Shift;

namespace AskShift.Tests.Shift;

/// <summary>The statistics the notebooks' findings rest on, on inputs small enough to work out by hand.</summary>
public class FindingsStatisticsTests
{
    // Obama: document a has 3 asks (2 sanctions), document b has 1 (sanctions); Biden: document c has 2 asks (none).
    static readonly string[] Themes = ["sanctions", "sanctions", "dialogue", "sanctions", "dialogue", "olympics"];
    static readonly string[] Admins = ["obama", "obama", "obama", "obama", "biden", "biden"];
    static readonly string[] Docs = ["a", "a", "a", "b", "c", "c"];

    [Fact]
    public void A_share_carries_its_wilson_interval_its_document_bootstrap_and_its_document_weighted_value()
    {
        var est = PrevalenceWithUncertainty.ByGroup(Themes, Admins, Docs);
        var s = est.Single(e => e.Group == "obama" && e.Theme == "sanctions");
        Assert.Equal((3, 4, 0.75), (s.Count, s.GroupTotal, s.Share));
        var (lo, hi) = Uncertainty.Wilson(3, 4);
        Assert.Equal((lo, hi), (s.WilsonLow, s.WilsonHigh));
        Assert.Equal((2, 2), (s.Documents, s.DocumentsWithTheme));
        // Document-weighted: mean of 2/3 (a) and 1/1 (b).
        Assert.Equal((2.0 / 3 + 1) / 2, s.DocumentWeightedShare, 12);
        // Resampling the two documents can only give 2/3 (a, a), 3/4 (a, b) or 1 (b, b): the interval lies within them.
        Assert.InRange(s.BootstrapLow, 2.0 / 3 - 1e-12, 0.75);
        Assert.Equal(1.0, s.BootstrapHigh, 12);
        // A theme an administration never asks for is listed with zeros, so absences show.
        var none = est.Single(e => e.Group == "biden" && e.Theme == "sanctions");
        Assert.Equal((0, 0.0, 0.0), (none.Count, none.BootstrapLow, none.BootstrapHigh));
        var table = PrevalenceWithUncertainty.ToTable(est);
        Assert.Equal(4, table.Rows.Count); // zeros left out of the table to read
        Assert.Equal("3 of 4", table.Columns["asks"][0]);
        Assert.Equal("75%", table.Columns["share"][0]);
        Assert.Equal("Obama (2009-2017)", table.Columns["administration"][0]);
    }

    [Fact]
    public void False_discovery_control_adjusts_within_each_comparison_only()
    {
        // Two comparisons of two terms each; BH within a family of 2: q = min over ranks of p * 2 / rank.
        KeyTerm T(string a, string b, string term, double z) => new(a, b, term, 1, 1, 0, 1, z);
        var terms = new[] { T("obama", "biden", "x", 2.5), T("obama", "biden", "y", 1.0), T("biden", "trump2", "z", 2.5), T("biden", "trump2", "w", 2.4) };
        var tested = FightinWords.WithFalseDiscoveryControl(terms);
        var px = Uncertainty.TwoSidedP(2.5);
        var pw = Uncertainty.TwoSidedP(2.4);
        Assert.Equal(px * 2, tested[0].Q, 12);                   // smallest of its family: p * 2 / 1
        Assert.Equal(Uncertainty.TwoSidedP(1.0), tested[1].Q, 12); // largest: p * 2 / 2
        Assert.Equal(pw, tested[3].Q, 12);                         // largest of the other family: p * 2 / 2
        Assert.Equal(pw, tested[2].Q, 12);                         // monotone: min(p_z * 2, q_w)
        Assert.All(tested, t => Assert.Equal(2, t.Tested));
        Assert.Equal("0.025", FightinWords.ToFrame(tested).Columns["q_fdr"][0]);
    }

    [Fact]
    public void A_term_rate_carries_a_wilson_interval_per_thousand_tokens()
    {
        var p = new TrajectoryPoint("sanctions", "trump2", 1, 829, 1000.0 / 829, 1);
        var (lo, hi) = Uncertainty.Wilson(1, 829);
        Assert.Equal((1000 * lo, 1000 * hi), p.Interval);
        Assert.InRange(p.Interval.Low, 0.1, 1.0);   // one use in 829 tokens: about 0.2 ...
        Assert.InRange(p.Interval.High, 5.0, 9.0);  // ... to 7 per 1,000
        Assert.Equal((0.0, 0.0), new TrajectoryPoint("x", "obama", 0, 0, 0, 0).Interval);
    }

    [Fact]
    public void A_word_diff_marks_what_the_later_ask_dropped_and_added()
    {
        var (diff, dropped, added) = WordingChanges.WordDiff("Raise the case of Ilham Tohti with Chinese officials",
            "Publicly raise the case of Ilham Tohti and Gulshan Abbas");
        Assert.Equal("{+Publicly+} raise the case of Ilham Tohti [-with Chinese officials-] {+and Gulshan Abbas+}", diff);
        Assert.Equal(["chinese", "officials"], dropped);
        Assert.Equal(["publicly", "gulshan", "abbas"], added);
        // Chinese characters are joined as written, not spaced out.
        Assert.Equal("[-敦促-] {+呼吁+} 美国政府 {+制裁官员+}", WordingChanges.WordDiff("敦促美国政府", "呼吁美国政府制裁官员").Diff);
    }

    [Fact]
    public void Examples_show_what_each_theme_and_administration_cell_is_made_of()
    {
        AskRow Row(string file, int n, string admin, string text) => new(file, n, text, text, 0, text.Length, "en", admin, null, null, []);
        var rows = new[] { Row("a.txt", 1, "biden", "Boycott the Games"), Row("b.txt", 1, "obama", "Raise the case"), Row("a.txt", 2, "biden", "Raise cases") , Row("c.txt", 1, "biden", "Stay away from the Games") };
        var df = WordingChanges.Examples(rows, ["olympics", "cases", "cases", "olympics"], perCell: 1);
        Assert.Equal(["cases", "cases", "olympics"], df.Columns["theme"].Cast<string>());
        Assert.Equal(["Obama (2009-2017)", "Biden (2021-2025)", "Biden (2021-2025)"], df.Columns["administration"].Cast<string>());
        Assert.Equal(2, df.Columns["asks"][2]);
        Assert.Equal("Boycott the Games (a.txt #1)", df.Columns["examples"][2]);
    }

    [Fact]
    public void Each_ask_is_matched_to_the_closest_ask_of_its_theme_under_the_previous_administration()
    {
        AskRow Row(string file, string admin, string text) => new(file, 1, text, text, 0, text.Length, "en", admin, null, null, []);
        var rows = new[]
        {
            Row("o1.txt", "obama", "Raise the case of Ilham Tohti at the summit"),
            Row("o2.txt", "obama", "Fund Uyghur language broadcasting"),
            Row("b1.txt", "biden", "Raise the case of Ilham Tohti publicly"),
            Row("t1.txt", "trump1", "Sanction the officials who run the camps"),
        };
        var pairs = WordingChanges.Match(rows, ["cases", "cases", "cases", "sanctions"]);
        // Only "cases" appears under two administrations (Obama, Biden; Trump I has none of it), and the sanctions theme under one.
        var p = Assert.Single(pairs);
        Assert.Equal(("obama", "biden"), (p.From, p.To));
        Assert.Equal("o1.txt", p.Earlier.File);
        Assert.InRange(p.Similarity, 0.3, 1.0);
        Assert.Contains("{+publicly+}", p.Diff);
    }
}

public class ThemeAgreementTests
{
    [Fact]
    public void Machine_themes_are_scored_theme_by_theme_against_a_persons_with_kappa()
    {
        string?[] machine = ["a", "a", "b", "b", null, "c"];
        string?[] human = ["a", "b", "b", "b", "a", null];
        var r = AskShift.Evaluate.ThemeAgreement.Compare(machine, human);
        Assert.Equal((4, 3), (r.Asks, r.Agreed));
        // By hand: observed 3/4; machine a 2, b 2; human a 1, b 3; expected (2*1 + 2*3)/16 = 0.5; kappa (0.75-0.5)/0.5 = 0.5.
        Assert.Equal(0.5, r.Kappa, 12);
        var b = r.PerTheme.Single(t => t.Theme == "b");
        Assert.Equal((2, 3, 2, 1.0, 2.0 / 3), (b.Machine, b.Human, b.Both, b.Precision, b.Recall));
        Assert.Equal("b", r.PerTheme[0].Theme); // most human-coded first
        Assert.Equal("67%", AskShift.Evaluate.ThemeAgreement.ToFrame(r).Columns["recall"][0]);
    }
}
