using Microsoft.Data.Analysis;
using Parquet;
using Parquet.Schema;

namespace AskShift.Frames;

/// <summary>
/// Entry point of the frames stage: the corpus as typed DataFrames (snake_case columns, dates as nullable DateTime)
/// and their CSV/Parquet exports, so notebooks and other tools share one tabular view.
/// </summary>
public static class CorpusFrames
{
    /// <summary>The codebook's spelling of a form: numbered_item, bullet_item, sentence, reported_speech.</summary>
    public static string Code(AskForm form) => form switch
    {
        AskForm.NumberedItem => "numbered_item",
        AskForm.BulletItem => "bullet_item",
        AskForm.Sentence => "sentence",
        AskForm.ReportedSpeech => "reported_speech",
        _ => throw new ArgumentOutOfRangeException(nameof(form)),
    };

    /// <summary>Lower-case precision name used in frames and JSON (day, month, year, inferred, unknown).</summary>
    public static string Code(DatePrecision p) => p.ToString().ToLowerInvariant();

    static DateTime? ToDateTime(DateOnly? d) => d?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

    /// <summary>Columns: file, title, organisations, date, date_precision, date_evidence, administration, addressees, event, languages, people, ask_count, warnings, url, provenance, review (machine or reviewed).</summary>
    public static DataFrame Documents(IReadOnlyList<Document> docs) => new(
        new StringDataFrameColumn("file", docs.Select(d => d.File)),
        new StringDataFrameColumn("title", docs.Select(d => d.Title)),
        new StringDataFrameColumn("organisations", docs.Select(d => string.Join("; ", d.Organisations))),
        new PrimitiveDataFrameColumn<DateTime>("date", docs.Select(d => ToDateTime(d.Date))),
        new StringDataFrameColumn("date_precision", docs.Select(d => Code(d.DatePrecision))),
        new StringDataFrameColumn("date_evidence", docs.Select(d => string.Join("; ", d.DateEvidence))),
        new StringDataFrameColumn("administration", docs.Select(d => d.Administration)),
        new StringDataFrameColumn("addressees", docs.Select(d => string.Join("; ", d.Addressees))),
        new StringDataFrameColumn("event", docs.Select(d => d.Event)),
        new StringDataFrameColumn("languages", docs.Select(d => string.Join("; ", d.Languages))),
        new StringDataFrameColumn("people", docs.Select(d => string.Join("; ", d.People))),
        new Int32DataFrameColumn("ask_count", docs.Select(d => d.Asks.Count)),
        new StringDataFrameColumn("warnings", docs.Select(d => string.Join("; ", d.Warnings))),
        new StringDataFrameColumn("url", docs.Select(d => d.Url)),
        new StringDataFrameColumn("provenance", docs.Select(d => string.Join("; ", d.Provenance.Select(p => $"{p.Key}={p.Value}")))),
        new StringDataFrameColumn("review", docs.Select(d => d.Reviewed ? "reviewed" : "machine")));

    /// <summary>Columns: file, ordinal, text, start, end, form, analysis_text, language, truncated, page (PDFs; else missing), review (machine, confirmed, edited, added), reviewed_theme, administration, date, organisations.</summary>
    public static DataFrame Asks(IReadOnlyList<Document> docs)
    {
        var rows = docs.SelectMany(d => d.Asks.Select(a => (d, a))).ToList();
        return new DataFrame(
            new StringDataFrameColumn("file", rows.Select(r => r.a.File)),
            new Int32DataFrameColumn("ordinal", rows.Select(r => r.a.Ordinal)),
            new StringDataFrameColumn("text", rows.Select(r => r.a.Text)),
            new Int32DataFrameColumn("start", rows.Select(r => r.a.Start)),
            new Int32DataFrameColumn("end", rows.Select(r => r.a.End)),
            new StringDataFrameColumn("form", rows.Select(r => Code(r.a.Form))),
            new StringDataFrameColumn("analysis_text", rows.Select(r => r.a.AnalysisText)),
            new StringDataFrameColumn("language", rows.Select(r => r.a.Language)),
            new BooleanDataFrameColumn("truncated", rows.Select(r => r.a.Truncated)),
            new Int32DataFrameColumn("page", rows.Select(r => r.a.Page)),
            new StringDataFrameColumn("review", rows.Select(r => Review.ReviewSheet.Code(r.a.Review))),
            new StringDataFrameColumn("reviewed_theme", rows.Select(r => r.a.Theme)),
            new StringDataFrameColumn("administration", rows.Select(r => r.d.Administration)),
            new PrimitiveDataFrameColumn<DateTime>("date", rows.Select(r => ToDateTime(r.d.Date))),
            new StringDataFrameColumn("organisations", rows.Select(r => string.Join("; ", r.d.Organisations))));
    }

    /// <summary>
    /// Writes the full <paramref name="table"/> to <c>tables/NAME.csv</c> (beside the notebook) and says where, so a
    /// notebook can show the top rows of a long table while every row its findings cite stays one click away.
    /// </summary>
    public static string Publish(DataFrame table, string name)
    {
        if (name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0) throw new ArgumentException($"'{name}' is not a file name", nameof(name));
        Directory.CreateDirectory("tables");
        var path = Path.Combine("tables", name + ".csv");
        var temp = path + ".partial";
        SaveCsv(table, temp);
        File.Move(temp, path, overwrite: true);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{table.Rows.Count} rows, all in {path.Replace('\\', '/')}");
    }

    /// <summary>documents.csv and asks.csv.</summary>
    public static void WriteCsv(Corpus corpus, string dir)
    {
        using var writer = new CorpusTableWriter(dir, "csv");
        writer.Add(corpus);
    }

    /// <summary>
    /// RFC 4180 CSV, the same under every culture: dates as ISO 8601 days (the frames hold dates, not times), numbers
    /// in invariant form, text quoted where needed, a missing value as an empty field. DataFrame.SaveCsv writes dates in
    /// the culture's long form ("04/02/2014 00:00:00" at best), which spreadsheets read differently by locale.
    /// </summary>
    public static void SaveCsv(DataFrame frame, string path)
    {
        using var w = new StreamWriter(path, false, new System.Text.UTF8Encoding(false));
        AppendCsv(frame, w, header: true);
    }

    /// <summary>
    /// The rows of <paramref name="frame"/> as <see cref="SaveCsv"/> writes them, after a header line when asked: a
    /// table written window by window (<see cref="Corpus.Stream"/>) is the same file as one written whole.
    /// </summary>
    public static void AppendCsv(DataFrame frame, TextWriter w, bool header)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        if (header)
        {
            w.Write(string.Join(",", frame.Columns.Select(c => Field(c.Name))));
            w.Write("\n");
        }
        for (long r = 0; r < frame.Rows.Count; r++)
        {
            w.Write(string.Join(",", frame.Columns.Select(c => c[r] switch
            {
                null => "",
                DateTime d => d.ToString(d.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-ddTHH:mm:ss", inv),
                bool b => b ? "true" : "false",
                double x => x.ToString("R", inv),
                float x => x.ToString("R", inv),
                IFormattable f => f.ToString(null, inv),
                var v => Field(v.ToString() ?? ""),
            })));
            w.Write("\n");
        }
    }

    private static string Field(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    /// <summary>documents.parquet and asks.parquet, column types kept (strings, int32, nullable timestamps).</summary>
    public static Task WriteParquetAsync(Corpus corpus, string dir)
    {
        using var writer = new CorpusTableWriter(dir, "parquet");
        writer.Add(corpus);
        return Task.CompletedTask;
    }

    /// <summary>Writes any frame whose columns are string, int, bool or DateTime.</summary>
    public static async Task WriteParquetAsync(DataFrame frame, string path)
    {
        var fields = ParquetFields(frame);
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields.ToArray<Field>()), stream);
        await WriteRowGroupAsync(writer, fields, frame);
    }

    /// <summary>The Parquet field of each column of <paramref name="frame"/>: string, int, bool or DateTime, each nullable.</summary>
    internal static List<DataField> ParquetFields(DataFrame frame) => frame.Columns.Select(col => col switch
    {
        StringDataFrameColumn => (DataField)new DataField<string>(col.Name, true),
        PrimitiveDataFrameColumn<int> => new DataField<int?>(col.Name),
        PrimitiveDataFrameColumn<bool> => new DataField<bool?>(col.Name),
        PrimitiveDataFrameColumn<DateTime> => new DataField<DateTime?>(col.Name),
        _ => throw new NotSupportedException($"Column '{col.Name}' of type {col.DataType} cannot be written to Parquet."),
    }).ToList();

    /// <summary>One row group holding every row of <paramref name="frame"/>, whose columns match <paramref name="fields"/>.</summary>
    internal static async Task WriteRowGroupAsync(ParquetWriter writer, IReadOnlyList<DataField> fields, DataFrame frame)
    {
        using var group = writer.CreateRowGroup();
        for (var c = 0; c < fields.Count; c++)
        {
            var col = frame.Columns[c];
            var n = (int)col.Length;
            switch (col)
            {
                case StringDataFrameColumn s:
                    await group.WriteAsync((DataField<string>)fields[c], Enumerable.Range(0, n).Select(i => s[i]).ToArray(), null);
                    break;
                case PrimitiveDataFrameColumn<int> i32:
                    await group.WriteAsync<int>((DataField<int?>)fields[c], Enumerable.Range(0, n).Select(i => i32[i]).ToArray().AsMemory());
                    break;
                case PrimitiveDataFrameColumn<bool> b:
                    await group.WriteAsync<bool>((DataField<bool?>)fields[c], Enumerable.Range(0, n).Select(i => b[i]).ToArray().AsMemory());
                    break;
                case PrimitiveDataFrameColumn<DateTime> d:
                    await group.WriteAsync<DateTime>((DataField<DateTime?>)fields[c], Enumerable.Range(0, n).Select(i => d[i]).ToArray().AsMemory());
                    break;
            }
        }
    }
}

/// <summary>
/// Writes documents and asks tables (CSV or Parquet) one window of a corpus at a time, so a corpus loaded with
/// <see cref="Corpus.Stream"/> is written as it loads and never held whole. CSV rows are appended under one header;
/// Parquet gets a row group per window. The files are those <see cref="Corpus.ToCsv"/> and
/// <see cref="Corpus.ToParquet"/> write for the whole corpus (for Parquet, the same rows and columns).
/// </summary>
public sealed class CorpusTableWriter : IDisposable
{
    readonly List<(Func<IReadOnlyList<Document>, DataFrame> Frame, TextWriter? Csv, ParquetWriter? Parquet, Stream? File, List<DataField>? Fields)> tables = [];
    // Parquet writers that hold a row group; one that holds none gets an empty group on closing, as a whole corpus with no rows did.
    readonly HashSet<ParquetWriter> written = [];

    /// <summary>Opens documents and asks files in <paramref name="dir"/>, replacing any there.</summary>
    /// <param name="dir">The folder, created if missing.</param>
    /// <param name="format"><c>csv</c> or <c>parquet</c>.</param>
    public CorpusTableWriter(string dir, string format)
    {
        if (format is not ("csv" or "parquet")) throw new ArgumentException($"unknown table format '{format}' (csv or parquet)", nameof(format));
        Directory.CreateDirectory(dir);
        try { Open(dir, format); }
        catch
        {
            Dispose(); // the file opened before the one that failed
            throw;
        }
    }

    void Open(string dir, string format)
    {
        foreach (var (name, frame) in new (string, Func<IReadOnlyList<Document>, DataFrame>)[] { ("documents", CorpusFrames.Documents), ("asks", CorpusFrames.Asks) })
        {
            var path = Path.Combine(dir, $"{name}.{format}");
            if (format == "csv")
            {
                var w = new StreamWriter(path, false, new System.Text.UTF8Encoding(false));
                CorpusFrames.AppendCsv(frame([]), w, header: true);
                tables.Add((frame, w, null, null, null));
            }
            else
            {
                var fields = CorpusFrames.ParquetFields(frame([]));
                var file = File.Create(path);
                var writer = ParquetWriter.CreateAsync(new ParquetSchema(fields.ToArray<Field>()), file).GetAwaiter().GetResult();
                tables.Add((frame, null, writer, file, fields));
            }
        }
    }

    /// <summary>Appends the window's documents and asks.</summary>
    public void Add(Corpus window)
    {
        foreach (var t in tables)
        {
            var frame = t.Frame(window.Items);
            if (t.Csv is not null) CorpusFrames.AppendCsv(frame, t.Csv, header: false);
            else if (frame.Rows.Count > 0)
            {
                written.Add(t.Parquet!);
                CorpusFrames.WriteRowGroupAsync(t.Parquet!, t.Fields!, frame).GetAwaiter().GetResult();
            }
        }
    }

    /// <summary>Closes the files.</summary>
    public void Dispose()
    {
        foreach (var t in tables)
        {
            t.Csv?.Dispose();
            if (t.Parquet is { } p)
            {
                if (!written.Contains(p)) CorpusFrames.WriteRowGroupAsync(p, t.Fields!, t.Frame([])).GetAwaiter().GetResult();
                p.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
            t.File?.Dispose();
        }
        tables.Clear();
    }
}
