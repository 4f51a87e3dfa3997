using System.Text.Json;
using AskShift.Charts;
using AskShift.Shift;

namespace AskShift.Tests.Charts;

public class ChartTests
{
    private static JsonElement Json(Plotly.NET.GenericChart chart) => JsonDocument.Parse(AskCharts.ToJson(chart)).RootElement;

    private static IEnumerable<JsonElement> Traces(JsonElement fig) => fig.GetProperty("data").EnumerateArray();

    private static readonly Document[] Docs =
    [
        new() { File = "a.txt", RawText = "", Title = "Obama-era letter", Organisations = ["HRW", "Amnesty"], Date = new DateOnly(2015, 9, 20), Administration = "obama",
                Asks = [new Ask("a.txt", 1, "Raise cases", 0, 11, AskForm.Sentence, "Raise cases", "en")] },
        new() { File = "b.txt", RawText = "", Title = "Biden memo <draft>", Organisations = ["CHRD"], Date = new DateOnly(2021, 3, 1), Administration = "biden",
                Asks = [new Ask("b.txt", 1, "Boycott the Olympics", 0, 20, AskForm.Sentence, "Boycott the Olympics", "en")] },
        new() { File = "c.txt", RawText = "", Title = "Undated", Administration = "unknown" },
    ];

    [Fact]
    public void Timeline_has_one_trace_per_administration_in_its_fixed_colour_with_title_and_asks_in_hover()
    {
        var fig = Json(AskCharts.Timeline(Docs));
        var traces = Traces(fig).ToList();
        Assert.Equal(new[] { "Obama (2009-2017)", "Biden (2021-2025)" }, traces.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(AdministrationPalette.Color("obama"), traces[0].GetProperty("marker").GetProperty("color").GetString());
        Assert.Equal(AdministrationPalette.Color("biden"), traces[1].GetProperty("marker").GetProperty("color").GetString());
        Assert.Equal(new[] { "HRW", "Amnesty" }, traces[0].GetProperty("y").EnumerateArray().Select(y => y.GetString()));
        Assert.Equal("2015-09-20", traces[0].GetProperty("x")[0].GetString());
        var hover = traces[1].GetProperty("text")[0].GetString()!;
        Assert.Contains("Biden memo &lt;draft&gt;", hover);
        Assert.Contains("Boycott the Olympics", hover);
        Assert.Contains("1 undated not shown", fig.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("Publication date", fig.GetProperty("layout").GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void An_undated_document_of_a_known_administration_is_drawn_hollow_in_its_band_and_bands_are_labelled()
    {
        Document[] docs = [.. Docs, new() { File = "d.txt", RawText = "", Title = "Undated Trump II post", Administration = "trump2" }];
        var fig = Json(AskCharts.Timeline(docs));
        var hollow = Traces(fig).Single(t => t.GetProperty("name").GetString()!.Contains("undated"));
        Assert.Equal("circle-open", hollow.GetProperty("marker").GetProperty("symbol").GetString());
        var x = DateOnly.Parse(hollow.GetProperty("x")[0].GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(x, new DateOnly(2025, 1, 20), new DateOnly(2029, 1, 20));
        Assert.Contains("1 undated not shown", fig.GetProperty("layout").GetProperty("title").GetProperty("text").GetString()); // c.txt: no administration either
        var labels = fig.GetProperty("layout").GetProperty("annotations").EnumerateArray().Select(a => a.GetProperty("text").GetString()).ToList();
        Assert.Contains("Trump II", labels);
        Assert.Contains("Obama", labels);
    }

    private static readonly IReadOnlyList<PrevalenceRow> Prev = Prevalence.ByGroup(
        ["sanctions", "sanctions", "dialogue", "olympics", "sanctions"], ["obama", "biden", "obama", "biden", "trump2"]);

    [Fact]
    public void Prevalence_stacks_one_bar_trace_per_theme_over_chronological_administrations()
    {
        var fig = Json(AskCharts.ThemePrevalence(Prev));
        var traces = Traces(fig).ToList();
        Assert.All(traces, t => Assert.Equal("bar", t.GetProperty("type").GetString()));
        Assert.Equal(3, traces.Count);
        Assert.Equal("stack", fig.GetProperty("layout").GetProperty("barmode").GetString());
        var sanctions = traces.Single(t => t.GetProperty("name").GetString() == "sanctions");
        Assert.Equal(new[] { "Obama (2009-2017)<br>n = 2", "Biden (2021-2025)<br>n = 2", "Trump II (2025-)<br>n = 1" }, sanctions.GetProperty("x").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(new[] { 0.5, 0.5, 1.0 }, sanctions.GetProperty("y").EnumerateArray().Select(y => y.GetDouble()));
        var heat = Traces(Json(AskCharts.ThemePrevalence(Prev, PrevalenceStyle.Heatmap))).Single();
        Assert.Equal("heatmap", heat.GetProperty("type").GetString());
    }

    [Fact]
    public void Theme_shares_show_a_panel_per_administration_with_intervals_and_n_beside_each_dot()
    {
        var est = PrevalenceWithUncertainty.ByGroup(["sanctions", "sanctions", "dialogue", "olympics", "sanctions"], ["obama", "biden", "obama", "biden", "trump2"],
            ["a", "b", "a", "c", "d"]);
        var fig = Json(AskCharts.ThemeShares(est));
        var traces = Traces(fig).ToList();
        Assert.Equal(3, traces.Count); // Obama, Biden, Trump II
        Assert.Equal(AdministrationPalette.Color("obama"), traces[0].GetProperty("marker").GetProperty("color").GetString());
        var obama = traces[0];
        var themes = obama.GetProperty("y").EnumerateArray().Select(y => y.GetString()).ToList();
        var i = themes.IndexOf("sanctions");
        Assert.Equal(0.5, obama.GetProperty("x")[i].GetDouble());
        Assert.Equal("1/2", obama.GetProperty("text")[i].GetString());
        Assert.True(obama.GetProperty("error_x").GetProperty("array")[i].GetDouble() >= 0);
        Assert.Contains("(2 asks, 1 documents)", fig.GetProperty("layout").GetProperty("annotations")[0].GetProperty("text").GetString());
    }

    [Fact]
    public void The_heatmap_prints_share_and_n_in_each_cell_and_more_is_darker_and_stacks_keep_ten_colours()
    {
        var heat = Traces(Json(AskCharts.ThemePrevalence(Prev, PrevalenceStyle.Heatmap))).Single();
        Assert.True(heat.GetProperty("reversescale").GetBoolean()); // plotly's Blues runs dark to light: reversed, more is darker
        Assert.Contains("1/2", heat.GetProperty("text")[0][0].GetString());
        var withUnknown = Prevalence.ByGroup(["a", "b", "a"], ["obama", "obama", "unknown"]);
        var fig = Json(AskCharts.ThemePrevalence(withUnknown, PrevalenceStyle.Heatmap));
        Assert.Equal(["Obama (2009-2017)<br>n = 2"], Traces(fig).Single().GetProperty("x").EnumerateArray().Select(x => x.GetString()));
        Assert.Contains("1 asks of no known administration not shown", fig.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
        var many = Prevalence.ByGroup(Enumerable.Range(0, 14).Select(i => $"theme {i:D2}").ToList(), Enumerable.Repeat("obama", 14).ToList());
        var bars = Traces(Json(AskCharts.ThemePrevalence(many))).ToList();
        Assert.Equal(AskCharts.MaxStackedThemes, bars.Count);
        var other = bars.Single(t => t.GetProperty("name").GetString() == AskCharts.OtherThemes);
        Assert.Equal(5.0 / 14, other.GetProperty("y")[0].GetDouble(), 9);
        Assert.Equal(bars.Count, bars.Select(b => b.GetProperty("marker").GetProperty("color").GetString()).Distinct().Count());
    }

    [Fact]
    public void Wording_shift_has_a_panel_per_pair_with_bars_coloured_by_the_group_they_favour()
    {
        string[] texts = ["sanctions sanctions dialogue", "sanctions dialogue", "olympics boycott olympics", "olympics boycott", "tibet tibet"];
        string[] groups = ["biden", "biden", "obama", "obama", "trump2"];
        var key = FightinWords.ConsecutivePairs(texts, groups, new KeynessOptions { MinCount = 1 });
        var fig = Json(AskCharts.WordingShift(key, topPerSide: 3));
        var traces = Traces(fig).ToList();
        Assert.Equal(2, traces.Count);
        Assert.Equal("y2", traces[1].GetProperty("yaxis").GetString());
        var first = traces[0];
        var xs = first.GetProperty("x").EnumerateArray().Select(x => x.GetDouble()).ToList();
        var cs = first.GetProperty("marker").GetProperty("color").EnumerateArray().Select(c => c.GetString()).ToList();
        for (int i = 0; i < xs.Count; i++)
            Assert.Equal(AdministrationPalette.Color(xs[i] >= 0 ? "biden" : "obama"), cs[i]);
        Assert.True(fig.GetProperty("layout").TryGetProperty("xaxis2", out _));
    }

    [Fact]
    public void Trajectories_draw_a_line_per_term_in_period_order()
    {
        var pts = Trajectories.ByGroup(["human rights", "trade trade", "human rights trade", "trade"], ["trump1", "obama", "biden", "unknown"], ["human rights", "trade"]);
        var traces = Traces(Json(AskCharts.TermTrajectories(pts))).ToList();
        Assert.Equal(new[] { "human rights", "trade" }, traces.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal("lines+markers", traces[0].GetProperty("mode").GetString());
        Assert.Equal(new[] { "Obama (2009-2017)", "Trump I (2017-2021)", "Biden (2021-2025)" }, traces[0].GetProperty("x").EnumerateArray().Select(x => x.GetString()));
        var ys = traces[0].GetProperty("y").EnumerateArray().Select(y => y.GetDouble()).ToList();
        Assert.Equal(0.0, ys[0], 9);          // obama: "trade trade", no "human rights"
        Assert.Equal(500.0, ys[1], 9);        // trump1: 1 in 2 tokens
        Assert.Equal(1000.0 / 3, ys[2], 9);   // biden: 1 in 3 tokens; "unknown" is no period on the line
        Assert.Equal(new[] { "dash", "solid" }, traces.Select(t => t.GetProperty("line").GetProperty("dash").GetString()).Reverse());
        Assert.True(traces[0].GetProperty("error_y").GetProperty("array")[1].GetDouble() > 0);
    }

    [Fact]
    public void Chart_json_needs_no_cdn()
    {
        var json = AskCharts.ToJson(AskCharts.Timeline(Docs));
        Assert.DoesNotContain("cdn.plot.ly", json);
        Assert.DoesNotContain("<script", json);
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("fi-FI")]
    [InlineData("th-TH")]
    public void Chart_labels_and_dates_are_the_same_under_every_culture(string culture)
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo(culture);
        try
        {
            var wording = Json(AskCharts.WordingShift([new KeyTerm("obama", "biden", "sanctions", 3, 9, 1.61, 0.2, 2.5)], topPerSide: 1));
            var hover = Traces(wording).SelectMany(t => t.GetProperty("text").EnumerateArray()).Select(e => e.GetString()).First();
            Assert.Contains("z = 2.50, log-odds = 1.61", hover);
            var timeline = Json(AskCharts.Timeline(Docs));
            Assert.Equal("2015-09-20", Traces(timeline).First().GetProperty("x")[0].GetString()); // not 2558 under th-TH
            Assert.Contains("2015-09-20", Traces(timeline).First().GetProperty("text")[0].GetString());
            var shares = Json(AskCharts.ThemePrevalence(Prev));
            Assert.Contains(Traces(shares).SelectMany(t => t.GetProperty("text").EnumerateArray()), e => e.GetString()!.EndsWith("1 of 2 asks (50 %)", StringComparison.Ordinal));
        }
        finally { System.Globalization.CultureInfo.CurrentCulture = previous; }
    }
}
