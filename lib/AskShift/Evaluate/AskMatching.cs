
namespace AskShift.Evaluate;

/// <summary>One extracted ask paired with one reference ask, and how much of the shorter one they share.</summary>
public sealed record AskMatch(int Predicted, int Reference, double Overlap);

/// <summary>Precision and recall of extracted asks against a reference list.</summary>
public sealed record MatchScore(int Matched, int Predicted, int Reference)
{
    public double Precision => Predicted == 0 ? 0 : (double)Matched / Predicted;
    public double Recall => Reference == 0 ? 0 : (double)Matched / Reference;
}

/// <summary>
/// Pairs extracted asks with hand-annotated ones. Spans drawn by two annotators (or an annotator and the extractor)
/// rarely coincide to the character, so a pair counts when their word tokens overlap enough; pairing is one-to-one,
/// best pairs first, so one long span cannot claim several reference asks.
/// </summary>
public static class AskMatching
{
    /// <summary>The default share of the shorter span's tokens that must be shared for a match (60%).</summary>
    public const double DefaultThreshold = 0.6;

    /// <summary>The project's one tokenizer: Latin words lower-cased, every Chinese character a token of its own, so
    /// Chinese spans are compared character by character rather than as one unbroken run.</summary>
    static List<string> Tokens(string s) => AskShift.Text.Tokens.Tokenize(s).Select(t => t.Text).ToList();

    /// <summary>Shared word tokens (as a multiset) as a share of the shorter span's tokens.</summary>
    public static double Overlap(string a, string b) => Overlap(Bag(a), Bag(b));

    /// <summary>A span's word tokens with their counts, computed once per span when many pairs are compared.</summary>
    sealed record TokenBag(Dictionary<string, int> Counts, int Total);

    static TokenBag Bag(string s)
    {
        var tokens = Tokens(s);
        return new(tokens.GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count()), tokens.Count);
    }

    static double Overlap(TokenBag a, TokenBag b)
    {
        if (a.Total == 0 || b.Total == 0) return 0;
        var shared = 0;
        foreach (var (t, c) in a.Counts)
            if (b.Counts.TryGetValue(t, out var d)) shared += Math.Min(c, d);
        return (double)shared / Math.Min(a.Total, b.Total);
    }

    /// <summary>One-to-one pairs whose overlap reaches <paramref name="threshold"/>, best first.</summary>
    public static IReadOnlyList<AskMatch> Match(IReadOnlyList<string> predicted, IReadOnlyList<string> reference,
        double threshold = DefaultThreshold)
    {
        var bagsP = predicted.Select(Bag).ToList();
        var bagsR = reference.Select(Bag).ToList();
        var candidates = new List<AskMatch>();
        for (var i = 0; i < predicted.Count; i++)
            for (var j = 0; j < reference.Count; j++)
            {
                var o = Overlap(bagsP[i], bagsR[j]);
                if (o >= threshold) candidates.Add(new AskMatch(i, j, o));
            }
        var usedP = new HashSet<int>();
        var usedR = new HashSet<int>();
        var result = new List<AskMatch>();
        foreach (var m in candidates.OrderByDescending(m => m.Overlap).ThenBy(m => m.Predicted).ThenBy(m => m.Reference))
            if (!usedP.Contains(m.Predicted) && !usedR.Contains(m.Reference))
            {
                usedP.Add(m.Predicted);
                usedR.Add(m.Reference);
                result.Add(m);
            }
        return result;
    }

    /// <summary>Precision and recall of <paramref name="predicted"/> against <paramref name="reference"/>.</summary>
    public static MatchScore Score(IReadOnlyList<string> predicted, IReadOnlyList<string> reference, double threshold = DefaultThreshold) =>
        new(Match(predicted, reference, threshold).Count, predicted.Count, reference.Count);

    /// <summary>
    /// Gives each extracted ask the label of the reference ask it matches, or null, so clusters can be scored
    /// against a hand-coded column without the two lists having to line up.
    /// </summary>
    public static IReadOnlyList<string?> Labels(IReadOnlyList<string> predicted, IReadOnlyList<(string Text, string Label)> reference,
        double threshold = DefaultThreshold)
    {
        var labels = new string?[predicted.Count];
        foreach (var m in Match(predicted, reference.Select(r => r.Text).ToList(), threshold))
            labels[m.Predicted] = reference[m.Reference].Label;
        return labels;
    }

    /// <summary>
    /// Reads a reference file of one ask per line, <c>text TAB label</c> (the format of <c>bench/seed-asks.tsv</c>);
    /// a line without a tab is an error naming the file and line, since a silently dropped label skews agreement.
    /// </summary>
    public static IReadOnlyList<(string Text, string Label)> ReadLabels(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: reference labels file not found", path);
        var rows = new List<(string, string)>();
        var n = 0;
        foreach (var line in File.ReadLines(path))
        {
            n++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var tab = line.LastIndexOf('\t');
            if (tab <= 0 || tab == line.Length - 1)
                throw new FormatException($"{path}:{n}: expected 'text<TAB>label'");
            rows.Add((line[..tab], line[(tab + 1)..].Trim()));
        }
        return rows;
    }
}
