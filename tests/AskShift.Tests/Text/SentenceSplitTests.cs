using System.Text.RegularExpressions;
using AskShift.Text;
using CsCheck;

namespace AskShift.Tests.Text;

/// <summary>
/// The sentence split runs on every paragraph of every document, and now reads the paragraph off the span instead of
/// cutting it out and collecting its matches (issue 13). It must give what the first version gave, kept here as the
/// reference: the paragraph copied, every match of the same end pattern, abbreviations looked up as strings.
/// </summary>
public class SentenceSplitTests
{
    static readonly Regex End = new(@"[.!?。！？]+[”""’')\]]*(?=\s+[“""‘(\[A-Z0-9\p{IsCJKUnifiedIdeographs}]|\s*$|[\p{IsCJKUnifiedIdeographs}])");

    static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    { "mr","ms","mrs","dr","st","jr","sr","no","gen","sen","rep","gov","jan","feb","mar","apr","jun","jul","aug","sep","sept","oct","nov","dec","vs","etc","inc","co","corp","ltd","prof","amb","lt","col","dept" };

    static IEnumerable<(int Start, int End)> ReferenceSplit(string text, int from, int to)
    {
        var start = from;
        foreach (Match m in End.Matches(text[from..to]))
        {
            var endAbs = from + m.Index + m.Length;
            var k = from + m.Index;
            if (text[k] == '.')
            {
                while (k > 0 && char.IsLetter(text[k - 1])) k--;
                var word = text[k..(from + m.Index)];
                if (word.Length == 1 && char.IsUpper(word[0]) || Abbreviations.Contains(word)) continue;
            }
            foreach (var span in ReferenceCapped(text, start, endAbs)) yield return span;
            start = endAbs;
        }
        foreach (var span in ReferenceCapped(text, start, to)) yield return span;
    }

    static IEnumerable<(int Start, int End)> ReferenceCapped(string text, int start, int end)
    {
        var (s, e) = Sentences.Trim(text, start, end);
        while (e - s > Sentences.MaxSentenceChars)
        {
            var limit = s + Sentences.MaxSentenceChars;
            var floor = s + Sentences.MaxSentenceChars / 2;
            int Last(char c) => text.LastIndexOf(c, limit - 1, limit - floor) is var i && i >= floor ? i : -1;
            var cut = Last(';');
            if (cut < 0) cut = Last(',');
            if (cut < 0) cut = Last(' ');
            cut = cut < 0 ? limit : cut + 1;
            var piece = Sentences.Trim(text, s, cut);
            if (piece.End > piece.Start) yield return piece;
            (s, e) = Sentences.Trim(text, cut, e);
        }
        if (e > s) yield return (s, e);
    }

    static readonly Gen<string> Texts = Gen.OneOf(Gen.Const(". "), Gen.Const("."), Gen.Const("! "), Gen.Const("?”"), Gen.Const("U.S. "),
            Gen.Const("Mr. "), Gen.Const("feb. "), Gen.Const("The "), Gen.Const("urge "), Gen.Const("人权。"), Gen.Const("。"), Gen.Const("\n"),
            Gen.Const("  "), Gen.Const("J."), Gen.Const("(A) "), Gen.Const("1"), Gen.Const("x"), Gen.Const("; "), Gen.Const(", "))
        .Array[0, 40].Select(parts => string.Concat(parts));

    [Fact]
    public void Split_gives_the_sentences_of_the_first_version_on_generated_text() =>
        Gen.Select(Texts, Gen.Int[0, 40], Gen.Int[0, 40]).Sample((t, a, b) =>
        {
            var from = Math.Min(a, t.Length);
            var to = Math.Clamp(b, from, t.Length);
            var expected = ReferenceSplit(t, from, to).ToList();
            Assert.Equal(expected, Sentences.Split(t, from, to));
            Assert.Equal(expected.FirstOrDefault(), Sentences.First(t, from, to));
        }, iter: 20_000);

    [Fact]
    public void Split_gives_the_sentences_of_the_first_version_on_every_real_paragraph()
    {
        var texts = Directory.GetFiles(Path.Combine(RepoPaths.Root, "corpora", "dev", "docs")).Concat(Directory.GetFiles(RepoPaths.Seeds))
            .Select(File.ReadAllText).ToList();
        // Run-on text past the cap, so pieces are cut at clause breaks too.
        texts.Add(string.Concat(Enumerable.Repeat("the groups urge the administration to act, and to act now; ", 200)));
        var compared = 0;
        foreach (var t in texts)
            foreach (var (s, e) in Sentences.Lines(t))
            {
                Assert.Equal(ReferenceSplit(t, s, e), Sentences.Split(t, s, e));
                Assert.Equal(ReferenceSplit(t, s, e).FirstOrDefault(), Sentences.First(t, s, e));
                compared++;
            }
        Assert.True(compared > 1000, $"only {compared} lines compared");
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("   ", 0)]
    [InlineData("one", 1)]
    [InlineData(" two  words ", 2)]
    [InlineData("tab\tis\nnot a break", 3)] // only spaces separate, as string.Split(' ') does
    public void Space_separated_counts_what_splitting_at_spaces_counts(string text, int expected)
    {
        Assert.Equal(text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length, expected);
        Assert.Equal(expected, Spaces.CountSpaceSeparated(text));
    }
}
