using System.Text.Json.Nodes;
using AskShift.Notebooks;
using Microsoft.Data.Analysis;

namespace AskShift.Notebooks.Tests;

public class FormatterTests
{
    private static DataFrame Frame(int rows) =>
        new(new Int32DataFrameColumn("n", Enumerable.Range(0, rows)),
            new StringDataFrameColumn("text", Enumerable.Range(0, rows).Select(i => $"<b>{i}</b>")));

    [Fact]
    public void DataFrame_html_is_a_bare_capped_table()
    {
        var bundle = Formatter.Format(Frame(Formatter.MaxRows + 7));
        var html = bundle.Data["text/html"].GetValue<string>();
        Assert.StartsWith("<table>", html);
        Assert.DoesNotContain("<style", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain(" id=", html);
        Assert.Contains("&lt;b&gt;3&lt;/b&gt;", html);
        Assert.Equal(Formatter.MaxRows, html.Split("<tr><td>").Length - 1);
        Assert.Contains("7 more rows", html);
        var text = bundle.Text!;
        var lines = text.Split('\n');
        Assert.Matches(@"^\s+n\s+text$", lines[0]);
        Assert.Equal("7 more rows", lines[^1]);
        Assert.Equal(lines[2].IndexOf("<b>0</b>"), lines[3].IndexOf("<b>1</b>"));
    }

    [Fact]
    public void Chart_bundle_has_plotly_figure_and_text_but_no_html()
    {
        var chart = Plotly.NET.CSharp.Chart.Column<int, string, string>(new[] { 1, 3 }, new[] { "a", "b" });
        var bundle = Formatter.Format(chart);
        Assert.DoesNotContain("text/html", bundle.Data.Keys);
        var fig = bundle.Data[Formatter.PlotlyMime].AsObject();
        Assert.Equal("bar", fig["data"]![0]!["type"]!.GetValue<string>());
        Assert.NotNull(fig["layout"]);
        Assert.NotNull(fig["config"]);
        Assert.Contains("bar", bundle.Text);
    }

    private sealed record Ask(string Org, int Year);

    [Fact]
    public void Plain_text_shows_lists_and_tables()
    {
        Assert.Equal("[ 1, 2, 3 ]", Formatter.Format(new List<int> { 1, 2, 3 }).Text);
        var record = Formatter.Format(new Ask("HRW", 2021)).Text!;
        Assert.Contains("Org", record);
        Assert.Contains("HRW", record);
        var table = Formatter.Format(new[] { new Ask("HRW", 2021), new Ask("AI", 2017) }).Text!.Split('\n');
        Assert.Matches(@"^\s+Org\s+Year$", table[0]);
        Assert.Contains("AI", table[3]);
        var anon = Formatter.Format(new { Name = "x", Count = 2 }).Text!;
        Assert.Contains("Count", anon);
        Assert.Equal("hello", Formatter.Format("hello").Text);
    }

    private sealed class Money(decimal amount) { public decimal Amount => amount; }

    [Fact]
    public void Dates_show_as_iso_and_fractions_readably_whatever_the_culture()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("en-US");
        try
        {
            var df = new DataFrame(new PrimitiveDataFrameColumn<DateTime>("date", new DateTime?[] { new DateTime(2021, 2, 17), null }));
            var bundle = Formatter.Format(df);
            Assert.Contains("2021-02-17", bundle.Text);
            Assert.DoesNotContain("02/17/2021", bundle.Text);
            Assert.Contains("<td>2021-02-17</td>", bundle.Data["text/html"].GetValue<string>());
            Assert.Equal("2025-01-20 12:00:00", Formatter.Format(new DateTime(2025, 1, 20, 12, 0, 0)).Text);
            var shares = Formatter.Format(new DataFrame(new DoubleDataFrameColumn("share", [1.0 / 17, 0.5])));
            Assert.Contains("0.0588235", shares.Text);
            Assert.DoesNotContain("0.058823529411764705", shares.Text);
            Assert.Equal("0.058823529411764705", Formatter.Format(1.0 / 17).Text);
        }
        finally { System.Globalization.CultureInfo.CurrentCulture = saved; }
    }

    [Fact]
    public void Registered_formatters_take_precedence()
    {
        Formatter.Register<Money>(m => new MimeBundle(new Dictionary<string, JsonNode> { ["text/plain"] = JsonValue.Create($"${m.Amount}") }, null));
        Assert.Equal("$5", Formatter.Format(new Money(5)).Text);
    }
}
