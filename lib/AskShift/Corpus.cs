using AskShift.Extract;
using AskShift.Frames;
using AskShift.Load;
using AskShift.Metadata;
using AskShift.Normalise;
using Microsoft.Data.Analysis;

namespace AskShift;

/// <summary>Limits and switches for loading a corpus.</summary>
public sealed record CorpusOptions
{
    /// <summary>Files above this size are reported as errors instead of read: a scrape that big is almost always a mistake.</summary>
    public long MaxFileBytes { get; init; } = 10 * 1024 * 1024;
    /// <summary>Strip lines repeated across documents (site navigation) as chrome; off for a single document.</summary>
    public bool StripRepeatedLines { get; init; } = true;
}

/// <summary>Progress of a load, for a progress bar on stderr.</summary>
public sealed record LoadProgress(int Done, int Total, string File);

/// <summary>
/// The loaded corpus: every input accounted for as a document or an error, with asks and metadata, and the same
/// data as typed DataFrames for notebooks. Entry point of the whole pipeline: <see cref="Load"/>.
/// </summary>
public sealed class Corpus
{
    Corpus(IReadOnlyList<Document> items, IReadOnlyList<LoadError> errors)
    {
        Items = items;
        Errors = errors;
        AllAsks = items.SelectMany(d => d.Asks).ToList();
        _documents = new Lazy<DataFrame>(() => CorpusFrames.Documents(Items));
        _asks = new Lazy<DataFrame>(() => CorpusFrames.Asks(Items));
    }

    readonly Lazy<DataFrame> _documents;
    readonly Lazy<DataFrame> _asks;

    /// <summary>Documents in file order.</summary>
    public IReadOnlyList<Document> Items { get; }
    /// <summary>Inputs that could not be read, each with its reason.</summary>
    public IReadOnlyList<LoadError> Errors { get; }
    /// <summary>Asks counted for analysis: asks of Chinese blocks that translate an English block are left out.</summary>
    public IReadOnlyList<Ask> AllAsks { get; }
    /// <summary>One row per document (see <see cref="CorpusFrames.Documents"/> for columns).</summary>
    public DataFrame Documents => _documents.Value;
    /// <summary>One row per counted ask.</summary>
    public DataFrame Asks => _asks.Value;

    /// <summary>Loads a file or a folder (recursively). One bad file never stops the others.</summary>
    public static Corpus Load(string path, CorpusOptions? options = null, IProgress<LoadProgress>? progress = null)
    {
        options ??= new CorpusOptions();
        var root = Directory.Exists(path) ? Path.GetFullPath(path) : Path.GetDirectoryName(Path.GetFullPath(path))!;
        var files = DocumentReader.Enumerate(path);
        var texts = new List<(string File, string Text, IReadOnlyList<string> Warnings)>();
        var errors = new List<LoadError>();
        for (var i = 0; i < files.Count; i++)
        {
            var rel = Path.GetRelativePath(root, files[i]).Replace('\\', '/');
            var r = DocumentReader.Read(files[i], rel, options.MaxFileBytes);
            if (r.Error != null) errors.Add(new LoadError(rel, r.Error));
            else texts.Add((rel, r.Text!, r.Warnings));
            progress?.Report(new LoadProgress(i + 1, files.Count, rel));
        }
        return Build(texts, errors, options);
    }

    /// <summary>Builds a corpus from in-memory texts (tests, notebooks).</summary>
    public static Corpus FromTexts(IEnumerable<(string File, string Text)> texts, CorpusOptions? options = null) =>
        Build(texts.Select(t => (t.File, t.Text, (IReadOnlyList<string>)[])).ToList(), [], options ?? new CorpusOptions());

    /// <summary>Wraps documents already built (e.g. filtered from another corpus).</summary>
    public static Corpus FromDocuments(IEnumerable<Document> documents, IEnumerable<LoadError>? errors = null) =>
        new(documents.ToList(), (errors ?? []).ToList());

    static Corpus Build(List<(string File, string Text, IReadOnlyList<string> Warnings)> texts, List<LoadError> errors, CorpusOptions options)
    {
        var repeated = options.StripRepeatedLines && texts.Count >= 2 ? Chrome.RepeatedLines(texts.Select(t => t.Text)) : null;
        var docs = new List<Document>();
        foreach (var (file, text, warnings) in texts)
        {
            try { docs.Add(DocumentPipeline.Process(file, text, repeated, warnings)); }
            catch (Exception e) { errors.Add(new LoadError(file, $"failed to process: {e.Message}")); }
        }
        return new Corpus(docs, errors);
    }

    /// <summary>Writes documents.csv and asks.csv into <paramref name="dir"/>.</summary>
    public void ToCsv(string dir) => CorpusFrames.WriteCsv(this, dir);

    /// <summary>Writes documents.parquet and asks.parquet into <paramref name="dir"/>.</summary>
    public Task ToParquetAsync(string dir) => CorpusFrames.WriteParquetAsync(this, dir);

    /// <summary>Synchronous form of <see cref="ToParquetAsync"/> for notebooks.</summary>
    public void ToParquet(string dir) => ToParquetAsync(dir).GetAwaiter().GetResult();
}
