namespace AskShift.Tests.Extract;

public class ExtractTests
{
    static Document One(string text) => Corpus.FromTexts([("doc.txt", text)]).Items[0];

    [Fact]
    public void A_numbered_list_after_a_lead_in_gives_one_numbered_ask_per_item_with_exact_offsets()
    {
        const string text = "Joint NGO Letter on Hong Kong\n\nDear Secretary Blinken,\n\nWe write ahead of your trip. We recommend that the Department:\n\n" +
                            "1. Impose Global Magnitsky sanctions on officials responsible for the crackdown in Hong Kong.\n" +
                            "2. Extend safe haven to Hong Kong residents at risk of political prosecution.\n" +
                            "3. Support the creation of a UN special rapporteur on China.\n\nSincerely,\nHong Kong Democracy Council\n";
        var doc = One(text);
        Assert.Equal(3, doc.Asks.Count);
        Assert.All(doc.Asks, a => Assert.Equal(AskForm.NumberedItem, a.Form));
        Assert.All(doc.Asks, a => Assert.Equal(a.Text, text[a.Start..a.End]));
        Assert.Equal("Impose Global Magnitsky sanctions on officials responsible for the crackdown in Hong Kong", doc.Asks[0].Text);
        Assert.Equal([1, 2, 3], doc.Asks.Select(a => a.Ordinal));
    }

    [Fact]
    public void A_numbered_list_past_item_99_is_still_a_list()
    {
        // A report's recommendations can run into the hundreds; each item names a different body, so none restates another.
        var text = "Recommendations to the US government\n\nWe recommend that the administration:\n\n" +
                   string.Concat(Enumerable.Range(1, 120).Select(i => $"{i}. Sanction the officials of district {i} responsible for detention camp number {i * 7}.\n")) +
                   "\n1989. The year of the Tiananmen crackdown is not an item.\n";
        var doc = One(text);
        Assert.Equal(120, doc.Asks.Count);
        Assert.All(doc.Asks, a => Assert.Equal(AskForm.NumberedItem, a.Form));
        Assert.StartsWith("Sanction the officials of district 120 ", doc.Asks[^1].Text);
    }

    [Fact]
    public void A_flattened_list_on_its_own_line_is_split_too()
    {
        const string text = "We recommend that the United States:\n\n1. Fund tools that get around the Great Firewall; 2. Publicly recognize the work of human rights defenders; 3. Urge Beijing to repeal the overseas NGO law.\n";
        var doc = One(text);
        Assert.Equal(["Fund tools that get around the Great Firewall", "Publicly recognize the work of human rights defenders", "Urge Beijing to repeal the overseas NGO law"],
            doc.Asks.Select(a => a.Text));
        Assert.All(doc.Asks, a => Assert.Equal(AskForm.NumberedItem, a.Form));
    }

    [Fact]
    public void Asks_and_lead_ins_repeated_across_documents_are_content_not_chrome()
    {
        // At corpus scale the same stock lead-in and the same ask recur (reposted joint letters); navigation repeats too.
        string Doc(string org, string extra) => $"Skip to main content\nDonate Now\n\n{org} letter\n\nPublished on March 3, 2021\n\n" +
            "We recommend that the US government:\n\n• Impose targeted sanctions on officials responsible for abuses in Xinjiang;\n" +
            $"• {extra}.\n\nSkip to main content\n";
        var corpus = Corpus.FromTexts([("a.txt", Doc("Group A", "Raise the case of Ilham Tohti at every meeting")),
                                       ("b.txt", Doc("Group B", "Fund independent Chinese-language media")),
                                       ("c.txt", Doc("Group C", "Grant asylum to Uyghurs at risk of return"))]);
        foreach (var d in corpus.Items)
        {
            Assert.Equal(2, d.Asks.Count);
            Assert.Contains(d.Asks, a => a.Text.StartsWith("Impose targeted sanctions", StringComparison.Ordinal));
            Assert.Contains(d.Chrome, c => d.RawText[c.Start..c.End].Trim() == "Skip to main content");
            Assert.DoesNotContain(d.Chrome, c => d.RawText[c.Start..c.End].Contains("recommend", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_list_flattened_into_one_paragraph_is_split_at_its_numbers()
    {
        const string text = "The coalition calls on the administration to: 1. Appoint a special envoy for Tibet. 2. Restrict exports of surveillance technology to Chinese police. 3. Fund independent Chinese-language media. The coalition was founded in 2012.";
        var doc = One(text);
        Assert.Equal(["Appoint a special envoy for Tibet", "Restrict exports of surveillance technology to Chinese police", "Fund independent Chinese-language media"],
            doc.Asks.Select(a => a.Text));
    }

    [Fact]
    public void Should_urge_call_on_and_recommend_that_sentences_addressed_to_the_us_are_asks()
    {
        var doc = One("Washington should suspend police training programmes with China. The groups urged Congress to hold hearings on forced labour. " +
                      "They called on the Treasury to freeze the assets of responsible officials. The report recommends that the US government publish an annual list of detained journalists.");
        Assert.Equal(4, doc.Asks.Count);
        Assert.All(doc.Asks, a => Assert.Equal(AskForm.Sentence, a.Form));
        Assert.StartsWith("should suspend", doc.Asks[0].Text);
        Assert.StartsWith("urged Congress to hold", doc.Asks[1].Text);
    }

    [Fact]
    public void Asks_of_other_governments_are_not_asks_of_the_us()
    {
        var doc = One("The Chinese government should release all detained lawyers. The groups urged the European Union to suspend the investment deal. Beijing must end its crackdown.");
        Assert.Empty(doc.Asks);
    }

    [Fact]
    public void Reported_recommendations_are_split_into_one_ask_each()
    {
        var doc = One("The remaining recommendations were to impose visa bans on officials, expand refugee admissions and establish a task force on transnational repression.");
        Assert.Equal(["impose visa bans on officials", "expand refugee admissions", "establish a task force on transnational repression"], doc.Asks.Select(a => a.Text));
        Assert.All(doc.Asks, a => Assert.Equal(AskForm.ReportedSpeech, a.Form));
    }

    [Fact]
    public void Highlighted_the_need_for_the_us_is_a_reported_ask()
    {
        var doc = One("At the hearing, the director highlighted the need for the US to coordinate export controls with its allies.");
        var ask = Assert.Single(doc.Asks);
        Assert.Equal(AskForm.ReportedSpeech, ask.Form);
        Assert.StartsWith("highlighted the need for the US", ask.Text);
    }

    [Fact]
    public void Analysis_text_repairs_glued_words_while_text_stays_raw()
    {
        var doc = One("The U.S.governmentshould raise thecases of detainedlawyers at every meeting.");
        var ask = Assert.Single(doc.Asks);
        Assert.Equal("should raise thecases of detainedlawyers at every meeting", ask.Text);
        Assert.Equal("should raise the cases of detained lawyers at every meeting", ask.AnalysisText);
    }

    [Fact]
    public void A_summary_sentence_restating_a_list_item_is_not_counted_twice()
    {
        const string text = "The letter asks the US government to impose sanctions on officials responsible for abuses in Xinjiang. It recommends:\n" +
                            "• Impose sanctions on officials responsible for abuses in Xinjiang;\n• Ban imports made with forced labour.\n";
        var doc = One(text);
        Assert.Equal(2, doc.Asks.Count);
        Assert.All(doc.Asks, a => Assert.Equal(AskForm.BulletItem, a.Form));
    }
}

public class UnmarkedListTests
{
    [Fact]
    public void Paragraphs_opening_with_imperative_headings_are_list_items_and_their_recommend_that_clauses_count()
    {
        const string text = "Thirty groups wrote to the President on Tuesday. The letter sets out its recommendations, including\n" +
                            "Restore funding for democracy programmes in Hong Kong. The letter recommends that the State Department reopen the consular office in Guangzhou for asylum seekers.\n" +
                            "Ban imports from companies using Uyghur forced labour. The groups said the measure is overdue.\n" +
                            "The letter closes by thanking the President.\n";
        var doc = Corpus.FromTexts([("l.txt", text)]).Items[0];
        Assert.Equal(["Restore funding for democracy programmes in Hong Kong",
                      "recommends that the State Department reopen the consular office in Guangzhou for asylum seekers",
                      "Ban imports from companies using Uyghur forced labour"], doc.Asks.Select(a => a.Text));
        Assert.All(doc.Asks, a => Assert.Equal(AskForm.BulletItem, a.Form));
    }
}

public class LetterTests
{
    [Fact]
    public void In_a_letter_to_a_us_official_you_is_the_us_government()
    {
        const string text = "March 2, 2023\n\nDear Secretary Blinken,\n\nWe write as organisations defending press freedom. We urge you to raise the case of Jimmy Lai in your meetings. " +
                            "You should also press for consular access for detained US citizens. We respectfully request that your department publish the names of officials sanctioned.\n\nSincerely,\nPEN America\n";
        var doc = Corpus.FromTexts([("letter.txt", text)]).Items[0];
        Assert.Equal(3, doc.Asks.Count);
        Assert.StartsWith("urge you to raise the case of Jimmy Lai", doc.Asks[0].Text);
        Assert.StartsWith("should also press", doc.Asks[1].Text);
        Assert.StartsWith("request that your department", doc.Asks[2].Text);
    }

    [Fact]
    public void In_a_letter_to_someone_else_you_is_not_the_us()
    {
        const string text = "Dear Chief Executive Lee,\n\nWe urge you to release Jimmy Lai. You should repeal the national security law.\n";
        Assert.Empty(Corpus.FromTexts([("letter.txt", text)]).Items[0].Asks);
    }
}
