using AskShift.Shift;

namespace AskShift.Tests.Shift;

public class TextReuseTests
{
    private const string Planted = "the United States should impose targeted sanctions on officials responsible for the mass detention of Uyghurs";

    [Fact]
    public void Finds_a_planted_passage_with_its_offsets_in_both_sources()
    {
        var a = "Our report opens with history. " + Planted + ". It closes with thanks to our donors.";
        var b = "A different letter about many things, written later. We repeat: " + Planted + "! Other matters follow here.";
        var c = "An unrelated note on climate finance and river management in three provinces.";
        var hits = TextReuse.Find([("a.txt", a), ("b.txt", b), ("c.txt", c)]);
        var hit = Assert.Single(hits);
        Assert.Equal(("a.txt", "b.txt"), (hit.SourceA, hit.SourceB));
        Assert.Equal(Planted, a[hit.StartA..hit.EndA]);
        Assert.Equal(Planted, b[hit.StartB..hit.EndB]);
        Assert.Equal(1.0, hit.Identity, 9);
    }

    [Fact]
    public void Alignment_bridges_a_small_edit_that_breaks_shingles()
    {
        var a = "intro words here. " + Planted + " and demand their release without conditions today. end of text";
        var edited = Planted.Replace("mass detention", "arbitrary mass detention") + " and demand their release without conditions today";
        var b = "preface. " + edited + ". closing";
        var hit = Assert.Single(TextReuse.Find([("a", a), ("b", b)]));
        Assert.Contains("release without conditions today", hit.TextA);
        Assert.StartsWith("the United States", hit.TextB);
        Assert.True(hit.Identity < 1.0);
    }

    [Fact]
    public void No_reuse_between_unrelated_texts()
    {
        Assert.Empty(TextReuse.Find([("a", "one two three four five six seven eight nine"), ("b", "ten eleven twelve thirteen fourteen fifteen sixteen")]));
    }

    [Fact]
    public void Document_chrome_is_not_counted_as_reuse()
    {
        const string chrome = "Donate now to support our work and sign up for our newsletter today please";
        Document D(string f, string body) => new() { File = f, RawText = chrome + " " + body, Chrome = [(0, chrome.Length)] };
        var hits = TextReuse.Find([D("a", "first body about sanctions"), D("b", "second body about olympics")]);
        Assert.Empty(hits);
    }
}
