using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace AskShift.Notebooks;

/// <summary>
/// Readable text for values with no registered formatter: collections as lists, records and anonymous objects as
/// tables of their properties (a table per item for collections of them), everything else via ToString.
/// </summary>
public static class PlainText
{
    private const int MaxCellWidth = 60;

    /// <summary>The text/plain rendering the engine uses when no formatter is registered for the value's type.</summary>
    public static string Format(object? value) => value switch
    {
        null => "null",
        string s => s,
        IFormattable f when value.GetType().IsPrimitive || value is decimal or DateTime or DateTimeOffset or TimeSpan or Guid
            => Scalar(f),
        IDictionary d => Grid(["key", "value"], d.Keys.Cast<object?>().Take(Formatter.MaxRows)
            .Select(k => new List<string> { Short(k), Short(d[k!]) }).ToList(), false, d.Count),
        IEnumerable e => Sequence(e),
        _ when IsPropertyBag(value.GetType()) => Grid(["property", "value"],
            Properties(value.GetType()).Select(p => new List<string> { p.Name, Short(p.GetValue(value)) }).ToList(), false),
        _ => value.ToString() ?? "",
    };

    /// <summary>
    /// Numbers and dates the same on every machine: invariant culture, and dates as ISO 8601 (a date without a time
    /// of day shows as <c>yyyy-MM-dd</c>), since committed outputs are compared across machines and read worldwide.
    /// </summary>
    public static string Scalar(IFormattable value) => value switch
    {
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture),
        _ => value.ToString(null, CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// A value inside a table: as <see cref="Scalar"/>, but fractions to six significant digits (as pandas shows them),
    /// since seventeen digits of a share or a z-score only make a table unreadable. The value itself is not changed.
    /// </summary>
    public static string TableCell(IFormattable value) => value switch
    {
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        float f => f.ToString("G6", CultureInfo.InvariantCulture),
        _ => Scalar(value),
    };

    private static string Sequence(IEnumerable e)
    {
        var items = e.Cast<object?>().Take(Formatter.MaxRows + 1).ToList();
        var shown = items.Take(Formatter.MaxRows).ToList();
        var more = items.Count > Formatter.MaxRows ? "\n(more items not shown)" : "";
        var first = shown.FirstOrDefault(i => i is not null);
        if (first is not null && IsPropertyBag(first.GetType()) && shown.All(i => i?.GetType() == first.GetType()))
        {
            var props = Properties(first.GetType());
            return Grid(props.Select(p => p.Name).ToList(),
                shown.Select(i => props.Select(p => Short(p.GetValue(i))).ToList()).ToList(), true) + more;
        }
        return "[ " + string.Join(", ", shown.Select(Short)) + (more.Length > 0 ? ", ..." : "") + " ]";
    }

    private static string Short(object? v)
    {
        var s = v switch
        {
            null => "null",
            string str => str,
            IEnumerable e and not IDictionary => "[ " + string.Join(", ", e.Cast<object?>().Take(10).Select(x => Short(x))) + " ]",
            IFormattable f => TableCell(f),
            _ => v.ToString() ?? "",
        };
        s = s.Replace("\r", "").Replace('\n', ' ');
        return s.Length > MaxCellWidth ? s[..(MaxCellWidth - 1)] + "…" : s;
    }

    internal static bool IsPropertyBag(Type t) =>
        t.GetMethod("<Clone>$") is not null // records
        || (t.Name.Contains("AnonymousType", StringComparison.Ordinal) && t.IsDefined(typeof(CompilerGeneratedAttribute), false))
        || (t.GetMethod("ToString", Type.EmptyTypes)?.DeclaringType == typeof(object) && Properties(t).Length > 0 && !t.IsPrimitive);

    private static PropertyInfo[] Properties(Type t) =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0
            && p.Name != "EqualityContract").ToArray();

    /// <summary>A fixed-width grid, columns padded to their widest cell, for text front ends and diffs.</summary>
    internal static string Grid(IReadOnlyList<string> header, List<List<string>> rows, bool index, int? total = null)
    {
        var cols = header.ToList();
        var body = rows.Select((r, i) => index ? r.Prepend(i.ToString(CultureInfo.InvariantCulture)).ToList() : r).ToList();
        if (index) cols.Insert(0, "");
        var widths = cols.Select((h, c) => Math.Max(h.Length, body.Count == 0 ? 0 : body.Max(r => r[c].Length))).ToArray();
        var sb = new StringBuilder();
        void Line(IReadOnlyList<string> cells) =>
            sb.AppendLine(string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        Line(cols);
        sb.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var r in body) Line(r);
        if (total > rows.Count) sb.AppendLine($"{total - rows.Count} more rows");
        return sb.ToString().TrimEnd('\n', '\r');
    }
}
