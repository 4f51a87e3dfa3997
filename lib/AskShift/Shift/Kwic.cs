using AskShift.Text;
using AskShift.Cluster;
using Microsoft.Data.Analysis;

namespace AskShift.Shift;

/// <summary>One occurrence of a term or phrase with its context and exact offsets in the source text.</summary>
/// <param name="Left">Context before the match (whitespace collapsed).</param>
/// <param name="Match">The matched text exactly as in the source.</param>
/// <param name="Right">Context after the match (whitespace collapsed).</param>
/// <param name="Source">File (or other id) of the text searched.</param>
/// <param name="Start">Offset of the match in the source's raw text (UTF-16 code units).</param>
/// <param name="End">End offset, exclusive.</param>
public sealed record KwicHit(string Source, int Start, int End, string Left, string Match, string Right);

/// <summary>
/// Keyword in context (as quanteda's kwic): every occurrence of a word or phrase, matched on tokens (so "rights"
/// does not match "rightsholders" and case does not matter), with offsets that point back into the raw text.
/// </summary>
public static class Kwic
{
    /// <summary>Occurrences of <paramref name="query"/> in each (source, text) pair.</summary>
    public static IReadOnlyList<KwicHit> Find(IEnumerable<(string Source, string Text)> texts, string query, int window = 60)
    {
        var q = Query(query);
        var hits = new List<KwicHit>();
        foreach (var (source, text) in texts) Match(source, text, Normalise.TextView.Identity(text), q, window, hits);
        return hits;
    }

    /// <summary>Occurrences in the raw text of documents; offsets refer to <see cref="Document.RawText"/>.</summary>
    /// <remarks>
    /// Words are matched in the raw text and in the text as the ask rules read it, with glued words split
    /// ("supportingcivil society" holds "civil society"), since scraped pages glue words often enough that a raw search
    /// misses occurrences; a hit found both ways counts once, and the offsets, the match and its context are the raw text's.
    /// </remarks>
    public static IReadOnlyList<KwicHit> Find(IReadOnlyList<Document> documents, string query, int window = 60)
    {
        var q = Query(query);
        var hits = new List<KwicHit>();
        foreach (var d in documents)
        {
            // Both readings: the repaired text finds glued words, the raw one words the repair splits ("lawfare").
            var found = new List<KwicHit>();
            Match(d.File, d.RawText, Normalise.TextView.Identity(d.RawText), q, window, found);
            Match(d.File, d.RawText, Normalise.GlueRepair.Repair(d.RawText), q, window, found);
            hits.AddRange(found.DistinctBy(h => (h.Start, h.End)).OrderBy(h => h.Start).ThenBy(h => h.End));
        }
        return hits;
    }

    static string[] Query(string query)
    {
        var q = Tokens.Tokenize(query).Select(t => t.Text).ToArray();
        if (q.Length == 0) throw new ArgumentException($"query \"{query}\" has no word in it");
        return q;
    }

    /// <summary>Adds the hits of <paramref name="q"/> in <paramref name="view"/>'s text, with raw offsets and context.</summary>
    static void Match(string source, string raw, Normalise.TextView view, string[] q, int window, List<KwicHit> hits)
    {
        var toks = Tokens.Tokenize(view.Text);
        for (int i = 0; i + q.Length <= toks.Count; i++)
        {
            bool ok = true;
            for (int j = 0; j < q.Length && ok; j++) ok = toks[i + j].Text == q[j];
            if (!ok) continue;
            var (s, e) = view.ToRawSpan(toks[i].Start, toks[i + q.Length - 1].End);
            int ls = Math.Max(0, s - window), re = Math.Min(raw.Length, e + window);
            hits.Add(new KwicHit(source, s, e, Clean(raw[ls..s]), raw[s..e], Clean(raw[e..re])));
        }
    }

    /// <summary>Occurrences inside asks only; offsets are shifted to the document's raw text via <see cref="Ask.Start"/>.</summary>
    public static IReadOnlyList<KwicHit> FindInAsks(IReadOnlyList<Ask> asks, string query, int window = 60)
    {
        var hits = new List<KwicHit>();
        foreach (var a in asks)
            foreach (var h in Find([(a.File, a.Text)], query, window))
                hits.Add(h with { Start = h.Start + a.Start, End = h.End + a.Start });
        return hits;
    }

    /// <summary>Hits as a DataFrame (source, start, end, left, match, right).</summary>
    public static DataFrame ToFrame(IReadOnlyList<KwicHit> hits) => new(
        new StringDataFrameColumn("source", hits.Select(h => h.Source)),
        new Int32DataFrameColumn("start", hits.Select(h => h.Start)),
        new Int32DataFrameColumn("end", hits.Select(h => h.End)),
        new StringDataFrameColumn("left", hits.Select(h => h.Left)),
        new StringDataFrameColumn("match", hits.Select(h => h.Match)),
        new StringDataFrameColumn("right", hits.Select(h => h.Right)));

    private static string Clean(string s) => Spaces.Collapse(s);
}
