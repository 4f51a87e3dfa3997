using System.Text;
using System.Text.Json;
using AskShift.Cli;

namespace AskShift.Tests.Cli;

public class ExtractCommandTests
{
    /// <summary>
    /// The --json shape is an interface other tools parse: its field names and their order stay as published (2026-11,
    /// when the shape moved from anonymous types to records with a generated serialiser so a native build writes it).
    /// </summary>
    [Fact]
    public void Json_output_keeps_its_published_fields_in_order()
    {
        using var dir = LetterFolder();
        var stdout = new StringWriter();
        Assert.Equal(0, ExtractCommand.Run(dir.Path, json: true, stdout, new StringWriter()));
        using var json = JsonDocument.Parse(stdout.ToString());
        static string Names(JsonElement e) => string.Join(",", e.EnumerateObject().Select(p => p.Name));
        Assert.Equal("documents,asks,errors,skipped", Names(json.RootElement));
        Assert.Equal("file,title,organisations,date,datePrecision,dateEvidence,administration,administrationEvidence,addressees,languages,warnings,url,provenance,reviewed",
            Names(json.RootElement.GetProperty("documents")[0]));
        Assert.Equal("file,ordinal,text,start,end,form,language,truncated,page,review,theme", Names(json.RootElement.GetProperty("asks")[0]));
        Assert.Equal("file,error", Names(json.RootElement.GetProperty("errors")[0]));
        Assert.Equal("file,reason", Names(json.RootElement.GetProperty("skipped")[0]));
        Assert.Contains("\"provenance\":{\"addressees\":\"text\"", stdout.ToString()); // a dictionary, keys in order, not escaped
    }

    /// <summary>A letter in a subfolder, an empty file (an error) and a README (skipped): one of each kind of entry.</summary>
    static TempDir LetterFolder()
    {
        var dir = new TempDir();
        dir.Write("letters/one.txt", "Published on April 2, 2014\n\nThe Obama administration should raise the case of Ilham Tohti.\n");
        dir.Write("empty.md", "");
        dir.Write("README.md", "About these letters.\n");
        return dir;
    }

    [Fact]
    public void Json_output_is_one_object_with_documents_asks_and_errors_and_relative_files()
    {
        using var dir = LetterFolder();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = ExtractCommand.Run(dir.Path, json: true, stdout, stderr);
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout.ToString());
        var doc = Assert.Single(json.RootElement.GetProperty("documents").EnumerateArray());
        Assert.Equal("letters/one.txt", doc.GetProperty("file").GetString());
        Assert.Equal("2014-04-02", doc.GetProperty("date").GetString());
        Assert.Equal("day", doc.GetProperty("datePrecision").GetString());
        Assert.Equal("obama", doc.GetProperty("administration").GetString());
        Assert.Equal(JsonValueKind.Array, doc.GetProperty("organisations").ValueKind);
        var ask = Assert.Single(json.RootElement.GetProperty("asks").EnumerateArray());
        Assert.Equal("sentence", ask.GetProperty("form").GetString());
        Assert.Equal(1, ask.GetProperty("ordinal").GetInt32());
        Assert.StartsWith("should raise", ask.GetProperty("text").GetString());
        var error = Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal("empty.md", error.GetProperty("file").GetString());
        var skipped = Assert.Single(json.RootElement.GetProperty("skipped").EnumerateArray());
        Assert.Equal("README.md", skipped.GetProperty("file").GetString());
        Assert.False(string.IsNullOrEmpty(skipped.GetProperty("reason").GetString()));
        // stderr is not a terminal here: one summary line, no line per file.
        Assert.StartsWith("askshift extract: 1 documents, 1 asks, 1 errors, 1 skipped in ", stderr.ToString());
        Assert.DoesNotContain("letters/one.txt", stderr.ToString());
    }

    [Fact]
    public void Json_streamed_to_the_process_stdout_is_byte_for_byte_the_json_written_to_a_writer()
    {
        using var dir = new TempDir();
        dir.Write("one.txt", "Published on April 2, 2014\n\nThe Obama administration should raise the case of “Ilham Tohti”.\n");
        dir.Write("zh.txt", "2023年6月16日\n\n人权组织要求拜登政府对新疆官员实施制裁。\n");
        var expected = new StringWriter();
        Assert.Equal(0, ExtractCommand.Run(dir.Path, json: true, expected, new StringWriter(), quiet: true));
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "askshift.dll"), "extract", dir.Path, "--json", "-q"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        using var bytes = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(bytes);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        Assert.Equal(Encoding.UTF8.GetBytes(expected.ToString()), bytes.ToArray());
    }

    [Theory]
    [InlineData("csv", new[] { "asks.csv", "documents.csv", "problems.csv" })]
    [InlineData("parquet", new[] { "asks.parquet", "documents.parquet", "problems.csv" })]
    [InlineData("json", new[] { "corpus.json" })]
    public void Output_folder_gets_the_files_of_the_format_and_nothing_half_written(string format, string[] expected)
    {
        using var dir = new TempDir();
        dir.Write("docs/one.txt", "Published on April 2, 2014\n\nThe Obama administration should raise the case of Ilham Tohti.\n");
        dir.Write("docs/empty.md", "");
        var outDir = Path.Combine(dir.Path, "out");
        var stderr = new StringWriter();
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE"); // output stays invariant
        try { Assert.Equal(0, ExtractCommand.Run(Path.Combine(dir.Path, "docs"), false, new StringWriter(), stderr, outDir, format)); }
        finally { System.Globalization.CultureInfo.CurrentCulture = previous; }
        Assert.Equal(expected, Directory.GetFileSystemEntries(outDir).Select(Path.GetFileName).Order());
        if (format == "csv")
        {
            var asks = File.ReadAllText(Path.Combine(outDir, "asks.csv"));
            Assert.Contains("Ilham Tohti", asks);
            Assert.Contains(",2014-04-02,day,", File.ReadAllText(Path.Combine(outDir, "documents.csv"))); // ISO, not 02.04.2014
        }
        if (format != "json")
            Assert.Equal("file,kind,reason\n\"empty.md\",error,\"empty: the file has no content\"\n", File.ReadAllText(Path.Combine(outDir, "problems.csv")));
        Assert.Contains($"wrote {format} files", stderr.ToString());
    }

    [Fact]
    public void Quiet_prints_nothing_on_stderr_and_json_with_output_is_refused()
    {
        using var dir = new TempDir();
        dir.Write("a.txt", "Congress must pass the act.\n");
        var stderr = new StringWriter();
        Assert.Equal(0, ExtractCommand.Run(dir.Path, true, new StringWriter(), stderr, quiet: true));
        Assert.Equal("", stderr.ToString());
        Assert.Equal(2, ExtractCommand.Run(dir.Path, true, new StringWriter(), stderr, Path.Combine(dir.Path, "out"), "csv"));
        Assert.Contains("pick one", stderr.ToString());
    }

    [Fact]
    public void Without_json_a_summary_table_is_printed()
    {
        using var dir = new TempDir();
        dir.Write("a.txt", "Congress must pass the act. The State Department should issue visas to activists at risk.\n");
        var stdout = new StringWriter();
        Assert.Equal(0, ExtractCommand.Run(dir.Path, json: false, stdout, new StringWriter()));
        Assert.Contains("a.txt", stdout.ToString());
        Assert.Contains("1 documents, 2 asks, 0 errors", stdout.ToString());
    }

    /// <summary>Pages sharing a line that is chrome only because it repeats, an empty file, a README and a Chinese page: every kind of entry, and a line repeated only across windows.</summary>
    static TempDir SiteFolder()
    {
        var dir = new TempDir();
        for (var i = 0; i < 5; i++)
            dir.Write($"p{i}.txt", $"Read our latest report on Xinjiang.\n\nMarch {i + 2}, 2021\n\nWe urge the Biden administration to raise case “{i}” with Beijing.\n");
        dir.Write("p2b.md", "");
        dir.Write("zh.txt", "2023年6月16日\n\n人权组织要求拜登政府对新疆官员实施制裁。\n");
        dir.Write("README.md", "About these pages.\n");
        return dir;
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 7)]
    [InlineData(2, 512)]
    public void Json_serialised_in_parallel_chunks_is_written_in_order(int jobs, int chunk)
    {
        var items = Enumerable.Range(0, 1000).Select(i => new { n = i, text = $"ask {i} “quoted” 人权" }).ToList();
        string Write(Action<Utf8JsonWriter> body)
        {
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                w.WriteStartArray();
                body(w);
                w.WriteEndArray();
            }
            return Encoding.UTF8.GetString(stream.ToArray());
        }
        var options = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var sequential = Write(w => { foreach (var x in items) JsonSerializer.Serialize(w, x, options); });
        var parallel = Write(w => ExtractCommand.WriteInOrder(w, items, x => JsonSerializer.SerializeToUtf8Bytes(x, options), jobs, chunk));
        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void Json_is_the_same_whatever_the_number_of_jobs()
    {
        var dev = Path.Combine(RepoPaths.Root, "corpora", "dev", "docs");
        var one = new StringWriter();
        Assert.Equal(0, ExtractCommand.Run(dev, json: true, one, new StringWriter(), quiet: true, jobs: 1));
        var three = new StringWriter();
        Assert.Equal(0, ExtractCommand.Run(dev, json: true, three, new StringWriter(), quiet: true, jobs: 3));
        Assert.Equal(one.ToString(), three.ToString());
    }

    [Fact]
    public void Json_written_window_by_window_is_byte_for_byte_the_json_of_a_whole_load()
    {
        using var dir = SiteFolder();
        var whole = new StringWriter();
        Assert.Equal(0, ExtractCommand.Run(dir.Path, json: true, whole, new StringWriter(), quiet: true));
        var windowed = new StringWriter();
        var stderr = new StringWriter();
        Assert.Equal(0, ExtractCommand.Run(dir.Path, json: true, windowed, stderr, windowMb: 1e-6)); // one file a window
        Assert.Equal(whole.ToString(), windowed.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(windowed.ToString());
        Assert.Equal(6, json.RootElement.GetProperty("documents").GetArrayLength());
        Assert.Equal(6, json.RootElement.GetProperty("asks").GetArrayLength());
        Assert.StartsWith("askshift extract: 6 documents, 6 asks, 1 errors, 1 skipped in ", stderr.ToString());
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    [InlineData("parquet")]
    public void Files_written_window_by_window_hold_what_a_whole_load_writes(string format)
    {
        using var dir = SiteFolder();
        var whole = Path.Combine(Path.GetTempPath(), "askshift-whole-" + Guid.NewGuid().ToString("N"));
        var windowed = Path.Combine(Path.GetTempPath(), "askshift-windowed-" + Guid.NewGuid().ToString("N"));
        try
        {
            Assert.Equal(0, ExtractCommand.Run(dir.Path, false, new StringWriter(), new StringWriter(), whole, format, quiet: true));
            Assert.Equal(0, ExtractCommand.Run(dir.Path, false, new StringWriter(), new StringWriter(), windowed, format, quiet: true, windowMb: 1e-6));
            var names = Directory.GetFiles(whole).Select(Path.GetFileName).Order().ToList();
            Assert.Equal(names, Directory.GetFiles(windowed).Select(Path.GetFileName).Order());
            foreach (var name in names)
            {
                if (name!.EndsWith(".parquet")) Assert.Equal(ParquetRows(Path.Combine(whole, name)), ParquetRows(Path.Combine(windowed, name)));
                else Assert.Equal(File.ReadAllText(Path.Combine(whole, name)), File.ReadAllText(Path.Combine(windowed, name)));
            }
            if (format == "parquet") Assert.Equal(6, ParquetRows(Path.Combine(windowed, "asks.parquet")).Count);
        }
        finally
        {
            if (Directory.Exists(whole)) Directory.Delete(whole, true);
            if (Directory.Exists(windowed)) Directory.Delete(windowed, true);
        }
    }

    [Fact]
    public void A_temporary_folder_that_cannot_hold_the_asks_is_named_and_nothing_crashes()
    {
        using var dir = SiteFolder();
        // A child process, so that TMPDIR changes for it alone: other tests make temporary folders at the same time.
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "askshift.dll"), "extract", dir.Path, "--json", "-q", "--window-mb", "0.000001"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["TMPDIR"] = Path.Combine(dir.Path, "p0.txt"); // a file, not a folder
        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(1, process.ExitCode);
        Assert.Contains("cannot hold the asks of earlier windows in a temporary file", stderr.Result);
        Assert.Contains("--window-mb", stderr.Result);
        Assert.DoesNotContain("   at ", stderr.Result); // a message, not a stack trace
    }

    /// <summary>Every row of a Parquet file as text, column by column, whatever its row groups.</summary>
    static List<string> ParquetRows(string path)
    {
        using var stream = File.OpenRead(path);
        var result = Parquet.Serialization.ParquetSerializer.DeserializeUntypedAsync(stream).GetAwaiter().GetResult();
        return result.Data.Select(row => string.Join("|", row.Select(kv => $"{kv.Key}={Convert.ToString(kv.Value, System.Globalization.CultureInfo.InvariantCulture)}"))).ToList();
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("lots")]
    [InlineData("0,5")]
    public void A_window_that_is_not_a_size_is_refused_by_name(string value)
    {
        using var dir = SiteFolder();
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE"); // "0,5" is not read as a half
        try
        {
            var result = ExtractCommand.Create().Parse([dir.Path, "--json", "--window-mb", value]);
            Assert.Contains(result.Errors, e => e.Message.Contains("--window-mb") && e.Message.Contains(value));
            Assert.Empty(ExtractCommand.Create().Parse([dir.Path, "--json", "--window-mb", "0.5"]).Errors);
        }
        finally { System.Globalization.CultureInfo.CurrentCulture = previous; }
    }

    [Fact]
    public void A_missing_folder_is_bad_input()
    {
        var stderr = new StringWriter();
        Assert.Equal(2, ExtractCommand.Run("/no/such/dir", true, new StringWriter(), stderr));
        Assert.Contains("/no/such/dir", stderr.ToString());
    }
}
