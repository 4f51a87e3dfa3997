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
        const string alphabet = "aBİı \t\u00a0\u2028\u3000中Ω.-";
        var cases = new List<string> { "", " ", "  Home  ", "Donate\tNow", "ABOUT\u00a0\u00a0US", "İSTANBUL Office" };
        for (var n = 0; n < 3000; n++) cases.Add(new string(Enumerable.Range(0, rng.Next(0, 24)).Select(_ => alphabet[rng.Next(alphabet.Length)]).ToArray()));
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
