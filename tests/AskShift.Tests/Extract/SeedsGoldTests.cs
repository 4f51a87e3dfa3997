using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace AskShift.Tests.Extract;

/// <summary>Scores extraction on the five hand-annotated seeds with the issue's rule.</summary>
public class SeedsGoldTests(ITestOutputHelper output)
{
    sealed record GoldAsk(string Text, int Start, int End, string Form);
    sealed record GoldDoc(string File, string? Date, string Precision, string Administration, List<GoldAsk> Asks);

    static List<GoldDoc> LoadGold()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(RepoPaths.Gold));
        return json.RootElement.EnumerateArray().Select(d => new GoldDoc(
            d.GetProperty("file").GetString()!,
            d.GetProperty("publication_date").GetString(),
            d.GetProperty("date_precision").GetString()!,
            d.GetProperty("administration").GetString()!,
            d.GetProperty("recommendations").EnumerateArray().Select(r => new GoldAsk(
                r.GetProperty("text").GetString()!, r.GetProperty("start").GetInt32(), r.GetProperty("end").GetInt32(),
                r.GetProperty("form").GetString()!)).ToList())).ToList();
    }

    static List<string> Tokens(string s) => Regex.Matches(s.ToLowerInvariant(), @"\w+").Select(m => m.Value).ToList();

    /// <summary>Shared word tokens (multiset) as a share of the shorter span.</summary>
    internal static double Overlap(string a, string b)
    {
        var ta = Tokens(a);
        var tb = Tokens(b);
        if (ta.Count == 0 || tb.Count == 0) return 0;
        var counts = tb.GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var shared = 0;
        foreach (var t in ta)
            if (counts.TryGetValue(t, out var c) && c > 0) { shared++; counts[t] = c - 1; }
        return (double)shared / Math.Min(ta.Count, tb.Count);
    }

    /// <summary>One-to-one matching, best pairs first, pairs below 60% overlap never match.</summary>
    internal static int Matches(IReadOnlyList<string> predicted, IReadOnlyList<string> gold)
    {
        var pairs = from i in Enumerable.Range(0, predicted.Count)
                    from j in Enumerable.Range(0, gold.Count)
                    let o = Overlap(predicted[i], gold[j])
                    where o >= 0.6
                    orderby o descending
                    select (i, j);
        var usedP = new HashSet<int>();
        var usedG = new HashSet<int>();
        foreach (var (i, j) in pairs)
            if (!usedP.Contains(i) && !usedG.Contains(j)) { usedP.Add(i); usedG.Add(j); }
        return usedP.Count;
    }

    [Fact]
    public void Gold_offsets_are_utf16_offsets_of_the_seed_texts()
    {
        foreach (var g in LoadGold())
        {
            var raw = File.ReadAllText(Path.Combine(RepoPaths.Seeds, g.File));
            foreach (var a in g.Asks) Assert.Equal(a.Text, raw[a.Start..a.End]);
        }
    }

    [Fact]
    public void Extraction_reaches_precision_and_recall_of_090_on_the_seeds()
    {
        var corpus = Corpus.Load(RepoPaths.Seeds);
        Assert.Empty(corpus.Errors);
        int tp = 0, predicted = 0, gold = 0;
        foreach (var g in LoadGold())
        {
            var asks = corpus.AllAsks.Where(a => a.File == g.File).ToList();
            foreach (var a in asks) Assert.Equal(corpus.Items.Single(d => d.File == g.File).RawText[a.Start..a.End], a.Text);
            var m = Matches(asks.Select(a => a.Text).ToList(), g.Asks.Select(a => a.Text).ToList());
            output.WriteLine($"{g.File}: P={m}/{asks.Count} R={m}/{g.Asks.Count}");
            tp += m; predicted += asks.Count; gold += g.Asks.Count;
        }
        double p = (double)tp / predicted, r = (double)tp / gold;
        output.WriteLine($"overall: P={p:F3} R={r:F3} ({tp} matched, {predicted} predicted, {gold} gold)");
        Assert.True(p >= 0.90, $"precision {p:F3} < 0.90");
        Assert.True(r >= 0.90, $"recall {r:F3} < 0.90");
    }

    [Fact]
    public void Every_seed_gets_its_administration_and_stated_day()
    {
        var corpus = Corpus.Load(RepoPaths.Seeds);
        foreach (var g in LoadGold())
        {
            var doc = corpus.Items.Single(d => d.File == g.File);
            output.WriteLine($"{doc.File}: {doc.Date} {doc.DatePrecision} {doc.Administration} | title={doc.Title} | orgs={string.Join("; ", doc.Organisations)} | to={string.Join("; ", doc.Addressees)} | event={doc.Event} | people={string.Join("; ", doc.People)} | langs={string.Join(",", doc.Languages)} | chrome={doc.Chrome.Count}");
            Assert.True(g.Administration == doc.Administration, $"{g.File}: administration {doc.Administration}, gold {g.Administration}");
            if (g.Precision == "day")
                Assert.True(g.Date == doc.Date?.ToString("yyyy-MM-dd"), $"{g.File}: date {doc.Date}, gold {g.Date}");
        }
    }

    [Fact]
    public void The_matching_rule_rejects_unrelated_spans_and_pairs_one_to_one()
    {
        Assert.Equal(0, Matches(["release all political prisoners"], ["impose sanctions on officials"]));
        Assert.Equal(1, Matches(["impose sanctions", "impose sanctions"], ["impose sanctions on officials"]));
    }
}
