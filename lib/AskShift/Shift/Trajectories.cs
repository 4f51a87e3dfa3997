using AskShift.Text;
using AskShift.Cluster;
using Microsoft.Data.Analysis;

namespace AskShift.Shift;

/// <summary>How often a term or phrase occurs in one period.</summary>
/// <param name="Term">The word or phrase counted.</param>
/// <param name="Period">Administration or year.</param>
/// <param name="Count">Occurrences in the period.</param>
/// <param name="Tokens">Tokens in the period's texts.</param>
/// <param name="PerThousand">Occurrences per 1,000 tokens of the period, comparable across periods of different size.</param>
/// <param name="Documents">Number of texts of the period containing the term at least once.</param>
public sealed record TrajectoryPoint(string Term, string Period, int Count, int Tokens, double PerThousand, int Documents)
{
    /// <summary>
    /// 95% Wilson interval of the rate per 1,000 tokens (each token a trial): one occurrence in 800 tokens is anywhere
    /// from about 0.2 to 7 per 1,000, which the line alone does not show. (0, 0) for a period without tokens.
    /// </summary>
    public (double Low, double High) Interval => Tokens == 0 ? (0, 0) : Scale(Uncertainty.Wilson(Count, Tokens));

    static (double, double) Scale((double Low, double High) w) => (1000 * w.Low, 1000 * w.High);
}

/// <summary>Term and phrase trajectories: relative frequency per administration or per year.</summary>
public static class Trajectories
{
    /// <summary>Frequency of each of <paramref name="terms"/> (words or phrases) per group, chronological.</summary>
    public static IReadOnlyList<TrajectoryPoint> ByGroup(IReadOnlyList<string> texts, IReadOnlyList<string> groups, IEnumerable<string> terms)
    {
        if (texts.Count != groups.Count) throw new ArgumentException($"{texts.Count} texts but {groups.Count} group labels");
        var queries = terms.Select(t => (Term: t, Toks: Tokens.Tokenize(t).Select(x => x.Text).ToArray())).ToList();
        foreach (var q in queries) if (q.Toks.Length == 0) throw new ArgumentException($"term \"{q.Term}\" has no word in it");
        var tokenized = texts.Select(t => Tokens.Tokenize(t).Select(x => x.Text).ToArray()).ToArray();
        var result = new List<TrajectoryPoint>();
        foreach (var period in Administrations.Sort(groups))
        {
            var idx = Enumerable.Range(0, texts.Count).Where(i => groups[i] == period).ToList();
            int tokens = idx.Sum(i => tokenized[i].Length);
            foreach (var (term, q) in queries)
            {
                int count = 0, docs = 0;
                foreach (var i in idx)
                {
                    int c = Occurrences(tokenized[i], q);
                    count += c; if (c > 0) docs++;
                }
                result.Add(new TrajectoryPoint(term, period, count, tokens, tokens == 0 ? 0 : 1000.0 * count / tokens, docs));
            }
        }
        return result;
    }

    /// <summary>Frequency per calendar year of each text's date; undated texts form the period "undated".</summary>
    public static IReadOnlyList<TrajectoryPoint> ByYear(IReadOnlyList<string> texts, IReadOnlyList<DateOnly?> dates, IEnumerable<string> terms) =>
        ByGroup(texts, dates.Select(d => d is DateOnly x ? x.Year.ToString("D4") : "undated").ToList(), terms);

    /// <summary>Points as a DataFrame (term, period, count, tokens, per_1000, documents).</summary>
    public static DataFrame ToFrame(IReadOnlyList<TrajectoryPoint> points) => new(
        new StringDataFrameColumn("term", points.Select(p => p.Term)),
        new StringDataFrameColumn("period", points.Select(p => p.Period)),
        new Int32DataFrameColumn("count", points.Select(p => p.Count)),
        new Int32DataFrameColumn("tokens", points.Select(p => p.Tokens)),
        new DoubleDataFrameColumn("per_1000", points.Select(p => p.PerThousand)),
        new Int32DataFrameColumn("documents", points.Select(p => p.Documents)));

    private static int Occurrences(string[] toks, string[] q)
    {
        int n = 0;
        for (int i = 0; i + q.Length <= toks.Length; i++)
        {
            bool ok = true;
            for (int j = 0; j < q.Length && ok; j++) ok = toks[i + j] == q[j];
            if (ok) n++;
        }
        return n;
    }
}
