using System.CommandLine;
using System.Text.Json;
using AskShift.Cli;

namespace AskShift.Tests.Cluster;

public class ClusterCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var root = new RootCommand("test") { };
        root.Subcommands.Add(ClusterCommand.Create());
        var (o, e) = (new StringWriter(), new StringWriter());
        int code = root.Parse(args).Invoke(new InvocationConfiguration { Output = o, Error = e });
        return (code, o.ToString(), e.ToString());
    }

    private static string TempTexts(params string[] lines)
    {
        var path = Path.Combine(Path.GetTempPath(), $"askshift-cluster-{Guid.NewGuid():N}.txt");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void Json_has_k_clusters_and_one_assignment_per_line()
    {
        var path = TempTexts(
            "impose targeted sanctions on officials responsible for abuses", "impose targeted sanctions and asset freezes on responsible officials",
            "expand targeted sanctions on officials responsible for abuses", "a diplomatic boycott of the Beijing Winter Olympics",
            "announce a diplomatic boycott of the Winter Olympics in Beijing", "diplomatic boycott of the Beijing Winter Olympics games");
        try
        {
            var (code, output, _) = Run("cluster", "--texts", path, "--json");
            Assert.Equal(0, code);
            var root = JsonDocument.Parse(output).RootElement;
            int k = root.GetProperty("k").GetInt32();
            Assert.Equal(2, k);
            var clusters = root.GetProperty("clusters").EnumerateArray().ToList();
            Assert.Equal(k, clusters.Count);
            Assert.All(clusters, c =>
            {
                Assert.Equal(JsonValueKind.Number, c.GetProperty("id").ValueKind);
                Assert.False(string.IsNullOrEmpty(c.GetProperty("label").GetString()));
                Assert.NotEmpty(c.GetProperty("terms").EnumerateArray());
            });
            var assignments = root.GetProperty("assignments").EnumerateArray().Select(a => a.GetInt32()).ToList();
            Assert.Equal(6, assignments.Count);
            Assert.Equal(new[] { 0, 0, 0 }, assignments.Take(3).Select(a => a - assignments[0]));
            Assert.NotEqual(assignments[0], assignments[3]);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Fixed_k_and_codebook_are_honoured()
    {
        var texts = RepoFiles.SeedAsks().Texts;
        var path = TempTexts([.. texts]);
        try
        {
            var (_, output, _) = Run("cluster", "--texts", path, "--k", "5", "--json");
            Assert.Equal(5, JsonDocument.Parse(output).RootElement.GetProperty("k").GetInt32());
            var (code, guided, _) = Run("cluster", "--texts", path, "--codebook", RepoFiles.Find("notebooks/codebook.json"), "--json");
            Assert.Equal(0, code);
            var labels = JsonDocument.Parse(guided).RootElement.GetProperty("clusters").EnumerateArray().Select(c => c.GetProperty("label").GetString()).ToList();
            Assert.Contains("Sanctions & financial tools", labels);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Missing_file_and_bad_codebook_are_reported_with_exit_code_2()
    {
        var (code, _, err) = Run("cluster", "--texts", "/nonexistent/asks.txt", "--json");
        Assert.Equal(2, code);
        Assert.Contains("/nonexistent/asks.txt", err);
        var path = TempTexts("a b c", "d e f", "g h i");
        var bad = Path.ChangeExtension(path, ".json");
        File.WriteAllText(bad, "{\"themes\": 3}");
        try
        {
            var (code2, _, err2) = Run("cluster", "--texts", path, "--codebook", bad);
            Assert.Equal(2, code2);
            Assert.Contains(bad, err2);
        }
        finally { File.Delete(path); File.Delete(bad); }
    }

    [Fact]
    public void Blank_lines_are_skipped_counted_and_the_rest_keep_their_line_numbers()
    {
        var path = TempTexts("impose targeted sanctions on officials", "", "announce a diplomatic boycott of the Games", "   ",
            "expand targeted sanctions on officials", "boycott the Beijing Games diplomatically");
        try
        {
            var (code, output, err) = Run("cluster", "--texts", path, "--json", "--k", "2");
            Assert.Equal(0, code);
            Assert.Contains("skipped 2 blank lines", err);
            var root = JsonDocument.Parse(output).RootElement;
            Assert.Equal([1, 3, 5, 6], root.GetProperty("lines").EnumerateArray().Select(e => e.GetInt32()));
            Assert.Equal(4, root.GetProperty("assignments").GetArrayLength());
            Assert.Equal(2, root.GetProperty("skipped_blank_lines").GetInt32());
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData("the\nof the\nand to the", "nothing to cluster on")]
    [InlineData("\n  \n", "no non-blank line")]
    public void Degenerate_input_gets_a_clear_message_not_a_stack_trace(string content, string expected)
    {
        var path = TempTexts(content.Split('\n'));
        try
        {
            var (code, _, err) = Run("cluster", "--texts", path);
            Assert.Equal(2, code);
            Assert.Contains(expected, err);
            Assert.Contains(path, err);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_k_above_the_distinct_texts_is_reduced_and_says_so()
    {
        var path = TempTexts(Enumerable.Repeat("impose targeted sanctions on officials", 5)
            .Concat(Enumerable.Repeat("announce a diplomatic boycott of the Games", 5)).ToArray());
        try
        {
            var (code, output, _) = Run("cluster", "--texts", path, "--k", "7", "--json");
            Assert.Equal(0, code);
            var root = JsonDocument.Parse(output).RootElement;
            Assert.Equal(2, root.GetProperty("k").GetInt32());
            Assert.Contains("k reduced from 7 to 2", root.GetProperty("method").GetString());
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Identical_lines_make_one_cluster_with_the_reason()
    {
        var path = TempTexts(Enumerable.Repeat("impose targeted sanctions on officials", 6).ToArray());
        try
        {
            var (code, output, _) = Run("cluster", "--texts", path);
            Assert.Equal(0, code);
            Assert.Contains("k = 1 (single cluster (every text has the same words once stop words are removed))", output);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Non_utf8_input_is_refused_naming_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"askshift-cluster-{Guid.NewGuid():N}.txt");
        File.WriteAllBytes(path, [.. "impose sanctions on officials in "u8, 0xE9, .. "t\u00e9\n"u8]);
        try
        {
            var (code, _, err) = Run("cluster", "--texts", path);
            Assert.Equal(2, code);
            Assert.Contains("is not UTF-8", err);
            Assert.Contains(path, err);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Examples_need_a_codebook_and_codes_it_knows()
    {
        var texts = TempTexts("impose targeted sanctions on officials", "boycott the Winter Olympics in Beijing", "release the detained lawyers");
        var examples = TempTexts("freeze the assets of officials\tsanctions_financial", "stay away from the Games\tno_such_theme");
        var codebook = Path.Combine(RepoPaths.Root, "notebooks", "codebook.json");
        try
        {
            var (code, _, err) = Run("cluster", "--texts", texts, "--examples", examples);
            Assert.Equal(2, code);
            Assert.Contains("--codebook", err);
            (code, _, err) = Run("cluster", "--texts", texts, "--codebook", codebook, "--examples", examples);
            Assert.Equal(2, code);
            Assert.Contains("no_such_theme", err);
            File.WriteAllLines(examples, ["freeze the assets of officials\tsanctions_financial"]);
            (code, var output, _) = Run("cluster", "--texts", texts, "--codebook", codebook, "--examples", examples, "--json");
            Assert.Equal(0, code);
            Assert.Contains("1 coded examples", JsonDocument.Parse(output).RootElement.GetProperty("method").GetString());
        }
        finally { File.Delete(texts); File.Delete(examples); }
    }
}
