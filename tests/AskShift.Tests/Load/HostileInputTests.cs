using System.Diagnostics;
using System.Text;
using AskShift.Load;

namespace AskShift.Tests.Load;

/// <summary>Loader inputs that used to crash, hang or mislead (issue 14), each generated here, none committed.</summary>
public class HostileInputTests
{
    static HostileInputTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    const string Letter = "Open letter\n\nWe urge the Secretary of State to raise the case of every detained lawyer.\n";

    static void MakeFifo(string path)
    {
        using var p = Process.Start("mkfifo", [path]);
        p.WaitForExit();
    }

    [Fact]
    public void Deeply_nested_html_loads_without_overflowing_the_stack()
    {
        var html = new StringBuilder("<html><body>");
        for (var i = 0; i < 30_000; i++) html.Append("<div>");
        html.Append("<p>We urge the United States to impose sanctions on the officials responsible.</p>");
        for (var i = 0; i < 30_000; i++) html.Append("</div>");
        html.Append("</body></html>");
        // On a thread with a small stack (256 KB), as a worker thread may have: a walk whose depth follows the page's
        // nesting overflows it and takes the process down; an iterative walk does not.
        ReadResult? r = null;
        var worker = new Thread(() => r = DocumentReader.Decode(Encoding.UTF8.GetBytes(html.ToString()), "deep.html", html: true), 256 * 1024);
        worker.Start();
        worker.Join();
        Assert.NotNull(r);
        Assert.Null(r!.Error);
        Assert.Contains("impose sanctions on the officials responsible", r.Text);
    }

    [Fact]
    public void A_symlink_loop_is_followed_once_and_files_are_read_once()
    {
        using var dir = new TempDir();
        dir.Write("a.txt", Letter);
        dir.Write("sub/b.txt", Letter.Replace("lawyer", "writer"));
        Directory.CreateSymbolicLink(Path.Combine(dir.Path, "sub", "loop"), dir.Path);
        var corpus = Corpus.Load(dir.Path);
        Assert.Equal(["a.txt", "sub/b.txt"], corpus.Items.Select(d => d.File).Order(StringComparer.Ordinal));
        Assert.Empty(corpus.Errors);
    }

    [Fact]
    public void A_link_to_an_endless_device_is_an_error_not_an_out_of_memory()
    {
        using var dir = new TempDir();
        dir.Write("a.txt", Letter);
        File.CreateSymbolicLink(Path.Combine(dir.Path, "zero.txt"), "/dev/zero");
        var corpus = Corpus.Load(dir.Path, new CorpusOptions { MaxFileBytes = 1 << 20 });
        Assert.Single(corpus.Items);
        Assert.Contains(corpus.Errors, e => e.File == "zero.txt" && e.Error.StartsWith("too large"));
    }

    [Fact]
    public void A_named_pipe_is_reported_instead_of_hanging_the_load()
    {
        using var dir = new TempDir();
        var corpus = LoadBesidePipe(dir, "pipe.txt", linkName: null, TimeSpan.FromSeconds(30));
        Assert.Single(corpus.Items);
        Assert.Contains(corpus.Errors, e => e.File == "pipe.txt" && e.Error.StartsWith("not a regular file"));
    }

    /// <summary>
    /// Loads a folder holding a letter and a named pipe (reached through a symbolic link named <paramref name="linkName"/>
    /// when one is given), failing if the load does not finish within <paramref name="limit"/>.
    /// </summary>
    static Corpus LoadBesidePipe(TempDir dir, string pipeName, string? linkName, TimeSpan limit)
    {
        dir.Write("a.txt", Letter);
        var fifo = Path.Combine(dir.Path, pipeName);
        MakeFifo(fifo);
        if (linkName is not null) File.CreateSymbolicLink(Path.Combine(dir.Path, linkName), fifo);
        var load = Task.Run(() => Corpus.Load(dir.Path));
        Assert.True(load.Wait(limit), $"the load hung on {linkName ?? pipeName}");
        return load.Result;
    }

    [Fact]
    public void Files_are_not_taken_for_pipes_while_the_thread_pool_is_busy()
    {
        // Other work holding every pool thread (tests running side by side, a parallel load's own workers) must not make
        // a file that opens at once look like a pipe that never opens: CI once reported a plain letter as "not a regular
        // file" that way. The held items outnumber the threads the pool can add within the open timeout, and are let go
        // as soon as the reads return.
        using var dir = new TempDir();
        dir.Write("a.txt", Letter);
        dir.Write("empty.txt", "");
        var released = 0;
        for (var i = 0; i < 64; i++)
            ThreadPool.QueueUserWorkItem(_ =>
            {
                for (var t = 0; t < 600 && Volatile.Read(ref released) == 0; t++) Thread.Sleep(50);
            });
        try
        {
            // Read on a thread outside the pool, as the test runner's or a caller's own thread may be: anything the read
            // hands to the pool queues behind the held items.
            ReadResult? full = null, empty = null;
            var reader = new Thread(() =>
            {
                full = DocumentReader.Read(Path.Combine(dir.Path, "a.txt"), "a.txt", 1 << 20);
                empty = DocumentReader.Read(Path.Combine(dir.Path, "empty.txt"), "empty.txt", 1 << 20);
            });
            reader.Start();
            reader.Join();
            Assert.Null(full!.Error);
            Assert.StartsWith("empty", empty!.Error);
        }
        finally { Volatile.Write(ref released, 1); }
    }

    [Fact]
    public void A_link_to_a_named_pipe_is_reported_instead_of_hanging_the_load()
    {
        // The link's own length is that of the path it holds, so only its target tells a pipe from a file.
        using var dir = new TempDir();
        var corpus = LoadBesidePipe(dir, "pipe", linkName: "link.txt", TimeSpan.FromSeconds(60));
        Assert.Equal(["a.txt"], corpus.Items.Select(d => d.File));
        Assert.Contains(corpus.Errors, e => e.File == "link.txt" && e.Error.StartsWith("not a regular file"));
    }

    [Fact]
    public void A_pipe_opened_after_its_timeout_is_closed_not_leaked()
    {
        using var dir = new TempDir();
        var fifo = Path.Combine(dir.Path, "pipe.txt");
        MakeFifo(fifo);
        Assert.StartsWith("not a regular file", DocumentReader.Read(fifo, "pipe.txt", 1 << 20).Error);
        // A writer arriving late lets the reader's pending open finish; the loader must then close that end, so the
        // writer sees a broken pipe instead of writing into a handle nobody will ever read or close.
        using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
        var clock = Stopwatch.StartNew();
        var broken = false;
        while (!broken && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            try { writer.Write([1]); Thread.Sleep(20); }
            catch (IOException) { broken = true; }
        }
        Assert.True(broken);
    }

    [Fact]
    public void An_unreadable_subfolder_is_reported_and_the_rest_loads()
    {
        if (Environment.UserName == "root") return; // root reads every folder; the permission cannot be taken away
        using var dir = new TempDir();
        dir.Write("a.txt", Letter);
        dir.Write("locked/b.txt", Letter);
        File.SetUnixFileMode(Path.Combine(dir.Path, "locked"), UnixFileMode.None);
        try
        {
            var corpus = Corpus.Load(dir.Path);
            Assert.Single(corpus.Items);
            Assert.Contains(corpus.Errors, e => e.File.StartsWith("locked") && e.Error.StartsWith("unreadable folder"));
        }
        finally { File.SetUnixFileMode(Path.Combine(dir.Path, "locked"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute); }
    }

    [Theory]
    [InlineData(54936, "GB18030")]
    [InlineData(950, "Big5")]
    public void Chinese_in_gb18030_or_big5_is_detected_and_said(int codePage, string expected)
    {
        const string zh = "人权观察今天发表声明，呼吁美国政府在与中国领导人会面时提出被拘留律师的案件，并要求释放所有因和平表达而入狱的人士。" +
                          "声明还敦促国会通过相关法案，对负责镇压的官员实施制裁，并支持公民社会和人权捍卫者的工作。";
        var text = codePage == 950 ? zh.Replace("权", "權").Replace("观", "觀").Replace("发", "發").Replace("声", "聲").Replace("吁", "籲").Replace("国", "國")
            .Replace("与", "與").Replace("导", "導").Replace("时", "時").Replace("提", "提").Replace("拘", "拘").Replace("师", "師").Replace("释", "釋")
            .Replace("为", "為").Replace("狱", "獄").Replace("还", "還").Replace("会", "會").Replace("过", "過").Replace("关", "關").Replace("负", "負")
            .Replace("责", "責").Replace("镇", "鎮").Replace("员", "員").Replace("实", "實").Replace("施", "施").Replace("裁", "裁").Replace("持", "持")
            .Replace("卫", "衛").Replace("们", "們").Replace("达", "達").Replace("对", "對") : zh;
        var bytes = Encoding.GetEncoding(codePage).GetBytes(text + "\n" + text + "\n");
        var r = DocumentReader.Decode(bytes, "zh.txt", html: false);
        Assert.Null(r.Error);
        Assert.Contains(text[..10], r.Text);
        Assert.Contains(r.Warnings, w => w.Contains("detected") && w.Contains(expected, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void One_invalid_byte_in_utf8_spoils_that_byte_not_the_file()
    {
        var bytes = Encoding.UTF8.GetBytes("Café statement — we urge Washington to act now on the detentions of “lawyers”.\n").ToList();
        bytes.Insert(20, 0xFF);
        var r = DocumentReader.Decode(bytes.ToArray(), "a.txt", html: false);
        Assert.Contains("Café", r.Text);
        Assert.Contains("“lawyers”", r.Text);
        Assert.Contains(r.Warnings, w => w.Contains("1 invalid byte"));
        var bom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(bytes).ToArray();
        var withBom = DocumentReader.Decode(bom, "b.txt", html: false);
        Assert.Null(withBom.Error);
        Assert.Contains("Café", withBom.Text);
    }

    [Fact]
    public void Random_high_bytes_are_not_loaded_as_a_document()
    {
        var rng = new Random(7);
        var bytes = new byte[5000];
        for (var i = 0; i < bytes.Length; i++) bytes[i] = (byte)rng.Next(0x80, 0x100);
        var r = DocumentReader.Decode(bytes, "noise.txt", html: false);
        Assert.NotNull(r.Error);
    }

    [Fact]
    public void A_document_past_its_time_limit_is_an_error_naming_the_limit_and_the_rest_loads()
    {
        var clause = "we urge the Secretary of State to press for the release of every detained lawyer";
        var runOn = string.Join(" and ", Enumerable.Repeat(clause, 40_000)); // 3.3 MB on one line: seconds of work, optimised or not
        var corpus = Corpus.FromTexts([("runon.txt", runOn), ("letter.txt", Letter)],
            // One at a time: the run-on warms the pipeline up, so the letter after it finishes well inside the limit.
            new CorpusOptions { FileTimeLimit = TimeSpan.FromMilliseconds(300), StripRepeatedLines = false, Parallelism = 1 });
        var error = Assert.Single(corpus.Errors);
        Assert.Equal("runon.txt", error.File);
        Assert.Contains("CorpusOptions.FileTimeLimit", error.Error);
        Assert.Equal("letter.txt", Assert.Single(corpus.Items).File);
    }

    [Fact]
    public void A_document_past_the_memory_limit_is_an_error_naming_the_limit()
    {
        var corpus = Corpus.FromTexts([("letter.txt", Letter)], new CorpusOptions { MemoryLimitBytes = 1 });
        var error = Assert.Single(corpus.Errors);
        Assert.Equal("letter.txt", error.File);
        Assert.Contains("CorpusOptions.MemoryLimitBytes", error.Error);
        Assert.Empty(corpus.Items);
    }

    /// <summary>
    /// Issue 14's "Done when": one folder holding every hostile input at once, through the command a researcher runs
    /// first. The run completes, every file is a document, an error with its reason or a skip with its reason, and
    /// the good letters load as if the rest were not there.
    /// </summary>
    [Fact]
    public void A_folder_of_every_hostile_file_at_once_loads_the_good_ones_and_accounts_for_each_of_the_rest()
    {
        using var dir = new TempDir();
        dir.Write("good-1.txt", Letter);
        dir.Write("good-2.md", Letter.Replace("lawyer", "journalist"));
        var deep = new StringBuilder("<html><body>");
        for (var i = 0; i < 30_000; i++) deep.Append("<div>");
        deep.Append("<p>We urge the United States to impose sanctions on the officials responsible.</p>");
        dir.Write("deep.html", deep.ToString());
        dir.Write("runon.txt", string.Concat(Enumerable.Repeat("we urge the administration to press China to release the lawyers and ", 1500)));
        dir.Write("gb18030.txt", Encoding.GetEncoding(54936).GetBytes("人权观察呼吁美国政府要求中国释放被拘留的律师。\n人权观察呼吁美国政府要求中国释放被拘留的律师。\n"));
        var invalid = Encoding.UTF8.GetBytes(Letter).ToList();
        invalid.Insert(12, 0xFF);
        dir.Write("one-bad-byte.txt", invalid.ToArray());
        dir.Write("utf16-no-bom.txt", Encoding.Unicode.GetBytes(Letter));
        var rng = new Random(11);
        dir.Write("noise.txt", Enumerable.Range(0, 5000).Select(_ => (byte)rng.Next(0x80, 0x100)).ToArray());
        dir.Write("binary.txt", [0x00, 0x01, 0x02, 0x00, 0xFF, 0x00, 0x10, 0x00]);
        dir.Write("empty.txt", "");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "zero.txt"), "/dev/zero");
        MakeFifo(Path.Combine(dir.Path, "pipe.txt"));
        Directory.CreateDirectory(Path.Combine(dir.Path, "sub"));
        dir.Write("sub/good-3.txt", Letter.Replace("lawyer", "writer"));
        Directory.CreateSymbolicLink(Path.Combine(dir.Path, "sub", "loop"), dir.Path);
        dir.Write("photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0]);

        var stdout = new StringWriter();
        var code = AskShift.Cli.ExtractCommand.Run(dir.Path, json: true, stdout, new StringWriter());

        Assert.Equal(0, code);
        using var json = System.Text.Json.JsonDocument.Parse(stdout.ToString());
        string[] Files(string kind) => json.RootElement.GetProperty(kind).EnumerateArray().Select(e => e.GetProperty("file").GetString()!).ToArray();
        var documents = Files("documents");
        var errors = json.RootElement.GetProperty("errors").EnumerateArray()
            .ToDictionary(e => e.GetProperty("file").GetString()!, e => e.GetProperty("error").GetString()!);
        var skipped = Files("skipped");
        // Every file once, whatever happened to it (the loop's copies are not files of their own).
        Assert.Equal(
            ["binary.txt", "deep.html", "empty.txt", "gb18030.txt", "good-1.txt", "good-2.md", "noise.txt", "one-bad-byte.txt",
             "photo.jpg", "pipe.txt", "runon.txt", "sub/good-3.txt", "utf16-no-bom.txt", "zero.txt"],
            documents.Concat(errors.Keys).Concat(skipped).Order(StringComparer.Ordinal));
        Assert.Subset(documents.ToHashSet(), new HashSet<string> { "good-1.txt", "good-2.md", "sub/good-3.txt", "deep.html", "runon.txt", "gb18030.txt", "one-bad-byte.txt", "utf16-no-bom.txt" });
        Assert.Equal(["binary.txt", "empty.txt", "noise.txt", "pipe.txt", "zero.txt"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(errors.Values, reason => Assert.False(string.IsNullOrWhiteSpace(reason)));
        Assert.Equal(["photo.jpg"], skipped);
    }
}
