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
        Directory.CreateDirectory(dir);
        SaveCsv(corpus.Documents, Path.Combine(dir, "documents.csv"));
        SaveCsv(corpus.Asks, Path.Combine(dir, "asks.csv"));
    }

    /// <summary>
    /// RFC 4180 CSV, the same under every culture: dates as ISO 8601 days (the frames hold dates, not times), numbers
    /// in invariant form, text quoted where needed, a missing value as an empty field. DataFrame.SaveCsv writes dates in
    /// the culture's long form ("04/02/2014 00:00:00" at best), which spreadsheets read differently by locale.
    /// </summary>
    public static void SaveCsv(DataFrame frame, string path)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        using var w = new StreamWriter(path, false, new System.Text.UTF8Encoding(false));
        w.Write(string.Join(",", frame.Columns.Select(c => Field(c.Name))));
        w.Write("\n");
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
    public static async Task WriteParquetAsync(Corpus corpus, string dir)
    {
        Directory.CreateDirectory(dir);
        await WriteParquetAsync(corpus.Documents, Path.Combine(dir, "documents.parquet"));
        await WriteParquetAsync(corpus.Asks, Path.Combine(dir, "asks.parquet"));
    }

    /// <summary>Writes any frame whose columns are string, int, bool or DateTime.</summary>
    public static async Task WriteParquetAsync(DataFrame frame, string path)
    {
        var fields = new List<DataField>();
        var writes = new List<Func<ParquetRowGroupWriter, Task>>();
        foreach (var col in frame.Columns)
        {
            switch (col)
            {
                case StringDataFrameColumn s:
                {
                    var f = new DataField<string>(s.Name, true);
                    var values = Enumerable.Range(0, (int)s.Length).Select(i => s[i]).ToArray();
                    fields.Add(f);
                    writes.Add(g => g.WriteAsync(f, values, null));
                    break;
                }
                case PrimitiveDataFrameColumn<int> n:
                {
                    var f = new DataField<int?>(n.Name);
                    var values = Enumerable.Range(0, (int)n.Length).Select(i => n[i]).ToArray();
                    fields.Add(f);
                    writes.Add(g => g.WriteAsync<int>(f, values.AsMemory()));
                    break;
                }
                case PrimitiveDataFrameColumn<bool> b:
                {
                    var f = new DataField<bool?>(b.Name);
                    var values = Enumerable.Range(0, (int)b.Length).Select(i => b[i]).ToArray();
                    fields.Add(f);
                    writes.Add(g => g.WriteAsync<bool>(f, values.AsMemory()));
                    break;
                }
                case PrimitiveDataFrameColumn<DateTime> d:
                {
                    var f = new DataField<DateTime?>(d.Name);
                    var values = Enumerable.Range(0, (int)d.Length).Select(i => d[i]).ToArray();
                    fields.Add(f);
                    writes.Add(g => g.WriteAsync<DateTime>(f, values.AsMemory()));
                    break;
                }
                default:
                    throw new NotSupportedException($"Column '{col.Name}' of type {col.DataType} cannot be written to Parquet.");
            }
        }
        var schema = new ParquetSchema(fields.ToArray<Field>());
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream);
        using var group = writer.CreateRowGroup();
        foreach (var write in writes) await write(group);
    }
}
