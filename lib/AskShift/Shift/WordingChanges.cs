using System.Globalization;
using System.Text;
using AskShift.Text;
using Microsoft.Data.Analysis;

namespace AskShift.Shift;

/// <summary>
/// One ask of an administration beside the closest ask of the same theme under the administration before it, with the
/// words the later one dropped and added.
/// </summary>
/// <param name="Theme">The theme both asks have.</param>
/// <param name="From">The earlier administration.</param>
/// <param name="To">The later administration.</param>
/// <param name="Similarity">Cosine similarity of the two asks' TF-IDF vectors (words and word pairs), 0 to 1.</param>
/// <param name="Earlier">The closest earlier ask.</param>
/// <param name="Later">The later ask.</param>
/// <param name="Diff">The later ask as a word diff against the earlier: <c>[-dropped-]</c> and <c>{+added+}</c>.</param>
/// <param name="Dropped">Content words of the earlier ask the later one does not use.</param>
/// <param name="Added">Content words of the later ask the earlier one does not use.</param>
public sealed record WordingPair(string Theme, string From, string To, double Similarity, AskRow Earlier, AskRow Later, string Diff,
    IReadOnlyList<string> Dropped, IReadOnlyList<string> Added);

/// <summary>
/// How the wording of the same ask changed: within each theme, every ask of an administration is matched to its
/// closest ask under the previous administration that has asks of that theme, and the two are shown side by side with
/// a word-level diff. Topic models give shares of themes; this gives the asks themselves, with their sources.
/// </summary>
public static class WordingChanges
{
    /// <summary>
    /// Pairs for every theme and every pair of consecutive administrations (in time order; <c>unknown</c> left out) that
    /// both have asks of the theme; within each, the <paramref name="perTheme"/> most similar pairs, most similar first.
    /// </summary>
    public static IReadOnlyList<WordingPair> Match(IReadOnlyList<AskRow> rows, IReadOnlyList<string> themes, int perTheme = 3)
    {
        if (rows.Count != themes.Count) throw new ArgumentException($"{rows.Count} asks but {themes.Count} themes");
        var terms = rows.Select(r => Tokens.Terms(r.AnalysisText)).ToList();
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in terms) foreach (var w in t.Distinct()) df[w] = df.GetValueOrDefault(w) + 1;
        var vectors = terms.Select(t => Normalise(t.GroupBy(w => w, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count() * Math.Log((1.0 + rows.Count) / (1.0 + df[g.Key])) + 1e-12, StringComparer.Ordinal))).ToList();
        var result = new List<WordingPair>();
        var order = Administrations.Sort(rows.Select(r => r.Administration)).Where(a => a != "unknown").ToList();
        foreach (var theme in themes.Distinct().OrderBy(t => t, StringComparer.Ordinal))
        {
            var byAdmin = order.Select(a => (Admin: a, Asks: Enumerable.Range(0, rows.Count).Where(i => themes[i] == theme && rows[i].Administration == a).ToList()))
                .Where(x => x.Asks.Count > 0).ToList();
            for (var k = 0; k + 1 < byAdmin.Count; k++)
            {
                var (from, earlier) = byAdmin[k];
                var (to, later) = byAdmin[k + 1];
                var pairs = later.Select(j =>
                {
                    var best = earlier.MaxBy(i => Cosine(vectors[i], vectors[j]));
                    return (Earlier: best, Later: j, Sim: Cosine(vectors[best], vectors[j]));
                }).OrderByDescending(p => p.Sim).ThenBy(p => p.Later).Take(perTheme);
                foreach (var (i, j, sim) in pairs)
                {
                    var (diff, dropped, added) = WordDiff(rows[i].AnalysisText, rows[j].AnalysisText);
                    result.Add(new WordingPair(theme, from, to, sim, rows[i], rows[j], diff, dropped, added));
                }
            }
        }
        return result;
    }

    static Dictionary<string, double> Normalise(Dictionary<string, double> v)
    {
        var norm = Math.Sqrt(v.Values.Sum(x => x * x));
        return norm == 0 ? v : v.ToDictionary(kv => kv.Key, kv => kv.Value / norm, StringComparer.Ordinal);
    }

    static double Cosine(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        return small.Sum(kv => large.TryGetValue(kv.Key, out var y) ? kv.Value * y : 0);
    }

    /// <summary>
    /// A word diff of <paramref name="later"/> against <paramref name="earlier"/> by longest common subsequence of their
    /// words (case ignored): words only in the earlier text as <c>[-…-]</c>, only in the later as <c>{+…+}</c>.
    /// </summary>
    public static (string Diff, IReadOnlyList<string> Dropped, IReadOnlyList<string> Added) WordDiff(string earlier, string later)
    {
        var a = Tokens.Tokenize(earlier).Select(t => earlier[t.Start..t.End]).ToList();
        var b = Tokens.Tokenize(later).Select(t => later[t.Start..t.End]).ToList();
        var key = (string w) => w.ToLowerInvariant();
        var lcs = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
            for (var j = b.Count - 1; j >= 0; j--)
                lcs[i, j] = key(a[i]) == key(b[j]) ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var sb = new StringBuilder();
        var dropped = new List<string>();
        var added = new List<string>();
        // Chinese has no spaces between words: characters are joined as written, other words with a space.
        static string Join(IEnumerable<string> words)
        {
            var j = new StringBuilder();
            foreach (var w in words)
            {
                if (j.Length > 0 && !(Tokens.IsCjk(j[^1]) && Tokens.IsCjk(w[0]))) j.Append(' ');
                j.Append(w);
            }
            return j.ToString();
        }
        void Space(string next)
        {
            if (sb.Length > 0 && !(Tokens.IsCjk(sb[^1]) && Tokens.IsCjk(next[0]))) sb.Append(' ');
        }
        void Emit(string kind, List<string> words)
        {
            if (words.Count == 0) return;
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(kind == "-" ? "[-" : "{+").Append(Join(words)).Append(kind == "-" ? "-]" : "+}");
            words.Clear();
        }
        var del = new List<string>();
        var ins = new List<string>();
        int x = 0, y = 0;
        while (x < a.Count || y < b.Count)
        {
            if (x < a.Count && y < b.Count && key(a[x]) == key(b[y]))
            {
                Emit("-", del); Emit("+", ins);
                Space(b[y]);
                sb.Append(b[y]);
                x++; y++;
            }
            else if (y < b.Count && (x == a.Count || lcs[x, y + 1] >= lcs[x + 1, y])) { ins.Add(b[y]); Content(b[y], added); y++; }
            else { del.Add(a[x]); Content(a[x], dropped); x++; }
        }
        Emit("-", del); Emit("+", ins);
        return (sb.ToString(), dropped.Distinct(StringComparer.OrdinalIgnoreCase).ToList(), added.Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }

    static void Content(string word, List<string> into)
    {
        var w = word.ToLowerInvariant();
        if (!Tokens.StopWords.Contains(w) && (w.Length > 1 || Tokens.IsCjk(w[0]))) into.Add(w);
    }

    /// <summary>
    /// Example asks for every theme under every administration (the first <paramref name="perCell"/> in document
    /// order, each with its source), with how many asks the cell holds: what a share in the theme tables is made of.
    /// </summary>
    public static DataFrame Examples(IReadOnlyList<AskRow> rows, IReadOnlyList<string> themes, int perCell = 2)
    {
        if (rows.Count != themes.Count) throw new ArgumentException($"{rows.Count} asks but {themes.Count} themes");
        var cells = Enumerable.Range(0, rows.Count)
            .GroupBy(i => (Theme: themes[i], Admin: rows[i].Administration))
            .OrderBy(g => g.Key.Theme, StringComparer.Ordinal).ThenBy(g => Administrations.Rank(g.Key.Admin))
            .ToList();
        string Example(int i) => string.Create(CultureInfo.InvariantCulture, $"{rows[i].AnalysisText} ({rows[i].File} #{rows[i].Ordinal})");
        return new DataFrame(
            new StringDataFrameColumn("theme", cells.Select(c => c.Key.Theme)),
            new StringDataFrameColumn("administration", cells.Select(c => Administrations.Name(c.Key.Admin))),
            new Int32DataFrameColumn("asks", cells.Select(c => c.Count())),
            new StringDataFrameColumn("examples", cells.Select(c => string.Join(" | ", c.Take(perCell).Select(Example)))));
    }

    /// <summary>The pairs as a table to read: administrations by name, similarity to two decimals, each ask with its source.</summary>
    public static DataFrame ToFrame(IReadOnlyList<WordingPair> pairs)
    {
        string Source(AskRow r) => string.Create(CultureInfo.InvariantCulture, $"{r.File} #{r.Ordinal}");
        return new DataFrame(
            new StringDataFrameColumn("theme", pairs.Select(p => p.Theme)),
            new StringDataFrameColumn("from", pairs.Select(p => Administrations.Name(p.From))),
            new StringDataFrameColumn("to", pairs.Select(p => Administrations.Name(p.To))),
            new StringDataFrameColumn("similarity", pairs.Select(p => p.Similarity.ToString("0.00", CultureInfo.InvariantCulture))),
            new StringDataFrameColumn("earlier_ask", pairs.Select(p => $"{p.Earlier.AnalysisText} ({Source(p.Earlier)})")),
            new StringDataFrameColumn("later_ask", pairs.Select(p => $"{p.Later.AnalysisText} ({Source(p.Later)})")),
            new StringDataFrameColumn("word_diff", pairs.Select(p => p.Diff)),
            new StringDataFrameColumn("dropped", pairs.Select(p => string.Join(", ", p.Dropped))),
            new StringDataFrameColumn("added", pairs.Select(p => string.Join(", ", p.Added))));
    }
}
