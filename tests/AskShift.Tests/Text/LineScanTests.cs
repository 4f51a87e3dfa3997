using AskShift.Normalise;
using AskShift.Text;
using CsCheck;

namespace AskShift.Tests.Text;

/// <summary>
/// Every stage walks the lines of every document, and the line walk and the Chinese-line test now skip ahead with
/// vectorised searches (issue 13). They must give what a character-by-character walk gives.
/// </summary>
public class LineScanTests
{
    static readonly Gen<string> Texts = Gen.OneOf(Gen.Const("\n"), Gen.Const("\r\n"), Gen.Const("\r"), Gen.Const("a"), Gen.Const("Word "),
            Gen.Const("人权"), Gen.Const("㐀"), Gen.Const("\u9fff"), Gen.Const("é"), Gen.Const("1"), Gen.Const(" "))
        .Array[0, 30].Select(parts => string.Concat(parts));

    /// <summary>The walk as it was written first: one character at a time.</summary>
    static List<(int, int)> ReferenceLines(string text)
    {
        var lines = new List<(int, int)>();
        var s = 0;
        for (var i = 0; i <= text.Length; i++)
            if (i == text.Length || text[i] == '\n')
            {
                lines.Add((s, i > s && text[i - 1] == '\r' ? i - 1 : i));
                s = i + 1;
            }
        return lines;
    }

    static bool ReferenceIsChinese(string text)
    {
        int cjk = 0, letters = 0;
        foreach (var c in text)
        {
            if (c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf') cjk++;
            else if (char.IsLetter(c)) letters++;
        }
        return cjk > 0 && cjk * 3 >= letters;
    }

    [Fact]
    public void Lines_are_those_of_a_character_by_character_walk() =>
        Texts.Sample(t => Assert.Equal(ReferenceLines(t), Sentences.Lines(t).ToList()), iter: 20_000);

    [Fact]
    public void A_line_is_Chinese_exactly_when_the_full_count_says_so() =>
        Texts.Sample(t => Assert.Equal(ReferenceIsChinese(t), Languages.IsChinese(t)), iter: 20_000);

    [Theory]
    [InlineData("", new[] { 0, 0 })]
    [InlineData("a\r\nb\n", new[] { 0, 1, 3, 4, 5, 5 })] // a final empty line after the last break
    [InlineData("\n\n", new[] { 0, 0, 1, 1, 2, 2 })]
    public void Lines_keep_empty_lines_and_drop_carriage_returns(string text, int[] bounds) =>
        Assert.Equal(bounds.Chunk(2).Select(b => (b[0], b[1])), Sentences.Lines(text));
}
