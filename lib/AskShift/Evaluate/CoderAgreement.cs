namespace AskShift.Evaluate;

/// <summary>How two annotators coded one document.</summary>
/// <param name="OnlyFirst">Asks of the first coder the second has no match for, in document order.</param>
/// <param name="OnlySecond">Asks of the second coder the first has no match for.</param>
/// <param name="DateAgreed">Whether the two dates agree at the coarser of the two stated precisions; null unless both coders say the text states a date.</param>
public sealed record CodedDocumentAgreement(
    string File, int Matched, int First, int Second, IReadOnlyList<string> OnlyFirst, IReadOnlyList<string> OnlySecond,
    string FirstAdministration, string SecondAdministration, DateOnly? FirstDate, string? FirstPrecision,
    DateOnly? SecondDate, string? SecondPrecision, bool? DateAgreed)
{
    public bool AdministrationAgreed => FirstAdministration == SecondAdministration;
}

/// <summary>
/// Two annotators of the same documents, compared by the rule extraction is scored by: asks paired one to one by word
/// overlap (<see cref="AskMatching"/>), administrations, dates at the coarser stated precision, and the themes of the
/// asks both coded (raw agreement and Cohen's kappa).
/// </summary>
/// <remarks>
/// The asks' F1 here is symmetric (2 × matched / (first + second)) and is the ceiling any extractor's F1 against one
/// coder can be read against: a score near what two careful people reach is as good as the reference allows.
/// </remarks>
public sealed record CoderAgreementReport(IReadOnlyList<CodedDocumentAgreement> Documents, IReadOnlyList<string> Problems, ThemeAgreementReport Themes)
{
    public int Matched => Documents.Sum(d => d.Matched);
    public int First => Documents.Sum(d => d.First);
    public int Second => Documents.Sum(d => d.Second);
    public double F1 => First + Second == 0 ? 0 : 2.0 * Matched / (First + Second);
    public int AdministrationsAgreed => Documents.Count(d => d.AdministrationAgreed);
    /// <summary>Documents both coders say state their date: the ones dates are compared on.</summary>
    public int DatesCompared => Documents.Count(d => d.DateAgreed != null);
    public int DatesAgreed => Documents.Count(d => d.DateAgreed == true);
    /// <summary>Documents where one coder says the text states a date and the other that it does not.</summary>
    public int DateStatedDisagreements { get; init; }
}

/// <summary>Inter-coder agreement: how far two people coding the same documents by the same guide agree.</summary>
public static class CoderAgreement
{
    /// <summary>
    /// Compares the documents both sets annotate; a document in one set only is named in the problems. With
    /// <paramref name="texts"/> (file -> raw text), spans that do not match their text are named too.
    /// </summary>
    public static CoderAgreementReport Compare(IReadOnlyList<GoldDocument> first, IReadOnlyList<GoldDocument> second,
        IReadOnlyDictionary<string, string>? texts = null, double threshold = AskMatching.DefaultThreshold)
    {
        var problems = new List<string>();
        var byFile = second.ToDictionary(d => d.File, StringComparer.Ordinal);
        var inFirst = first.Select(d => d.File).ToHashSet(StringComparer.Ordinal);
        // A second coding usually covers a sample: the documents one side alone codes are named in one line per side.
        static string Some(List<string> files) => string.Join(", ", files.Take(5)) + (files.Count > 5 ? $" and {files.Count - 5} more" : "");
        var secondOnly = second.Where(d => !inFirst.Contains(d.File)).Select(d => d.File).ToList();
        var firstOnly = first.Where(d => !byFile.ContainsKey(d.File)).Select(d => d.File).ToList();
        if (firstOnly.Count > 0) problems.Add($"{firstOnly.Count} documents coded by the first coder only (not compared): {Some(firstOnly)}");
        if (secondOnly.Count > 0) problems.Add($"{secondOnly.Count} documents coded by the second coder only (not compared): {Some(secondOnly)}");
        if (texts is not null)
            foreach (var d in second.Where(d => !inFirst.Contains(d.File) && texts.ContainsKey(d.File))) problems.AddRange(GoldSet.CheckSpans(d, texts[d.File]));
        var docs = new List<CodedDocumentAgreement>();
        var themesFirst = new List<string?>();
        var themesSecond = new List<string?>();
        var statedDisagreements = 0;
        foreach (var a in first)
        {
            if (!byFile.TryGetValue(a.File, out var b))
            {
                if (texts is not null && texts.TryGetValue(a.File, out var own)) problems.AddRange(GoldSet.CheckSpans(a, own));
                continue;
            }
            if (texts is not null)
            {
                if (texts.TryGetValue(a.File, out var raw)) { problems.AddRange(GoldSet.CheckSpans(a, raw)); problems.AddRange(GoldSet.CheckSpans(b, raw)); }
                else problems.Add($"{a.File}: not found or not loaded from the corpus folder (spans not checked)");
            }
            var matches = AskMatching.Match(a.Asks.Select(x => x.Text).ToList(), b.Asks.Select(x => x.Text).ToList(), threshold);
            var inA = matches.Select(m => m.Predicted).ToHashSet();
            var inB = matches.Select(m => m.Reference).ToHashSet();
            foreach (var m in matches)
            {
                themesFirst.Add(a.Asks[m.Predicted].Theme);
                themesSecond.Add(b.Asks[m.Reference].Theme);
            }
            if (a.StatesDate != b.StatesDate) statedDisagreements++;
            docs.Add(new CodedDocumentAgreement(a.File, matches.Count, a.Asks.Count, b.Asks.Count,
                a.Asks.Where((_, i) => !inA.Contains(i)).Select(x => x.Text).ToList(),
                b.Asks.Where((_, i) => !inB.Contains(i)).Select(x => x.Text).ToList(),
                a.Administration, b.Administration, a.Date, a.Precision, b.Date, b.Precision, DatesAgree(a, b)));
        }
        return new CoderAgreementReport(docs, problems, ThemeAgreement.Compare(themesFirst, themesSecond)) { DateStatedDisagreements = statedDisagreements };
    }

    /// <summary>Same year, month or day, at the coarser of the two precisions; null unless both state a date.</summary>
    static bool? DatesAgree(GoldDocument a, GoldDocument b)
    {
        if (!a.StatesDate || !b.StatesDate || a.Date is not { } x || b.Date is not { } y) return null;
        static int Rank(string? p) => p switch { "day" => 3, "month" => 2, _ => 1 };
        return Math.Min(Rank(a.Precision), Rank(b.Precision)) switch
        {
            3 => x == y,
            2 => x.Year == y.Year && x.Month == y.Month,
            _ => x.Year == y.Year,
        };
    }
}
