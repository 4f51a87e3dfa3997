namespace AskShift.Tests.Load;

/// <summary>End to end on a folder of documents the rules were not written against: an NGO web page and a Chinese-only report.</summary>
public class SampleFolderTests
{
    static readonly Corpus Samples = Corpus.Load(Path.Combine(AppContext.BaseDirectory, "Load", "Samples"));

    [Fact]
    public void An_html_press_release_yields_its_metadata_and_asks_without_navigation_or_footer()
    {
        var doc = Samples.Items.Single(d => d.File == "rights-now.html");
        Assert.Equal("US: Act on Hong Kong Crackdown", doc.Title);
        Assert.Equal(new DateOnly(2021, 7, 1), doc.Date);
        Assert.Equal("biden", doc.Administration);
        Assert.Contains("The Biden administration", doc.Addressees);
        Assert.Equal(["sentence", "bullet_item", "bullet_item", "bullet_item", "sentence"], doc.Asks.Select(a => AskShift.Frames.CorpusFrames.Code(a.Form)));
        Assert.DoesNotContain(doc.Asks, a => a.Text.Contains("repeal the law")); // asked of Beijing, not the US
        Assert.Equal("needs to show that its words mean something", doc.Asks[^1].Text);
        // The page's <footer> is furniture: dropped with the navigation before the text-level chrome rules run.
        Assert.DoesNotContain("All rights reserved", doc.RawText);
    }

    [Fact]
    public void A_chinese_only_report_gets_asks_and_an_administration_from_the_president_it_names()
    {
        var doc = Samples.Items.Single(d => d.File == "voa-zh.txt");
        Assert.Equal(["zh-Hant"], doc.Languages);
        Assert.Equal("biden", doc.Administration);
        Assert.Null(doc.Title);
        Assert.Equal(2, doc.Asks.Count);
        Assert.DoesNotContain(doc.Asks, a => a.Text.Contains("中國政府應該"));
        Assert.All(doc.Asks, a => Assert.Equal(a.Text, doc.RawText[a.Start..a.End]));
    }
}
