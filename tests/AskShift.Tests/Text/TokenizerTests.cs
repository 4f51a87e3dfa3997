using AskShift.Text;

namespace AskShift.Tests.Text;

/// <summary>The one tokenizer every stage shares: what a token is, and where it sits in the text.</summary>
public class TokenizerTests
{
    [Fact]
    public void Words_are_lower_cased_runs_joined_across_inner_marks_and_each_chinese_character_stands_alone()
    {
        const string text = "The U.S. won't back anti-torture laws; China’s 人权 record. CAFÉ Cafe\u0301 e.g.";
        var tokens = Tokens.Tokenize(text);
        Assert.Equal(["the", "u.s", "won't", "back", "anti-torture", "laws", "china", "人", "权", "record", "café", "cafe", "e.g"], tokens.Select(t => t.Text));
        // Offsets point at the token as written ("China’s" keeps its "’s" in the text; the token drops it).
        Assert.Equal("China’s", text[tokens[6].Start..tokens[6].End]);
        Assert.Equal("权", text[tokens[8].Start..tokens[8].End]);
        // A combining mark is not a letter: the run ends before it.
        Assert.Equal("Cafe", text[tokens[11].Start..tokens[11].End]);
    }

    [Fact]
    public void Marks_that_do_not_sit_between_two_letters_split_and_empty_text_has_no_tokens()
    {
        Assert.Equal(["end", "start"], Tokens.Tokenize("end- -start").Select(t => t.Text));
        Assert.Equal(["rights", "2024"], Tokens.Tokenize("rights'. 2024").Select(t => t.Text));
        Assert.Empty(Tokens.Tokenize(""));
        Assert.Empty(Tokens.Tokenize(" .,;— "));
    }
}
