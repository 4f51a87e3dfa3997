using System.Text.RegularExpressions;
using AskShift.Text;
using AskShift.Extract;
using AskShift.Metadata;
using AskShift.Normalise;

namespace AskShift;

/// <summary>Runs normalise, extract and metadata on one decoded text, keeping every offset in the raw text.</summary>
public static class DocumentPipeline
{
    // The rules call Regex.IsMatch/Match/Replace with literal patterns in many places; .NET caches only 15 parsed
    // patterns by default, so documents re-parsed patterns all the time and parallel loads queued on the cache's lock.
    static DocumentPipeline()
    {
        if (Regex.CacheSize < 256) Regex.CacheSize = 256;
    }

    /// <summary>
    /// The date a researcher gave (sheet or front matter), as a finding the administration finder reads like any other;
    /// null leaves the date to the text and the URL.
    /// </summary>
    static DateFinding? GivenDate(Load.GivenMetadata? given) =>
        given?.Date is { } d ? new DateFinding(d, given.DatePrecision, [$"{given.Source}: date"], null) : null;

    /// <summary>The date the document's URL carries, if any, weighed against the text's by the metadata stage.</summary>
    static DateFinding? UrlDateOf(Load.GivenMetadata? given) =>
        Load.UrlDate.Find(given?.Url) is { } u ? new DateFinding(u.Date, u.Precision, [$"url: {u.Evidence}"], null) : null;

    /// <summary>Where each field's value came from: the sheet or front matter, the URL, or the text.</summary>
    /// <param name="dateFromUrl">Whether the metadata stage chose the URL's date over the text's.</param>
    static IReadOnlyDictionary<string, string> Provenance(DocumentMetadata meta, Load.GivenMetadata? given, bool dateFromUrl)
    {
        var from = new SortedDictionary<string, string>(StringComparer.Ordinal);
        string Text(bool found) => found ? "text" : "none";
        from["title"] = given?.Title is not null ? given.Source : Text(meta.Title is not null);
        from["organisations"] = given?.Organisations is not null ? given.Source : Text(meta.Organisations.Count > 0);
        from["date"] = given?.Date is not null ? given.Source
            : dateFromUrl ? "url"
            : meta.Date.Precision == DatePrecision.Inferred ? "inference" : Text(meta.Date.Date is not null);
        from["administration"] = given?.Administration is not null ? given.Source : meta.Administration.Code == "unknown" ? "none" : "inference";
        from["addressees"] = given?.Addressees is not null ? given.Source : "text";
        from["language"] = given?.Language is not null ? given.Source : "text";
        return from;
    }

    /// <summary>
    /// What a researcher who gave a URL should know about the date: that the URL carries none, or that it disagrees (at
    /// its precision) with the day the text states, which was kept.
    /// </summary>
    static string? UrlDateWarning(Load.GivenMetadata? given, DateFinding? urlDate, DateFinding chosen, bool dateFromUrl)
    {
        if (given?.Url is not { } url || given.Date is not null || dateFromUrl) return null;
        if (urlDate?.Date is not { } ud) return $"date: the URL ({url}) carries no date; the date comes from the text";
        if (chosen.Date is not { } td || (ud.Year, ud.Month) == (td.Year, td.Month) && (urlDate.Precision != DatePrecision.Day || ud == td)) return null;
        return $"date: the text states {td.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}, the URL carries {urlDate.Evidence[0]["url: ".Length..]}: the text's is kept";
    }

    /// <summary>
    /// The language block holding raw offset <paramref name="at"/>, if any. Blocks are in order and do not overlap, so a
    /// binary search finds it: asked for every line, a scan of the blocks made a text of alternating English and
    /// Chinese lines quadratic.
    /// </summary>
    internal static LanguageBlock? BlockAt(IReadOnlyList<LanguageBlock> blocks, int at)
    {
        int lo = 0, hi = blocks.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (blocks[mid].Start <= at) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found >= 0 && at < blocks[found].End ? blocks[found] : null;
    }

    /// <summary>Raw length from which metadata and ask extraction run concurrently (below it a task costs more than it saves).</summary>
    internal const int ConcurrentStagesChars = 256 * 1024;

    /// <summary>Builds the <see cref="Document"/> for <paramref name="raw"/>.</summary>
    /// <param name="pageStarts">Where each page starts in <paramref name="raw"/> (PDFs), so every ask knows its page.</param>
    public static Document Process(string file, string raw, RepeatedLines? repeatedLines = null, IReadOnlyList<string>? loadWarnings = null,
        MetadataOptions? metadata = null, IReadOnlyList<int>? pageStarts = null, Load.GivenMetadata? given = null)
    {
        pageStarts ??= [];
        var givenDate = GivenDate(given);
        var urlDate = givenDate is null ? UrlDateOf(given) : null;
        var warnings = new List<string>(loadWarnings ?? []);
        var chrome = Chrome.Detect(raw, repeatedLines);
        var blocks = Languages.Split(raw, chrome);
        var view = GlueRepair.Repair(raw);

        bool InChrome(int rs, int re) => Chrome.Covers(chrome, rs, re);
        bool InTranslation(int rs) => BlockAt(blocks, rs)?.TranslationOf != null;
        string LanguageAt(int rs) => BlockAt(blocks, rs)?.Language ?? "en";

        // Metadata reads the repaired text without chrome lines; it does not depend on the asks, so a large document
        // (where each stage takes seconds) finds both on two cores.
        (DocumentMetadata Meta, string Content) ReadMetadata()
        {
            // The kept lines are found first and the text made once at its length: a builder as long as the view, then
            // its copy, was about 4% of loading's allocation.
            var keptLines = new List<(int Start, int End)>();
            var length = -1;
            foreach (var (ls, le) in Sentences.Lines(view.Text))
            {
                var (rs, re) = view.ToRawSpan(ls, le);
                if (re <= rs || InChrome(rs, re)) continue;
                keptLines.Add((ls, le));
                length += le - ls + 1;
            }
            var content = keptLines.Count == 0 ? "" : string.Create(length, (view.Text, keptLines), static (into, state) =>
            {
                var at = 0;
                for (var i = 0; i < state.keptLines.Count; i++)
                {
                    var (ls, le) = state.keptLines[i];
                    if (i > 0) into[at++] = '\n';
                    state.Text.AsSpan(ls, le - ls).CopyTo(into[at..]);
                    at += le - ls;
                }
            });
            return (MetadataExtractor.Extract(content, metadata, givenDate, urlDate), content);
        }
        var metaTask = raw.Length >= ConcurrentStagesChars ? Task.Run(ReadMetadata) : null;

        var spans = AskExtractor.Extract(view, (vs, ve) =>
        {
            var (rs, re) = view.ToRawSpan(vs, ve);
            return InChrome(rs, re) || InTranslation(rs);
        });
        var asks = new List<Ask>();
        foreach (var s in spans)
        {
            var (rs, re) = view.ToRawSpan(s.Start, s.End);
            var text = raw[rs..re];
            // Where glue repair changed nothing inside the ask (most asks), its repaired text is the raw one: one string.
            var repaired = view.Text.AsSpan(s.Start, s.End - s.Start);
            var analysis = Spaces.Collapse(repaired.SequenceEqual(text) ? text : repaired.ToString()).Trim();
            asks.Add(new Ask(file, asks.Count + 1, text, rs, re, s.Form, analysis, s.Language == "zh" ? LanguageAt(rs) : "en")
            {
                Truncated = s.Truncated, Page = Document.PageAt(pageStarts, rs),
            });
        }

        var (meta, content) = metaTask is null ? ReadMetadata() : metaTask.GetAwaiter().GetResult();
        var fromUrl = urlDate is not null && ReferenceEquals(meta.Date, urlDate);
        var provenance = Provenance(meta, given, fromUrl);
        if (UrlDateWarning(given, urlDate, meta.Date, fromUrl) is { } urlNote) warnings.Add(urlNote);
        if (meta.Date.Note != null) warnings.Add($"date: {meta.Date.Note}");
        if (meta.Date.Precision == DatePrecision.Unknown && meta.Date.Note == null) warnings.Add("date: no date found in the text");
        if (meta.Administration.Reason != null) warnings.Add($"administration: {meta.Administration.Code}: {meta.Administration.Reason}");
        if (asks.Count == 0) warnings.Add("asks: no ask of the US government found");

        var languages = blocks.Select(b => b.Language).Distinct().ToList();
        if (languages.Count == 0) languages.Add("en");
        if (given?.Language is { } lang) languages = [lang];
        return new Document
        {
            File = file,
            RawText = raw,
            Title = given?.Title ?? meta.Title,
            Organisations = given?.Organisations ?? meta.Organisations,
            Url = given?.Url,
            Provenance = provenance,
            Date = meta.Date.Date,
            DatePrecision = meta.Date.Precision,
            DateEvidence = meta.Date.Evidence,
            Administration = given?.Administration ?? meta.Administration.Code,
            AdministrationEvidence = given?.Administration is not null ? [given.Source] : meta.Administration.Evidence,
            Addressees = given?.Addressees ?? Addressees.Find(content, asks.Select(a => a.AnalysisText).ToList()),
            Event = meta.Event,
            LanguageBlocks = blocks,
            Languages = languages,
            People = meta.People,
            Asks = asks,
            Warnings = warnings,
            Chrome = chrome,
            PageStarts = pageStarts,
        };
    }
}
