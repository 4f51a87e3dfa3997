using System.Text.RegularExpressions;

namespace AskShift.Tests.Text;

/// <summary>
/// Hand-written whitespace handling against the regular expressions and splits it replaced, on fixed edge cases and
/// thousands of random strings of letters, spaces of every kind, sentence ends and CJK characters.
/// </summary>
public class WhitespaceTests
{
    static IEnumerable<string> Inputs(int seed, string alphabet, int maxLength, params string[] fixedCases)
    {
        var rng = new Random(seed);
        foreach (var s in fixedCases) yield return s;
        for (var n = 0; n < 3000; n++)
            yield return new string(Enumerable.Range(0, rng.Next(0, maxLength)).Select(_ => alphabet[rng.Next(alphabet.Length)]).ToArray());
    }

    [Fact]
    public void One_pass_sentence_split_gives_the_pieces_of_the_lookbehind_regular_expression()
    {
        foreach (var s in Inputs(3, "ab .!?\n\t\u00a0\u2028,", 40, "", "a", ".", " ", "\n", "a. b", "a.\n\nb", "a!  \n b\n\nc? ", "end."))
            Assert.Equal(Regex.Split(s, @"(?<=[.!?])\s+|\n"), AskShift.Metadata.MetadataExtractor.SplitSentences(s));
    }

    [Fact]
    public void Collapsing_whitespace_gives_what_replacing_every_run_with_one_space_gives()
    {
        foreach (var s in Inputs(17, "ab  \t\n\r\u00a0\u2028\u3000\u0085.中", 30, "", " ", "  ", "a", " a ", "a  b", "a\tb", "\n", "plain words only"))
            Assert.Equal(Regex.Replace(s, @"\s+", " "), AskShift.Text.Spaces.Collapse(s));
    }

    [Fact]
    public void Counting_words_gives_the_number_of_pieces_splitting_at_whitespace_gives()
    {
        foreach (var s in Inputs(9, "ab \t\n\u00a0\u3000.,中", 30, "", " ", "a", " a ", "a  b", "\u00a0x\u2028y\u3000"))
            Assert.Equal(s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length, AskShift.Text.Spaces.CountWords(s));
    }
}
