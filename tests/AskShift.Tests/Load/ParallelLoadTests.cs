namespace AskShift.Tests.Load;

/// <summary>Loading in parallel is only faster: the same documents, asks and errors, in the same order, as one at a time.</summary>
public class ParallelLoadTests
{
    private static string Snapshot(Corpus c) => string.Join("\n",
        c.Items.Select(d => $"{d.File}|{d.Date}|{d.DatePrecision}|{d.Administration}|{string.Join(";", d.Organisations)}|" +
                            string.Join("#", d.Asks.Select(a => $"{a.Start}-{a.End}:{a.Form}:{a.Page}")) + "|" + string.Join(";", d.Warnings))
            .Concat(c.Errors.Select(e => $"error {e.File}: {e.Error}"))
            .Concat(c.Skipped.Select(k => $"skipped {k.File}: {k.Reason}")));

    [Fact]
    public void The_development_corpus_loads_the_same_in_parallel_as_sequentially()
    {
        var dir = Path.Combine(RepoPaths.Root, "corpora", "dev", "docs");
        var sequential = Corpus.Load(dir, new CorpusOptions { Parallelism = 1 });
        var parallel = Corpus.Load(dir, new CorpusOptions { Parallelism = 4 });
        Assert.True(sequential.Items.Count > 50);
        Assert.Equal(Snapshot(sequential), Snapshot(parallel));
    }

    [Fact]
    public void Bad_files_are_reported_in_folder_order_whatever_the_parallelism()
    {
        using var dir = new TempDir();
        for (var i = 0; i < 40; i++)
            dir.Write($"f{i:D2}.txt", i % 3 == 0 ? "" : $"We urge the Secretary of State to raise case number {i} with Beijing.\n");
        var a = Corpus.Load(dir.Path, new CorpusOptions { Parallelism = 1 });
        var b = Corpus.Load(dir.Path, new CorpusOptions { Parallelism = 8 });
        // With the reasons, so that a file failing in one run only says why.
        Assert.Equal(a.Errors.Select(e => $"{e.File}: {e.Error}"), b.Errors.Select(e => $"{e.File}: {e.Error}"));
        Assert.Equal(a.Errors.Select(e => e.File).Order(StringComparer.Ordinal), a.Errors.Select(e => e.File));
        Assert.Equal(Snapshot(a), Snapshot(b));
    }
}
