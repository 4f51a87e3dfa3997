using AskShift.Text;

namespace AskShift.Tests.Text;

/// <summary>A text with no sentence end (a scrape without punctuation, a hostile file) is cut into bounded pieces.</summary>
public class SentenceCapTests
{
    [Fact]
    public void Ordinary_sentences_are_not_cut()
    {
        var text = "We urge the Secretary to raise the case. The United States should sanction officials responsible.";
        Assert.Equal(2, Sentences.Split(text, 0, text.Length).Count());
    }

    [Fact]
    public void A_run_on_text_is_cut_at_clause_boundaries_into_pieces_no_longer_than_the_cap()
    {
        var clause = "the administration should press for the release of every detained lawyer";
        var text = string.Join(", ", Enumerable.Repeat(clause, 200)); // about 15,000 characters, no full stop
        var pieces = Sentences.Split(text, 0, text.Length).ToList();
        Assert.True(pieces.Count >= text.Length / Sentences.MaxSentenceChars);
        Assert.All(pieces, p => Assert.InRange(p.End - p.Start, 1, Sentences.MaxSentenceChars));
        Assert.All(pieces.Skip(1), p => Assert.StartsWith("the administration", text[p.Start..p.End])); // cut after a comma
        // Nothing is lost: the pieces cover the text except the separators between them.
        Assert.Equal(text.Replace(", ", ""), string.Concat(pieces.Select(p => text[p.Start..p.End].TrimEnd(','))).Replace(", ", ""));
    }

    [Fact]
    public void A_run_on_text_without_any_break_is_cut_hard()
    {
        var text = new string('x', 5_000);
        var pieces = Sentences.Split(text, 0, text.Length).ToList();
        Assert.Equal([(0, 2_000), (2_000, 4_000), (4_000, 5_000)], pieces);
    }

    [Fact]
    public void A_run_on_document_still_yields_its_asks()
    {
        var clause = "we urge the Secretary of State to press for the release of Ilham Tohti";
        var last = "we urge the Secretary of State to sanction the officials who ran the camps in Xinjiang";
        var raw = string.Join(" and ", Enumerable.Repeat(clause, 400).Append(last)) + "\n"; // 29,000 characters, one line
        var doc = DocumentPipeline.Process("runon.txt", raw);
        Assert.Contains(doc.Asks, a => a.Text.Contains("Ilham Tohti", StringComparison.Ordinal));
        Assert.Contains(doc.Asks, a => a.Text.Contains("camps in Xinjiang", StringComparison.Ordinal)); // read to the end
        Assert.All(doc.Asks, a => Assert.Equal(a.Text, raw[a.Start..a.End]));
    }
}
