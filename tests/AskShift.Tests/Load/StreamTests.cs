namespace AskShift.Tests.Load;

/// <summary>
/// <see cref="Corpus.Stream"/> loads a corpus window by window so memory follows the window; what it gives must be
/// exactly what <see cref="Corpus.Load"/> gives for the whole folder, window sizes aside.
/// </summary>
public class StreamTests
{
    // As in ParallelLoadTests: no per-file budget, so a loaded machine cannot fail a file in one load and not the other.
    private static CorpusOptions Options(long windowBytes) =>
        new() { WindowBytes = windowBytes, WholeUpToBytes = 0, FileTimeLimit = Timeout.InfiniteTimeSpan, MemoryLimitBytes = long.MaxValue };

    private static string Snapshot(IEnumerable<Document> docs) => string.Join("\n",
        docs.Select(d => $"{d.File}|{d.Title}|{d.Date}|{d.DatePrecision}|{d.Administration}|{string.Join(";", d.Organisations)}|" +
                         $"{string.Join(";", d.Chrome.Select(c => $"{c.Start}-{c.End}"))}|" +
                         string.Join("#", d.Asks.Select(a => $"{a.File}:{a.Ordinal}:{a.Start}-{a.End}:{a.Form}:{a.Text}")) + "|" + string.Join(";", d.Warnings)));

    private static string Problems(IEnumerable<Corpus> windows) => string.Join("\n",
        windows.SelectMany(w => w.Errors).Select(e => $"error {e.File}: {e.Error}").Concat(windows.SelectMany(w => w.Skipped).Select(k => $"skipped {k.File}: {k.Reason}")));

    /// <summary>
    /// Pages of one site share a line that is chrome only because it repeats (a sentence of six words). Each page is a
    /// window of its own here, so the line is repeated only across windows: the first pass must find it, or each page
    /// would keep it as text (and as its title).
    /// </summary>
    static TempDir SiteFolder()
    {
        var dir = new TempDir();
        for (var i = 0; i < 6; i++)
            dir.Write($"page{i}.txt", $"Read our latest report on Xinjiang.\n\nMarch {i + 2}, 2021\n\nWe urge the Biden administration to raise case number {i} with Beijing.\n");
        dir.Write("page2b.txt", "");
        dir.Write("README.md", "About this folder.\n");
        dir.Write("notes.xyz", "not a document");
        return dir;
    }

    [Fact]
    public void Windows_of_one_file_give_the_documents_errors_and_skipped_files_of_a_whole_load()
    {
        using var dir = SiteFolder();
        var whole = Corpus.Load(dir.Path, Options(1));
        var windows = Corpus.Stream(dir.Path, Options(1)).ToList();
        Assert.Equal(7, windows.Count); // six pages and the empty file, one window each
        Assert.Equal(Snapshot(whole.Items), Snapshot(windows.SelectMany(w => w.Items)));
        Assert.Equal(Problems([whole]), Problems(windows));
        Assert.Equal(2, windows[0].Skipped.Count); // skipped files come with the first window
        Assert.All(windows.Skip(1), w => Assert.Empty(w.Skipped));
        // The repeated line is chrome in every page, though no window holds two pages.
        Assert.All(windows.SelectMany(w => w.Items), d => Assert.Equal("Read our latest report on Xinjiang.", d.RawText[d.Chrome[0].Start..d.Chrome[0].End]));
    }

    [Theory]
    [InlineData(1 << 20, 0)] // the corpus fits in one window
    [InlineData(1, 1 << 20)] // windows of a byte, but the corpus is small enough to hold whole
    public void A_corpus_within_one_window_is_read_once_as_a_whole_load(long windowBytes, long wholeUpTo)
    {
        using var dir = SiteFolder();
        var progress = new List<string>();
        var windows = Corpus.Stream(dir.Path, Options(windowBytes) with { WholeUpToBytes = wholeUpTo }, new SyncProgress(p => progress.Add(p.Stage))).ToList();
        var window = Assert.Single(windows);
        Assert.Equal(Snapshot(Corpus.Load(dir.Path, Options(1 << 20)).Items), Snapshot(window.Items));
        Assert.DoesNotContain("scan", progress);
        Assert.Equal(7, progress.Count(s => s == "read"));
    }

    [Fact]
    public void Windows_report_the_scan_then_each_file_read_and_processed_once()
    {
        using var dir = SiteFolder();
        var progress = new List<LoadProgress>();
        var windows = Corpus.Stream(dir.Path, Options(1), new SyncProgress(progress.Add)).ToList();
        Assert.Equal(7, progress.Count(p => p.Stage == "scan"));
        Assert.Equal(Enumerable.Range(1, 7), progress.Where(p => p.Stage == "read").Select(p => p.Done).Order());
        Assert.All(progress, p => Assert.Equal(7, p.Total));
        Assert.Equal(6, progress.Count(p => p.Stage == "extract"));
    }

    [Fact]
    public void The_development_corpus_streams_in_small_windows_as_it_loads_whole()
    {
        var dir = Path.Combine(RepoPaths.Root, "corpora", "dev", "docs");
        var whole = Corpus.Load(dir, Options(1L << 30));
        var windows = Corpus.Stream(dir, Options(16 * 1024)).ToList();
        Assert.True(windows.Count > 10, $"{windows.Count} windows");
        Assert.Equal(Snapshot(whole.Items), Snapshot(windows.SelectMany(w => w.Items)));
        Assert.Equal(Problems([whole]), Problems(windows));
    }

    [Fact]
    public void Several_folders_stream_under_the_names_a_load_of_them_gives()
    {
        using var dir = new TempDir();
        dir.Write("a/one.txt", "We urge the Secretary of State to raise the case of Ilham Tohti.\n");
        dir.Write("a/two.txt", "");
        dir.Write("b/three.txt", "Congress must pass the Uyghur Forced Labor Prevention Act.\n");
        var paths = $"{Path.Combine(dir.Path, "a")};{Path.Combine(dir.Path, "b")}";
        var whole = Corpus.Load(paths, Options(1));
        var windows = Corpus.Stream(paths, Options(1)).ToList();
        Assert.Equal(["a/one.txt", "b/three.txt"], windows.SelectMany(w => w.Items).Select(d => d.File));
        Assert.Equal(Snapshot(whole.Items), Snapshot(windows.SelectMany(w => w.Items)));
        Assert.Equal(Problems([whole]), Problems(windows));
    }

    [Fact]
    public void A_folder_with_a_review_file_comes_back_whole_with_the_review_applied()
    {
        using var dir = new TempDir();
        dir.Write("one.txt", "We urge the Secretary of State to raise the case of Ilham Tohti.\n");
        dir.Write("two.txt", "Congress must pass the Uyghur Forced Labor Prevention Act.\n");
        var first = Corpus.Load(dir.Path, Options(1));
        AskShift.Review.ReviewSheet.Export(first, Path.Combine(dir.Path, AskShift.Review.ReviewSheet.DefaultName));
        var window = Assert.Single(Corpus.Stream(dir.Path, Options(1)));
        Assert.NotNull(window.Review);
        Assert.Equal(Snapshot(Corpus.Load(dir.Path, Options(1)).Items), Snapshot(window.Items));
    }

    [Fact]
    public void A_window_below_one_byte_is_refused()
    {
        using var dir = SiteFolder();
        Assert.Throws<ArgumentOutOfRangeException>(() => Corpus.Stream(dir.Path, Options(0)));
    }

    [Fact]
    public void Errors_come_in_folder_order_whether_a_file_failed_to_read_or_to_process()
    {
        using var dir = new TempDir();
        dir.Write("a.txt", "We urge the Secretary of State to raise the case of Ilham Tohti.\n");
        dir.Write("b.txt", "");
        dir.Write("c.txt", "Congress must pass the Uyghur Forced Labor Prevention Act.\n");
        // A memory allowance nothing fits in: every document that is read fails while it is processed.
        var options = new CorpusOptions { MemoryLimitBytes = 1, FileTimeLimit = Timeout.InfiniteTimeSpan };
        var whole = Corpus.Load(dir.Path, options);
        Assert.Equal(["a.txt", "b.txt", "c.txt"], whole.Errors.Select(e => e.File));
        Assert.Equal(whole.Errors.Select(e => $"{e.File}: {e.Error}"), Corpus.Stream(dir.Path, options with { WindowBytes = 1, WholeUpToBytes = 0 }).SelectMany(w => w.Errors).Select(e => $"{e.File}: {e.Error}"));
    }

    // Reports come from the loading threads; the lock keeps the list whole.
    sealed class SyncProgress(Action<LoadProgress> report) : IProgress<LoadProgress>
    {
        public void Report(LoadProgress p)
        {
            lock (this) report(p);
        }
    }
}
