using AskShift.Text;
using AskShift.Cluster;
using Microsoft.Data.Analysis;

namespace AskShift.Shift;

/// <summary>Settings for <see cref="TextReuse"/>.</summary>
public sealed record ReuseOptions
{
    /// <summary>Words per shingle (5-8 is usual): shorter finds stock phrases, longer only copied sentences.</summary>
    public int ShingleSize { get; init; } = 6;
    /// <summary>Shortest aligned passage (in tokens) that is reported.</summary>
    public int MinTokens { get; init; } = 8;
    /// <summary>Tokens of context on each side of a shared shingle given to the local alignment.</summary>
    public int Window { get; init; } = 40;
    /// <summary>Shingles found in more documents than this are boilerplate and do not seed alignments.</summary>
    public int MaxDocumentsPerShingle { get; init; } = 50;
}

/// <summary>A passage found in two documents, with its span in each.</summary>
/// <param name="SourceA">First source (earlier in input order).</param>
/// <param name="StartA">Start offset of the passage in A.</param>
/// <param name="EndA">End offset (exclusive) in A.</param>
/// <param name="SourceB">Second source.</param>
/// <param name="StartB">Start offset of the passage in B.</param>
/// <param name="EndB">End offset (exclusive) in B.</param>
/// <param name="TextA">The passage as written in A.</param>
/// <param name="TextB">The passage as written in B.</param>
/// <param name="Tokens">Aligned length in tokens of A (the alignment may bridge small edits).</param>
/// <param name="Identity">Share of aligned positions where the tokens match exactly.</param>
public sealed record ReusedPassage(string SourceA, int StartA, int EndA, string SourceB, int StartB, int EndB,
    string TextA, string TextB, int Tokens, double Identity);

/// <summary>
/// Text reuse across documents: shared word shingles locate candidate passages cheaply (hash join, no all-pairs
/// scan), then Smith-Waterman local alignment on tokens extends each to the maximal reused passage, bridging
/// insertions and edits that break exact shingles.
/// </summary>
public static class TextReuse
{
    private const int Match = 2, Mismatch = -1, Gap = -1;

    /// <summary>Reused passages between every pair of different sources.</summary>
    public static IReadOnlyList<ReusedPassage> Find(IReadOnlyList<(string Source, string Text)> texts, ReuseOptions? options = null)
    {
        options ??= new ReuseOptions();
        if (options.ShingleSize < 2) throw new ArgumentException("shingle size must be at least 2 words");
        var toks = texts.Select(t => Tokens.Tokenize(t.Text)).ToArray();
        return FindTokens(texts.Select(t => t.Source).ToArray(), texts.Select(t => t.Text).ToArray(), toks, options);
    }

    /// <summary>Reused passages between documents' raw texts, leaving out page chrome (navigation, appeals) that sites repeat.</summary>
    public static IReadOnlyList<ReusedPassage> Find(IReadOnlyList<Document> documents, ReuseOptions? options = null)
    {
        options ??= new ReuseOptions();
        var toks = documents.Select(d => Tokens.Tokenize(d.RawText)
            .Where(t => !d.Chrome.Any(c => t.Start >= c.Start && t.Start < c.End)).ToList()).ToArray();
        return FindTokens(documents.Select(d => d.File).ToArray(), documents.Select(d => d.RawText).ToArray(), toks, options);
    }

    private static IReadOnlyList<ReusedPassage> FindTokens(string[] sources, string[] raw, List<Token>[] toks, ReuseOptions o)
    {
        int n = o.ShingleSize;
        var postings = new Dictionary<string, List<(int Doc, int Pos)>>(StringComparer.Ordinal);
        for (int d = 0; d < toks.Length; d++)
            for (int i = 0; i + n <= toks[d].Count; i++)
            {
                var key = string.Join('\u0001', toks[d].Skip(i).Take(n).Select(t => t.Text));
                if (!postings.TryGetValue(key, out var list)) postings[key] = list = [];
                list.Add((d, i));
            }
        // candidate seeds per document pair
        var seeds = new SortedDictionary<(int, int), List<(int PosA, int PosB)>>();
        foreach (var list in postings.Values)
        {
            if (list.Count < 2) continue;
            if (list.Select(p => p.Doc).Distinct().Count() > o.MaxDocumentsPerShingle) continue;
            for (int x = 0; x < list.Count; x++)
                for (int y = x + 1; y < list.Count; y++)
                {
                    var (a, b) = (list[x], list[y]);
                    if (a.Doc == b.Doc) continue;
                    if (a.Doc > b.Doc) (a, b) = (b, a);
                    if (!seeds.TryGetValue((a.Doc, b.Doc), out var s)) seeds[(a.Doc, b.Doc)] = s = [];
                    s.Add((a.Pos, b.Pos));
                }
        }
        var result = new List<ReusedPassage>();
        foreach (var ((da, db), list) in seeds)
        {
            var covered = new List<(int A0, int A1, int B0, int B1)>();
            foreach (var (pa, pb) in list.OrderBy(s => s.PosA).ThenBy(s => s.PosB))
            {
                if (covered.Any(c => pa >= c.A0 && pa < c.A1 && pb >= c.B0 && pb < c.B1)) continue;
                var al = AlignAround(toks[da], toks[db], pa, pb, n, o.Window);
                covered.Add((al.A0, al.A1, al.B0, al.B1));
                if (al.A1 - al.A0 < o.MinTokens) continue;
                var (ta, tb) = (toks[da], toks[db]);
                int sa = ta[al.A0].Start, ea = ta[al.A1 - 1].End, sb = tb[al.B0].Start, eb = tb[al.B1 - 1].End;
                result.Add(new ReusedPassage(sources[da], sa, ea, sources[db], sb, eb, raw[da][sa..ea], raw[db][sb..eb], al.A1 - al.A0, al.Identity));
            }
        }
        // Two seeds outside each other's coverage can align to the very same passage: it is listed once.
        return result.DistinctBy(r => (r.SourceA, r.StartA, r.EndA, r.SourceB, r.StartB, r.EndB))
            .OrderByDescending(r => r.Tokens).ThenBy(r => r.SourceA, StringComparer.Ordinal).ThenBy(r => r.StartA).ToList();
    }

    /// <summary>Smith-Waterman around a seed; the window grows while the best alignment touches its edge.</summary>
    internal static (int A0, int A1, int B0, int B1, double Identity) AlignAround(List<Token> a, List<Token> b, int pa, int pb, int n, int window)
    {
        int before = window, after = window;
        for (int round = 0; ; round++)
        {
            int a0 = Math.Max(0, pa - before), a1 = Math.Min(a.Count, pa + n + after);
            int b0 = Math.Max(0, pb - before), b1 = Math.Min(b.Count, pb + n + after);
            var al = SmithWaterman(a, a0, a1, b, b0, b1);
            bool grow = round < 8 && ((al.A0 == a0 && a0 > 0 && al.B0 == b0 && b0 > 0) || (al.A1 == a1 && a1 < a.Count && al.B1 == b1 && b1 < b.Count));
            if (!grow) return al;
            before *= 2; after *= 2;
        }
    }

    internal static (int A0, int A1, int B0, int B1, double Identity) SmithWaterman(List<Token> a, int a0, int a1, List<Token> b, int b0, int b1)
    {
        int m = a1 - a0, k = b1 - b0;
        var h = new int[m + 1, k + 1];
        int best = 0, bi = 0, bj = 0;
        for (int i = 1; i <= m; i++)
            for (int j = 1; j <= k; j++)
            {
                int diag = h[i - 1, j - 1] + (a[a0 + i - 1].Text == b[b0 + j - 1].Text ? Match : Mismatch);
                int v = Math.Max(0, Math.Max(diag, Math.Max(h[i - 1, j] + Gap, h[i, j - 1] + Gap)));
                h[i, j] = v;
                if (v > best) { best = v; bi = i; bj = j; }
            }
        if (best == 0) return (a0, a0, b0, b0, 0);
        int ii = bi, jj = bj, matches = 0, steps = 0;
        while (ii > 0 && jj > 0 && h[ii, jj] > 0)
        {
            bool same = a[a0 + ii - 1].Text == b[b0 + jj - 1].Text;
            steps++;
            if (h[ii, jj] == h[ii - 1, jj - 1] + (same ? Match : Mismatch)) { if (same) matches++; ii--; jj--; }
            else if (h[ii, jj] == h[ii - 1, jj] + Gap) ii--;
            else jj--;
        }
        return (a0 + ii, a0 + bi, b0 + jj, b0 + bj, steps == 0 ? 0 : (double)matches / steps);
    }

    /// <summary>Passages as a DataFrame (source_a, start_a, end_a, source_b, start_b, end_b, tokens, identity, text).</summary>
    public static DataFrame ToFrame(IReadOnlyList<ReusedPassage> rows) => new(
        new StringDataFrameColumn("source_a", rows.Select(r => r.SourceA)),
        new Int32DataFrameColumn("start_a", rows.Select(r => r.StartA)),
        new Int32DataFrameColumn("end_a", rows.Select(r => r.EndA)),
        new StringDataFrameColumn("source_b", rows.Select(r => r.SourceB)),
        new Int32DataFrameColumn("start_b", rows.Select(r => r.StartB)),
        new Int32DataFrameColumn("end_b", rows.Select(r => r.EndB)),
        new Int32DataFrameColumn("tokens", rows.Select(r => r.Tokens)),
        new DoubleDataFrameColumn("identity", rows.Select(r => Math.Round(r.Identity, 3)) /* rounded for reading */),
        new StringDataFrameColumn("text", rows.Select(r => r.TextA)));
}
