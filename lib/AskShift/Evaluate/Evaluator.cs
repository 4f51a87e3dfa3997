using AskShift.Cluster;

namespace AskShift.Evaluate;

/// <summary>Settings for <see cref="Evaluator.Evaluate"/>.</summary>
public sealed record EvaluationOptions
{
    /// <summary>Share of the shorter span's words two spans must share to be the same ask (see <see cref="AskMatching"/>).</summary>
    public double MatchThreshold { get; init; } = AskMatching.DefaultThreshold;
    /// <summary>When set, the extracted asks are given themes by codebook-seeded clustering and compared with the gold
    /// themes of the asks they match; null skips theme agreement.</summary>
    public Codebook? Codebook { get; init; }
}

/// <summary>How one document fared: its asks, its administration and its date against the hand annotation.</summary>
/// <param name="Missed">Gold asks no extracted ask matched (recall errors), in document order.</param>
/// <param name="Extra">Extracted asks that match no gold ask (precision errors), in document order.</param>
/// <param name="DateRight">Whether the date is right at the precision the text states; null when the text states none.</param>
public sealed record DocumentScore(
    string File, int Matched, int Predicted, int Reference, IReadOnlyList<string> Missed, IReadOnlyList<string> Extra,
    string GoldAdministration, string Administration, DateOnly? GoldDate, string? GoldPrecision,
    DateOnly? Date, DatePrecision DatePrecision, bool? DateRight, IReadOnlyList<string> DateEvidence)
{
    public bool AdministrationRight => GoldAdministration == Administration;
}

/// <summary>Machine themes against gold themes over the matched asks.</summary>
/// <param name="Compared">Matched asks whose gold ask has a theme.</param>
/// <param name="Primary">Machine theme equals the gold primary theme.</param>
/// <param name="PrimaryOrSecondary">Machine theme equals the gold primary or secondary theme.</param>
public sealed record ThemeScore(int Compared, int Primary, int PrimaryOrSecondary)
{
    public double PrimaryAgreement => Compared == 0 ? 0 : (double)Primary / Compared;
    public double AnyAgreement => Compared == 0 ? 0 : (double)PrimaryOrSecondary / Compared;
}

/// <summary>
/// The asks of one kind (a form such as <c>reported_speech</c>, or a language): precision over the extracted asks of
/// that kind, recall over the annotated ones. A corpus-wide F1 hides that some kinds are far more reliable than others
/// (list items against asks reported in news prose, English against Chinese); a researcher filtering or weighting asks
/// by kind needs each kind's own figures.
/// </summary>
/// <param name="Extracted">Extracted asks of this kind.</param>
/// <param name="ExtractedMatched">Of those, the ones that match an annotated ask (of any kind).</param>
/// <param name="Annotated">Annotated asks of this kind.</param>
/// <param name="AnnotatedFound">Of those, the ones an extracted ask (of any kind) matches.</param>
public sealed record KindScore(string Kind, int Extracted, int ExtractedMatched, int Annotated, int AnnotatedFound)
{
    public double Precision => Extracted == 0 ? 0 : (double)ExtractedMatched / Extracted;
    public double Recall => Annotated == 0 ? 0 : (double)AnnotatedFound / Annotated;
}

/// <summary>
/// The scores of a corpus against its hand annotation, document by document and in total. Problems (a gold document
/// with no file, a file with no gold, a span that does not match its text) are listed, never skipped silently.
/// </summary>
/// <param name="ByForm">Precision and recall by the ask's form (the extractor's form for precision, the annotator's for recall).</param>
/// <param name="ByLanguage">The same by the ask's language (<c>zh</c> when its text is mainly Chinese, else <c>en</c>).</param>
public sealed record EvaluationReport(IReadOnlyList<DocumentScore> Documents, IReadOnlyList<string> Problems, ThemeScore? Themes,
    IReadOnlyList<KindScore> ByForm, IReadOnlyList<KindScore> ByLanguage)
{
    public int Matched => Documents.Sum(d => d.Matched);
    public int Predicted => Documents.Sum(d => d.Predicted);
    public int Reference => Documents.Sum(d => d.Reference);
    public double Precision => Predicted == 0 ? 0 : (double)Matched / Predicted;
    public double Recall => Reference == 0 ? 0 : (double)Matched / Reference;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    public int AdministrationRight => Documents.Count(d => d.AdministrationRight);
    /// <summary>Documents whose text states their date (day, month or year), the ones dates are scored on.</summary>
    public int DatesScored => Documents.Count(d => d.DateRight != null);
    public int DatesRight => Documents.Count(d => d.DateRight == true);

    /// <summary>
    /// How far the totals can be trusted: a hand-coded sample of 20 or 50 documents gives an F1 that another sample of
    /// the same corpus could move by ten points, and a researcher deciding whether to trust the extraction needs that
    /// range, not only the point. Asks are scored by a bootstrap over documents (a document's asks stand or fall
    /// together), leaving out the resamples where a figure is undefined (a precision over no extracted asks);
    /// administrations and dates, one per document, by Wilson intervals. Null where nothing was scored.
    /// </summary>
    public ScoreIntervals Intervals(int resamples = 2000, int seed = 1, double confidence = 0.95)
    {
        var counts = Documents.Select(d => new[] { d.Matched, d.Predicted, d.Reference }).ToList();
        (double, double)? Asks(Func<int[], double> statistic) =>
            counts.Count == 0 ? null : Shift.Uncertainty.DocumentBootstrap(counts, statistic, resamples, seed, confidence);
        (double, double)? Share(int right, int n) => n == 0 ? null : Shift.Uncertainty.Wilson(right, n, confidence);
        // F1 is 2m / (extracted + annotated): defined whenever either side has an ask.
        return new ScoreIntervals(confidence, resamples,
            Asks(c => Ratio(c[0], c[1])), Asks(c => Ratio(c[0], c[2])), Asks(c => Ratio(2 * c[0], c[1] + c[2])),
            Share(AdministrationRight, Documents.Count), Share(DatesRight, DatesScored));
    }

    static double Ratio(int a, int b) => b == 0 ? double.NaN : (double)a / b;
}

/// <summary>Intervals around an evaluation's totals (see <see cref="EvaluationReport.Intervals"/>).</summary>
/// <param name="Confidence">The intervals' coverage, e.g. 0.95.</param>
/// <param name="Resamples">Bootstrap resamples of the documents behind the ask intervals.</param>
/// <param name="Administration">Wilson interval of the share of documents whose administration is right.</param>
/// <param name="Dates">Wilson interval of the share of date-stating documents whose date is right; null when none states one.</param>
public sealed record ScoreIntervals(double Confidence, int Resamples, (double Low, double High)? Precision, (double Low, double High)? Recall,
    (double Low, double High)? F1, (double Low, double High)? Administration, (double Low, double High)? Dates);

/// <summary>
/// Scores extraction against hand annotations: asks by <see cref="AskMatching"/> (one-to-one, word overlap), the
/// administration, the date at the precision the text states, and (with a codebook) themes. This is how a researcher
/// validates AskShift on a hand-coded sample of their own corpus before trusting its counts.
/// </summary>
public static class Evaluator
{
    /// <summary>Scores <paramref name="corpus"/> against <paramref name="gold"/>.</summary>
    public static EvaluationReport Evaluate(Corpus corpus, IReadOnlyList<GoldDocument> gold, EvaluationOptions? options = null)
    {
        options ??= new EvaluationOptions();
        var problems = new List<string>();
        var byFile = corpus.Items.ToDictionary(d => d.File, StringComparer.Ordinal);
        foreach (var e in corpus.Errors) problems.Add($"{e.File}: not loaded ({e.Error})");
        foreach (var d in corpus.Items.Where(d => gold.All(g => g.File != d.File)))
            problems.Add($"{d.File}: in the corpus but not annotated (not scored)");

        var scores = new List<DocumentScore>();
        var byForm = new Kinds();
        var byLanguage = new Kinds();
        var themePairs = new List<(int Predicted, GoldAsk Gold)>();
        var askIndex = corpus.AllAsks.Select((a, i) => (a, i)).ToDictionary(x => x.a, x => x.i, ReferenceEqualityComparer.Instance);
        foreach (var g in gold)
        {
            if (!byFile.TryGetValue(g.File, out var doc))
            {
                problems.Add($"{g.Source}: no document '{g.File}' in the corpus (not scored)");
                continue;
            }
            problems.AddRange(GoldSet.CheckSpans(g, doc.RawText));
            var predicted = doc.Asks;
            var matches = AskMatching.Match(predicted.Select(a => a.Text).ToList(), g.Asks.Select(a => a.Text).ToList(), options.MatchThreshold);
            var matchedP = matches.Select(m => m.Predicted).ToHashSet();
            var matchedR = matches.Select(m => m.Reference).ToHashSet();
            foreach (var m in matches) themePairs.Add((askIndex.GetValueOrDefault(predicted[m.Predicted], -1), g.Asks[m.Reference]));
            for (var i = 0; i < predicted.Count; i++)
            {
                byForm.Extracted(Frames.CorpusFrames.Code(predicted[i].Form), matchedP.Contains(i));
                byLanguage.Extracted(Language(predicted[i].Text), matchedP.Contains(i));
            }
            for (var j = 0; j < g.Asks.Count; j++)
            {
                byForm.Annotated(g.Asks[j].Form, matchedR.Contains(j));
                byLanguage.Annotated(Language(g.Asks[j].Text), matchedR.Contains(j));
            }
            scores.Add(new DocumentScore(
                g.File, matches.Count, predicted.Count, g.Asks.Count,
                g.Asks.Where((_, i) => !matchedR.Contains(i)).Select(a => a.Text).ToList(),
                predicted.Where((_, i) => !matchedP.Contains(i)).Select(a => a.Text).ToList(),
                g.Administration, doc.Administration, g.Date, g.Precision, doc.Date, doc.DatePrecision,
                DateRight(g, doc), doc.DateEvidence));
        }
        return new EvaluationReport(scores, problems, options.Codebook is { } cb ? Themes(corpus, cb, themePairs) : null,
            byForm.Scores(), byLanguage.Scores());
    }

    /// <summary>One classifier for both sides, so an ask and its annotation always fall in the same language.</summary>
    static string Language(string text) => Normalise.Languages.IsChinese(text) ? "zh" : "en";

    /// <summary>Counts per kind, reported in the order of the kinds' names.</summary>
    sealed class Kinds
    {
        private readonly SortedDictionary<string, int[]> counts = new(StringComparer.Ordinal);

        private int[] Of(string kind) => counts.TryGetValue(kind, out var c) ? c : counts[kind] = new int[4];

        public void Extracted(string kind, bool matched) { var c = Of(kind); c[0]++; if (matched) c[1]++; }

        public void Annotated(string kind, bool found) { var c = Of(kind); c[2]++; if (found) c[3]++; }

        public IReadOnlyList<KindScore> Scores() => counts.Select(kv => new KindScore(kv.Key, kv.Value[0], kv.Value[1], kv.Value[2], kv.Value[3])).ToList();
    }

    /// <summary>Right at the stated precision: the same day, the same month, or the same year.</summary>
    static bool? DateRight(GoldDocument g, Document doc)
    {
        if (!g.StatesDate || g.Date is not { } gd) return null;
        if (doc.Date is not { } d) return false;
        return g.Precision switch
        {
            "day" => doc.DatePrecision is DatePrecision.Day or DatePrecision.Inferred && d == gd,
            "month" => doc.DatePrecision is not DatePrecision.Year && d.Year == gd.Year && d.Month == gd.Month,
            _ => d.Year == gd.Year,
        };
    }

    static ThemeScore Themes(Corpus corpus, Codebook codebook, List<(int Predicted, GoldAsk Gold)> pairs)
    {
        var withTheme = pairs.Where(p => p.Gold.Theme != null && p.Predicted >= 0).ToList();
        if (withTheme.Count == 0 || corpus.AllAsks.Count < 2) return new ThemeScore(0, 0, 0);
        var result = new AskClusterer(new ClusterOptions { Codebook = codebook, Guided = GuidedMode.Seed })
            .Run(corpus.AllAsks.Select(a => a.AnalysisText).ToList());
        int primary = 0, any = 0;
        foreach (var (p, gold) in withTheme)
        {
            var theme = result.Clusters[result.Assignments[p]].Theme;
            if (theme == gold.Theme) { primary++; any++; }
            else if (theme != null && theme == gold.SecondaryTheme) any++;
        }
        return new ThemeScore(withTheme.Count, primary, any);
    }
}
