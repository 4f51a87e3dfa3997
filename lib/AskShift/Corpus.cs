using AskShift.Review;
using AskShift.Text;
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
    /// <summary>
    /// File-name patterns (<c>*</c> and <c>?</c> wildcards, case-insensitive) skipped when loading a folder: a corpus
    /// folder often carries its own README or licence, which are about the corpus, not documents of it. Skipped files
    /// are listed in <see cref="Corpus.Skipped"/>, never dropped silently. A file named explicitly is always read.
    /// </summary>
    public IReadOnlyList<string> Exclude { get; init; } = ["README*", "LICENSE*", "LICENCE*", "CHANGELOG*", ".*"];
    /// <summary>
    /// Longest time one document may take to process; past it the file is reported as an error and loading goes on.
    /// Real documents take milliseconds (a 9 MB run-on text about 9 s), so the default only stops runaway input.
    /// </summary>
    public TimeSpan FileTimeLimit { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>
    /// Managed-heap size at which processing of the current document stops with an error naming the file. Defaults to
    /// three quarters of the memory the process may use, at most 4 GB.
    /// </summary>
    public long MemoryLimitBytes { get; init; } = Math.Min(4L << 30, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4 * 3);
    /// <summary>
    /// How many files are read and processed at once. The result does not depend on it (documents, asks and errors
    /// come back in folder order); 1 processes one document after another.
    /// </summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;
    /// <summary>Dates and administrations: the reading day and what counts as the top of a document.</summary>
    public MetadataOptions Metadata { get; init; } = new();

    /// <summary>
    /// A review file to apply (see <see cref="Review.ReviewSheet"/>); null uses <c>review.csv</c> in the corpus folder when
    /// there is one. Relative paths are relative to the corpus folder.
    /// </summary>
    public string? Review { get; init; }

    /// <summary>False loads the machine's extraction only, ignoring any review file: the baseline for agreement figures.</summary>
    public bool ApplyReview { get; init; } = true;

    /// <summary>
    /// Most file bytes <see cref="Corpus.Stream"/> loads at once. A loaded document holds about ten times its text in
    /// memory, so the default 16 MB of plain text comes to about 200 MB.
    /// </summary>
    public long WindowBytes { get; init; } = 16L << 20;

    /// <summary>
    /// Largest corpus (its files' total bytes) <see cref="Corpus.Stream"/> still loads in one window: holding a corpus
    /// this size costs a few gigabytes at most, less than reading every file twice costs in time (windows need a first
    /// pass for the lines repeated across the corpus). 0 always loads in windows.
    /// </summary>
    public long WholeUpToBytes { get; init; } = 256L << 20;
}

/// <summary>A file in a corpus folder that was deliberately not read, with the reason.</summary>
public sealed record SkippedFile(string File, string Reason);

/// <summary>Progress of a load, for a progress bar on stderr.</summary>
/// <param name="Stage"><c>read</c> while files are read and decoded, <c>extract</c> while each document is processed;
/// <c>scan</c> while <see cref="Corpus.Stream"/> reads every file once for the lines repeated across the corpus.</param>
public sealed record LoadProgress(int Done, int Total, string File, string Stage = "read");

/// <summary>
/// The loaded corpus: every input accounted for as a document or an error, with asks and metadata, and the same
/// data as typed DataFrames for notebooks. Entry point of the whole pipeline: <see cref="Load"/>.
/// </summary>
public sealed class Corpus
{
    Corpus(IReadOnlyList<Document> items, IReadOnlyList<LoadError> errors, IReadOnlyList<SkippedFile>? skipped = null)
    {
        Items = items;
        Errors = errors;
        Skipped = skipped ?? [];
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
    /// <summary>Files in the folder that were not read by design (unsupported type, README and the like).</summary>
    public IReadOnlyList<SkippedFile> Skipped { get; }
    /// <summary>Asks counted for analysis: asks of Chinese blocks that translate an English block are left out.</summary>
    public IReadOnlyList<Ask> AllAsks { get; }
    /// <summary>One row per document (see <see cref="CorpusFrames.Documents"/> for columns).</summary>
    public DataFrame Documents => _documents.Value;
    /// <summary>One row per counted ask.</summary>
    public DataFrame Asks => _asks.Value;

    /// <summary>Loads a file or a folder (recursively). One bad file never stops the others.</summary>
    /// <remarks>
    /// Several folders separated by <c>;</c> ("../seeds;../corpora/dev/docs") load as one corpus (see <see cref="LoadMany"/>),
    /// so a notebook parameter can name them all.
    /// </remarks>
    public static Corpus Load(string path, CorpusOptions? options = null, IProgress<LoadProgress>? progress = null)
    {
        if (path.Contains(';') && !Directory.Exists(path) && !File.Exists(path))
            return LoadMany(path.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), options, progress);
        options ??= new CorpusOptions();
        return LoadPlanned(Plan(path, options), options, progress);
    }

    /// <summary>A whole load of a folder already planned (<see cref="Stream"/> plans before it knows whether to load whole).</summary>
    static Corpus LoadPlanned(LoadPlan plan, CorpusOptions options, IProgress<LoadProgress>? progress)
    {
        var readErrors = new List<(int, LoadError)>();
        var texts = ReadFiles(plan, plan.Files, readErrors, options, progress, 0);
        var corpus = Build(texts, [.. plan.Errors], options, plan.Skipped, progress, readErrors);
        if (!plan.AppliesReview) return corpus;
        var failed = corpus.Errors.Select(e => e.File).ToHashSet(StringComparer.Ordinal);
        var (reviewed, summary) = ReviewSheet.Apply(corpus.Items, plan.ReviewPath!, failed);
        return new Corpus(reviewed, corpus.Errors.Concat(summary.Problems).ToList(), corpus.Skipped) { Review = summary };
    }

    /// <summary>
    /// Loads a corpus too large to hold whole, one window of files at a time: each window is a <see cref="Corpus"/> of
    /// its own, in folder order, and is dropped once the caller moves on, so memory follows the window, not the corpus
    /// (a loaded document takes about ten times its text). Every document comes out exactly as <see cref="Load"/> makes
    /// it: lines repeated across the whole corpus are found first, in a pass that reads every file once more and keeps
    /// only the hashes of its lines.
    /// </summary>
    /// <remarks>
    /// The first window carries the folder-level errors and every skipped file; each window's errors are those of its
    /// own files. A corpus whose files total no more than <see cref="CorpusOptions.WholeUpToBytes"/> (or
    /// <see cref="CorpusOptions.WindowBytes"/>) comes back as one window, read once. A review file is applied to the whole corpus at once (its rows may name any
    /// document), so a folder with one applied comes back as one window too. A file that changes between the two passes
    /// is processed as it reads the second time.
    /// </remarks>
    public static IEnumerable<Corpus> Stream(string path, CorpusOptions? options = null, IProgress<LoadProgress>? progress = null)
    {
        options ??= new CorpusOptions();
        if (options.WindowBytes < 1) throw new ArgumentOutOfRangeException(nameof(options), options.WindowBytes, "CorpusOptions.WindowBytes must be at least 1");
        if (!(path.Contains(';') && !Directory.Exists(path) && !File.Exists(path))) return StreamOne(path, options, progress);
        var paths = path.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (paths.Length == 0) throw new ArgumentException("no folder to load", nameof(path));
        var names = Prefixes(paths);
        return paths.SelectMany((p, i) => StreamOne(p, options, progress).Select(w => Renamed(w, names[i])));
    }

    static IEnumerable<Corpus> StreamOne(string path, CorpusOptions options, IProgress<LoadProgress>? progress)
    {
        var plan = Plan(path, options);
        var sizes = plan.Files.Select(SizeOf).ToList();
        if (plan.AppliesReview || sizes.Sum() <= Math.Max(options.WindowBytes, options.WholeUpToBytes))
        {
            yield return LoadPlanned(plan, options, progress);
            yield break;
        }
        var repeated = options.StripRepeatedLines ? ScanRepeatedLines(plan, options, progress) : null;
        var first = true;
        var done = 0;
        for (var start = 0; start < plan.Files.Count;)
        {
            var end = start + 1;
            for (var bytes = sizes[start]; end < plan.Files.Count && bytes + sizes[end] <= options.WindowBytes; end++) bytes += sizes[end];
            var readErrors = new List<(int, LoadError)>();
            var texts = ReadFiles(plan, plan.Files.GetRange(start, end - start), readErrors, options, progress, start, plan.Files.Count);
            var window = Build(texts, first ? [.. plan.Errors] : [], options, first ? plan.Skipped : [], progress, readErrors, (repeated, done, plan.Files.Count));
            done += end - start;
            first = false;
            start = end;
            yield return window;
        }
    }

    static long SizeOf(string file)
    {
        try { return new FileInfo(file).Length; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return 0; }
    }

    /// <summary>
    /// The first pass of <see cref="Stream"/>: every file read and decoded as <see cref="Load"/> reads it, its distinct
    /// line keys hashed and its text let go; files that fail are left to the second pass to report.
    /// </summary>
    static RepeatedLines? ScanRepeatedLines(LoadPlan plan, CorpusOptions options, IProgress<LoadProgress>? progress)
    {
        var files = plan.Files;
        var counter = new RepeatedLines.Counter();
        var scanned = 0;
        // A chunk of files at a time, so the lines of the whole corpus are never held, only their counts.
        const int chunk = 1024;
        for (var start = 0; start < files.Count; start += chunk)
        {
            var perDocument = new ulong[]?[Math.Min(chunk, files.Count - start)];
            Parallel.For(0, perDocument.Length, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism }, i =>
            {
                var file = files[start + i];
                var r = DocumentReader.Read(file, file, options.MaxFileBytes);
                if (r.Error is null) perDocument[i] = RepeatedLines.DistinctLines(r.Text!);
                progress?.Report(new LoadProgress(Interlocked.Increment(ref scanned), files.Count, Path.GetRelativePath(plan.Root, file).Replace('\\', '/'), "scan"));
            });
            foreach (var lines in perDocument.OfType<ulong[]>()) counter.Add(lines);
        }
        return counter.Documents >= 2 ? counter.Result() : null;
    }

    /// <summary>What a folder holds before anything is read: the files to read, the files skipped and why, the folder-level errors.</summary>
    sealed record LoadPlan(string Root, List<string> Files, List<SkippedFile> Skipped, List<LoadError> Errors, MetadataSheet.Sheet? Sheet, string? ReviewPath, bool AppliesReview);

    static LoadPlan Plan(string path, CorpusOptions options)
    {
        // Asked once: in the loop below it was a file-system call per file, 20,000 of them before any file was read.
        var isFolder = Directory.Exists(path);
        var root = isFolder ? Path.GetFullPath(path) : Path.GetDirectoryName(Path.GetFullPath(path))!;
        var files = new List<string>();
        var skipped = new List<SkippedFile>();
        var errors = new List<LoadError>();
        var (all, unreadable) = DocumentReader.Walk(path);
        foreach (var (folder, reason) in unreadable)
            errors.Add(new LoadError(Path.GetRelativePath(root, folder).Replace('\\', '/') + "/", reason));
        // The folder's metadata sheet describes the documents; it is read as such, not as one of them.
        var sheetPath = isFolder ? MetadataSheet.Names.Select(n => Path.Combine(root, n)).FirstOrDefault(File.Exists) : null;
        var reviewPath = options.Review is { } given ? Path.GetFullPath(given, root)
            : isFolder && File.Exists(Path.Combine(root, ReviewSheet.DefaultName)) ? Path.Combine(root, ReviewSheet.DefaultName) : null;
        if (options.Review is not null && !File.Exists(reviewPath))
            errors.Add(new LoadError(options.Review, "the review file given in CorpusOptions.Review does not exist"));
        var sheetFull = sheetPath is null ? null : Path.GetFullPath(sheetPath);
        foreach (var f in all)
        {
            var rel = Path.GetRelativePath(root, f).Replace('\\', '/');
            var full = sheetFull is null && reviewPath is null ? f : Path.GetFullPath(f);
            if (sheetFull is not null && full == sheetFull)
                skipped.Add(new SkippedFile(rel, "the corpus's metadata sheet: read for the documents' metadata, not a document itself"));
            else if (reviewPath is not null && full == reviewPath)
                skipped.Add(new SkippedFile(rel, options.ApplyReview ? "the corpus's review file: applied to the documents, not a document itself" : "the corpus's review file (not applied: CorpusOptions.ApplyReview is false)"));
            else if (isFolder && options.Exclude.FirstOrDefault(p => NameMatches(Path.GetFileName(f), p)) is { } pattern)
                skipped.Add(new SkippedFile(rel, $"excluded by the pattern '{pattern}' (CorpusOptions.Exclude)"));
            else if (!DocumentReader.IsSupported(f))
                skipped.Add(new SkippedFile(rel, $"unsupported file type '{Path.GetExtension(f)}' (reads {DocumentReader.SupportedTypes})"));
            else files.Add(f);
        }
        var sheet = sheetPath is null ? null
            : MetadataSheet.Read(root, files.Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).ToList());
        if (sheet is not null) errors.AddRange(sheet.Problems);
        return new LoadPlan(root, files, skipped, errors, sheet, reviewPath, options.ApplyReview && reviewPath is not null && File.Exists(reviewPath));
    }

    /// <summary>
    /// Reads <paramref name="files"/> in parallel and keeps them in folder order, so the corpus is the same however the
    /// reads interleave; each read error goes to <paramref name="readErrors"/> with the number of texts read before it.
    /// </summary>
    static List<(string File, string Text, IReadOnlyList<string> Warnings, IReadOnlyList<int> Pages, GivenMetadata? Given)> ReadFiles(
        LoadPlan plan, IReadOnlyList<string> files, List<(int Before, LoadError Error)> readErrors, CorpusOptions options, IProgress<LoadProgress>? progress, int doneBefore, int total = -1)
    {
        if (total < 0) total = files.Count;
        var reads = new ReadResult[files.Count];
        var read = doneBefore;
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism }, i =>
        {
            var rel = Path.GetRelativePath(plan.Root, files[i]).Replace('\\', '/');
            reads[i] = DocumentReader.Read(files[i], rel, options.MaxFileBytes);
            progress?.Report(new LoadProgress(Interlocked.Increment(ref read), total, rel));
        });
        var texts = new List<(string File, string Text, IReadOnlyList<string> Warnings, IReadOnlyList<int> Pages, GivenMetadata? Given)>();
        foreach (var r in reads)
        {
            if (r.Error != null) readErrors.Add((texts.Count, new LoadError(r.File, r.Error)));
            else texts.Add((r.File, r.Text!, r.Warnings, r.PageStarts, Merge(r.Given, plan.Sheet?.ByFile.GetValueOrDefault(r.File))));
        }
        return texts;
    }

    /// <summary>What the review file changed (null when none was applied), for the counts a paper reports.</summary>
    public ReviewSummary? Review { get; private init; }

    /// <summary>
    /// Loads several folders (or files) as one corpus. Each is loaded as <see cref="Load"/> loads it (its own metadata
    /// sheet and review file); files are then named relative to the folders' common parent ("seeds/a.txt",
    /// "corpora/dev/docs/b.txt"), so names stay distinct and say where each document came from.
    /// </summary>
    public static Corpus LoadMany(IReadOnlyList<string> paths, CorpusOptions? options = null, IProgress<LoadProgress>? progress = null)
    {
        if (paths.Count == 0) throw new ArgumentException("no folder to load", nameof(paths));
        var names = Prefixes(paths);
        var docs = new List<Document>();
        var errors = new List<LoadError>();
        var skipped = new List<SkippedFile>();
        var reviews = new List<ReviewSummary>();
        for (var i = 0; i < paths.Count; i++)
        {
            var part = Renamed(Load(paths[i], options, progress), names[i]);
            docs.AddRange(part.Items);
            errors.AddRange(part.Errors);
            skipped.AddRange(part.Skipped);
            if (part.Review is { } r) reviews.Add(r);
        }
        return new Corpus(docs, errors, skipped) { Review = reviews.Count == 0 ? null : reviews.Count == 1 ? reviews[0] : Combine(reviews) };
    }

    /// <summary>Each folder's path relative to the folders' common parent ("." for the parent itself).</summary>
    static List<string> Prefixes(IReadOnlyList<string> paths)
    {
        var roots = paths.Select(p => Path.GetFullPath(Directory.Exists(p) ? p : Path.GetDirectoryName(Path.GetFullPath(p))!)).ToList();
        var parent = roots[0];
        while (!roots.All(r => r == parent || r.StartsWith(parent.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            parent = Path.GetDirectoryName(parent) ?? parent;
        return roots.Select(r => Path.GetRelativePath(parent, r).Replace('\\', '/')).ToList();
    }

    /// <summary>The part's files named under <paramref name="prefix"/>, so names from several folders stay distinct.</summary>
    static Corpus Renamed(Corpus part, string prefix)
    {
        if (prefix == ".") return part;
        string Name(string f) => $"{prefix}/{f}";
        return new Corpus(
            part.Items.Select(d => d with { File = Name(d.File), Asks = d.Asks.Select(a => a with { File = Name(a.File) }).ToList() }).ToList(),
            part.Errors.Select(e => e with { File = Name(e.File) }).ToList(),
            part.Skipped.Select(k => k with { File = Name(k.File) }).ToList())
        {
            Review = part.Review is { } r ? r with { File = Name(r.File), Problems = r.Problems.Select(e => e with { File = Name(e.File) }).ToList() } : null,
        };
    }

    static ReviewSummary Combine(List<ReviewSummary> r) => new(string.Join("; ", r.Select(x => x.File)), r.Sum(x => x.Rows), r.Sum(x => x.DocumentsReviewed),
        r.Sum(x => x.AsksConfirmed), r.Sum(x => x.AsksEdited), r.Sum(x => x.AsksDropped), r.Sum(x => x.AsksAdded), r.Sum(x => x.ThemesSet),
        r.Sum(x => x.DatesConfirmed), r.Sum(x => x.DatesChanged), r.Sum(x => x.AdministrationsConfirmed), r.Sum(x => x.AdministrationsChanged),
        r.SelectMany(x => x.Problems).ToList())
    { ThemesCompared = r.Sum(x => x.ThemesCompared), ThemesAgreed = r.Sum(x => x.ThemesAgreed) };

    static bool NameMatches(string name, string pattern) =>
        System.IO.Enumeration.FileSystemName.MatchesSimpleExpression(pattern, name, ignoreCase: true);

    /// <summary>Builds a corpus from in-memory texts (tests, notebooks).</summary>
    public static Corpus FromTexts(IEnumerable<(string File, string Text)> texts, CorpusOptions? options = null) =>
        Build(texts.Select(t => (t.File, t.Text, (IReadOnlyList<string>)[], (IReadOnlyList<int>)[], (GivenMetadata?)null)).ToList(), [], options ?? new CorpusOptions());

    /// <summary>Wraps documents already built (e.g. filtered from another corpus).</summary>
    public static Corpus FromDocuments(IEnumerable<Document> documents, IEnumerable<LoadError>? errors = null) =>
        new(documents.ToList(), (errors ?? []).ToList());

    /// <summary>A sheet row's values win over the file's own front matter, field by field.</summary>
    static GivenMetadata? Merge(GivenMetadata? own, GivenMetadata? sheet) =>
        own is null ? sheet : sheet is null ? own : own with
        {
            Url = sheet.Url ?? own.Url, Title = sheet.Title ?? own.Title, Language = sheet.Language ?? own.Language,
            Organisations = sheet.Organisations ?? own.Organisations, Addressees = sheet.Addressees ?? own.Addressees,
            Administration = sheet.Administration ?? own.Administration,
            Date = sheet.Date ?? own.Date, DatePrecision = sheet.Date is not null ? sheet.DatePrecision : own.DatePrecision,
            Source = sheet.Source,
        };

    // errors: the folder's own errors, which come first; readErrors: files that could not be read, each with the number
    // of texts before it. window: when the texts are one window of a corpus (Stream), the lines repeated across the whole
    // corpus and where the window's progress counts start and end; null finds repeated lines among the texts alone.
    static Corpus Build(List<(string File, string Text, IReadOnlyList<string> Warnings, IReadOnlyList<int> Pages, GivenMetadata? Given)> texts, List<LoadError> errors, CorpusOptions options,
        IReadOnlyList<SkippedFile>? skipped = null, IProgress<LoadProgress>? progress = null, IReadOnlyList<(int Before, LoadError Error)>? readErrors = null,
        (RepeatedLines? Lines, int DoneBefore, int Total)? window = null)
    {
        var done = window?.DoneBefore ?? 0;
        var total = window?.Total ?? texts.Count;
        var repeated = window is { } w ? w.Lines
            : options.StripRepeatedLines && texts.Count >= 2 ? RepeatedLines.Find(texts.Select(t => t.Text).ToList(), options.Parallelism) : null;
        // Documents are independent once repeated lines are known: processed in parallel, collected in input order.
        var built = new Document?[texts.Count];
        var failed = new LoadError?[texts.Count];
        Parallel.For(0, texts.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism }, i =>
        {
            var (file, text, warnings, pages, given) = texts[i];
            try { built[i] = Budget.Run(options.FileTimeLimit, options.MemoryLimitBytes, () => DocumentPipeline.Process(file, text, repeated, warnings, options.Metadata, pages, given)); }
            catch (BudgetExceededException e) { failed[i] = new LoadError(file, e.Message); }
            catch (Exception e) { failed[i] = new LoadError(file, $"failed to process: {e.Message}"); }
            progress?.Report(new LoadProgress(Interlocked.Increment(ref done), total, file, "extract"));
        });
        var docs = built.OfType<Document>().ToList();
        // Errors in folder order: a file that could not be read comes where it lies among the files that could.
        var r = 0;
        readErrors ??= [];
        for (var i = 0; i <= texts.Count; i++)
        {
            for (; r < readErrors.Count && readErrors[r].Before == i; r++) errors.Add(readErrors[r].Error);
            if (i < texts.Count && failed[i] is { } f) errors.Add(f);
        }
        return new Corpus(docs, errors, skipped);
    }

    /// <summary>Writes documents.csv and asks.csv into <paramref name="dir"/>.</summary>
    public void ToCsv(string dir) => CorpusFrames.WriteCsv(this, dir);

    /// <summary>Writes documents.parquet and asks.parquet into <paramref name="dir"/>.</summary>
    public Task ToParquetAsync(string dir) => CorpusFrames.WriteParquetAsync(this, dir);

    /// <summary>Synchronous form of <see cref="ToParquetAsync"/> for notebooks.</summary>
    public void ToParquet(string dir) => ToParquetAsync(dir).GetAwaiter().GetResult();
}
