using System.Globalization;
using System.Text.Json;
using AskShift.Cli;
using AskShift.Evaluate;

namespace AskShift.Tests.Evaluate;

/// <summary>Inter-coder agreement on toy codings whose right answers are known by hand.</summary>
public class CoderAgreementTests
{
    static GoldAsk Ask(string text, string theme) => new(text, 0, text.Length, "sentence", theme, null, false);

    static GoldDocument Doc(string file, string admin, string? date, string? precision, params GoldAsk[] asks) =>
        new(file, date is null ? null : DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture), precision, admin, asks, file + ".json");

    [Fact]
    public void Asks_pair_one_to_one_and_agreement_is_symmetric()
    {
        var first = new[]
        {
            Doc("a.txt", "obama", "2015-03-03", "day",
                Ask("the United States should release funds for human rights defenders", "support_defenders_civil_society"),
                Ask("impose targeted sanctions on the officials responsible", "sanctions_financial"),
                Ask("raise the case of Ilham Tohti at the summit", "release_detainees_raise_cases")),
            Doc("b.txt", "trump1", "2018-06-01", "month", Ask("fund Uyghur-language broadcasting", "counter_propaganda")),
        };
        var second = new[]
        {
            // Spans drawn a little differently, one ask the first coder has not, one theme coded differently.
            Doc("a.txt", "obama", "2015-03-03", "day",
                Ask("should release funds for human rights defenders", "support_defenders_civil_society"),
                Ask("targeted sanctions on the officials responsible", "xinjiang_uyghur"),
                Ask("end the practice of residential surveillance", "rule_of_law_legal")),
            // A day where the first coder read only the month: the same month, so the dates agree.
            Doc("b.txt", "trump2", "2018-06-12", "day", Ask("fund Uyghur-language broadcasting", "counter_propaganda")),
        };
        var r = CoderAgreement.Compare(first, second);
        Assert.Equal(3, r.Matched);
        Assert.Equal(4, r.First);
        Assert.Equal(4, r.Second);
        Assert.Equal(0.75, r.F1, 6);
        Assert.Equal(CoderAgreement.Compare(second, first).F1, r.F1, 6);
        Assert.Equal(["raise the case of Ilham Tohti at the summit"], r.Documents[0].OnlyFirst);
        Assert.Equal(["end the practice of residential surveillance"], r.Documents[0].OnlySecond);
        Assert.Equal(1, r.AdministrationsAgreed);
        Assert.Equal(2, r.DatesCompared);
        Assert.Equal(2, r.DatesAgreed);
        Assert.Equal(3, r.Themes.Asks);
        Assert.Equal(2, r.Themes.Agreed);
    }

    [Fact]
    public void Documents_coded_once_only_are_named_and_a_stated_date_against_none_is_counted()
    {
        var r = CoderAgreement.Compare(
            [Doc("a.txt", "biden", "2022-01-05", "day"), Doc("only-first.txt", "biden", null, null)],
            [Doc("a.txt", "biden", null, null), Doc("only-second.txt", "biden", null, null)]);
        Assert.Single(r.Documents);
        Assert.Equal(0, r.DatesCompared);
        Assert.Equal(1, r.DateStatedDisagreements);
        Assert.Contains(r.Problems, p => p.Contains("only-first.txt") && p.Contains("1 documents coded by the first coder only"));
        Assert.Contains(r.Problems, p => p.Contains("only-second.txt") && p.Contains("second coder only"));
    }

    [Fact]
    public void Agree_command_checks_spans_prints_culture_invariant_json_and_refuses_sets_with_nothing_in_common()
    {
        using var dir = new TempDir();
        const string text = "Published on March 3, 2015\n\nThe United States should release funds for defenders.\n";
        string Coded(string span, int shift) => JsonSerializer.Serialize(new
        {
            file = "a.txt", publication_date = "2015-03-03", date_precision = "day", administration = "obama",
            recommendations = new[] { new { text = span, start = text.IndexOf(span, StringComparison.Ordinal) + shift, end = text.IndexOf(span, StringComparison.Ordinal) + shift + span.Length, form = "sentence", theme = "other" } },
        });
        dir.Write("docs/a.txt", text);
        dir.Write("first/a.json", Coded("should release funds for defenders", 0));
        dir.Write("second/a.json", Coded("release funds for defenders", 1)); // offsets one character off
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var stdout = new StringWriter();
            Assert.Equal(0, AgreeCommand.Run(Path.Combine(dir.Path, "first"), Path.Combine(dir.Path, "second"), Path.Combine(dir.Path, "docs"), true, 0.6, stdout, new StringWriter()));
            using var json = JsonDocument.Parse(stdout.ToString());
            Assert.Equal(1.0, json.RootElement.GetProperty("totals").GetProperty("f1").GetDouble());
            // The second coder's span is one character off its text: that file, and only it, is named.
            var problem = Assert.Single(json.RootElement.GetProperty("problems").EnumerateArray()).GetString()!;
            Assert.Contains(Path.Combine("second", "a.json"), problem);
            var plain = new StringWriter();
            AgreeCommand.Run(Path.Combine(dir.Path, "first"), Path.Combine(dir.Path, "second"), null, false, 0.6, plain, new StringWriter());
            Assert.Contains("asks: F1 1.000", plain.ToString());
        }
        finally { CultureInfo.CurrentCulture = saved; }
        dir.Write("other/b.json", JsonSerializer.Serialize(new { file = "b.txt", administration = "obama", recommendations = Array.Empty<object>() }));
        var err = new StringWriter();
        Assert.Equal(2, AgreeCommand.Run(Path.Combine(dir.Path, "first"), Path.Combine(dir.Path, "other"), null, false, 0.6, new StringWriter(), err));
        Assert.Contains("no document in common", err.ToString());
    }
}
