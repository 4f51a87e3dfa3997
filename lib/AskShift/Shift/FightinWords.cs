using AskShift.Text;
using AskShift.Cluster;
using Microsoft.Data.Analysis;

namespace AskShift.Shift;

/// <summary>A term's keyness between two groups.</summary>
/// <param name="GroupA">Group whose typical terms get positive scores.</param>
/// <param name="GroupB">Reference group (another administration, or "rest").</param>
/// <param name="Term">Word or n-gram.</param>
/// <param name="CountA">Occurrences in group A.</param>
/// <param name="CountB">Occurrences in group B.</param>
/// <param name="Variance">Approximate variance of Delta: 1/(y_A+α) + 1/(y_B+α).</param>
/// <param name="Delta">Log-odds ratio with the prior (positive: typical of group A).</param>
/// <param name="Z">Delta divided by its approximate standard deviation; |z| &gt; 1.96 is the usual threshold.</param>
public sealed record KeyTerm(string GroupA, string GroupB, string Term, int CountA, int CountB, double Delta, double Variance, double Z);

/// <summary>A term's contrast with its p-value and its false-discovery-adjusted q-value among the <paramref name="Tested"/> terms of its comparison.</summary>
/// <param name="Term">The contrast.</param>
/// <param name="P">Two-sided p-value of the z-score.</param>
/// <param name="Q">Benjamini-Hochberg q-value within the comparison.</param>
/// <param name="Tested">Terms tested in the comparison (the size of the family).</param>
public sealed record KeyTermTest(KeyTerm Term, double P, double Q, int Tested);

/// <summary>Options for <see cref="FightinWords"/>.</summary>
public sealed record KeynessOptions
{
    /// <summary>Total prior mass α0 as a fraction of the corpus size: α_w = strength · (corpus count of w).
    /// Larger values shrink rare-word differences harder; 0.1 keeps the prior weaker than the data.</summary>
    public double PriorStrength { get; init; } = 0.1;
    /// <summary>Longest n-gram counted (1 = words; 2 adds bigrams such as "human rights").</summary>
    public int NgramLength { get; init; } = 1;
    /// <summary>Terms occurring fewer times than this in both groups together are not reported.</summary>
    public int MinCount { get; init; } = 2;
}

/// <summary>
/// Fightin' Words (Monroe, Colaresi and Quinn 2008, §3.5): log-odds ratios with an informative Dirichlet prior built
/// from the pooled counts, and z-scores, so that frequent words are not favoured (as with raw log-odds) and rare words
/// do not dominate (as with unsmoothed ratios).
/// </summary>
public static class FightinWords
{
    /// <summary>Keyness of every term between the texts of group A and group B, sorted by z descending.</summary>
    public static IReadOnlyList<KeyTerm> Compare(IEnumerable<string> textsA, IEnumerable<string> textsB, KeynessOptions? options = null,
        string groupA = "A", string groupB = "B")
    {
        options ??= new KeynessOptions();
        var a = Count(textsA, options.NgramLength);
        var b = Count(textsB, options.NgramLength);
        return Compare(a, b, options, groupA, groupB);
    }

    /// <summary>Keyness from term counts (the form the hand-checked tests use).</summary>
    public static IReadOnlyList<KeyTerm> Compare(IReadOnlyDictionary<string, int> countsA, IReadOnlyDictionary<string, int> countsB,
        KeynessOptions? options = null, string groupA = "A", string groupB = "B")
    {
        options ??= new KeynessOptions();
        double nA = countsA.Values.Sum(), nB = countsB.Values.Sum();
        var vocab = countsA.Keys.Union(countsB.Keys).ToList();
        var prior = vocab.ToDictionary(w => w, w => options.PriorStrength * (countsA.GetValueOrDefault(w) + countsB.GetValueOrDefault(w)));
        double a0 = prior.Values.Sum();
        var result = new List<KeyTerm>();
        foreach (var w in vocab)
        {
            int ya = countsA.GetValueOrDefault(w), yb = countsB.GetValueOrDefault(w);
            if (ya + yb < options.MinCount) continue;
            double aw = prior[w];
            double delta = Math.Log((ya + aw) / (nA + a0 - ya - aw)) - Math.Log((yb + aw) / (nB + a0 - yb - aw));
            double variance = 1.0 / (ya + aw) + 1.0 / (yb + aw);
            result.Add(new KeyTerm(groupA, groupB, w, ya, yb, delta, variance, delta / Math.Sqrt(variance)));
        }
        return result.OrderByDescending(k => k.Z).ThenBy(k => k.Term, StringComparer.Ordinal).ToList();
    }

    /// <summary>Each group against all other texts pooled (quanteda's keyness "target vs reference").</summary>
    public static IReadOnlyList<KeyTerm> EachVsRest(IReadOnlyList<string> texts, IReadOnlyList<string> groups, KeynessOptions? options = null)
    {
        Check(texts, groups);
        var result = new List<KeyTerm>();
        foreach (var g in Administrations.Sort(groups))
            result.AddRange(Compare(Select(texts, groups, x => x == g), Select(texts, groups, x => x != g), options, g, "rest"));
        return result;
    }

    /// <summary>Each consecutive pair of groups in chronological order (obama→trump1, trump1→biden, ...);
    /// positive z means typical of the later group.</summary>
    public static IReadOnlyList<KeyTerm> ConsecutivePairs(IReadOnlyList<string> texts, IReadOnlyList<string> groups, KeynessOptions? options = null)
    {
        Check(texts, groups);
        var order = Administrations.Sort(groups).Where(g => g != "unknown").ToList();
        var result = new List<KeyTerm>();
        for (int i = 0; i + 1 < order.Count; i++)
            result.AddRange(Compare(Select(texts, groups, x => x == order[i + 1]), Select(texts, groups, x => x == order[i]), options, order[i + 1], order[i]));
        return result;
    }

    /// <summary>Key terms as a DataFrame (group_a, group_b, term, count_a, count_b, delta, z).</summary>
    public static DataFrame ToFrame(IReadOnlyList<KeyTerm> rows) => new(
        new StringDataFrameColumn("group_a", rows.Select(r => r.GroupA)),
        new StringDataFrameColumn("group_b", rows.Select(r => r.GroupB)),
        new StringDataFrameColumn("term", rows.Select(r => r.Term)),
        new Int32DataFrameColumn("count_a", rows.Select(r => r.CountA)),
        new Int32DataFrameColumn("count_b", rows.Select(r => r.CountB)),
        new DoubleDataFrameColumn("delta", rows.Select(r => r.Delta)),
        new DoubleDataFrameColumn("z", rows.Select(r => r.Z)));

    internal static Dictionary<string, int> Count(IEnumerable<string> texts, int ngram)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in texts)
            foreach (var term in Tokens.Terms(t, ngram))
                counts[term] = counts.GetValueOrDefault(term) + 1;
        return counts;
    }

    private static IEnumerable<string> Select(IReadOnlyList<string> texts, IReadOnlyList<string> groups, Func<string, bool> keep) =>
        texts.Where((_, i) => keep(groups[i]));

    private static void Check(IReadOnlyList<string> texts, IReadOnlyList<string> groups)
    {
        if (texts.Count != groups.Count) throw new ArgumentException($"{texts.Count} texts but {groups.Count} group labels");
    }

    /// <summary>
    /// Each term's two-sided p-value and its Benjamini-Hochberg q-value within its comparison (one pair of groups is one
    /// family: every term tested there), so "significant" means at most 5% false discoveries among hundreds of words,
    /// not one in twenty by chance.
    /// </summary>
    public static IReadOnlyList<KeyTermTest> WithFalseDiscoveryControl(IReadOnlyList<KeyTerm> terms)
    {
        var result = new KeyTermTest[terms.Count];
        foreach (var family in terms.Select((t, i) => (t, i)).GroupBy(x => (x.t.GroupA, x.t.GroupB)))
        {
            var members = family.ToList();
            var p = members.Select(m => Uncertainty.TwoSidedP(m.t.Z)).ToList();
            var q = Uncertainty.BenjaminiHochberg(p);
            for (var k = 0; k < members.Count; k++) result[members[k].i] = new KeyTermTest(members[k].t, p[k], q[k], members.Count);
        }
        return result;
    }

    /// <summary>Tested terms as a table to read: groups by name, counts, z and log-odds to two decimals, p and q to three.</summary>
    public static DataFrame ToFrame(IReadOnlyList<KeyTermTest> rows)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        return new DataFrame(
            new StringDataFrameColumn("group_a", rows.Select(r => Administrations.Name(r.Term.GroupA))),
            new StringDataFrameColumn("group_b", rows.Select(r => Administrations.Name(r.Term.GroupB))),
            new StringDataFrameColumn("term", rows.Select(r => r.Term.Term)),
            new Int32DataFrameColumn("count_a", rows.Select(r => r.Term.CountA)),
            new Int32DataFrameColumn("count_b", rows.Select(r => r.Term.CountB)),
            new StringDataFrameColumn("z", rows.Select(r => r.Term.Z.ToString("0.00", inv))),
            new StringDataFrameColumn("p", rows.Select(r => r.P.ToString("0.000", inv))),
            new StringDataFrameColumn("q_fdr", rows.Select(r => r.Q.ToString("0.000", inv))),
            new Int32DataFrameColumn("terms_tested", rows.Select(r => r.Tested)));
    }
}
