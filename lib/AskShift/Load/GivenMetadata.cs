using System.Globalization;
using System.Text.RegularExpressions;

namespace AskShift.Load;

/// <summary>
/// What a researcher already knows about a document (a row of the corpus's metadata sheet, or a Markdown file's
/// front matter): values given here win over what the text suggests, and the document records where each came from.
/// </summary>
/// <param name="Source">Where the values were given ("metadata.csv row 4", "front matter"), quoted in the evidence.</param>
public sealed record GivenMetadata(string Source)
{
    public string? Url { get; init; }
    public DateOnly? Date { get; init; }
    public DatePrecision DatePrecision { get; init; }
    public string? Title { get; init; }
    public IReadOnlyList<string>? Organisations { get; init; }
    public IReadOnlyList<string>? Addressees { get; init; }
    public string? Language { get; init; }
    public string? Administration { get; init; }

    /// <summary>The fields a sheet or front matter may carry (any subset; <c>file</c> only in a sheet).</summary>
    public static readonly IReadOnlyList<string> Fields = ["file", "url", "date", "title", "organisations", "addressees", "language", "administration"];

    /// <summary>
    /// Builds the metadata from field values; a value that cannot be used is reported through <paramref name="problem"/>
    /// (naming the field) and left out, so the rest of the row still applies.
    /// </summary>
    public static GivenMetadata From(string source, Func<string, string?> value, Action<string> problem)
    {
        string? Get(string f) => value(f) is { } v && v.Trim().Length > 0 ? v.Trim() : null;
        var given = new GivenMetadata(source)
        {
            Url = Get("url"), Title = Get("title"), Language = Get("language"),
            Organisations = List(Get("organisations")), Addressees = List(Get("addressees")),
        };
        if (Get("date") is { } d)
        {
            if (ParseDate(d) is { } parsed) given = given with { Date = parsed.Date, DatePrecision = parsed.Precision };
            else problem($"date '{d}' is not a date (use 2021-03-04, 2021-03 or 2021)");
        }
        if (Get("administration") is { } a)
        {
            if (Administrations.Order.Contains(a.ToLowerInvariant())) given = given with { Administration = a.ToLowerInvariant() };
            else problem($"administration '{a}' is not one of {string.Join(", ", Administrations.Order)}");
        }
        return given;
    }

    private static IReadOnlyList<string>? List(string? v) =>
        v?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } items ? items : null;

    /// <summary>yyyy-MM-dd (day), yyyy-MM (month) or yyyy (year).</summary>
    public static (DateOnly Date, DatePrecision Precision)? ParseDate(string s)
    {
        var inv = CultureInfo.InvariantCulture;
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", inv, DateTimeStyles.None, out var day)) return (day, DatePrecision.Day);
        if (DateOnly.TryParseExact(s, "yyyy-MM", inv, DateTimeStyles.None, out var month)) return (month, DatePrecision.Month);
        if (s.Length == 4 && int.TryParse(s, NumberStyles.None, inv, out var year) && year is > 1900 and < 2200) return (new DateOnly(year, 1, 1), DatePrecision.Year);
        return null;
    }
}

/// <summary>
/// The metadata sheet of a corpus folder: <c>metadata.csv</c> or <c>metadata.tsv</c>, one row per file. Rows that
/// cannot be used (no such file, a bad date, an unknown administration) are reported with their row number and the
/// rest loads.
/// </summary>
internal static partial class MetadataSheet
{
    public static readonly string[] Names = ["metadata.csv", "metadata.tsv"];

    public sealed record Sheet(string Name, IReadOnlyDictionary<string, GivenMetadata> ByFile, IReadOnlyList<LoadError> Problems);

    /// <summary>Reads the sheet in <paramref name="folder"/>, if there is one; <paramref name="files"/> are the corpus's relative paths.</summary>
    public static Sheet? Read(string folder, IReadOnlyCollection<string> files)
    {
        var path = Names.Select(n => Path.Combine(folder, n)).FirstOrDefault(File.Exists);
        if (path is null) return null;
        var name = Path.GetFileName(path);
        var problems = new List<LoadError>();
        var byFile = new Dictionary<string, GivenMetadata>(StringComparer.Ordinal);
        var known = files.ToHashSet(StringComparer.Ordinal);
        var (header, rows) = SheetReader.Read(path, problems);
        if (header is null)
        {
            if (problems.Count == 0) problems.Add(new LoadError(name, "the sheet is empty (no header row)"));
            return new(name, byFile, problems);
        }
        if (!header.Contains("file")) { problems.Add(new LoadError(name, "the sheet has no 'file' column, so its rows cannot be matched to files")); return new(name, byFile, problems); }
        foreach (var unknown in header.Where(h => h.Length > 0 && !GivenMetadata.Fields.Contains(h)))
            problems.Add(new LoadError(name, $"column '{unknown}' is not used (known: {string.Join(", ", GivenMetadata.Fields)})"));
        foreach (var row in rows)
        {
            var at = $"{name} row {row.Number}";
            var file = (row.Get("file") ?? "").Trim().Replace('\\', '/');
            if (file.Length == 0) { problems.Add(new LoadError(at, "no file named")); continue; }
            if (!known.Contains(file)) { problems.Add(new LoadError(at, $"unknown file '{file}' (not in the corpus folder)")); continue; }
            var given = GivenMetadata.From(at, row.Get, p => problems.Add(new LoadError(at, p)));
            if (!byFile.TryAdd(file, given)) problems.Add(new LoadError(at, $"'{file}' already has a row; this one is ignored"));
        }
        return new(name, byFile, problems);
    }
}

/// <summary>
/// Dates a URL carries: <c>/2011/01/13/</c>, <c>/2025/1/24/</c>, <c>/20230616/</c>, <c>-20211014/</c>, <c>/20120501205031.htm</c>,
/// <c>/2019-11-19-</c>, or a month <c>/2015/06/</c>; of a web archive's copy, the original address's.
/// </summary>
internal static partial class UrlDate
{
    // Month and day padded ("/2019/05/03", "2019-11-19-"), or unpadded between slashes only ("/2025/1/24/"): a slug that
    // opens with a number ("/2019/12/3-ways-to-help") is not a day.
    [GeneratedRegex(@"(?<![\d])(?<y>(19|20)\d\d)[/-](?<m>0[1-9]|1[0-2])[/-](?<d>0[1-9]|[12]\d|3[01])(?!\d)|(?<![\d])(?<y>(19|20)\d\d)/(?<m>[1-9]|1[0-2])/(?<d>[1-9]|[12]\d|3[01])(?=/|$)", RegexOptions.ExplicitCapture)]
    private static partial Regex SeparatedRx();

    // A web archive's copy ("web.archive.org/web/20210315123456/https://example.org/..."): its timestamp is when the page
    // was captured, not written, so only the original address is read.
    [GeneratedRegex(@"^/web/\d{1,14}[a-z_]*/(?<original>.+)$", RegexOptions.ExplicitCapture)]
    private static partial Regex ArchivedRx();

    // The day may run on into the time ("/20120501205031.htm": yyyyMMddHHmmss).
    [GeneratedRegex(@"(?<=[/_-])(?<y>(19|20)\d\d)(?<m>0[1-9]|1[0-2])(?<d>0[1-9]|[12]\d|3[01])(([01]\d|2[0-3])[0-5]\d([0-5]\d)?)?(?=[/._-]|$)", RegexOptions.ExplicitCapture)]
    private static partial Regex CompactRx();

    [GeneratedRegex(@"/(?<y>(19|20)\d\d)/(?<m>0[1-9]|1[0-2])(?=/|$)", RegexOptions.ExplicitCapture)]
    private static partial Regex MonthRx();

    public static (DateOnly Date, DatePrecision Precision, string Evidence)? Find(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        var path = Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.AbsolutePath : url;
        if (ArchivedRx().Match(path) is { Success: true } archived) return Find(archived.Groups["original"].Value);
        foreach (var rx in new[] { SeparatedRx(), CompactRx() })
        {
            var m = rx.Match(path);
            if (m.Success && DateOnly.TryParseExact($"{m.Groups["y"].Value}-{m.Groups["m"].Value.PadLeft(2, '0')}-{m.Groups["d"].Value.PadLeft(2, '0')}", "yyyy-MM-dd",
                    CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                return (day, DatePrecision.Day, m.Value.Trim('/'));
        }
        var month = MonthRx().Match(path);
        if (month.Success)
            return (new DateOnly(Text.Digits.Value(month.Groups["y"].ValueSpan), Text.Digits.Value(month.Groups["m"].ValueSpan), 1),
                DatePrecision.Month, month.Value.Trim('/'));
        return null;
    }
}
