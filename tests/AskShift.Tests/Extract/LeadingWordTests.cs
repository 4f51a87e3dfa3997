using System.Text.RegularExpressions;
using AskShift.Extract;

namespace AskShift.Tests.Extract;

/// <summary>The opening capitalised word read off a span, held to the regular expression it replaced.</summary>
public class LeadingWordTests
{
    [Fact]
    public void The_opening_capitalised_word_is_what_the_regular_expression_finds()
    {
        var rx = new Regex(@"^[“""]?(?<w>[A-Z][a-z]+)\b");
        // Letters, digits, quotes, marks of every kind .NET's \b may or may not count as word characters.
        const string alphabet = "MakeRsz“\"' -_.,1é\u0301\u0903\u0660\u2160\u00b2\u200c\u200d\u203f中";
        var rng = new Random(4);
        var cases = new List<string> { "", "Make", "“Release Liu Xiaobo", "\"Press", "M", "Ma", "MAke", "make", "Make-up", "Make_up", "Make1", "Maké" };
        for (var n = 0; n < 20000; n++) cases.Add(new string(Enumerable.Range(0, rng.Next(0, 8)).Select(_ => alphabet[rng.Next(alphabet.Length)]).ToArray()));
        foreach (var s in cases)
        {
            var m = rx.Match(s);
            Assert.True((m.Success ? m.Groups["w"].Value : "") == AskExtractor.LeadingCapitalWord(s).ToString(), $"differs on \"{s}\"");
        }
    }
}
