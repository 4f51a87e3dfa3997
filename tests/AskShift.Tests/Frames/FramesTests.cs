using AskShift.Frames;
using Microsoft.Data.Analysis;

namespace AskShift.Tests.Frames;

public class FramesTests
{
    static Corpus Sample() => Corpus.FromTexts([
        ("a.txt", "Published on May 5, 2022\n\nThe United States should sanction officials responsible for the Xinjiang camps. The groups urged Congress to fund Uyghur-language media.\n"),
        ("b.txt", "A note with no date at all.\n"),
    ]);

    [Fact]
    public void Documents_frame_has_typed_snake_case_columns_with_nullable_dates()
    {
        var df = Sample().Documents;
        Assert.Equal(["file", "title", "organisations", "date", "date_precision", "date_evidence", "administration", "addressees", "event", "languages", "people", "ask_count", "warnings", "url", "provenance", "review"],
            df.Columns.Select(c => c.Name));
        Assert.Equal(typeof(DateTime), df.Columns["date"].DataType);
        Assert.Equal(typeof(int), df.Columns["ask_count"].DataType);
        Assert.Equal(new DateTime(2022, 5, 5), df.Columns["date"][0]);
        Assert.Null(df.Columns["date"][1]);
        Assert.Equal("biden", df.Columns["administration"][0]);
        Assert.Equal(2, df.Columns["ask_count"][0]);
    }

    [Fact]
    public void Asks_frame_carries_offsets_forms_and_document_context()
    {
        var df = Sample().Asks;
        Assert.Equal(["file", "ordinal", "text", "start", "end", "form", "analysis_text", "language", "truncated", "page", "review", "reviewed_theme", "administration", "date", "organisations"],
            df.Columns.Select(c => c.Name));
        Assert.Equal(2, df.Rows.Count);
        Assert.Equal("sentence", df.Columns["form"][0]);
        Assert.Equal(typeof(int), df.Columns["start"].DataType);
    }

    [Fact]
    public async Task Csv_and_parquet_exports_are_written_and_read_back()
    {
        using var dir = new TempDir();
        var corpus = Sample();
        corpus.ToCsv(dir.Path);
        var back = DataFrame.LoadCsv(Path.Combine(dir.Path, "asks.csv"));
        Assert.Equal(2, back.Rows.Count);
        Assert.Equal(corpus.AllAsks[0].Text, back.Columns["text"][0]);

        await corpus.ToParquetAsync(dir.Path);
        foreach (var name in new[] { "documents.parquet", "asks.parquet" })
        {
            var bytes = File.ReadAllBytes(Path.Combine(dir.Path, name));
            Assert.Equal("PAR1"u8.ToArray(), bytes[..4]);
            Assert.Equal("PAR1"u8.ToArray(), bytes[^4..]);
        }
        await using var stream = File.OpenRead(Path.Combine(dir.Path, "asks.parquet"));
        await using var reader = await Parquet.ParquetReader.CreateAsync(stream);
        Assert.Equal(15, reader.Schema.DataFields.Length);
        Assert.Equal(2, reader.Metadata!.NumRows);
    }

    [Fact]
    public void Form_codes_use_the_codebook_spelling() =>
        Assert.Equal(["numbered_item", "bullet_item", "sentence", "reported_speech"], Enum.GetValues<AskForm>().Select(CorpusFrames.Code));
}
