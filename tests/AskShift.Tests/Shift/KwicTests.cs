using AskShift.Shift;

namespace AskShift.Tests.Shift;

public class KwicTests
{
    [Fact]
    public void Finds_phrases_case_insensitively_with_exact_offsets()
    {
        const string text = "We urge Human Rights dialogue. Human  rights matter; rightsholders too.";
        var hits = Kwic.Find([("doc.txt", text)], "human rights", window: 10);
        Assert.Equal(2, hits.Count);
        Assert.Equal(8, hits[0].Start);
        Assert.Equal("Human Rights", text[hits[0].Start..hits[0].End]);
        Assert.Equal("Human  rights", hits[1].Match);
        Assert.Equal(text[hits[1].Start..hits[1].End], hits[1].Match);
        Assert.Equal(" dialogue.", hits[0].Right);
        Assert.Equal("doc.txt", hits[0].Source);
    }

    [Fact]
    public void In_documents_a_glued_word_is_found_with_raw_offsets()
    {
        const string raw = "The groups asked for supportingcivil society groups and a free press.";
        var doc = AskShift.Corpus.FromTexts([("glued.txt", raw)]).Items[0];
        var hit = Assert.Single(Kwic.Find([doc], "civil society", window: 12));
        Assert.Equal("civil society", raw[hit.Start..hit.End]);
        Assert.Equal(hit.Match, raw[hit.Start..hit.End]);
        Assert.Equal("supporting", hit.Left[^10..]);
        // Searched as plain text, the glued word hides the phrase.
        Assert.Empty(Kwic.Find([("glued.txt", raw)], "civil society"));
    }

    [Fact]
    public void In_documents_a_word_the_repair_would_split_is_still_found_once()
    {
        // "lawfare" is not in the word list, so the repair reads it as "law fare"; the raw text still holds the word.
        const string raw = "Beijing wages lawfare against activists, and lawfare must be named.";
        var doc = AskShift.Corpus.FromTexts([("a.txt", raw)]).Items[0];
        var hits = Kwic.Find([doc], "lawfare");
        Assert.Equal([raw.IndexOf("lawfare", StringComparison.Ordinal), raw.LastIndexOf("lawfare", StringComparison.Ordinal)], hits.Select(h => h.Start));
        Assert.All(hits, h => Assert.Equal("lawfare", h.Match));
    }

    [Fact]
    public void Does_not_match_inside_longer_words()
    {
        Assert.Empty(Kwic.Find([("a", "rightsholders and copyrights")], "rights"));
    }

    [Fact]
    public void Ask_hits_are_shifted_to_raw_text_offsets()
    {
        const string raw = "Intro text. We call for sanctions now.";
        var ask = new Ask("d.txt", 1, "We call for sanctions now.", 12, raw.Length, AskForm.Sentence, "We call for sanctions now.", "en");
        var hit = Assert.Single(Kwic.FindInAsks([ask], "sanctions"));
        Assert.Equal("sanctions", raw[hit.Start..hit.End]);
    }

    [Fact]
    public void Chinese_terms_are_found_by_characters()
    {
        const string text = "要求美國制裁官員，並繼續制裁。";
        var hits = Kwic.Find([("zh", text)], "制裁");
        Assert.Equal(new[] { 4, 12 }, hits.Select(h => h.Start)); // 要求美國 then 制裁 at 4; 官員，並繼續 then 制裁 at 12
    }

    [Fact]
    public void Empty_query_is_rejected_with_the_query_in_the_message()
    {
        var e = Assert.Throws<ArgumentException>(() => Kwic.Find([("a", "b")], " ... "));
        Assert.Contains("...", e.Message);
    }
}
