using AskShift.Normalise;

namespace AskShift.Tests.Normalise;

public class GlueRepairTests
{
    [Theory]
    [InlineData("standing up for thefreedom of others", "standing up for the freedom of others")]
    [InlineData("the Chinesegovernment rejects", "the Chinese government rejects")]
    [InlineData("Human RightsDefenders said", "Human Rights Defenders said")]
    [InlineData("its obligations.Play a role", "its obligations. Play a role")]
    [InlineData("The U.S.governmentshould act", "The U.S. government should act")]
    [InlineData("Continue tomake statements", "Continue to make statements")]
    [InlineData("Iurge you to press Beijing.", "I urge you to press Beijing.")] // the pronoun glued to a letter's verb
    [InlineData("Iam writing to you.", "I am writing to you.")]
    [InlineData("Iappeal to you to act.", "I appeal to you to act.")]
    public void Glued_words_are_split(string raw, string repaired) => Assert.Equal(repaired, GlueRepair.Repair(raw).Text);

    [Theory]
    [InlineData("The therapist and the notebook")]
    [InlineData("Xinjiang, Hotan and Urumqi")]
    [InlineData("e.g. the U.S. and McDonald")]
    [InlineData("Iran and Iraq")] // names that open with "I" followed by a word
    [InlineData("Ivan and Ian met")]
    [InlineData("Islam in Xinjiang")]
    [InlineData("(Example.net, May03’25) as reported by Example.org.")]
    [InlineData("read it at www.state.gov/reports/2020 or news.example.co.uk, then write to press@rights-watch.org")]
    [InlineData("the annex (annual-report.pdf) and index.html")]
    [InlineData("write to press@freetheprisonersnow.org or see RightsDefenders.net and humanrightswatch.org")]
    public void Real_words_and_names_are_left_alone(string raw) => Assert.Equal(raw, GlueRepair.Repair(raw).Text);

    [Theory]
    // Not host names: the word after the dot is no top-level domain, or letters follow it.
    [InlineData("the partners.Their report", "the partners. Their report")]
    [InlineData("a free press.network of activists", "a free press. network of activists")]
    [InlineData("its obligations.netting nothing", "its obligations. netting nothing")]
    // A two-letter domain that is also an English word is read as glued words.
    [InlineData("stand with them.in the end", "stand with them. in the end")]
    public void A_dot_before_a_word_that_ends_no_host_name_still_gets_its_space(string raw, string repaired) =>
        Assert.Equal(repaired, GlueRepair.Repair(raw).Text);

    [Fact]
    public void Every_view_character_maps_back_to_the_same_raw_character()
    {
        const string raw = "In a speech beforethe UN, Obamaemphasized thefreedom ofothers.Then 2.  Next";
        var view = GlueRepair.Repair(raw);
        for (var i = 0; i < view.Text.Length; i++)
            if (view.Text[i] != ' ' || raw[view.ToRaw(i)] == ' ') Assert.Equal(view.Text[i], raw[view.ToRaw(i)]);
        var at = view.Text.IndexOf("freedom", StringComparison.Ordinal);
        var (s, e) = view.ToRawSpan(at, at + 7);
        Assert.Equal("freedom", raw[s..e]);
    }
}

public class ChromeTests
{
    [Fact]
    public void Navigation_appeals_tags_and_banners_are_chrome_but_titles_and_dates_are_not()
    {
        const string raw = "Sign In\nMain Menu\nChina: Release Detained Labour Activists Now\n\nPublished on March 3, 2019\n\n" +
                           "The group urged the US Congress to pass the bill.\n\nSupport our work: make a tax-deductible donation today.\n" +
                           "Need legal help?\nIf you are facing deportation, we can help you find a lawyer.\nLabour, China, Rights, Asia\n";
        var chrome = Chrome.Detect(raw).Select(c => raw[c.Start..c.End]).ToList();
        Assert.Contains("Sign In", chrome);
        Assert.Contains("Main Menu", chrome);
        Assert.Contains("Support our work: make a tax-deductible donation today.", chrome);
        Assert.Contains("Need legal help?", chrome);
        Assert.Contains("If you are facing deportation, we can help you find a lawyer.", chrome);
        Assert.Contains("Labour, China, Rights, Asia", chrome);
        Assert.DoesNotContain("China: Release Detained Labour Activists Now", chrome);
        Assert.DoesNotContain("Published on March 3, 2019", chrome);
        Assert.DoesNotContain("The group urged the US Congress to pass the bill.", chrome);
    }

    [Fact]
    public void Lines_repeated_across_documents_are_chrome()
    {
        var a = "Freedom Now Network Blog\nThe State Department should raise the case of Ilham Tohti with Beijing.\n";
        var b = "Freedom Now Network Blog\nCongress should pass the Uyghur Forced Labor Prevention Act without delay.\n";
        var corpus = Corpus.FromTexts([("a.txt", a), ("b.txt", b)]);
        Assert.All(corpus.Items, d => Assert.Contains(d.Chrome, c => d.RawText[c.Start..c.End] == "Freedom Now Network Blog"));
        Assert.All(corpus.Items, d => Assert.NotEqual("Freedom Now Network Blog", d.Title));
    }

    [Fact]
    public void Asks_in_chrome_are_not_counted()
    {
        var corpus = Corpus.FromTexts([("a.txt", "Donate now: you should support our work.\nThe US should impose sanctions on officials responsible.\n")]);
        var ask = Assert.Single(corpus.AllAsks);
        Assert.StartsWith("should impose sanctions", ask.Text);
    }
}

public class LanguageTests
{
    const string English = "Rights Group Urges Washington to Act\n\nThe Tibet Action Network, led by Tenzin Dorje, said on Monday that the United States should sanction officials responsible for abuses in Lhasa.\n\nThe group also urged the State Department to fund Tibetan language schools abroad.\n";
    const string Chinese = "人權團體促請華府採取行動\n\n由Tenzin Dorje領導的Tibet Action Network週一表示，美國應該制裁要為拉薩侵權行為負責的官員。\n\n該團體亦促請美國國務院資助海外藏語學校。\n";

    [Fact]
    public void A_chinese_translation_of_the_english_is_flagged_and_its_asks_not_counted_twice()
    {
        var doc = Corpus.FromTexts([("bi.txt", English + "\n" + Chinese)]).Items[0];
        Assert.Equal(["en", "zh-Hant"], doc.Languages);
        var zh = doc.LanguageBlocks.Single(b => b.Language == "zh-Hant");
        Assert.Equal(0, zh.TranslationOf);
        Assert.All(doc.Asks, a => Assert.Equal("en", a.Language));
        var englishOnly = Corpus.FromTexts([("en.txt", English)]).Items[0];
        Assert.Equal(englishOnly.Asks.Select(a => a.Text), doc.Asks.Select(a => a.Text));
        Assert.Contains(doc.Asks, a => a.Text.StartsWith("should sanction officials"));
    }

    [Fact]
    public void A_chinese_only_report_keeps_its_asks()
    {
        const string text = "人权组织敦促美国政府制裁新疆官员\n\n多个人权组织周二发表联合声明，敦促美国政府对负责新疆强迫劳动的官员实施制裁。声明还呼吁美国国会尽快通过相关法案。\n";
        var doc = Corpus.FromTexts([("zh.txt", text)]).Items[0];
        Assert.Equal(["zh-Hans"], doc.Languages);
        Assert.Null(doc.LanguageBlocks[0].TranslationOf);
        Assert.True(doc.Asks.Count >= 2, string.Join(" | ", doc.Asks.Select(a => a.Text)));
        Assert.All(doc.Asks, a => Assert.Equal("zh-Hans", a.Language));
    }

    [Fact]
    public void An_unrelated_chinese_block_is_not_a_translation()
    {
        Assert.False(Languages.IsTranslation(English, "香港記者協會今日發表年度報告，指新聞自由持續惡化。\n"));
    }
}

public class SharedDateLineTests
{
    [Theory]
    [InlineData("2021年3月3日", "2021-03-03")]
    [InlineData("发布于2021年3月3日", "2021-03-03")]
    [InlineData("March 3, 2021", "2021-03-03")]
    public void A_date_line_two_documents_share_is_each_ones_date_not_chrome(string dateLine, string expected)
    {
        // Lines in two documents or more are taken for a site's navigation unless they could carry a date: two statements
        // of the same day must both keep theirs, in Chinese as in English.
        var corpus = Corpus.FromTexts([
            ("a.txt", $"声明一\n{dateLine}\n我们敦促美国国务院提出班禅喇嘛的案件。\n"),
            ("b.txt", $"声明二\n{dateLine}\n我们敦促美国国会通过香港法案。\n"),
        ]);
        Assert.All(corpus.Items, d => Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), d.Date));
    }
}
