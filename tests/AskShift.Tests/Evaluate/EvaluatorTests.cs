using System.Globalization;
using System.Text.Json;
using AskShift.Cli;
using AskShift.Evaluate;

namespace AskShift.Tests.Evaluate;

/// <summary>The eval command's scores on toy gold whose right answers are known by hand.</summary>
public class EvaluatorTests
{
    // Two asks the extractor finds ("should release", "urge ... to impose") and one it cannot (a bare noun phrase).
    const string Letter = "Published on March 3, 2015\n\nThe United States should release funds for defenders.\n" +
                          "We urge the administration to impose sanctions on officials.\nTheir last point: a moratorium on executions.\n";

    static string Gold(string file, string text, string admin, string? date, string? precision, params string[] asks)
    {
        var recs = asks.Select(a => new { text = a, start = text.IndexOf(a, StringComparison.Ordinal), end = text.IndexOf(a, StringComparison.Ordinal) + a.Length, form = "sentence", theme = "other" });
        return JsonSerializer.Serialize(new { file, publication_date = date, date_precision = precision, administration = admin, recommendations = recs });
    }

    [Fact]
    public void Precision_recall_administration_and_dates_match_hand_counts()
    {
        using var dir = new TempDir();
        dir.Write("docs/a.txt", Letter);
        dir.Write("docs/b.txt", "Yesterday the groups met.\nThe Biden administration must end forced labour imports.\n");
        // a.txt: 2 gold asks, one found -> 1 matched; the sanctions ask is extracted but (for the test) not gold.
        dir.Write("gold/a.json", Gold("a.txt", Letter, "obama", "2015-03-03", "day",
            "should release funds for defenders", "a moratorium on executions"));
        // b.txt: gold says trump1 (deliberately wrong for the text) and a stated month the text does not give.
        dir.Write("gold/b.json", Gold("b.txt", File.ReadAllText(Path.Combine(dir.Path, "docs/b.txt")), "trump1", "2022-05-01", "month",
            "must end forced labour imports"));
        var corpus = Corpus.Load(Path.Combine(dir.Path, "docs"));
        var report = Evaluator.Evaluate(corpus, GoldSet.Load(Path.Combine(dir.Path, "gold")));

        var a = report.Documents.Single(d => d.File == "a.txt");
        Assert.Equal((1, 2, 2), (a.Matched, a.Predicted, a.Reference));
        Assert.Equal(["a moratorium on executions"], a.Missed);
        Assert.Single(a.Extra, x => x.Contains("impose sanctions"));
        Assert.True(a.AdministrationRight);
        Assert.True(a.DateRight);

        var b = report.Documents.Single(d => d.File == "b.txt");
        Assert.Equal((1, 1, 1), (b.Matched, b.Predicted, b.Reference));
        Assert.False(b.AdministrationRight);
        Assert.False(b.DateRight);

        Assert.Equal(2, report.Matched);
        Assert.Equal(2.0 / 3, report.Precision, 6);
        Assert.Equal(2.0 / 3, report.Recall, 6);
        Assert.Equal(2.0 / 3, report.F1, 6);
        Assert.Equal((1, 2, 1), (report.AdministrationRight, report.DatesScored, report.DatesRight));
        Assert.Empty(report.Problems);
    }

    [Fact]
    public void Precision_and_recall_by_form_and_language_count_each_side_by_its_own_kind()
    {
        using var dir = new TempDir();
        const string list = "We urge the administration to:\n- Release Ilham Tohti\n- Impose sanctions on officials\n\nThe groups also wanted a boycott of the Games.\n";
        const string zh = "2023年6月16日 人权组织要求美国政府制裁新疆官员。\n";
        dir.Write("docs/list.txt", list);
        dir.Write("docs/zh.txt", zh);
        // list.txt: both items are extracted (bullet items); the gold codes one of them and a reported ask the extractor misses.
        var recs = new object[]
        {
            new { text = "Release Ilham Tohti", start = list.IndexOf("Release", StringComparison.Ordinal), end = list.IndexOf("Release", StringComparison.Ordinal) + 19, form = "bullet_item" },
            new { text = "a boycott of the Games", start = list.IndexOf("a boycott", StringComparison.Ordinal), end = list.IndexOf("a boycott", StringComparison.Ordinal) + 22, form = "reported_speech" },
        };
        dir.Write("gold/list.json", JsonSerializer.Serialize(new { file = "list.txt", administration = "obama", recommendations = recs }));
        dir.Write("gold/zh.json", Gold("zh.txt", zh, "biden", "2023-06-16", "day", "要求美国政府制裁新疆官员"));
        var report = Evaluator.Evaluate(Corpus.Load(Path.Combine(dir.Path, "docs")), GoldSet.Load(Path.Combine(dir.Path, "gold")));

        KindScore Kind(IReadOnlyList<KindScore> kinds, string k) => kinds.Single(x => x.Kind == k);
        Assert.Equal(new KindScore("bullet_item", 2, 1, 1, 1), Kind(report.ByForm, "bullet_item"));
        Assert.Equal(new KindScore("reported_speech", 0, 0, 1, 0), Kind(report.ByForm, "reported_speech"));
        Assert.Equal(new KindScore("sentence", 1, 1, 1, 1), Kind(report.ByForm, "sentence"));
        Assert.Equal(new KindScore("en", 2, 1, 2, 1), Kind(report.ByLanguage, "en"));
        Assert.Equal(new KindScore("zh", 1, 1, 1, 1), Kind(report.ByLanguage, "zh"));
        Assert.Equal(0.5, Kind(report.ByForm, "bullet_item").Precision);
        Assert.Equal(0, Kind(report.ByForm, "reported_speech").Recall);
        // The kinds add up to the totals.
        Assert.Equal(report.Predicted, report.ByForm.Sum(k => k.Extracted));
        Assert.Equal(report.Reference, report.ByLanguage.Sum(k => k.Annotated));
    }

    [Fact]
    public void Unstated_dates_are_not_scored_and_unmatched_files_are_problems_not_silence()
    {
        using var dir = new TempDir();
        dir.Write("docs/a.txt", Letter);
        dir.Write("docs/stray.txt", "The US should act.\n");
        var gold = $"[{Gold("a.txt", Letter, "obama", "2015-03-03", "inferred")}, {Gold("missing.txt", "", "biden", null, null)}]";
        dir.Write("gold.json", gold);
        var report = Evaluator.Evaluate(Corpus.Load(Path.Combine(dir.Path, "docs")), GoldSet.Load(Path.Combine(dir.Path, "gold.json")));
        Assert.Equal(0, report.DatesScored);
        Assert.Contains(report.Problems, p => p.Contains("stray.txt") && p.Contains("not annotated"));
        Assert.Contains(report.Problems, p => p.Contains("missing.txt") && p.Contains("no document"));
        Assert.Single(report.Documents);
    }

    [Fact]
    public void A_span_that_does_not_match_its_offsets_is_reported()
    {
        using var dir = new TempDir();
        dir.Write("docs/a.txt", Letter);
        var json = JsonSerializer.Serialize(new { file = "a.txt", administration = "obama", recommendations = new[] { new { text = "should release", start = 0, end = 14 } } });
        dir.Write("gold.json", json);
        var report = Evaluator.Evaluate(Corpus.Load(Path.Combine(dir.Path, "docs")), GoldSet.Load(Path.Combine(dir.Path, "gold.json")));
        Assert.Contains(report.Problems, p => p.Contains("recommendation #1") && p.Contains("does not match"));
    }

    [Theory]
    [InlineData("{\"file\":\"a.txt\",\"administration\":\"bush\",\"recommendations\":[]}", "administration 'bush'")]
    [InlineData("{\"file\":\"a.txt\",\"administration\":\"obama\",\"publication_date\":\"17/01/2011\",\"recommendations\":[]}", "not an ISO date")]
    [InlineData("{\"file\":\"a.txt\",\"administration\":\"obama\",\"date_precision\":\"day\",\"recommendations\":[]}", "no publication_date")]
    [InlineData("{\"file\":\"a.txt\",\"administration\":\"obama\"}", "no \"recommendations\"")]
    [InlineData("{\"file\":\"a.txt\",\"administration\":\"obama\",\"recommendations\":[{\"text\":\"x\",\"start\":5,\"end\":2}]}", "recommendation #1")]
    [InlineData("[1, 2", "not valid JSON")]
    public void Bad_gold_is_refused_with_the_file_and_the_field(string json, string expected)
    {
        using var dir = new TempDir();
        var path = dir.Write("bad.json", json);
        var e = Assert.Throws<FormatException>(() => GoldSet.Load(path));
        Assert.Contains("bad.json", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Eval_command_json_is_culture_invariant_and_bad_paths_exit_2()
    {
        using var dir = new TempDir();
        dir.Write("docs/a.txt", Letter);
        dir.Write("gold/a.json", Gold("a.txt", Letter, "obama", "2015-03-03", "day", "should release funds for defenders"));
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("th-TH");
            var stdout = new StringWriter();
            Assert.Equal(0, EvalCommand.Run(Path.Combine(dir.Path, "gold"), Path.Combine(dir.Path, "docs"), true, null, 0.6, stdout, new StringWriter()));
            using var json = JsonDocument.Parse(stdout.ToString());
            var totals = json.RootElement.GetProperty("totals");
            Assert.Equal(0.5, totals.GetProperty("precision").GetDouble());
            Assert.Equal(1.0, totals.GetProperty("recall").GetDouble());
            var ci = totals.GetProperty("intervals");
            Assert.Equal(0.95, ci.GetProperty("confidence").GetDouble());
            var f1 = ci.GetProperty("f1").EnumerateArray().Select(x => x.GetDouble()).ToArray();
            Assert.Equal(2, f1.Length);
            Assert.InRange(totals.GetProperty("f1").GetDouble(), f1[0], f1[1]);
            var doc = json.RootElement.GetProperty("documents")[0];
            Assert.Equal("2015-03-03", doc.GetProperty("date").GetString());
            Assert.Equal("2015-03-03", doc.GetProperty("goldDate").GetString());

            var text = new StringWriter();
            EvalCommand.Run(Path.Combine(dir.Path, "gold"), Path.Combine(dir.Path, "docs"), false, null, 0.6, text, new StringWriter());
            Assert.Contains("precision 0.500 [0.500-0.500], recall 1.000 [1.000-1.000]", text.ToString());
        }
        finally { CultureInfo.CurrentCulture = saved; }
        var err = new StringWriter();
        Assert.Equal(2, EvalCommand.Run(Path.Combine(dir.Path, "nope"), Path.Combine(dir.Path, "docs"), false, null, 0.6, new StringWriter(), err));
        Assert.Contains("nope", err.ToString());
    }

    static DocumentScore Doc(string file, int matched, int predicted, int reference, bool adminRight, bool? dateRight) =>
        new(file, matched, predicted, reference, [], [], "obama", adminRight ? "obama" : "biden", null, null, null,
            AskShift.DatePrecision.Unknown, dateRight, []);

    static EvaluationReport Report(IEnumerable<DocumentScore> docs) => new(docs.ToList(), [], null, [], []);

    // Six documents a researcher might hand-code: one perfect, some with misses, some with extras, one with nothing found.
    static readonly DocumentScore[] Sample =
    [
        Doc("a", 3, 3, 3, true, true), Doc("b", 1, 2, 3, true, true), Doc("c", 0, 1, 2, false, false),
        Doc("d", 2, 2, 2, true, null), Doc("e", 2, 4, 2, true, true), Doc("f", 0, 0, 1, false, false),
    ];

    [Fact]
    public void Intervals_hold_the_totals_repeat_for_a_seed_and_narrow_as_the_sample_grows()
    {
        var small = Report(Sample);
        var ci = small.Intervals(resamples: 4000, seed: 3);
        Assert.InRange(small.Precision, ci.Precision!.Value.Low, ci.Precision.Value.High);
        Assert.InRange(small.Recall, ci.Recall!.Value.Low, ci.Recall.Value.High);
        Assert.InRange(small.F1, ci.F1!.Value.Low, ci.F1.Value.High);
        // Six documents that disagree this much leave a wide range: the point alone would overstate what is known.
        Assert.True(ci.F1.Value.High - ci.F1.Value.Low > 0.2, $"{ci.F1}");
        Assert.Equal(ci, small.Intervals(resamples: 4000, seed: 3));

        // The same documents coded eight times over: the same totals, a much narrower interval.
        var large = Report(Enumerable.Range(0, 8).SelectMany(i => Sample.Select(d => d with { File = d.File + i })));
        Assert.Equal(small.F1, large.F1, 12);
        var wide = large.Intervals(resamples: 4000, seed: 3);
        Assert.True(wide.F1!.Value.High - wide.F1.Value.Low < 0.6 * (ci.F1.Value.High - ci.F1.Value.Low), $"{wide.F1} against {ci.F1}");
    }

    [Fact]
    public void Administrations_and_dates_get_wilson_intervals_and_nothing_scored_gets_none()
    {
        var ci = Report(Sample).Intervals();
        Assert.Equal(AskShift.Shift.Uncertainty.Wilson(4, 6), ci.Administration);
        Assert.Equal(AskShift.Shift.Uncertainty.Wilson(3, 5), ci.Dates);

        // A perfect sample's asks cannot resample to anything else; its dates were never stated, so they have no interval.
        var perfect = Report([Doc("a", 2, 2, 2, true, null), Doc("b", 1, 1, 1, true, null)]).Intervals();
        Assert.Equal((1.0, 1.0), perfect.F1);
        Assert.Null(perfect.Dates);
        Assert.Null(Report([]).Intervals().F1);
    }

    [Fact]
    public void Resamples_with_nothing_extracted_are_left_out_of_precision_not_scored_as_zero()
    {
        // One document's ask was found, the other's extraction found nothing: every resample that extracted anything has
        // precision 1, so the interval is [1, 1]; a quarter of resamples draw only the second document and have none.
        var ci = Report([Doc("a", 1, 1, 1, true, null), Doc("b", 0, 0, 1, true, null)]).Intervals(resamples: 4000, seed: 5);
        Assert.Equal((1.0, 1.0), ci.Precision);
        Assert.Null(Report([Doc("a", 0, 0, 0, true, null)]).Intervals().F1); // nothing extracted or annotated anywhere
        Assert.Throws<ArgumentException>(() => AskShift.Shift.Uncertainty.DocumentBootstrap([[1, 2, 3], [1, 2]], c => c[0]));
    }

    [Fact]
    public void Gold_offsets_counted_in_code_points_as_python_counts_them_check_like_utf16_ones()
    {
        const string text = "Rally 🕯️ tonight. We urge the administration to impose sanctions on officials.\n";
        const string ask = "urge the administration to impose sanctions on officials";
        var utf16 = text.IndexOf(ask, StringComparison.Ordinal);
        var codePoints = utf16 - 1; // the candle is one code point and two UTF-16 units
        GoldDocument Doc(int start) => new("a.txt", null, null, "unknown", [new GoldAsk(ask, start, start + ask.Length, "sentence", null, null, false)], "gold.json");
        Assert.Empty(GoldSet.CheckSpans(Doc(utf16), text));
        Assert.Empty(GoldSet.CheckSpans(Doc(codePoints), text));
        Assert.Single(GoldSet.CheckSpans(Doc(utf16 + 2), text));
    }
}
