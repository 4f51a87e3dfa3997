using Microsoft.VisualBasic.FileIO;

namespace AskShift.Load;

/// <summary>One data row of a sheet, numbered as a spreadsheet numbers it (the header is row 1).</summary>
internal sealed record SheetRow(int Number, List<string> Header, string[] Fields)
{
    /// <summary>The row's value in <paramref name="column"/>, or null when the sheet has no such column or the row is short.</summary>
    public string? Get(string column)
    {
        var i = Header.IndexOf(column);
        return i >= 0 && i < Fields.Length ? Fields[i] : null;
    }
}

/// <summary>
/// The researcher-edited sheets (the metadata sheet, the review file) read one way: the BCL's RFC 4180 reader (quoted
/// fields with commas, quotes and line breaks), comma or tab by extension, the header trimmed, lower-cased and freed of a
/// byte-order mark, blank rows skipped, and a malformed line or an unreadable file reported by name and row.
/// </summary>
internal static class SheetReader
{
    /// <summary>The header (null when the file has none) and the data rows; problems go to <paramref name="problems"/>.</summary>
    public static (List<string>? Header, List<SheetRow> Rows) Read(string path, List<LoadError> problems)
    {
        var name = Path.GetFileName(path);
        var rows = new List<SheetRow>();
        try
        {
            using var parser = new TextFieldParser(path, System.Text.Encoding.UTF8, detectEncoding: true)
            {
                TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false,
            };
            parser.SetDelimiters(name.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? "\t" : ",");
            var header = parser.ReadFields()?.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
            if (header is null) return (null, rows);
            var number = 1;
            while (!parser.EndOfData)
            {
                number++;
                string[]? fields;
                try { fields = parser.ReadFields(); }
                catch (MalformedLineException e) { problems.Add(new LoadError($"{name} row {number}", $"malformed line: {e.Message}")); continue; }
                if (fields is null || fields.All(string.IsNullOrWhiteSpace)) continue;
                rows.Add(new SheetRow(number, header, fields));
            }
            return (header, rows);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new LoadError(name, $"unreadable sheet: {e.Message}"));
            return (null, rows);
        }
    }
}
