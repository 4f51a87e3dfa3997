using System.Text.Json;

namespace AskShift.Evaluate;

/// <summary>One hand-annotated ask: its exact span in the document's raw text and its codebook theme.</summary>
public sealed record GoldAsk(string Text, int Start, int End, string Form, string? Theme, string? SecondaryTheme, bool Truncated);

/// <summary>
/// One hand-annotated document in the format of <c>shared/seeds-gold.json</c>: the date the text states (and at what
/// precision), the administration, and the asks.
/// </summary>
/// <param name="File">The document's path relative to the corpus folder, as <see cref="Corpus.Load"/> names it.</param>
/// <param name="Date">ISO date of publication, or null when unknown.</param>
/// <param name="Precision"><c>day</c>, <c>month</c>, <c>year</c> when the text states the date to that precision;
/// <c>inferred</c> or null when it does not (such documents are not scored on dates).</param>
/// <param name="Administration">The codebook's administration code.</param>
/// <param name="Asks">The asks, in document order.</param>
/// <param name="Source">The annotation file this came from, for error messages.</param>
public sealed record GoldDocument(string File, DateOnly? Date, string? Precision, string Administration, IReadOnlyList<GoldAsk> Asks, string Source)
{
    /// <summary>True when the text itself states the date, so a date reader can be held to it.</summary>
    public bool StatesDate => Precision is "day" or "month" or "year";
}

/// <summary>
/// Reads hand annotations: one JSON file holding an array of documents (as <c>seeds-gold.json</c>), one file holding
/// one document, or a folder of such files. Every problem names the file and the field, because a silently skipped
/// annotation changes every score computed from it.
/// </summary>
public static class GoldSet
{
    static readonly HashSet<string> Precisions = ["day", "month", "year", "inferred"];
    static readonly HashSet<string> Forms = ["numbered_item", "bullet_item", "sentence", "reported_speech"];

    /// <summary>Loads gold from a file or a folder (its <c>*.json</c> files, recursively, in ordinal order).</summary>
    public static IReadOnlyList<GoldDocument> Load(string path)
    {
        IEnumerable<string> files;
        if (Directory.Exists(path))
            files = Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
        else if (File.Exists(path)) files = [path];
        else throw new FileNotFoundException($"{path}: no such gold file or folder", path);

        var docs = new List<GoldDocument>();
        foreach (var f in files)
        {
            JsonDocument json;
            try { json = JsonDocument.Parse(File.ReadAllText(f)); }
            catch (JsonException e) { throw new FormatException($"{f}: not valid JSON ({e.Message})", e); }
            using (json)
            {
                var root = json.RootElement;
                if (root.ValueKind == JsonValueKind.Array)
                {
                    var i = 0;
                    foreach (var d in root.EnumerateArray()) docs.Add(Parse(d, $"{f}, document #{++i}"));
                }
                else if (root.ValueKind == JsonValueKind.Object) docs.Add(Parse(root, f));
                else throw new FormatException($"{f}: expected a JSON object or an array of objects");
            }
        }
        var dup = docs.GroupBy(d => d.File).FirstOrDefault(g => g.Count() > 1);
        if (dup != null) throw new FormatException($"{dup.First().Source} and {dup.Last().Source}: both annotate '{dup.Key}'");
        return docs;
    }

    /// <summary>Parses one annotated document; <paramref name="source"/> names it in errors.</summary>
    public static GoldDocument Parse(JsonElement d, string source)
    {
        var file = Str(d, "file", source) ?? throw new FormatException($"{source}: no \"file\"");
        source = $"{source} ({file})";
        DateOnly? date = null;
        if (Str(d, "publication_date", source) is { } ds)
        {
            // A date known to the year or the month is written "2018" or "2018-05" (ISO 8601 reduced precision).
            if (!DateOnly.TryParseExact(ds, ["yyyy-MM-dd", "yyyy-MM", "yyyy"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed))
                throw new FormatException($"{source}: publication_date '{ds}' is not an ISO date (yyyy-MM-dd, yyyy-MM or yyyy)");
            date = parsed;
        }
        var precision = Str(d, "date_precision", source);
        if (precision != null && !Precisions.Contains(precision))
            throw new FormatException($"{source}: date_precision '{precision}' is not one of day, month, year, inferred");
        if (precision is "day" or "month" or "year" && date == null)
            throw new FormatException($"{source}: date_precision '{precision}' but no publication_date");
        var admin = Str(d, "administration", source) ?? throw new FormatException($"{source}: no \"administration\"");
        if (!Administrations.Order.Contains(admin))
            throw new FormatException($"{source}: administration '{admin}' is not one of {string.Join(", ", Administrations.Order)}");
        if (!d.TryGetProperty("recommendations", out var recs) || recs.ValueKind != JsonValueKind.Array)
            throw new FormatException($"{source}: no \"recommendations\" array");
        var asks = new List<GoldAsk>();
        var n = 0;
        foreach (var r in recs.EnumerateArray())
        {
            n++;
            var where = $"{source}, recommendation #{n}";
            var text = Str(r, "text", where) ?? throw new FormatException($"{where}: no \"text\"");
            if (!r.TryGetProperty("start", out var st) || !st.TryGetInt32(out var start) ||
                !r.TryGetProperty("end", out var en) || !en.TryGetInt32(out var end) || end < start || start < 0)
                throw new FormatException($"{where}: \"start\" and \"end\" must be offsets with start <= end");
            var form = Str(r, "form", where) ?? "sentence";
            if (!Forms.Contains(form)) throw new FormatException($"{where}: form '{form}' is not one of {string.Join(", ", Forms)}");
            var truncated = r.TryGetProperty("truncated", out var t) && t.ValueKind == JsonValueKind.True;
            asks.Add(new GoldAsk(text, start, end, form, Str(r, "theme", where), Str(r, "secondary_theme", where), truncated));
        }
        return new GoldDocument(file, date, precision, admin, asks, source);
    }

    /// <summary>
    /// Checks that every span is the exact text at its offsets in the document, so a reference edited by hand cannot
    /// drift from the text it annotates. Returns one message per mismatch.
    /// </summary>
    /// <remarks>
    /// The annotation guide counts offsets as Python does, in code points; .NET strings count UTF-16 units, which differ
    /// after any character outside the Basic Multilingual Plane (an emoji, a rare CJK ideograph). A span is right if its
    /// text stands at its offsets counted either way, so references made with either count check alike.
    /// </remarks>
    public static IReadOnlyList<string> CheckSpans(GoldDocument gold, string rawText)
    {
        var problems = new List<string>();
        int[]? units = null; // code point index -> UTF-16 index, made only when a text has surrogate pairs
        for (var i = 0; i < gold.Asks.Count; i++)
        {
            var a = gold.Asks[i];
            if (a.End <= rawText.Length && rawText[a.Start..a.End] == a.Text) continue;
            units ??= CodePointOffsets(rawText);
            if (a.End < units.Length && rawText[units[a.Start]..units[a.End]] == a.Text) continue;
            if (a.End > rawText.Length) problems.Add($"{gold.Source}: recommendation #{i + 1} ends at {a.End}, past the text's end ({rawText.Length})");
            else problems.Add($"{gold.Source}: recommendation #{i + 1} text does not match the document at {a.Start}..{a.End}");
        }
        return problems;
    }

    /// <summary>Where each code point of <paramref name="text"/> starts in UTF-16 units, with the text's length last.</summary>
    internal static int[] CodePointOffsets(string text)
    {
        var starts = new List<int>(text.Length + 1);
        for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1) starts.Add(i);
        starts.Add(text.Length);
        return starts.ToArray();
    }

    static string? Str(JsonElement e, string name, string source)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.String) throw new FormatException($"{source}: \"{name}\" must be a string");
        return v.GetString();
    }
}
