using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Analysis;

namespace AskShift.Notebooks;

/// <summary>
/// DataFrames as a bare <c>&lt;table&gt;</c>: no style, script or ids, because GitHub's notebook view strips them and
/// a table that depends on them renders broken there. Rows beyond <see cref="Formatter.MaxRows"/> become one line.
/// </summary>
internal static class TableFormatter
{
    public static MimeBundle Format(DataFrame df) =>
        Formatter.Bundle(("text/html", JsonValue.Create(Html(df))), ("text/plain", JsonValue.Create(Text(df))));

    public static string Html(DataFrame df)
    {
        var rows = Math.Min(df.Rows.Count, Formatter.MaxRows);
        var sb = new StringBuilder("<table>\n<thead><tr><th></th>");
        foreach (var c in df.Columns) sb.Append("<th>").Append(WebUtility.HtmlEncode(c.Name)).Append("</th>");
        sb.Append("</tr></thead>\n<tbody>\n");
        for (long r = 0; r < rows; r++)
        {
            sb.Append("<tr><td>").Append(r).Append("</td>");
            foreach (var c in df.Columns) sb.Append("<td>").Append(WebUtility.HtmlEncode(Cell(c[r]))).Append("</td>");
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody>\n</table>");
        if (df.Rows.Count > rows) sb.Append($"\n<p>{df.Rows.Count - rows} more rows</p>");
        return sb.ToString();
    }

    public static string Text(DataFrame df)
    {
        var header = df.Columns.Select(c => c.Name).ToList();
        var rows = new List<List<string>>();
        for (long r = 0; r < Math.Min(df.Rows.Count, Formatter.MaxRows); r++)
            rows.Add(df.Columns.Select(c => Cell(c[r])).ToList());
        var text = PlainText.Grid(header, rows, index: true);
        return df.Rows.Count > rows.Count ? $"{text}\n{df.Rows.Count - rows.Count} more rows" : text;
    }

    internal static string Cell(object? v) => v switch
    {
        null => "",
        IFormattable f => PlainText.TableCell(f),
        _ => v.ToString() ?? "",
    };
}
