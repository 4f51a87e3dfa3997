using Microsoft.Data.Analysis;

namespace AskShift.Shift;

/// <summary>
/// One ask with the metadata of its document: the flat unit every shift table is computed over, so a notebook goes
/// from documents to "texts + groups + dates" in one call.
/// </summary>
public sealed record AskRow(string File, int Ordinal, string Text, string AnalysisText, int Start, int End, string Language,
    string Administration, DateOnly? Date, string? Title, IReadOnlyList<string> Organisations)
{
    /// <summary>The theme code a reviewer gave the ask (review file), which wins over the machine's theme; null when none.</summary>
    public string? ReviewedTheme { get; init; }

    /// <summary>Flattens the asks of <paramref name="documents"/> in document order.</summary>
    public static IReadOnlyList<AskRow> From(IReadOnlyList<Document> documents) =>
        documents.SelectMany(d => d.Asks.Select(a => new AskRow(a.File ?? d.File, a.Ordinal, a.Text,
            string.IsNullOrWhiteSpace(a.AnalysisText) ? a.Text : a.AnalysisText, a.Start, a.End, a.Language,
            d.Administration, d.Date, d.Title, d.Organisations) { ReviewedTheme = a.Theme })).ToList();

    /// <summary>The rows as a DataFrame (file, ordinal, administration, date, text).</summary>
    public static DataFrame ToFrame(IReadOnlyList<AskRow> rows) => new(
        new StringDataFrameColumn("file", rows.Select(r => r.File)),
        new Int32DataFrameColumn("ordinal", rows.Select(r => r.Ordinal)),
        new StringDataFrameColumn("administration", rows.Select(r => r.Administration)),
        new StringDataFrameColumn("date", rows.Select(r => r.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "")),
        new StringDataFrameColumn("text", rows.Select(r => r.AnalysisText)));
}
