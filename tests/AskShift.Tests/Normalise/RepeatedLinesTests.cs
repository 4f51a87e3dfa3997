using AskShift.Normalise;
using AskShift.Text;

namespace AskShift.Tests.Normalise;

/// <summary>Lines repeated across a corpus, found by hashing line keys; held to the string definition they replaced.</summary>
public class RepeatedLinesTests
{
    [Fact]
    public void A_line_key_is_the_trimmed_lower_cased_line_with_whitespace_runs_as_one_space()
    {
        var rng = new Random(21);
        const string alphabet = "aBZz[@İı \t\u00a0\u2028\u3000中Ω.-’“”–—、。ＡＺ\u2160\u24B6\u0130\u212A\u3400\u9FFF";
        var cases = new List<string> { "", " ", "  Home  ", "Donate\tNow", "ABOUT\u00a0\u00a0US", "İSTANBUL Office" };
        for (var n = 0; n < 20000; n++) cases.Add(new string(Enumerable.Range(0, rng.Next(0, 24)).Select(_ => alphabet[rng.Next(alphabet.Length)]).ToArray()));
        // Lines of ASCII, punctuation and Chinese only, which are lower-cased without the runtime's case mapping.
        const string caseless = "aBZz[@` \t中文“”’–—、。\u3000\u2028\u3400\u9FFF";
        cases.AddRange(["ABOUT US 关于我们", "“Home” — 首页。", "Z[@`"]);
        for (var n = 0; n < 20000; n++) cases.Add(new string(Enumerable.Range(0, rng.Next(0, 24)).Select(_ => caseless[rng.Next(caseless.Length)]).ToArray()));
        foreach (var line in cases)
            Assert.Equal(Spaces.Collapse(line.Trim().ToLowerInvariant()), Chrome.Key(line, new char[line.Length]).ToString());
    }

    [Fact]
    public void A_line_is_repeated_when_two_documents_hold_it_whatever_its_case_and_spacing()
    {
        var docs = new[]
        {
            "Home\nSupport Us\nOnly in the first letter.\nOnly in the first letter.",
            "HOME \n  Support   us\nOnly in the second letter.",
            "Something else entirely.",
        };
        var repeated = RepeatedLines.Find(docs);
        Assert.True(repeated.Contains("home"));
        Assert.True(repeated.Contains("support us"));
        Assert.False(repeated.Contains("only in the first letter.")); // twice, but in one document
        Assert.False(repeated.Contains("something else entirely."));
        Assert.Equal(2, repeated.Count);
    }

    [Fact]
    public void Hashing_documents_in_parallel_finds_the_same_lines_as_one_at_a_time()
    {
        var rng = new Random(8);
        var lines = Enumerable.Range(0, 40).Select(i => $"Line {i % 25} of the site").ToArray();
        var docs = Enumerable.Range(0, 300).Select(_ => string.Join('\n', Enumerable.Range(0, 6).Select(_ => lines[rng.Next(lines.Length)]))).ToList();
        var one = RepeatedLines.Find(docs, 1);
        var many = RepeatedLines.Find(docs, 4);
        Assert.Equal(one.Count, many.Count);
        foreach (var l in lines) Assert.Equal(one.Contains(l.ToLowerInvariant()), many.Contains(l.ToLowerInvariant()));
    }
}

/// <summary>Chrome ranges are looked up by binary search, which needs them in order and apart.</summary>
public class ChromeRangeTests
{
    [Fact]
    public void Detected_chrome_ranges_are_in_order_and_apart_on_every_annotated_document()
    {
        foreach (var dir in new[] { "corpora/dev/docs", "corpora/test/docs", "seeds" })
            foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, dir)))
            {
                var ranges = Chrome.Detect(File.ReadAllText(file));
                for (var i = 1; i < ranges.Count; i++) Assert.True(ranges[i - 1].End <= ranges[i].Start, $"{file}: chrome ranges overlap or are out of order");
            }
    }

    [Fact]
    public void A_span_is_within_the_ranges_exactly_when_one_range_holds_it()
    {
        var rng = new Random(6);
        for (var n = 0; n < 300; n++)
        {
            var ranges = new List<(int Start, int End)>();
            for (var at = rng.Next(0, 5); at < 200; at += rng.Next(1, 12))
            {
                var end = at + rng.Next(0, 10);
                ranges.Add((at, end));
                at = end;
            }
            for (var s = 0; s < 210; s += 3)
                for (var e = s; e < s + 15; e += 2)
                    Assert.Equal(ranges.Any(c => s >= c.Start && e <= c.End), Chrome.Covers(ranges, s, e));
        }
    }
}
