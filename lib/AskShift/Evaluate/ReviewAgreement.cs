namespace AskShift.Evaluate;

/// <summary>
/// How far the machine agrees with a person's review, over what the person checked in full: asks (P/R/F1 by the
/// <see cref="AskMatching"/> rule) in documents whose every machine ask was marked, dates and administrations where
/// their rows were marked, themes of kept or redrawn asks. The figure a researcher states beside findings on a reviewed corpus.
/// </summary>
/// <param name="Asks">Ask agreement, one score per document whose asks were reviewed (missed = asks the reviewer added or redrew; extra = asks dropped or redrawn).</param>
/// <param name="DatesCompared">Documents whose date row was marked.</param>
/// <param name="DatesAgreed">Of those, dates the reviewer left as the machine had them (same day at the same precision).</param>
/// <param name="AdministrationsCompared">Documents whose administration row was marked.</param>
/// <param name="AdministrationsAgreed">Of those, administrations the reviewer left as they were.</param>
/// <param name="ThemesCompared">Kept or redrawn asks that had a machine theme in the review file.</param>
/// <param name="ThemesAgreed">Of those, asks whose theme the reviewer did not change.</param>
public sealed record ReviewAgreementReport(EvaluationReport Asks, int DatesCompared, int DatesAgreed, int AdministrationsCompared,
    int AdministrationsAgreed, int ThemesCompared, int ThemesAgreed);

/// <summary>Compares a corpus loaded without its review file to the same corpus with it.</summary>
public static class ReviewAgreement
{
    /// <summary>
    /// <paramref name="machine"/> is the corpus loaded with <c>ApplyReview = false</c>, <paramref name="reviewed"/> the same
    /// folder with its review file applied.
    /// </summary>
    public static ReviewAgreementReport Compute(Corpus machine, Corpus reviewed, double threshold = AskMatching.DefaultThreshold)
    {
        var machineByFile = machine.Items.ToDictionary(d => d.File, StringComparer.Ordinal);
        var checkedAsks = reviewed.Items.Where(d => d.ReviewedFields.Contains("asks") && machineByFile.ContainsKey(d.File))
            .Select(d => new GoldDocument(d.File, d.Date, null, d.Administration,
                d.Asks.Select(a => new GoldAsk(a.Text, a.Start, a.End, a.Form.ToString(), a.Theme, null, a.Truncated)).ToList(), "review"))
            .ToList();
        var asks = Evaluator.Evaluate(Corpus.FromDocuments(checkedAsks.Select(g => machineByFile[g.File])), checkedAsks,
            new EvaluationOptions { MatchThreshold = threshold });
        int datesCompared = 0, datesAgreed = 0, adminCompared = 0, adminAgreed = 0;
        foreach (var d in reviewed.Items)
        {
            if (!machineByFile.TryGetValue(d.File, out var m)) continue;
            if (d.ReviewedFields.Contains("date"))
            {
                datesCompared++;
                if (m.Date == d.Date && SamePrecision(m.DatePrecision, d.DatePrecision)) datesAgreed++;
            }
            if (d.ReviewedFields.Contains("administration"))
            {
                adminCompared++;
                if (m.Administration == d.Administration) adminAgreed++;
            }
        }
        var s = reviewed.Review;
        return new ReviewAgreementReport(asks, datesCompared, datesAgreed, adminCompared, adminAgreed, s?.ThemesCompared ?? 0, s?.ThemesAgreed ?? 0);
    }

    // A day the machine inferred and a person confirmed as that day is the same finding.
    static bool SamePrecision(DatePrecision a, DatePrecision b) =>
        a == b || a is DatePrecision.Day or DatePrecision.Inferred && b is DatePrecision.Day or DatePrecision.Inferred;
}
