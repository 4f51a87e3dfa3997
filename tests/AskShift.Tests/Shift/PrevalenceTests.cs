using AskShift.Shift;

namespace AskShift.Tests.Shift;

public class PrevalenceTests
{
    private static readonly string[] Themes = ["sanctions", "dialogue", "dialogue", "sanctions", "olympics", "sanctions"];
    private static readonly string[] Groups = ["biden", "obama", "obama", "biden", "biden", "trump2"];

    [Fact]
    public void Shares_are_per_group_and_groups_are_chronological()
    {
        var rows = Prevalence.ByGroup(Themes, Groups);
        Assert.Equal(new[] { "obama", "biden", "trump2" }, rows.Select(r => r.Group).Distinct());
        var b = rows.Single(r => r.Group == "biden" && r.Theme == "sanctions");
        Assert.Equal((2, 3), (b.Count, b.GroupTotal));
        Assert.Equal(2.0 / 3, b.Share, 12);
        Assert.Equal(0, rows.Single(r => r.Group == "obama" && r.Theme == "olympics").Count); // zeros listed
        Assert.Equal(9, Prevalence.ToFrame(rows).Rows.Count);
    }

    [Fact]
    public void Changes_mark_persisting_appearing_and_fading_themes()
    {
        var ch = Prevalence.Changes(Themes, Groups);
        ThemeStatus S(string from, string theme) => ch.Single(c => c.From == from && c.Theme == theme).Status;
        Assert.Equal(ThemeStatus.Faded, S("obama", "dialogue"));
        Assert.Equal(ThemeStatus.Appeared, S("obama", "sanctions"));
        Assert.Equal(ThemeStatus.Persisted, S("biden", "sanctions"));
        Assert.Equal(ThemeStatus.Faded, S("biden", "olympics"));
    }

    [Fact]
    public void By_year_groups_undated_asks_apart()
    {
        var rows = Prevalence.ByYear(["a", "a", "b"], [new DateOnly(2016, 5, 1), null, new DateOnly(2021, 2, 1)]);
        Assert.Contains(rows, r => r.Group == "undated" && r.Theme == "a" && r.Count == 1);
        Assert.Equal(new[] { "2016", "2021", "undated" }, rows.Select(r => r.Group).Distinct());
    }

    [Fact]
    public void Trajectories_give_rate_per_thousand_tokens()
    {
        var pts = Trajectories.ByGroup(["human rights now human rights", "trade and security"], ["obama", "biden"], ["human rights", "trade"]);
        var hr = pts.Single(p => p.Term == "human rights" && p.Period == "obama");
        Assert.Equal(2, hr.Count);
        Assert.Equal(5, hr.Tokens);
        Assert.Equal(400.0, hr.PerThousand, 9);
        Assert.Equal(0, pts.Single(p => p.Term == "human rights" && p.Period == "biden").Count);
        Assert.Equal("obama", pts[0].Period);
    }

    [Fact]
    public void Ask_rows_carry_document_metadata()
    {
        var doc = new Document
        {
            File = "x.txt", RawText = "Sanction them.", Administration = "biden", Date = new DateOnly(2022, 1, 3),
            Asks = [new Ask("x.txt", 1, "Sanction them.", 0, 14, AskForm.Sentence, "Sanction them.", "en")],
        };
        var row = Assert.Single(AskRow.From([doc]));
        Assert.Equal(("biden", new DateOnly(2022, 1, 3)), (row.Administration, row.Date!.Value));
    }
}
