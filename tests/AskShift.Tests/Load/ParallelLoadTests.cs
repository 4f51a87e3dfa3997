namespace AskShift.Tests.Load;

/// <summary>Loading in parallel is only faster: the same documents, asks and errors, in the same order, as one at a time.</summary>
public class ParallelLoadTests
{
    // The per-file budget measures wall time and the whole process's heap, which other tests running at the same time
    // share: under load a file could run out of budget in one of the two loads and not the other. These tests are
    // about order and sameness, so their loads run without a budget (the budget has tests of its own).
    private static CorpusOptions Unbudgeted(int parallelism) =>
        new() { Parallelism = parallelism, FileTimeLimit = Timeout.InfiniteTimeSpan, MemoryLimitBytes = long.MaxValue };

    private static string Snapshot(Corpus c) => string.Join("\n",
        c.Items.Select(d => $"{d.File}|{d.Date}|{d.DatePrecision}|{d.Administration}|{string.Join(";", d.Organisations)}|" +
                            string.Join("#", d.Asks.Select(a => $"{a.Start}-{a.End}:{a.Form}:{a.Page}")) + "|" + string.Join(";", d.Warnings))
            .Concat(c.Errors.Select(e => $"error {e.File}: {e.Error}"))
            .Concat(c.Skipped.Select(k => $"skipped {k.File}: {k.Reason}")));

    [Fact]
    public void The_development_corpus_loads_the_same_in_parallel_as_sequentially()
    {
        var dir = Path.Combine(RepoPaths.Root, "corpora", "dev", "docs");
        var sequential = Corpus.Load(dir, Unbudgeted(1));
        var parallel = Corpus.Load(dir, Unbudgeted(4));
        Assert.True(sequential.Items.Count > 50);
        Assert.Equal(Snapshot(sequential), Snapshot(parallel));
    }

    [Fact]
    public void Bad_files_are_reported_in_folder_order_whatever_the_parallelism()
    {
        using var dir = new TempDir();
        for (var i = 0; i < 40; i++)
            dir.Write($"f{i:D2}.txt", i % 3 == 0 ? "" : $"We urge the Secretary of State to raise case number {i} with Beijing.\n");
        var a = Corpus.Load(dir.Path, Unbudgeted(1));
        var b = Corpus.Load(dir.Path, Unbudgeted(8));
        // With the reasons, so that a file failing in one run only says why.
        Assert.Equal(a.Errors.Select(e => $"{e.File}: {e.Error}"), b.Errors.Select(e => $"{e.File}: {e.Error}"));
        Assert.Equal(a.Errors.Select(e => e.File).Order(StringComparer.Ordinal), a.Errors.Select(e => e.File));
        Assert.Equal(Snapshot(a), Snapshot(b));
    }

    [Fact]
    public void Web_pages_parsed_on_several_threads_give_the_text_of_one_at_a_time()
    {
        // Each thread keeps its own HTML parser: pages of different shapes parsed side by side must not leak into each other.
        using var dir = new TempDir();
        for (var i = 0; i < 60; i++)
            dir.Write($"p{i:D2}.html", i % 2 == 0
                ? $"<html><head><title>Appeal {i}</title></head><body><nav>Home | About</nav><main><p>We urge the Secretary of State to raise case number {i} with Beijing.</p><p>{new string('x', i)} &amp; more.</p></main></body></html>"
                : $"<html><body><h1>Statement {i}</h1><ul><li>Sanction officials responsible for case {i}.</li><li>Fund Uyghur-language broadcasting &eacute;.</li></ul><footer>Donate</footer></body></html>");
        var a = Corpus.Load(dir.Path, Unbudgeted(1));
        var b = Corpus.Load(dir.Path, Unbudgeted(8));
        Assert.Equal(60, a.Items.Count);
        Assert.Equal(a.Items.Select(d => d.RawText), b.Items.Select(d => d.RawText));
        Assert.Equal(Snapshot(a), Snapshot(b));
    }
}
