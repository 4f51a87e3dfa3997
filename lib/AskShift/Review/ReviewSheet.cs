using AskShift.Text;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AskShift.Normalise;
using AskShift.Load;

namespace AskShift.Review;

/// <summary>Where an ask in the analysed corpus came from: the extractor alone, or a person's review of it.</summary>
public enum ReviewState
{
    /// <summary>Found by the extractor; nobody has checked it.</summary>
    Machine,
    /// <summary>Found by the extractor and kept as it is by a reviewer.</summary>
    Confirmed,
    /// <summary>Found by the extractor; a reviewer redrew its span.</summary>
    Edited,
    /// <summary>Missed by the extractor; a reviewer added it by quoting the document.</summary>
    Added,
}

/// <summary>What a review file did to a corpus, so a notebook or a paper can say how much of the data a person checked.</summary>
/// <param name="File">The review file applied.</param>
/// <param name="Rows">Rows read, header excluded.</param>
/// <param name="DocumentsReviewed">Documents with at least one row a reviewer marked.</param>
/// <param name="AsksConfirmed">Machine asks kept as they are.</param>
/// <param name="AsksEdited">Machine asks whose span a reviewer redrew.</param>
/// <param name="AsksDropped">Machine asks a reviewer said are not asks.</param>
/// <param name="AsksAdded">Asks the machine missed, added by quotation.</param>
/// <param name="ThemesSet">Asks given a theme by a reviewer.</param>
/// <param name="DatesConfirmed">Document dates kept as the machine had them.</param>
/// <param name="DatesChanged">Document dates a reviewer set.</param>
/// <param name="AdministrationsConfirmed">Administrations kept as the machine had them.</param>
/// <param name="AdministrationsChanged">Administrations a reviewer set.</param>
/// <param name="Problems">Rows that could not be applied, each with its row number and reason.</param>
public sealed record ReviewSummary(string File, int Rows, int DocumentsReviewed, int AsksConfirmed, int AsksEdited, int AsksDropped,
    int AsksAdded, int ThemesSet, int DatesConfirmed, int DatesChanged, int AdministrationsConfirmed, int AdministrationsChanged,
    IReadOnlyList<LoadError> Problems)
{
    /// <summary>Kept or redrawn asks that carried a machine theme in the file (its <c>theme</c> column).</summary>
    public int ThemesCompared { get; init; }
    /// <summary>Of those, asks whose reviewer left the theme as it was (no <c>new_theme</c>, or the same one).</summary>
    public int ThemesAgreed { get; init; }

    /// <summary>Asks a person looked at (kept, redrawn, dropped or added).</summary>
    public int AsksReviewed => AsksConfirmed + AsksEdited + AsksDropped + AsksAdded;
    /// <summary>Asks the review changed (redrawn, dropped or added).</summary>
    public int AsksChanged => AsksEdited + AsksDropped + AsksAdded;
}

/// <summary>
/// The review round trip: <see cref="Export"/> writes one row per ask and per document field a person should check
/// (date, administration) with the machine's value and evidence; a researcher marks rows in a spreadsheet; <see cref="Apply"/>
/// (called by <c>Corpus.Load</c> when <c>review.csv</c> sits in the corpus folder) makes the marked changes. No serious
/// study publishes machine-extracted asks unchecked, and corrections belong in data, not in code.
/// </summary>
/// <remarks>
/// Marks in the <c>review</c> column: empty (not reviewed), <c>keep</c>, <c>drop</c>, <c>edit</c> (with <c>new_text</c>
/// quoting the document), <c>add</c> (a new row: <c>file</c>, <c>kind</c> = ask, <c>new_text</c>), and <c>set</c> on date and
/// administration rows (with <c>new_value</c>). <c>new_theme</c> on an ask row sets its theme. A quotation is found in
/// the document exactly, or else with any run of whitespace standing for any other.
/// </remarks>
public static class ReviewSheet
{
    /// <summary>The file name <c>Corpus.Load</c> looks for in a corpus folder.</summary>
    public const string DefaultName = "review.csv";

    /// <summary>Columns of a review file, in the order <see cref="Export"/> writes them.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["file", "kind", "ordinal", "start", "end", "page", "form", "text", "theme", "value", "evidence", "review", "new_text", "new_theme", "new_value", "note"];

    static readonly string[] Marks = ["", "keep", "drop", "edit", "add", "set"];

    /// <summary>
    /// Writes the review file for <paramref name="corpus"/> to <paramref name="path"/> (UTF-8 with a byte-order mark, so
    /// spreadsheet programs read Chinese text right). <paramref name="themes"/>, when given, holds the machine's theme code
    /// of each ask of <see cref="Corpus.AllAsks"/>, in order. Written to a temporary file and moved into place, so a
    /// failed export never leaves half a file where a researcher's marks may have been.
    /// </summary>
    public static void Export(Corpus corpus, string path, IReadOnlyList<string?>? themes = null)
    {
        if (themes is not null && themes.Count != corpus.AllAsks.Count)
            throw new ArgumentException($"{themes.Count} themes for {corpus.AllAsks.Count} asks", nameof(themes));
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".partial";
        using (var w = new StreamWriter(temp, false, new UTF8Encoding(true)))
        {
            Write(w, Columns);
            var k = 0;
            foreach (var d in corpus.Items)
            {
                Write(w, [d.File, "date", "", "", "", "", "", "", "", DateValue(d.Date, d.DatePrecision), Evidence(d.DateEvidence, d.Provenance.GetValueOrDefault("date")), "", "", "", "", ""]);
                Write(w, [d.File, "administration", "", "", "", "", "", "", "", d.Administration, Evidence(d.AdministrationEvidence, d.Provenance.GetValueOrDefault("administration")), "", "", "", "", ""]);
                foreach (var a in d.Asks)
                {
                    var theme = a.Theme ?? themes?[k];
                    k++;
                    Write(w, [d.File, "ask", Num(a.Ordinal), Num(a.Start), Num(a.End), a.Page is int p ? Num(p) : "", FormCode(a.Form), a.Text, theme ?? "", "",
                        a.Review == ReviewState.Machine ? "" : $"already reviewed ({Code(a.Review)})", "", "", "", "", a.Truncated ? "truncated: the text stops inside this ask" : ""]);
                }
            }
        }
        File.Move(temp, full, overwrite: true);
    }

    /// <summary>One paragraph a notebook shows beside its findings: what a person checked, or that nobody did.</summary>
    public static string Describe(ReviewSummary? s) => s is null
        ? $"No review file ({DefaultName} in the corpus folder): every ask, date and administration here is the machine's, unchecked."
        : string.Create(CultureInfo.InvariantCulture,
            $"{s.File}: {s.DocumentsReviewed} documents reviewed. Asks: {s.AsksConfirmed} kept, {s.AsksEdited} redrawn, {s.AsksDropped} dropped, {s.AsksAdded} added ({s.AsksChanged} changed of {s.AsksReviewed} reviewed); {s.ThemesSet} themes set. Dates: {s.DatesConfirmed} confirmed, {s.DatesChanged} changed. Administrations: {s.AdministrationsConfirmed} confirmed, {s.AdministrationsChanged} changed. {s.Problems.Count} rows not applied{(s.Problems.Count > 0 ? " (listed with the load errors)." : ".")}");

    /// <summary>The lower-case name used in frames and files: machine, confirmed, edited, added.</summary>
    public static string Code(ReviewState s) => s.ToString().ToLowerInvariant();

    static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    static string Evidence(IReadOnlyList<string> evidence, string? provenance)
    {
        var e = string.Join(" | ", evidence.Select(x => Spaces.Collapse(x).Trim()));
        return provenance is null ? e : e.Length == 0 ? $"from: {provenance}" : $"{e} (from: {provenance})";
    }

    /// <summary>A date at its precision: 2015-06-16, 2015-06, 2015, or empty.</summary>
    public static string DateValue(DateOnly? date, DatePrecision precision) => date is not DateOnly d ? "" : precision switch
    {
        DatePrecision.Year => d.ToString("yyyy", CultureInfo.InvariantCulture),
        DatePrecision.Month => d.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        DatePrecision.Inferred => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " (inferred)",
        _ => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    static void Write(TextWriter w, IEnumerable<string> fields)
    {
        w.Write(string.Join(",", fields.Select(f => f.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + f.Replace("\"", "\"\"") + "\"" : f)));
        w.Write("\r\n");
    }

    /// <summary>One row of a review file, as read.</summary>
    internal sealed record Row(int Number, string File, string Kind, int? Start, int? End, string Text, string Theme, string Value,
        string Mark, string NewText, string NewTheme, string NewValue, string Form);

    /// <summary>Reads a review file; malformed rows become problems naming the row, the rest are returned.</summary>
    internal static (List<Row> Rows, List<LoadError> Problems) Read(string path)
    {
        var name = Path.GetFileName(path);
        var rows = new List<Row>();
        var problems = new List<LoadError>();
        var (header, sheetRows) = SheetReader.Read(path, problems);
        if (header is null)
        {
            if (problems.Count == 0) problems.Add(new LoadError(name, "the review file is empty (no header row)"));
            return (rows, problems);
        }
        foreach (var needed in new[] { "file", "kind", "review" })
            if (!header.Contains(needed)) problems.Add(new LoadError(name, $"no '{needed}' column (a review file has: {string.Join(", ", Columns)})"));
        if (problems.Count > 0) return (rows, problems);
        foreach (var r in sheetRows)
        {
            string Get(string c) => r.Get(c) ?? "";
            int? Int(string c) => int.TryParse(Get(c).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
            rows.Add(new Row(r.Number, Get("file").Trim().Replace('\\', '/'), Get("kind").Trim().ToLowerInvariant(), Int("start"), Int("end"), Get("text"),
                Get("theme").Trim(), Get("value").Trim(), Get("review").Trim().ToLowerInvariant(), Get("new_text"), Get("new_theme").Trim(),
                Get("new_value").Trim(), Get("form").Trim()));
        }
        return (rows, problems);
    }

    /// <summary>
    /// Applies the marked rows of the review file at <paramref name="path"/> to <paramref name="docs"/>. Every row is applied
    /// or reported with its number; a kept or redrawn ask whose text no longer occurs in its document (the file changed
    /// since the export) is reported, never silently dropped.
    /// </summary>
    internal static (List<Document> Documents, ReviewSummary Summary) Apply(IReadOnlyList<Document> docs, string path, ISet<string> failedFiles)
    {
        var name = Path.GetFileName(path);
        var (rows, problems) = Read(path);
        var byFile = docs.ToDictionary(d => d.File, StringComparer.Ordinal);
        int confirmed = 0, edited = 0, dropped = 0, added = 0, themes = 0, datesKept = 0, datesSet = 0, adminKept = 0, adminSet = 0, themesCompared = 0, themesAgreed = 0;
        var reviewedDocs = new HashSet<string>(StringComparer.Ordinal);
        var changes = rows.Where(r => r.Mark.Length > 0 || r.NewTheme.Length > 0 || r.NewValue.Length > 0 || r.NewText.Length > 0).ToList();
        var result = new Dictionary<string, Document>(byFile, StringComparer.Ordinal);

        void Problem(Row r, string why) => problems.Add(new LoadError($"{name} row {r.Number}", why));

        foreach (var group in changes.GroupBy(r => r.File))
        {
            var first = group.First();
            if (group.Key.Length == 0) { foreach (var r in group) Problem(r, "no file named"); continue; }
            if (!byFile.TryGetValue(group.Key, out var doc))
            {
                foreach (var r in group)
                    Problem(r, failedFiles.Contains(group.Key) ? $"'{group.Key}' did not load (see its error), so its review rows are not applied" : $"unknown file '{group.Key}' (not in the corpus)");
                continue;
            }
            var asks = doc.Asks.ToList();
            var provenance = new Dictionary<string, string>(doc.Provenance);
            var date = (doc.Date, doc.DatePrecision, doc.DateEvidence);
            var admin = (doc.Administration, doc.AdministrationEvidence);
            var touched = false;
            var fields = new HashSet<string>(StringComparer.Ordinal);
            var machineMarked = new HashSet<Ask>(ReferenceEqualityComparer.Instance);
            foreach (var r in group)
            {
                if (!Marks.Contains(r.Mark)) { Problem(r, $"unknown review mark '{r.Mark}' (use keep, drop, edit, add or set)"); continue; }
                switch (r.Kind)
                {
                    case "ask":
                        var before = asks.ToList();
                        if (ApplyAsk(doc, asks, r, Problem) is { } outcome)
                        {
                            touched = true;
                            // Which machine ask the row marked: the one it replaced or removed.
                            foreach (var gone in before.Where(a => !asks.Contains(a))) if (doc.Asks.Contains(gone)) machineMarked.Add(gone);
                            if (r.Mark is "keep" or "edit" or "" && r.Theme.Length > 0)
                            {
                                themesCompared++;
                                if (r.NewTheme.Length == 0 || string.Equals(r.NewTheme, r.Theme, StringComparison.Ordinal)) themesAgreed++;
                            }
                            switch (outcome.State)
                            {
                                case ReviewState.Confirmed: confirmed++; break;
                                case ReviewState.Edited: edited++; break;
                                case ReviewState.Added: added++; break;
                                default: dropped++; break;
                            }
                            if (outcome.ThemeSet) themes++;
                            // (A dropped ask comes back as Machine: it is no longer in the document's asks.)
                        }
                        break;
                    case "date":
                        if (r.Mark is "keep" && r.NewValue.Length == 0) { datesKept++; touched = true; fields.Add("date"); provenance["date"] = $"{provenance.GetValueOrDefault("date", "text")}, confirmed in {name} row {r.Number}"; break; }
                        if (r.Mark is "set" or "" or "edit" && r.NewValue.Length > 0)
                        {
                            if (ParseDate(r.NewValue) is not { } set) { Problem(r, $"new_value '{r.NewValue}' is not a date (yyyy-MM-dd, yyyy-MM or yyyy)"); break; }
                            date = (set.Date, set.Precision, [$"{name} row {r.Number}"]);
                            provenance["date"] = $"{name} row {r.Number}";
                            datesSet++; touched = true; fields.Add("date");
                            break;
                        }
                        Problem(r, r.Mark == "set" ? "'set' needs a new_value" : $"'{r.Mark}' does not apply to a date row (use keep, or set with new_value)");
                        break;
                    case "administration":
                        if (r.Mark is "keep" && r.NewValue.Length == 0) { adminKept++; touched = true; fields.Add("administration"); provenance["administration"] = $"{provenance.GetValueOrDefault("administration", "text")}, confirmed in {name} row {r.Number}"; break; }
                        if (r.Mark is "set" or "" or "edit" && r.NewValue.Length > 0)
                        {
                            var code = r.NewValue.ToLowerInvariant();
                            if (!Administrations.Order.Contains(code) && code != "unknown")
                            { Problem(r, $"new_value '{r.NewValue}' is not an administration code ({string.Join(", ", Administrations.Order)}, unknown)"); break; }
                            admin = (code, [$"{name} row {r.Number}"]);
                            provenance["administration"] = $"{name} row {r.Number}";
                            adminSet++; touched = true; fields.Add("administration");
                            break;
                        }
                        Problem(r, r.Mark == "set" ? "'set' needs a new_value" : $"'{r.Mark}' does not apply to an administration row (use keep, or set with new_value)");
                        break;
                    default:
                        Problem(r, $"unknown kind '{r.Kind}' (ask, date or administration)");
                        break;
                }
            }
            if (!touched) continue;
            reviewedDocs.Add(doc.File);
            if (doc.Asks.Count == 0 || doc.Asks.All(machineMarked.Contains)) fields.Add("asks");
            var ordered = asks.OrderBy(a => a.Start).ThenBy(a => a.End).Select((a, i) => a with { Ordinal = i + 1 }).ToList();
            result[doc.File] = doc with
            {
                Asks = ordered, Date = date.Date, DatePrecision = date.DatePrecision, DateEvidence = date.DateEvidence,
                Administration = admin.Administration, AdministrationEvidence = admin.AdministrationEvidence, Provenance = provenance, Reviewed = true,
                ReviewedFields = new[] { "asks", "date", "administration" }.Where(fields.Contains).ToList(),
            };
        }
        // Problems in the order of the file's rows, as a person fixing them reads it.
        var byRow = problems.OrderBy(p => int.TryParse(p.File.AsSpan(p.File.LastIndexOf(' ') + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).ToList();
        var summary = new ReviewSummary(name, rows.Count, reviewedDocs.Count, confirmed, edited, dropped, added, themes, datesKept, datesSet, adminKept, adminSet, byRow)
        {
            ThemesCompared = themesCompared, ThemesAgreed = themesAgreed,
        };
        return (docs.Select(d => result[d.File]).ToList(), summary);
    }

    sealed record AskOutcome(ReviewState State, bool ThemeSet);

    static AskOutcome? ApplyAsk(Document doc, List<Ask> asks, Row r, Action<Row, string> problem)
    {
        if (r.Mark == "add")
        {
            if (r.NewText.Trim().Length == 0) { problem(r, "'add' needs new_text: the ask quoted from the document"); return null; }
            if (Find(doc.RawText, r.NewText, 0) is not { } span) { problem(r, $"new_text does not occur in '{doc.File}': {Shorten(r.NewText)}"); return null; }
            if (asks.Any(a => a.Start == span.Start && a.End == span.End)) { problem(r, "this ask is already in the document; mark its own row instead"); return null; }
            var form = ParseForm(r.Form) ?? AskForm.Sentence;
            asks.Add(Make(doc, span.Start, span.End, form, ReviewState.Added, NullIfEmpty(r.NewTheme)));
            return new(ReviewState.Added, r.NewTheme.Length > 0);
        }
        // The row's own ask: at its offsets if the text there is still the same, else wherever the quoted text now is.
        var at = asks.FindIndex(a => r.Start == a.Start && r.End == a.End && Same(a.Text, r.Text));
        if (at < 0) at = asks.FindIndex(a => Same(a.Text, r.Text));
        (int Start, int End)? original = at >= 0 ? (asks[at].Start, asks[at].End) : r.Text.Trim().Length > 0 ? Find(doc.RawText, r.Text, r.Start ?? 0) : null;
        if (original is null)
        {
            problem(r, $"the ask's text no longer occurs in '{doc.File}' (the file changed since the export?); the row is not applied: {Shorten(r.Text)}");
            return null;
        }
        var mark = r.Mark.Length == 0 ? (r.NewText.Length > 0 ? "edit" : r.NewTheme.Length > 0 ? "keep" : "") : r.Mark;
        var theme = NullIfEmpty(r.NewTheme);
        var baseAsk = at >= 0 ? asks[at] : Make(doc, original.Value.Start, original.Value.End, ParseForm(r.Form) ?? AskForm.Sentence, ReviewState.Confirmed, null);
        switch (mark)
        {
            case "drop":
                if (at >= 0) asks.RemoveAt(at);
                return new(ReviewState.Machine, false); // counted as dropped by the caller
            case "keep":
                var kept = baseAsk with { Review = ReviewState.Confirmed, Theme = theme ?? baseAsk.Theme };
                if (at >= 0) asks[at] = kept; else asks.Add(kept);
                return new(ReviewState.Confirmed, theme != null);
            case "edit":
                if (r.NewText.Trim().Length == 0) { problem(r, "'edit' needs new_text: the ask as it should read, quoted from the document"); return null; }
                if (Find(doc.RawText, r.NewText, original.Value.Start) is not { } span) { problem(r, $"new_text does not occur in '{doc.File}': {Shorten(r.NewText)}"); return null; }
                var redrawn = Make(doc, span.Start, span.End, ParseForm(r.Form) ?? baseAsk.Form, ReviewState.Edited, theme ?? baseAsk.Theme) with { Truncated = baseAsk.Truncated && span.End >= baseAsk.End };
                if (at >= 0) asks[at] = redrawn; else asks.Add(redrawn);
                return new(ReviewState.Edited, theme != null);
            default:
                problem(r, $"'{mark}' does not apply to an ask row (use keep, drop, edit or add)");
                return null;
        }
    }

    static Ask Make(Document doc, int start, int end, AskForm form, ReviewState state, string? theme)
    {
        var text = doc.RawText[start..end];
        var analysis = Spaces.Collapse(GlueRepair.Repair(text).Text).Trim();
        var language = doc.LanguageBlocks.FirstOrDefault(b => start >= b.Start && start < b.End)?.Language ?? (Languages.IsChinese(text.AsSpan()) ? "zh" : "en");
        return new Ask(doc.File, 0, text, start, end, form, analysis, language)
        {
            Page = Document.PageAt(doc.PageStarts, start), Review = state, Theme = theme,
        };
    }

    static bool Same(string a, string b) => Collapse(a) == Collapse(b);
    static string Collapse(string s) => Spaces.Collapse(s).Trim();
    static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
    static string Shorten(string s) { s = Collapse(s); return s.Length <= 80 ? s : s[..79] + "…"; }

    // The codebook's names of the forms, both ways (the frames stage, which comes later, prints them the same).
    static readonly Dictionary<string, AskForm> Forms = new(StringComparer.Ordinal)
    {
        ["numbered_item"] = AskForm.NumberedItem, ["bullet_item"] = AskForm.BulletItem,
        ["sentence"] = AskForm.Sentence, ["reported_speech"] = AskForm.ReportedSpeech,
    };

    static AskForm? ParseForm(string code) => Forms.TryGetValue(code, out var f) ? f : null;
    static string FormCode(AskForm form) => Forms.First(kv => kv.Value == form).Key;

    /// <summary>
    /// Where <paramref name="quote"/> occurs in <paramref name="text"/>: exactly, or with any run of whitespace matching
    /// any other (a spreadsheet may have turned a line break into a space); the occurrence nearest <paramref name="near"/>.
    /// </summary>
    internal static (int Start, int End)? Find(string text, string quote, int near)
    {
        var q = quote.Trim();
        if (q.Length == 0) return null;
        var hits = new List<(int Start, int End)>();
        for (var i = text.IndexOf(q, StringComparison.Ordinal); i >= 0; i = text.IndexOf(q, i + 1, StringComparison.Ordinal)) hits.Add((i, i + q.Length));
        if (hits.Count == 0)
        {
            var pattern = string.Join(@"\s+", q.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape));
            hits.AddRange(Regex.Matches(text, pattern).Select(m => (m.Index, m.Index + m.Length)));
        }
        return hits.Count == 0 ? null : hits.MinBy(h => Math.Abs(h.Start - near));
    }

    static (DateOnly Date, DatePrecision Precision)? ParseDate(string s)
    {
        var inv = CultureInfo.InvariantCulture;
        s = s.Trim();
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", inv, DateTimeStyles.None, out var d)) return (d, DatePrecision.Day);
        if (DateOnly.TryParseExact(s, "yyyy-MM", inv, DateTimeStyles.None, out d)) return (d, DatePrecision.Month);
        if (DateOnly.TryParseExact(s, "yyyy", inv, DateTimeStyles.None, out d)) return (d, DatePrecision.Year);
        return null;
    }
}
