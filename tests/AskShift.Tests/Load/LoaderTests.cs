using System.Text;
using AskShift.Load;

namespace AskShift.Tests.Load;

public class LoaderTests
{
    const string Letter = "Open letter\n\nWe urge the Secretary of State to raise the case of every detained lawyer.\n";

    [Fact]
    public void Every_file_becomes_a_document_or_a_named_error_and_one_bad_file_does_not_stop_the_rest()
    {
        using var dir = new TempDir();
        dir.Write("good.txt", Letter);
        dir.Write("sub/notes.md", Letter.Replace("lawyer", "journalist"));
        dir.Write("empty.txt", "");
        dir.Write("binary.txt", new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00, 0x00, 0x00 });
        dir.Write("broken.pdf", "not a PDF inside");
        dir.Write("ignored.odt", "not read");
        var corpus = Corpus.Load(dir.Path);
        Assert.Equal(["good.txt", "sub/notes.md"], corpus.Items.Select(d => d.File).Order());
        Assert.Contains(corpus.Errors, e => e.File == "empty.txt" && e.Error.StartsWith("empty"));
        Assert.Contains(corpus.Errors, e => e.File == "binary.txt" && e.Error.StartsWith("binary"));
        Assert.Contains(corpus.Errors, e => e.File == "broken.pdf" && e.Error.StartsWith("unreadable PDF"));
        Assert.Equal(3, corpus.Errors.Count);
        var skipped = Assert.Single(corpus.Skipped);
        Assert.Equal("ignored.odt", skipped.File);
        Assert.Contains("unsupported file type '.odt'", skipped.Reason);
    }

    [Fact]
    public void A_corpus_folders_readme_and_licence_are_skipped_with_a_reason_unless_named_explicitly()
    {
        using var dir = new TempDir();
        dir.Write("letter.txt", Letter);
        dir.Write("README.md", "# My corpus\n\nWe urge researchers to cite the collection.\n");
        dir.Write("sub/LICENSE.txt", "Permission is granted.\n");
        dir.Write(".hidden.txt", Letter);
        var corpus = Corpus.Load(dir.Path);
        Assert.Equal(["letter.txt"], corpus.Items.Select(d => d.File));
        Assert.Equal([".hidden.txt", "README.md", "sub/LICENSE.txt"], corpus.Skipped.Select(s => s.File).Order(StringComparer.Ordinal));
        Assert.Contains(corpus.Skipped, s => s.File == "README.md" && s.Reason.Contains("'README*'"));
        Assert.Empty(corpus.Errors);

        // Named on its own, a README is what the user asked for, and custom patterns replace the defaults.
        Assert.Single(Corpus.Load(Path.Combine(dir.Path, "README.md")).Items);
        var custom = Corpus.Load(dir.Path, new CorpusOptions { Exclude = ["letter*"] });
        Assert.Contains(custom.Items, d => d.File == "README.md");
        Assert.Equal(["letter.txt"], custom.Skipped.Select(s => s.File));
    }

    [Fact]
    public void A_file_over_the_size_limit_is_an_error_not_a_crash()
    {
        using var dir = new TempDir();
        dir.Write("huge.txt", new string('x', 5000));
        dir.Write("small.txt", Letter);
        var corpus = Corpus.Load(dir.Path, new CorpusOptions { MaxFileBytes = 1000 });
        var error = Assert.Single(corpus.Errors);
        Assert.Equal("huge.txt", error.File);
        Assert.Contains("too large", error.Error);
        Assert.Single(corpus.Items);
    }

    [Fact]
    public void Windows_1252_falls_back_with_a_warning_and_keeps_curly_quotes()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes("The group\u2019s \u201cwhole of government\u201d approach");
        var r = DocumentReader.Decode(bytes, "a.txt", html: false);
        Assert.Equal("The group\u2019s \u201cwhole of government\u201d approach", r.Text);
        Assert.Contains(r.Warnings, w => w.Contains("Windows-1252"));
    }

    [Fact]
    public void Utf16_with_bom_and_without_bom_decode_to_the_same_text()
    {
        const string text = "美国应该 raise the case of Ilham Tohti.";
        var le = new UnicodeEncoding(false, true);
        var withBom = le.GetPreamble().Concat(le.GetBytes(text)).ToArray();
        Assert.Equal(text, DocumentReader.Decode(withBom, "a.txt", false).Text);
        var noBom = Encoding.Unicode.GetBytes("Plain English text in UTF-16 without a byte order mark.");
        var r = DocumentReader.Decode(noBom, "b.txt", false);
        Assert.Equal("Plain English text in UTF-16 without a byte order mark.", r.Text);
        Assert.Contains(r.Warnings, w => w.Contains("UTF-16"));
    }

    [Fact]
    public void Utf8_bom_is_dropped_so_offsets_start_at_the_first_character()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("Hello")).ToArray();
        var r = DocumentReader.Decode(bytes, "a.txt", false);
        Assert.Equal("Hello", r.Text);
        Assert.Empty(r.Warnings);
    }

    [Fact]
    public void Html_is_read_as_text_without_scripts_and_with_list_items_on_their_own_lines()
    {
        const string html = "<html><head><title>T</title><script>var x = 1;</script></head><body><h1>US should act</h1>" +
                            "<p>The coalition recommended that the US:</p><ul><li>Impose sanctions on officials responsible for abuses;</li>" +
                            "<li>Publicly raise the case of detained lawyers.</li></ul></body></html>";
        var r = DocumentReader.Decode(Encoding.UTF8.GetBytes(html), "page.html", html: true);
        Assert.DoesNotContain("var x", r.Text);
        Assert.Contains("\n• Impose sanctions on officials responsible for abuses;\n", r.Text);
        var corpus = Corpus.FromTexts([("page.html", r.Text!)]);
        Assert.Equal(2, corpus.AllAsks.Count(a => a.Form == AskForm.BulletItem));
    }

    [Fact]
    public void A_missing_path_is_reported_clearly()
    {
        var e = Assert.Throws<FileNotFoundException>(() => Corpus.Load("/no/such/folder/askshift"));
        Assert.Contains("/no/such/folder/askshift", e.Message);
    }

    [Fact]
    public void Several_folders_separated_by_semicolons_load_as_one_corpus_named_from_their_common_parent()
    {
        using var dir = new TempDir();
        dir.Write("seeds/a.txt", "We urge the Secretary of State to raise the case of every detained lawyer.\n");
        dir.Write("corpora/dev/b.txt", "We urge the Secretary of State to raise the case of every detained writer.\n");
        dir.Write("corpora/dev/empty.txt", "");
        var corpus = Corpus.Load(Path.Combine(dir.Path, "seeds") + ";" + Path.Combine(dir.Path, "corpora", "dev"));
        Assert.Equal(["corpora/dev/b.txt", "seeds/a.txt"], corpus.Items.Select(d => d.File).Order());
        Assert.All(corpus.AllAsks, a => Assert.Contains(a.File, corpus.Items.Select(d => d.File)));
        Assert.Equal("corpora/dev/empty.txt", Assert.Single(corpus.Errors).File);
    }
}

public class ReadAtMostTests
{
    /// <summary>A stream that never ends, as a link to /dev/zero reads.</summary>
    sealed class Endless : Stream
    {
        public override int Read(byte[] buffer, int offset, int count) { Array.Fill(buffer, (byte)'a', offset, count); return count; }
        public override bool CanRead => true; public override bool CanSeek => false; public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException(); public override long Position { get => 0; set { } }
        public override void Flush() { } public override long Seek(long o, SeekOrigin s) => throw new NotSupportedException();
        public override void SetLength(long v) { } public override void Write(byte[] b, int o, int c) => throw new NotSupportedException();
    }

    [Theory]
    [InlineData(10_000, 10_000)] // the length the file reports
    [InlineData(10_000, 0)]      // a length of 0 reported for a file that has content
    [InlineData(300_000, 1_000)] // a file that grew after its length was read
    public void Reads_the_whole_stream_whatever_length_was_reported(int size, long hint)
    {
        var data = Enumerable.Range(0, size).Select(i => (byte)(i % 251)).ToArray();
        Assert.Equal(data, AskShift.Load.DocumentReader.ReadAtMost(new MemoryStream(data), 1_000_001, hint));
    }

    [Fact]
    public void A_stream_that_never_ends_stops_at_the_limit()
    {
        Assert.Equal(70_001, AskShift.Load.DocumentReader.ReadAtMost(new Endless(), 70_001, 0).Length);
        Assert.Equal(100, AskShift.Load.DocumentReader.ReadAtMost(new Endless(), 100, 0).Length);
    }
}
