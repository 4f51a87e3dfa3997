namespace AskShift.Tests.Extract;

/// <summary>Each ask pattern added for documents beyond the seeds, on an input written for it.</summary>
public class AskPatternTests
{
    static Document One(string text) => Corpus.FromTexts([("doc.txt", text)]).Items[0];
    internal static IReadOnlyList<string> Asks(string text) => One(text).Asks.Select(a => a.Text).ToList();

    [Theory]
    [InlineData("The coalition also wants the US government to press for access to detention sites.", "wants the US government to press for access to detention sites")]
    [InlineData("Advocates pressed the State Department to designate the abuses as crimes against humanity.", "pressed the State Department to designate the abuses as crimes against humanity")]
    [InlineData("The families appealed to President Biden to raise their relatives' cases with Beijing.", "appealed to President Biden to raise their relatives' cases with Beijing")]
    [InlineData("The coalition urged Secretary Blinken to be unequivocal with Beijing about the camps.", "urged Secretary Blinken to be unequivocal with Beijing about the camps")]
    [InlineData("The families travelled to Washington in the hope that Congress will fund the broadcasts again.", "in the hope that Congress will fund the broadcasts again")]
    [InlineData("We are hoping that President Biden can help free the detained pastors before the summit.", "hoping that President Biden can help free the detained pastors before the summit")]
    public void News_prose_reports_asks_with_an_addressee(string text, string expected) =>
        Assert.Contains(expected, Asks(text));

    [Theory]
    [InlineData("The families appealed to Congress for help in securing the release of their relatives.", "appealed to Congress for help in securing the release of their relatives")]
    [InlineData("Exiled writers asked Washington for more support for independent Tibetan media.", "asked Washington for more support for independent Tibetan media")]
    [InlineData("The monks turned to the State Department for protection after the raids.", "turned to the State Department for protection after the raids")]
    public void A_US_addressee_asked_for_help_or_support_is_asked(string text, string expected) =>
        Assert.Contains(expected, Asks(text));

    [Theory]
    [InlineData("Reporters asked the State Department for comment on the detentions.")]
    [InlineData("The families appealed to the United Nations for help in finding their relatives.")]
    [InlineData("The lawyers asked the court in Beijing for more time to prepare the defence.")]
    public void Asking_a_US_addressee_for_comment_or_another_body_for_help_is_no_ask(string text) =>
        Assert.Empty(One(text).Asks);

    [Theory]
    [InlineData("Chinese Human Rights Defenders urged the State Department to raise the cases of the detained lawyers.", "urged the State Department to raise the cases of the detained lawyers")]
    [InlineData("A Beijing-based lawyer urged the US government to speak up for his clients.", "urged the US government to speak up for his clients")]
    [InlineData("We describe the conduct of the CCP and solemnly call on the U.S. government to boycott the Games.", "call on the U.S. government to boycott the Games")]
    public void China_in_an_advocates_name_or_as_an_object_leaves_the_ask(string text, string expected) =>
        Assert.Contains(expected, Asks(text));

    [Theory]
    [InlineData("a)", "b)", "c)")]
    [InlineData("(a)", "(b)", "(c)")]
    [InlineData("i.", "ii.", "iii.")]
    [InlineData("(i)", "(ii)", "(iii)")]
    [InlineData("(1)", "(2)", "(3)")]
    public void Items_marked_by_letters_roman_numerals_or_bracketed_numbers_under_a_short_lead_in_are_asks(string m1, string m2, string m3)
    {
        var text = $"Letter on the detained poets\nMay 4, 2021\n\nSpecifically, you should:\n{m1} press for the release of the poets;\n{m2} insist on consular access to the prisons;\n{m3} speak publicly about the crackdown on writers.\n";
        Assert.Equal(["press for the release of the poets", "insist on consular access to the prisons", "speak publicly about the crackdown on writers"], Asks(text));
    }

    [Fact]
    public void A_line_opening_with_e_g_is_no_list_item() =>
        Assert.DoesNotContain(Asks("Steps taken so far\nMay 4, 2021\n\nThe groups listed what the State Department has done.\ne.g. the visa bans of last year were extended.\n"),
            a => a.StartsWith("the visa bans"));

    static IReadOnlyList<string> LetterAsks(string body) =>
        Asks($"Letter on the detained writers\nMay 4, 2022\n\nDear Secretary Blinken,\n\nWe write on behalf of nine organisations. {body}\n\nSincerely,\nThe coalition\n");

    [Theory]
    [InlineData("We hope you will make the writers' release a priority on your trip.", "hope you will make the writers' release a priority on your trip")]
    [InlineData("We are counting on you to speak out for the imprisoned poets.", "counting on you to speak out for the imprisoned poets")]
    [InlineData("Kindly ensure that the families receive consular visits.", "Kindly ensure that the families receive consular visits")]
    [InlineData("We look forward to your leadership in securing the release of the writers.", "We look forward to your leadership in securing the release of the writers")]
    [InlineData("We would welcome your public support for the imprisoned editors.", "We would welcome your public support for the imprisoned editors")]
    [InlineData("We therefore request that the Department publish its assessment of the trials.", "request that the Department publish its assessment of the trials")]
    public void A_letter_to_a_US_official_asks_in_courteous_forms(string body, string expected) =>
        Assert.Contains(expected, LetterAsks(body));

    [Theory]
    [InlineData("We appreciate your support for our work over the years.")]
    [InlineData("We hope the summit will be productive for both sides.")]
    [InlineData("We welcomed your statement of last week.")]
    public void Thanks_and_hopes_for_others_in_a_letter_are_no_asks(string body) =>
        Assert.Empty(LetterAsks(body));

    [Fact]
    public void A_numbered_item_wrapped_with_a_hanging_indent_is_read_whole()
    {
        var text = "Recommendations to the administration\nMay 2, 2023\n\nThe coalition recommends that the administration:\n\n" +
                   "  1. Impose sanctions on the officials responsible for the detention\n     of lawyers and their families;\n" +
                   "  2. Raise the cases of the detained lawyers in every meeting with\n     Chinese officials.\n";
        Assert.Equal(["Impose sanctions on the officials responsible for the detention\n     of lawyers and their families",
                      "Raise the cases of the detained lawyers in every meeting with\n     Chinese officials"], Asks(text));
    }

    [Theory]
    [InlineData("The undersigned organisations call on the State Department to press for the release of the detained editors.", "call on the State Department to press for the release of the detained editors")]
    [InlineData("We, the undersigned, write to press for the release of the detained editors.", "press for the release of the detained editors")]
    public void The_verb_a_request_asks_for_does_not_start_an_ask_of_its_own(string text, string expected) =>
        Assert.Equal([expected], Asks(text));

    [Fact]
    public void An_ask_wrapped_across_lines_at_a_fixed_width_is_read_whole()
    {
        var text = "Statement on the detained editors\nJune 3, 2021\n\n" +
                   "The undersigned organisations call on the State Department to\n" +
                   "press for the release of the editors detained in Hong Kong and to\n" +
                   "restore the funding for independent Cantonese broadcasting without\n" +
                   "delay.\n";
        var asks = Asks(text);
        Assert.Contains(asks, a => a.StartsWith("call on the State Department to\npress for the release of the editors detained in Hong Kong"));
        Assert.Contains(asks, a => a.Contains("restore the funding for independent Cantonese broadcasting without\ndelay"));
    }

    [Theory]
    [InlineData("The signatories demand that the administration suspend the dialogue until the prisoners are freed.", "demand that the administration suspend the dialogue until the prisoners are freed")]
    [InlineData("We urge that Congress withhold the funds while the journalists who were arrested remain in custody.", "urge that Congress withhold the funds while the journalists who were arrested remain in custody")]
    public void A_that_clause_asks_even_when_a_clause_inside_it_states(string text, string expected) =>
        Assert.Contains(expected, Asks(text));

    [Fact]
    public void A_that_clause_whose_own_verb_states_is_no_ask() =>
        Assert.Empty(One("The groups insist that the situation is critical because the prisoners are ill.").Asks);

    [Theory]
    [InlineData("At the hearing, the groups urged the restoration of Tibetan language broadcasting.", "urged the restoration of Tibetan language broadcasting")]
    [InlineData("Witnesses called for expanded visa bans on prison officials in Xinjiang.", "called for expanded visa bans on prison officials in Xinjiang")]
    [InlineData("The coalition demanded an end to imports made with forced labour.", "demanded an end to imports made with forced labour")]
    public void Asks_for_an_action_named_as_a_noun_are_reported_asks(string text, string expected)
    {
        var doc = One(text);
        var ask = Assert.Single(doc.Asks);
        Assert.Equal(expected, ask.Text);
        Assert.Equal(AskForm.ReportedSpeech, ask.Form);
    }

    [Theory]
    [InlineData("Foreign Minister Wang called for cooperation with the United States on climate.")]
    [InlineData("The Chinese embassy urged Washington to stop interfering in the country's internal affairs.")]
    [InlineData("Beijing called on the United States to stop meddling in Hong Kong.")]
    [InlineData("In a statement, China's foreign ministry asked the US government to drop the visa restrictions.")]
    [InlineData("The Chinese government demanded the withdrawal of the bill.")]
    [InlineData("It is a network that advocates for solutions to trafficking worldwide.")]
    [InlineData("The groups urged the European Union to suspend the investment agreement.")]
    [InlineData("The newspaper requested comment from the State Department about the detained reporters.")]
    [InlineData("We hope that the friendship between our peoples will last for generations.")]
    [InlineData("Reporters requested comments on whether Congress would hold a hearing on the camps.")]
    public void Asks_by_the_Chinese_side_of_another_government_or_describing_a_mission_are_not_asks(string text) =>
        Assert.Empty(One(text).Asks);

    [Fact]
    public void A_demands_list_gives_one_ask_per_item()
    {
        var asks = Asks("The students set out four demands: a diplomatic boycott of the Games, an end to the detention camps, the release of Ilham Tohti and sanctions on the officials responsible.");
        Assert.Equal(["a diplomatic boycott of the Games", "an end to the detention camps", "the release of Ilham Tohti", "sanctions on the officials responsible"], asks);
    }

    [Theory]
    [InlineData("Given the crackdown, it is imperative that the United States suspend the dialogue.", "it is imperative that the United States suspend the dialogue")]
    [InlineData("It is essential for Congress to fund Uyghur-language broadcasting.", "It is essential for Congress to fund Uyghur-language broadcasting")]
    [InlineData("The letter asks that the bill be brought to a vote in the Senate this month.", "asks that the bill be brought to a vote in the Senate this month")]
    public void Impersonal_and_that_clause_asks_name_the_US(string text, string expected) =>
        Assert.Contains(expected, Asks(text));

    [Fact]
    public void A_report_quoting_a_letter_to_a_US_official_reads_its_you_as_that_official()
    {
        const string quoted = "The board wrote to Kerry before the talks.\n“We ask you to press your counterparts on the detained monks,” the letter to Secretary Kerry says.";
        Assert.Contains("ask you to press your counterparts on the detained monks", Asks(quoted));
        // Without the letter's US recipient, "you" could be anyone.
        Assert.Empty(One("The board wrote before the talks.\n“We ask you to press your counterparts on the detained monks,” the letter says.").Asks);
        Assert.Contains("it is vital for you to raise the detained lawyers at the UN",
            Asks("The coalition signed a petition addressed to U.S. Ambassador Jane Doe.\nWe believe it is vital for you to raise the detained lawyers at the UN."));
    }

    [Fact]
    public void It_is_crucial_to_act_is_an_ask_only_in_a_letter_to_a_US_official()
    {
        Assert.Empty(One("Observers say it is crucial to understand the new law.").Asks);
        Assert.Contains("it is crucial to raise the case of Gao Zhisheng in Beijing", Asks("Dear Secretary Kerry,\nWe write before your visit: it is crucial to raise the case of Gao Zhisheng in Beijing."));
    }

    [Fact]
    public void Two_different_actions_in_one_sentence_are_two_asks_but_a_noun_list_is_not_split()
    {
        Assert.Equal(["urge the administration to issue a public statement on the mass detentions", "publicly call on Beijing to close the camps"],
            Asks("We urge the administration to issue a public statement on the mass detentions, and publicly call on Beijing to close the camps."));
        Assert.Single(Asks("The United States should increase funding and support for independent media in Hong Kong and Macau."));
    }

    [Fact]
    public void Asks_addressed_to_the_US_together_with_others_count()
    {
        Assert.Contains("urge Presidents Xi and Trump to put the rights of detained lawyers on the summit agenda",
            Asks("We urge Presidents Xi and Trump to put the rights of detained lawyers on the summit agenda."));
    }

    [Fact]
    public void A_headline_ask_counts_only_when_the_body_asks_nothing()
    {
        var restated = One("Groups Urge Obama to Free Liu Xiaobo\n\nTwelve groups today urged President Obama to call for the release of Liu Xiaobo during the summit.\n");
        Assert.Equal(["urged President Obama to call for the release of Liu Xiaobo during the summit"], restated.Asks.Select(a => a.Text));
        // A headline announces the body's asks even in other words (annotators counted 1 headline ask in 22).
        var summary = One("Coalition Urges the Secretary of State to Make Rights the Core of China Policy\n\nThe coalition also called on the Secretary of State to grant asylum to dissidents at risk.\n");
        Assert.Equal(["called on the Secretary of State to grant asylum to dissidents at risk"], summary.Asks.Select(a => a.Text));
        var alone = One("Groups Urge Senate to Fund Tibetan Language Broadcasts\n\nThe hearing ran for three hours and heard five witnesses.\n");
        Assert.Single(alone.Asks);
        var zh = One("人权组织敦促美国制裁官员\n\n多个人权组织周三呼吁美国国会通过法案，制裁侵犯人权的官员。\n");
        Assert.Single(zh.Asks);
    }

    [Theory]
    [InlineData("rally-0312.jpg Two activists (L) and a pastor (R) urge Congress to pass the bill, Washington, March 12, 2019.")]
    [InlineData("A student leader (2nd R) calls on the State Department to grant asylum to the protesters, in New York.")]
    public void A_photo_caption_is_not_an_ask(string caption)
    {
        var doc = One("Groups rally for detained lawyers\n\n" + caption + "\n\nThe groups met reporters after the rally.");
        Assert.Empty(doc.Asks);
        // The same words outside a caption ask.
        Assert.Single(One("Groups rally for detained lawyers\n\nTwo activists and a pastor urge Congress to pass the bill.").Asks);
    }

    [Fact]
    public void An_entry_in_a_list_of_related_articles_is_not_an_ask()
    {
        var doc = One("The coalition urged the Secretary of State to raise the detained lawyers in Beijing.\n\nRelated\n\n" +
                      "Monitor Welcomes New Visa Bans, Urges Congress to Fund Tibetan Broadcasts, May 4, 2022\n\n" +
                      "Rights groups call on the Treasury to widen sanctions, Rights Weekly, June 2021\n");
        Assert.Equal(["urged the Secretary of State to raise the detained lawyers in Beijing"], doc.Asks.Select(a => a.Text));
    }

    [Fact]
    public void A_verb_after_a_plural_subject_still_asks_and_a_headline_may_open_with_a_number()
    {
        Assert.Equal(["call for the release of the detained lawyers"], Asks("The groups call for the release of the detained lawyers."));
        var doc = One("2015 Laureates Urge President to Act\n\nThe laureates today urged President Obama to raise the case of Liu Xiaobo with Xi.\n");
        Assert.Equal(["urged President Obama to raise the case of Liu Xiaobo with Xi"], doc.Asks.Select(a => a.Text));
    }

    [Fact]
    public void A_headline_behind_a_scraped_date_field_is_still_a_headline()
    {
        var doc = One(" date 2021-05-04 Groups Urge President Biden to Boycott the Games\n\nThe groups today urged President Biden to announce a diplomatic boycott of the Games.\n");
        Assert.Equal(["urged President Biden to announce a diplomatic boycott of the Games"], doc.Asks.Select(a => a.Text));
    }

    [Theory]
    [InlineData("The Uyghur Forced Labor Act, which would call for an end to imports made in the region, passed the House.")]
    [InlineData("It is a coalition that will also press for reforms in every country it works in.")]
    [InlineData("However, a strong push for the release of the lawyers will reassure activists across China.")]
    [InlineData("The call for a boycott of the Games divided the athletes.")]
    public void What_a_bill_or_a_body_would_do_is_not_an_ask(string text) =>
        Assert.Empty(One(text).Asks);

    [Fact]
    public void An_ask_repeated_word_for_word_counts_once()
    {
        var doc = One("Campaign update\nWe urge the Senate to pass the Tibet access bill this year.\nSidebar\nWe urge the Senate to pass the Tibet access bill this year.\n");
        Assert.Single(doc.Asks);
    }

    [Fact]
    public void Noun_phrase_bullets_are_asks_after_an_asking_lead_in_only()
    {
        Assert.Empty(One("My testimony covers two developments:\n- The growing reach of police abroad.\n- The closing of independent media.\n").Asks);
        Assert.Equal(2, One("We recommend the following measures:\n- Targeted sanctions on police commanders.\n- Safe haven for journalists at risk.\n").Asks.Count);
    }

    [Theory]
    [InlineData("Sanctions should be imposed on the police commanders responsible for the raids.", "should be imposed on the police commanders responsible for the raids")]
    [InlineData("It is vitally important that the United States raise the case of Ilham Tohti.", "It is vitally important that the United States raise the case of Ilham Tohti")]
    public void Passive_policy_asks_and_vitally_important_asks_are_found(string text, string expected) =>
        Assert.Contains(expected, Asks(text));

    [Fact]
    public void A_second_modal_without_a_subject_shares_the_first_ones_and_an_apposition_is_not_split()
    {
        Assert.Equal(2, One("The administration should suspend the dialogue, and should also expel the security attaché from the embassy.").Asks.Count);
        Assert.Equal(["urged the newly elected president, Donald Trump, to end the dialogue with Beijing"],
            Asks("The groups urged the newly elected president, Donald Trump, to end the dialogue with Beijing."));
    }

    [Fact]
    public void A_chinese_lead_in_ending_in_a_colon_is_not_an_ask_and_a_negative_modal_is()
    {
        var asks = One("我们向美国政府发出请求：希望美国政府接纳更多的难民。").Asks.Select(a => a.Text).ToList();
        Assert.Equal(["希望美国政府接纳更多的难民"], asks);
        Assert.Single(One("美国不应让这次访问带来任何好处。").Asks);
    }
    [Fact]
    public void An_ask_cut_off_by_the_end_of_a_scrape_is_flagged_and_a_fragment_is_dropped()
    {
        var kept = One("The groups urged the State Department to impose sanctions on the officials who ran the camps in");
        Assert.True(Assert.Single(kept.Asks).Truncated);
        Assert.Empty(One("We make three recommendations.\n- Coordinate multilateral efforts to").Asks);
        Assert.False(Assert.Single(One("The groups urged the State Department to impose sanctions on camp officials.").Asks).Truncated);
    }

    [Fact]
    public void List_items_after_a_short_label_and_bullets_without_a_space_are_items()
    {
        var asks = Asks("Our recommendations:\nEconomic pressure: Impose sanctions on the officials who run the camps.\nMedia freedom: Fund independent Chinese-language journalism.\n*Raise the cases of detained lawyers at every meeting;\n");
        Assert.Equal(["Impose sanctions on the officials who run the camps", "Fund independent Chinese-language journalism", "Raise the cases of detained lawyers at every meeting"], asks);
    }

    [Fact]
    public void A_list_item_of_separate_imperative_sentences_holds_one_ask_per_sentence()
    {
        var asks = Asks("We recommend that the administration:\n1. Expand visa bans on officials who direct the camps. Consider suspending the bilateral investment talks until the camps close.\n2. Fund independent media.\n");
        Assert.Equal(3, asks.Count);
        Assert.Equal("Consider suspending the bilateral investment talks until the camps close", asks[1]);
    }

    [Theory]
    [InlineData("人权团体希望新政府将新疆问题列入优先议程，并敦促当选总统确保其政府采取具体措施。", 2)]
    [InlineData("国际特赦组织呼吁美国国会通过维吾尔强迫劳动预防法。", 1)]
    [InlineData("人权团体要求中国政府释放被拘留的律师。", 0)]
    [InlineData("在美国国会的听证会上，人权团体呼吁香港特区政府释放所有政治犯。", 0)] // a regional authority of the PRC
    [InlineData("美國國會議員聽取證詞後，多個團體敦促西藏當局公開失蹤僧侶的下落。", 0)]
    [InlineData("人權組織敦促中華人民共和國政府停止拘押記者，並呼籲美國國務院公開關注此案。", 1)]
    [InlineData("美國國會聽證會上，人權組織敦促中華人民共和國政府停止拘押記者。", 0)] // the US named first, the PRC asked
    [InlineData("美國總統訪華前，人權團體建議中國政府撤銷對律師的指控。", 0)]
    [InlineData("人权团体希望中国问题成为美国新政府外交政策的优先事项。", 1)] // a hope whose topic is China asks the US
    [InlineData("美国国会议员积极响应要求中国释放被关押律师的呼吁。", 0)] // 响应 (respond) holds no "should"
    [InlineData("人权团体呼吁美国正视中国当局迫害法轮功已持续多时，并敦促国会通过法案。", 2)] // 当局 and 多时 frame no time
    [InlineData("人权团体呼吁美国政府关注此事;要求中国释放所有政治犯。", 1)] // after a semicolon, the group's own demand
    [InlineData("美国总统访华前夕，人权团体希望中国释放刘晓波。", 0)] // a hope that China acts
    [InlineData("人权团体呼吁美国政府关注此事，同时，敦促中国释放所有政治犯。", 1)] // "meanwhile": the group's own demand
    [InlineData("美国总统访华前夕，人权团体希望北京当局与宗教领袖展开对话。", 0)] // a hope addressed to Beijing
    [InlineData("人權團體建議中國政府撤銷對律師的指控，並希望美國國會通過相關法案。", 1)]
    [InlineData("美國國務卿下月訪問北京，應趁機要求中國釋放被關押的記者。", 1)] // the US is to make the demand
    [InlineData("美國總統出訪前，人權團體表示，他必須當面要求習近平停止迫害。", 1)]
    public void Chinese_asks_of_the_US_are_split_per_marker_and_asks_of_Beijing_are_not_counted(string text, int expected) =>
        Assert.Equal(expected, One(text).Asks.Count);

    [Fact]
    public void A_demand_of_China_after_a_request_of_the_US_continues_it()
    {
        var asks = Asks("人权团体呼吁美国总统，敦促中国领导人释放所有政治犯，要求中国停止迫害宗教信徒。");
        Assert.Equal("呼吁美国总统，敦促中国领导人释放所有政治犯，要求中国停止迫害宗教信徒", Assert.Single(asks));
        // A request made of a pronoun runs on through what it is to demand of China.
        Assert.Single(Asks("美国总统即将访华，两位学者写信请求他敦促中国政府释放患病的记者并关注其他政治犯。"));
        // So does one made of a longer addressee, one with an adverb, and a chain of demands each ended by a comma.
        Assert.Single(Asks("人权团体敦促美国总统拜登和国务卿布林肯要求中国释放所有政治犯。"));
        Assert.Equal("呼吁美国政府也要求中国释放所有政治犯", Assert.Single(Asks("人权团体呼吁美国政府也要求中国释放所有政治犯。")));
        Assert.Single(Asks("人权团体呼吁美国总统，敦促中国领导人无条件释放包括记者和律师在内的所有政治犯，要求中国停止迫害宗教信徒。"));
        // After 並 the second demand is the group's own, of China: the US ask ends before it.
        Assert.Equal("要求美國政府制裁相關官員", Assert.Single(Asks("人權團體要求美國政府制裁相關官員，並敦促中國釋放所有政治犯。")));
    }

    [Theory]
    [InlineData("人權團體要求美國政府拒絕邀請該官員出席峰會，否則制裁將形同虛設。", "要求美國政府拒絕邀請該官員出席峰會")] // a threatened consequence is the reason
    [InlineData("「我們希望美國國會盡快通過這項法案，」人權組織負責人表示。", "希望美國國會盡快通過這項法案")] // the quotation ends the ask
    [InlineData("人權團體呼籲美國政府支持「香港自治法」的實施。", "呼籲美國政府支持「香港自治法」的實施")] // a quoted title inside the ask
    public void A_chinese_ask_ends_before_its_consequence_and_at_its_closing_quotation_mark(string text, string expected) =>
        Assert.Equal(expected, Assert.Single(Asks(text)));

    [Fact]
    public void A_when_clause_ending_in_shihou_runs_on_to_the_action()
    {
        var asks = Asks("我们希望美国总统在与中国领导人会面的时候，要求释放所有被关押的宗教信徒。");
        Assert.Equal("希望美国总统在与中国领导人会面的时候，要求释放所有被关押的宗教信徒", Assert.Single(asks));
        // "在…的同时" ("while …") frames a time too.
        Assert.Single(Asks("我们希望美国总统在和中国领导人会面的同时，要求释放所有被关押的宗教信徒。"));
    }

    [Fact]
    public void Your_Excellency_in_a_chinese_letter_that_names_the_US_is_the_addressee()
    {
        var asks = One("致美国总统的公开信\n我们希望阁下可以更积极地支持中国的民主和人权事业。").Asks;
        Assert.Single(asks);
        Assert.Equal("zh-Hans", asks[0].Language);
    }

    [Fact]
    public void A_quoted_infinitive_a_lower_case_president_and_a_letter_to_the_president_are_asks_of_the_US()
    {
        Assert.Contains("asked the State Department “to press Beijing for access to the region", Asks("Exiles asked the State Department “to press Beijing for access to the region.”"));
        Assert.Equal(2, One("Congress should pass the bill quickly, and the president should sign it into law.").Asks.Count);
        Assert.Single(One("Sample message to President Harris\nWe ask you to boycott the opening ceremony of the Games.").Asks);
        Assert.Empty(One("Sample message\nWe ask you to boycott the opening ceremony of the Games.").Asks);
    }

    [Fact]
    public void Actions_after_a_closing_quote_or_a_repeated_to_are_asks_of_their_own()
    {
        Assert.Equal(3, One("Witnesses urged the administration to press Beijing to end “re-education programmes,” demand consular access for foreign reporters, and restore the exchange programme.").Asks.Count);
        Assert.Equal(2, One("The delegates urged Congress to renew funding for exile schools and to hold officials accountable for the demolitions.").Asks.Count);
    }

    [Fact]
    public void The_main_ask_was_for_is_a_reported_ask()
    {
        var ask = Assert.Single(One("The main ask of the delegation was for the passage of the Tibet access bill.").Asks);
        Assert.StartsWith("ask of the delegation was for the passage", ask.Text);
    }

    [Theory]
    [InlineData("The groups urge the Government of the People's Republic of China to free the detained teachers.")]
    [InlineData("Advocates called on the authorities of the Hong Kong Special Administrative Region to drop the charges.")]
    public void A_request_of_a_state_by_its_formal_name_is_not_an_ask_of_the_US(string text) => Assert.Empty(Asks(text));

    [Theory]
    [InlineData("“The State Department must appoint a coordinator for Tibet without delay,” the letter states, after listing the post's duties.")]
    [InlineData("\"The State Department must appoint a coordinator for Tibet without delay,\" the coalition added in its release.")]
    [InlineData("\"The State Department must appoint a coordinator for Tibet without delay,\" Smith told reporters.")]
    [InlineData("“The State Department must appoint a coordinator for Tibet without delay,” the letter reads.")]
    public void An_ask_ends_where_a_closing_quotation_hands_over_to_its_attribution(string text) =>
        Assert.Equal("must appoint a coordinator for Tibet without delay", Assert.Single(Asks(text)));

    [Fact]
    public void A_noun_after_a_closing_quotation_is_no_attribution()
    {
        var ask = Assert.Single(Asks("We urge the Secretary to raise \"the case of the detained poet,\" the State Department's own priority case, in every meeting with Chinese officials."));
        Assert.EndsWith("in every meeting with Chinese officials", ask);
    }

    [Fact]
    public void A_lead_and_the_quotation_that_repeats_it_are_one_ask_but_similar_distinct_asks_stay_two()
    {
        var repeated = One("The coalition urged Washington to impose sanctions on the officials who run the detention camps. " +
                           "“We urge the US government to impose sanctions on every official who runs the detention camps,” its director said.");
        Assert.Single(repeated.Asks);
        var distinct = One("The coalition urged Washington to sanction police commanders in Lhasa. It also urged Washington to sanction prison officials in Urumqi.");
        Assert.Equal(2, distinct.Asks.Count);
    }

    [Fact]
    public void Third_batch_patterns_on_inputs_of_their_own()
    {
        // "recommend X verb" without "that"; "encourage" + a named action.
        Assert.Contains("recommended Congress reject the proposed cuts to Tibetan programmes", Asks("The witness recommended Congress reject the proposed cuts to Tibetan programmes."));
        Assert.Single(One("The statement encourages continued enforcement of the import ban on goods from the region.").Asks);
        // A request of other governments is not an ask of the US, even with "governments" in it.
        Assert.Empty(One("We request that the British and Canadian governments freeze the assets of these officials.").Asks);
        // ", to make sure ..." is the purpose of the ask, not a second one.
        Assert.Single(One("The President should raise the case with his counterpart, to make sure that the detained lawyers are not forgotten.").Asks);
        // 应 after a US subject.
        Assert.Single(One("人权团体表示，美国国会应尽快通过该法案。").Asks);
        Assert.Empty(One("人权团体表示，各方应对此保持关注。").Asks);
        // An opening clause before the subject of a "recommends that" clause.
        Assert.Single(One("The letter recommends that, when meeting Chinese officials, senior US officials demand the release of detained writers.").Asks);
    }

    [Theory]
    [InlineData("As Secretary Blinken heads to Beijing next week, the coalition urges him to raise the case of Gulshan Abbas.", "urges him to raise the case of Gulshan Abbas")]
    [InlineData("The son appealed personally to President Trump to secure his father's release from prison.", "appealed personally to President Trump to secure his father's release from prison")]
    [InlineData("We urge Special Envoy Adams to convene like-minded governments on the Tibet question.", "urge Special Envoy Adams to convene like-minded governments on the Tibet question")]
    [InlineData("During his stop in Shanghai President Biden should meet the families of detained journalists.", "should meet the families of detained journalists")]
    [InlineData("Sanctions should be brought against the commanders who ordered the raids.", "should be brought against the commanders who ordered the raids")]
    [InlineData("We write to the Secretary of State to urge greater support for Uyghur refugees in Turkey.", "urge greater support for Uyghur refugees in Turkey")]
    [InlineData("We welcome the new import rules and encourage continued enforcement to protect workers in the region.", "encourage continued enforcement to protect workers in the region")]
    public void Addressees_by_pronoun_title_or_purpose_of_writing_are_found(string text, string expected) =>
        Assert.Contains(expected, Asks(text));

    [Theory]
    [InlineData("After meeting Xi Jinping in Beijing, the visiting delegation urged him to free the prisoners.")]
    [InlineData("The letter sent to President Biden should reach the White House before the summit.")]
    [InlineData("For the Communist Party leadership, stability must be the top priority this year.")]
    [InlineData("The fund exists to encourage dialogue between students of the two countries.")]
    public void A_pronoun_for_a_foreign_leader_a_recipient_or_a_priority_of_the_other_side_is_not_an_ask(string text) =>
        Assert.Empty(Asks(text));

    [Fact]
    public void A_priority_is_an_ask_where_the_text_addresses_or_names_the_US()
    {
        Assert.Equal(["must be front and center in your talks in Beijing"],
            Asks("Dear Secretary Rubio,\n\nThe fate of jailed pastors must be front and center in your talks in Beijing.\n"));
        Assert.Single(Asks("The State Department is preparing the dialogue. Religious freedom should remain a top priority in those meetings."));
        Assert.Single(Asks("The President meets Xi next week. Tibet should be at the core of every talk the two leaders hold."));
        Assert.Single(Asks("The US is reviewing its China policy. Ending forced labour must be a central tenet of that policy."));
        // A priority of a text that names no US actor is not the US's.
        Assert.Empty(Asks("The conference opens on Monday. Tibet should be at the core of every talk there."));
    }

    [Fact]
    public void A_chinese_request_with_numbered_points_gives_the_lead_and_each_point()
    {
        var asks = Asks("人权组织呼吁美国国务卿在访华时传达明确信息,其中包括三个要点:一是要求释放被拘留的律师;二是敦促中国政府停止网络审查;三是会见维权人士家属。");
        Assert.Equal(["呼吁美国国务卿在访华时传达明确信息", "要求释放被拘留的律师", "敦促中国政府停止网络审查", "会见维权人士家属"], asks);
    }

    [Fact]
    public void A_chinese_request_by_they_asks_whom_the_sentence_before_named()
    {
        Assert.Equal(["請求立即釋放被拘押的律師"], Asks("人權組織上週向美國國務院遞交請願信。他們請求立即釋放被拘押的律師。"));
        Assert.Empty(Asks("人權組織上週向聯合國遞交請願信。他們請求立即釋放被拘押的律師。"));
        Assert.Equal(["盼國會盡快通過法案"], Asks("香港人昨日到華盛頓遊說議員。他們盼國會盡快通過法案。"));
    }

    [Fact]
    public void What_a_chinese_request_ending_in_a_colon_leads_into_is_its_ask_when_it_names_the_US()
    {
        Assert.Equal(["美國政府在與中國進行任何貿易談判和對話的時候，都不應該忽略人權問題"],
            Asks("學生領袖在記者會上說：「我們要做一個呼籲：美國政府在與中國進行任何貿易談判和對話的時候，都不應該忽略人權問題。」"));
        Assert.Empty(Asks("學生領袖在記者會上說：「我們要做一個呼籲：所有人都應該關心被拘押的律師。」"));
        Assert.Equal(["祈求他說服北京釋放家父"], Asks("他表示，鑑於特朗普總統的影響力，我祈求他說服北京釋放家父。"));
    }

    [Fact]
    public void Demands_numbered_with_digits_under_a_lead_that_names_them_are_asks_each_and_the_lead_is_not()
    {
        var asks = Asks("集会者对美国国会有3点诉求:(1)通过保护流亡记者的法案;(2)制裁负责拘押的官员;(3)为被拘律师的家属提供庇护。");
        Assert.Equal(["通过保护流亡记者的法案", "制裁负责拘押的官员", "为被拘律师的家属提供庇护"], asks);
        // Without a lead that asks or names demands, numbered points are not asks.
        Assert.Empty(Asks("美国国会去年的议程有3个部分:(1)预算;(2)外交;(3)移民。"));
    }

    [Fact]
    public void A_chinese_request_lists_items_between_semicolons_but_a_modal_does_not()
    {
        Assert.Equal(["要求美国国会尽快通过法案", "向流亡记者提供庇护", "在对话中提出宗教自由问题"],
            Asks("该组织要求美国国会尽快通过法案;向流亡记者提供庇护;在对话中提出宗教自由问题。"));
        Assert.Single(Asks("美国不应该给予北京任何让步;中国人民应享有同样的权利。"));
    }

    [Fact]
    public void Two_chinese_asks_on_one_topic_are_not_one_ask_said_twice()
    {
        // Both share most of their characters (人权, 美国, 呼吁), but not what they ask for.
        Assert.Equal(2, Asks("人权观察呼吁美国总统在会谈中提出人权问题。\n人权观察还呼吁美国国会通过维吾尔人权法案。").Count);
    }

    [Fact]
    public void Items_that_follow_a_request_as_these_include_are_asks_each()
    {
        var asks = Asks("The senators called for immediate action from the United States against the crackdown. These include visa bans on the officials who ordered the arrests and the closure of the trade office in Washington.");
        Assert.Contains("visa bans on the officials who ordered the arrests", asks);
        Assert.Contains("the closure of the trade office in Washington", asks);
        Assert.Empty(Asks("The report describes new detention sites. These include former schools and the closure of several mosques."));
    }

    [Fact]
    public void A_chinese_request_of_a_US_official_named_in_either_script_is_an_ask() =>
        Assert.Equal(["促請盧比奧就被拘押牧師的個案向北京施壓"], Asks("人權團體促請盧比奧就被拘押牧師的個案向北京施壓。"));

    [Theory]
    [InlineData("报道说，美国国会去年通过法案，要求国务院每年报告西藏的情况。")]
    [InlineData("该法案要求美国国务院每年提交一份报告。")]
    public void What_a_chinese_law_requires_is_no_ask(string text) =>
        Assert.Empty(Asks(text));

    [Fact]
    public void A_chinese_request_for_a_law_and_a_second_demand_are_two_asks() =>
        Assert.Equal(["呼吁国会通过法案", "要求国务院制裁官员"], Asks("人权组织呼吁国会通过法案，要求国务院制裁官员。"));

    [Theory]
    [InlineData("中國外交部要求美國停止干涉中國內政。")]
    [InlineData("北京呼籲美國尊重中國主權。")]
    [InlineData("中方敦促美方停止售台武器。")]
    public void A_chinese_request_the_Chinese_state_makes_of_the_US_is_no_ask(string text) =>
        Assert.Empty(Asks(text));

    [Theory]
    [InlineData("中国人权捍卫者呼吁美国政府关注被拘押的律师。", "呼吁美国政府关注被拘押的律师")]
    [InlineData("北京時間今天人權團體呼籲美國政府制裁官員。", "呼籲美國政府制裁官員")]
    public void A_chinese_request_by_an_organisation_named_for_China_or_after_Beijing_time_asks(string text, string expected) =>
        Assert.Contains(expected, Asks(text));

    [Fact]
    public void A_chinese_list_of_demands_after_a_colon_gives_each_demand()
    {
        var asks = Asks("他們向美國國會提出三項訴求：制裁涉事官員、開放政治庇護、停止進口棉花。");
        Assert.Equal(["制裁涉事官員", "開放政治庇護", "停止進口棉花"], asks);
    }

    [Theory]
    [InlineData("这是人权组织多年来向美国历届政府提出的请求。")]
    [InlineData("一名要求匿名的美国官员说，白宫已经收到这封信。")]
    [InlineData("白宫发言人说，拜登总统希望两国关系保持稳定。")]
    [InlineData("美国国会议员促请习近平释放被关押的记者。")]
    public void A_chinese_marker_used_as_a_noun_for_anonymity_for_a_US_hope_or_asked_of_Beijing_is_no_ask(string text) =>
        Assert.Empty(Asks(text));

    [Fact]
    public void Lines_under_an_asking_lead_in_are_items_whatever_verb_opens_them()
    {
        var asks = Asks("The Tibet Forum asks the Secretary of State to press Beijing at the talks to:\n\n" +
                        "Halt the demolition of monasteries in Kham.\nAllow diplomats and journalists to travel to Lhasa freely.\n" +
                        "Account for every monk detained since the protests.\n\nThe talks open on Monday.");
        Assert.Equal(["Halt the demolition of monasteries in Kham", "Allow diplomats and journalists to travel to Lhasa freely", "Account for every monk detained since the protests"], asks);
    }

    [Fact]
    public void Lines_under_a_lead_in_that_asks_nothing_are_not_items()
    {
        var asks = Asks("The hearing covered three topics:\n\nReligious schools in Tibet.\nDetentions in Xinjiang since 2017.\nPress freedom in Hong Kong.");
        Assert.Empty(asks);
    }

    [Fact]
    public void A_title_that_labels_its_US_addressee_and_opens_with_an_imperative_is_the_ask_when_the_body_states_none()
    {
        var asks = Asks("Open letter to Secretary Blinken: Raise the case of Ilham Tohti in Beijing\n\nThe scholar has now spent ten years in prison.");
        Assert.Equal(["Raise the case of Ilham Tohti in Beijing"], asks);
        var restated = Asks("Letter to President Biden: Raise the case of Ilham Tohti in Beijing\n\nWe urge President Biden to raise the case of Ilham Tohti with Xi Jinping in Beijing.");
        Assert.Equal(["urge President Biden to raise the case of Ilham Tohti with Xi Jinping in Beijing"], restated);
    }

    [Fact]
    public void The_measures_a_chinese_proposal_lists_are_asks_each()
    {
        var asks = Asks("人权组织的新报告提出多项具体措施，包括制裁负责官员、扩大难民接收名额，以及恢复对独立媒体的资助。报告于周三发布，并送交美国国会。");
        Assert.Equal(["制裁负责官员", "扩大难民接收名额", "恢复对独立媒体的资助"], asks);
    }

    [Fact]
    public void A_run_of_lines_under_a_lead_in_ends_at_a_blank_line_and_a_short_label_leads_into_nothing()
    {
        var asks = Asks("We urge the administration to do the following:\nSanction the officials responsible for the arrests\nRaise the case publicly in Beijing\n\n" +
                        "Human Rights Watch has documented abuses since 2017.");
        Assert.Equal(["Sanction the officials responsible for the arrests", "Raise the case publicly in Beijing"], asks);
        Assert.Empty(Asks("Tibet Advocacy Network\n\nPress contact:\nJohn Smith"));
    }

    [Fact]
    public void A_labelled_imperative_inside_the_body_is_not_a_title()
    {
        var asks = Asks("Statement on Liu Xiaobo\n\nThe laureate remains in prison after eight years.\n\nLetter to Obama: Release Liu Xiaobo. We also call on Congress to hold hearings on his case.");
        Assert.DoesNotContain(asks, a => a.Contains("Release Liu Xiaobo. We also", StringComparison.Ordinal));
        Assert.Contains(asks, a => a.Contains("call on Congress to hold hearings", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("美国国务院敦促中国政府采取措施，包括释放被拘押的律师、停止迫害宗教人士。")] // the measures are asked of China
    [InlineData("美国国会议员表示，如果北京拒绝，将实施制裁，包括冻结资产。")] // 如果 is "if", not a list of measures
    public void Measures_asked_of_china_or_an_if_clause_are_not_listed_asks(string text) =>
        Assert.DoesNotContain(Asks(text), a => a.StartsWith("释放", StringComparison.Ordinal) || a.StartsWith("果", StringComparison.Ordinal) || a.StartsWith("冻结", StringComparison.Ordinal));

    [Fact]
    public void A_line_that_is_only_a_US_title_and_a_comma_opens_a_letter_to_that_official()
    {
        var text = "Secretary Rubio,\n\nAs the petitioners know, the monks have been held for a year.\n\nWe would like you to raise their detention with your counterpart in Beijing.";
        Assert.Equal(["would like you to raise their detention with your counterpart in Beijing"], Asks(text));
        // Without the salutation "you" may be anyone: the reader of a news story.
        Assert.Empty(One("As the petitioners know, the monks have been held for a year. We would like you to raise their detention.").Asks);
    }

    [Fact]
    public void A_second_request_verb_after_a_that_clause_starts_a_second_ask()
    {
        var asks = Asks("Dear Senator,\nI ask that you co-sponsor the Uyghur Policy Act, and implore your colleagues on the committee to schedule a markup before the recess.");
        Assert.Equal(["ask that you co-sponsor the Uyghur Policy Act", "implore your colleagues on the committee to schedule a markup before the recess"], asks);
    }

    [Fact]
    public void Them_stands_for_the_US_when_the_last_group_named_is_a_US_one()
    {
        Assert.Equal(["urge them to co-sponsor the bill on Tibetan broadcasting"],
            Asks("Volunteers met Representatives and their staff on Capitol Hill to urge them to co-sponsor the bill on Tibetan broadcasting."));
        Assert.Empty(One("Relatives wrote to the Chinese authorities to urge them to free the two pastors.").Asks);
    }

    [Fact]
    public void Parallel_infinitives_with_an_adverb_are_separate_asks()
    {
        var asks = Asks("The coalition urged the State Department to designate the camps as crimes against humanity, to swiftly expand the entity list to the firms named in the report, and to call for the release of detained scholars.");
        Assert.Equal(["urged the State Department to designate the camps as crimes against humanity", "swiftly expand the entity list to the firms named in the report", "call for the release of detained scholars"], asks);
    }

    [Fact]
    public void A_Chinese_call_on_the_public_is_not_an_ask_of_the_US()
    {
        Assert.Empty(One("该联盟呼吁海外华人朋友给所在选区的国会议员打电话,支持这项法案。").Asks);
        Assert.Single(One("该联盟呼吁美国国会尽快通过这项法案。").Asks);
    }

    [Fact]
    public void A_quotation_spoken_by_a_US_lawmaker_or_official_is_not_the_authors_ask()
    {
        var text = "The coalition welcomed the vote in the House.\n\n" +
                   "\"The Senate should pass the Tibet bill before the recess,\" said Senator Ann Example of the committee.\n\n" +
                   "Secretary of State Example said: \"Washington must raise the detained monks with Beijing.\"\n\n" +
                   "\"The Senate should pass the broadcasting bill before the recess,\" said Dawa Example, the coalition's director.";
        Assert.Equal(["should pass the broadcasting bill before the recess"], Asks(text));
    }

    [Theory]
    [InlineData("\"The Senate should pass the Tibet bill before the recess,\" said Sen. Example of the committee.")]
    [InlineData("Students met Hong Kong lawmakers to urge them to reject the extradition bill outright.")]
    [InlineData("We would like to thank Congress for its efforts to hold the officials accountable.")]
    [InlineData("President Xi Jinping,\n\nWe urge you to release the detained lawyers before the summit.")]
    public void Reviewed_edges_of_the_new_rules_ask_nothing_of_the_US(string text) => Assert.Empty(One(text).Asks);

    [Fact]
    public void An_NGO_quotation_that_mentions_lawmakers_later_is_still_the_authors()
    {
        Assert.Contains("should pass the broadcasting bill before the recess",
            Asks("\"Congress should pass the broadcasting bill before the recess,\" said Dawa Example, the coalition's director, in a letter to lawmakers."));
    }

    [Fact]
    public void Apply_after_a_comma_is_a_second_action_not_an_adverb()
    {
        var asks = Asks("The coalition urged the Treasury to sanction the officials responsible for the camps, and apply sanctions to the companies named in the report.");
        Assert.Equal(2, asks.Count);
        Assert.StartsWith("apply sanctions", asks[1]);
    }

    [Fact]
    public void A_Chinese_call_on_the_US_to_act_for_the_public_is_an_ask()
    {
        Assert.Single(One("该联盟呼吁美国保护香港居民免受跨国镇压。").Asks);
        Assert.Empty(One("该联盟呼吁全球支持香港的朋友们给议员写信。").Asks);
    }

    [Theory]
    [InlineData("Advocates look to the Biden administration to press Beijing for the release of the jailed journalists.", "look to the Biden administration to press Beijing for the release of the jailed journalists")]
    [InlineData("Kim said the earlier visits had helped and urged senators to press the executive branch to raise the publisher's detention in every bilateral meeting.", "urged senators to press the executive branch to raise the publisher's detention in every bilateral meeting")]
    [InlineData("One witness suggested creating a U.S. office of political prisoner advocacy to prioritise release diplomacy.", "suggested creating a U.S. office of political prisoner advocacy to prioritise release diplomacy")]
    [InlineData("Foreign governments—not least the United States—need to urge the city's leaders to free the detained students.", "need to urge the city's leaders to free the detained students")]
    public void Seventh_batch_forms_of_asking_the_US(string text, string expected) => Assert.Contains(expected, Asks(text));

    [Theory]
    [InlineData("The Tibetan Policy Act mandates that the president should press Beijing to resume talks with the Dalai Lama's envoys.")]
    [InlineData("China's foreign ministry reacted, stating, “We urge a few politicians of the US to respect the rule of law and stop meddling.”")]
    [InlineData("Analysts suggested nothing the United States could do would change Beijing's course before the congress.")]
    [InlineData("The visit, proposed during the talks in Washington, never took place.")]
    [InlineData("Dear friends,\n\nWe now need your donations to keep the shelter in Dharamsala open through the winter.")]
    public void What_a_law_requires_the_Chinese_side_urges_or_a_reader_is_asked_is_no_ask_of_the_US(string text) => Assert.Empty(One(text).Asks);

    [Fact]
    public void A_letter_to_a_US_official_asks_for_what_its_writers_need_of_you()
    {
        var asks = Asks("Dear Mr. President,\n\nOur city has changed beyond recognition this year.\nWe now need your public support and the diplomatic efforts of the United States to keep our city free.\n");
        Assert.Contains(asks, a => a.Contains("need your public support and the diplomatic efforts of the United States to keep our city free", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("人权组织致函希拉里，敦促她在即将以国务卿身份访华期间推动人权改善。", "敦促她在即将以国务卿身份访华期间推动人权改善")]
    [InlineData("人权组织希望美国国会尽快通过保护香港难民的法案。", "希望美国国会尽快通过保护香港难民的法案")]
    public void Chinese_asks_of_the_secretary_of_state_and_hopes_that_a_bill_passes(string text, string expected) => Assert.Contains(expected, Asks(text));

    [Theory]
    [InlineData("美国国会通过了要求释放人权律师的决议案。")]
    [InlineData("国务院发言人此举不应视为个人行为，而是美国政府的信号。")]
    public void A_Chinese_marker_describing_a_resolution_or_how_a_gesture_should_be_seen_is_no_ask(string text) => Assert.Empty(One(text).Asks);

    [Fact]
    public void A_title_case_subheading_below_the_top_gives_way_to_the_body_ask()
    {
        var asks = Asks("Tibetan Protests Greet the Visiting Leader on His First Trip to the US\n\n\nFor Immediate Release\nJune 7, 2013\n***Photo Opportunity\n" +
                        "Jane Doe, Example Tibet Group, 555-266-0100\nJohn Roe, Example Tibet Group, 555-289-0101\nAnn Poe, Example Friends of Tibet, 555-264-0102\nEd Loe, Example Youth Congress, 555-566-0103\n\n" +
                        "Tibetans Urge President Obama to Prioritize Freedom for Their Homeland\n" +
                        "Palm Springs – Activists gathered at the resort today and called on President Obama to confront the Chinese leader over the self-immolations.\n" +
                        "“We are here for the monks and nuns who cannot speak,” said Jane Doe of the group.\nThe two leaders are expected to discuss trade, cyber security and North Korea.\n\n" +
                        "The protest will continue through the weekend as the visit goes on.\n");
        Assert.Equal(["called on President Obama to confront the Chinese leader over the self-immolations"], asks);
    }

    [Theory]
    [InlineData("Tibetans Urge President Obama to Raise Tibet at the Summit", true)]
    [InlineData("Groups Call for the Release of Ilham Tohti", true)]
    [InlineData("Tibetans urge President Obama to raise Tibet at the summit", false)]
    [InlineData("Release Ilham Tohti Now", false)] // too short to tell a subheading from a label
    public void Title_case_means_every_word_but_short_function_words_is_capitalised(string line, bool expected) =>
        Assert.Equal(expected, AskShift.Extract.AskExtractor.TitleCase(line));

    [Theory]
    [InlineData("The foundation issued a statement calling the U.S. government and people around the world to remember the prisoners of conscience.", "calling the U.S. government and people around the world to remember the prisoners of conscience")]
    [InlineData("The United States and its allies must press Beijing to free the detained editors.", "must press Beijing to free the detained editors")]
    public void Eighth_batch_forms_of_asking_the_US(string text, string expected) =>
        Assert.Contains(Asks(text), a => a.Contains(expected, StringComparison.Ordinal));

    [Theory]
    [InlineData("Xi and his officials must hear the voices of the families too.")]
    [InlineData("白宫表示，美国总统说「因此我提出这个要求，我们就静观事态发展」。")]
    [InlineData("美国总统并未说明何时向北京提出这项请求，两人上月曾通电话。")]
    public void An_officials_own_side_and_a_Chinese_marker_after_a_demonstrative_are_no_ask(string text) => Assert.Empty(One(text).Asks);

    [Theory]
    [InlineData("Press freedom in Hong Kong must remain an American foreign-policy priority.", "must remain an American foreign-policy priority")]
    [InlineData("Exiled activists are lobbying Congress to pass a bill that would sanction the city's judges.", "lobbying Congress to pass a bill that would sanction the city's judges")]
    [InlineData("The two veteran democrats asked for American support in keeping the city's courts independent.", "asked for American support in keeping the city's courts independent")]
    [InlineData("The campaign urges the House to strengthen the reporting section of the bill.", "urges the House to strengthen the reporting section of the bill")]
    [InlineData("Dear Secretary Blinken,\n\nPlease raise the case of the jailed pastor when you meet your counterpart.\n", "Please raise the case of the jailed pastor when you meet your counterpart")]
    [InlineData("人权团体促请美府尽快制裁打压记者的官员。", "促请美府尽快制裁打压记者的官员")]
    [InlineData("流亡团体呼吁参、众两院尽快审议保护港人的法案。", "呼吁参、众两院尽快审议保护港人的法案")]
    public void Ninth_batch_forms_of_asking_the_US(string text, string expected) =>
        Assert.Contains(Asks(text), a => a.Contains(expected, StringComparison.Ordinal));

    [Theory]
    [InlineData("Some forty volunteers came to lobby their senators to back the bill on the detained reporters.")]
    [InlineData("Lobby Day 2024 will help Congress to pass the bill on the detained reporters.")]
    [InlineData("The ministry was asked for the figures but did not reply before publication.")]
    [InlineData("The campaign urges the House of Commons to sanction the city's judges.")]
    [InlineData("Dear Secretary Blinken,\n\nPlease visit our site to read the full report on the detained pastor.\n")]
    [InlineData("Dear Secretary Blinken,\n\nPlease accept our warm wishes as you take up your post.\n")]
    [InlineData("Dear Secretary Blinken,\n\nPlease do not hesitate to write to our office.\n")]
    [InlineData("The families asked for us to keep their names out of the report.")]
    public void Ninth_batch_look_alikes_ask_nothing_of_the_US(string text) => Assert.Empty(One(text).Asks);

    [Fact]
    public void Meanwhile_ends_no_when_clause_and_should_is_not_that()
    {
        // 同时 ("meanwhile") after a comma leaves two requests; 应该要求 is "should ask", not "that demand".
        Assert.Equal(2, Asks("人权团体呼吁美国制裁打压记者的官员,同时,敦促国会尽快通过法案。").Count);
        Assert.Contains(Asks("美国应该要求中国释放被关押的维权律师。"), a => a.Contains("应该要求中国释放被关押的维权律师", StringComparison.Ordinal));
    }

    [Fact]
    public void A_chinese_request_runs_on_past_a_when_clause_and_one_that_points_back_to_this_demand_is_no_new_ask()
    {
        var asks = Asks("学者们吁请美国总统,在下周与习近平会面时,公开要求释放被关押的维权律师。他们还促请国务卿向北京转达此要求。");
        Assert.Equal(["吁请美国总统,在下周与习近平会面时,公开要求释放被关押的维权律师"], asks);
    }

    [Fact]
    public void An_inline_list_numbered_with_brackets_gives_an_ask_per_item()
    {
        var asks = Asks("Sign the petition\nMay 4, 2021\n\nThe bill we back calls for 1) the closure of the camps, 2) visa bans on the officials responsible, and 3) a review of the companies' supply chains. Please share it.\n");
        Assert.Contains("the closure of the camps", asks);
        Assert.Contains("visa bans on the officials responsible", asks);
        Assert.Contains("a review of the companies' supply chains", asks);
    }

    [Fact]
    public void A_letter_addressed_to_governments_the_US_among_them_asks_them_as_you()
    {
        var text = "Open letter on the jailed economist\nMarch 2, 2020\n\nTo the Governments of Canada, the United Kingdom and the United States:\n\nWe call on you to press Beijing for the economist's release without delay.\n";
        Assert.Contains("call on you to press Beijing for the economist's release without delay", Asks(text));
        // Without the US among the addressees, "you" is someone else.
        Assert.Empty(Asks(text.Replace(" and the United States", " and Japan")));
    }

    [Fact]
    public void A_request_written_into_petitions_is_one_ask_not_split_at_its_inner_verb()
    {
        var asks = Asks("Members sent postcards to Senator Rubio to ask him to make every effort to push for the monk's release.");
        Assert.Single(asks);
        Assert.StartsWith("ask him to make every effort to push for the monk's release", asks[0]);
    }

    [Fact]
    public void A_request_for_help_to_urge_the_US_keeps_only_the_ask_of_the_US()
    {
        var asks = Asks("Call to action\nApril 9, 2014\n\nWe need your help to urge Secretary Kerry to demand the release of the jailed teachers. Write today.\n");
        Assert.Equal(["urge Secretary Kerry to demand the release of the jailed teachers"], asks);
    }

    [Fact]
    public void A_second_infinitive_after_and_to_is_a_second_ask_not_the_firsts_object()
    {
        var asks = LetterAsks("We write to urge greater coordination with your allies on the detained writers, and to request that Congress fund their families' legal aid.");
        Assert.Contains(asks, a => a.StartsWith("urge greater coordination with your allies"));
    }

    [Theory]
    [InlineData("It is long past time for the Treasury to sanction the officials who run the camps.", "It is long past time for the Treasury to sanction the officials who run the camps")]
    [InlineData("The summit offers a rare opportunity for President Biden to raise the case of the jailed bookseller.", "offers a rare opportunity for President Biden to raise the case of the jailed bookseller")]
    [InlineData("The trial shows the need for US diplomats to attend every hearing of the lawyers.", "shows the need for US diplomats to attend every hearing of the lawyers")]
    public void Asks_phrased_as_timing_opportunity_or_need_name_the_US(string text, string expected) =>
        Assert.Contains(expected, Asks(text));

    [Theory]
    [InlineData("The summit offers a rare opportunity for the European Union to raise the case of the jailed bookseller.")]
    [InlineData("The talks are a chance for Beijing to show it will release the bookseller.")]
    public void An_opportunity_for_another_actor_is_no_ask_of_the_US(string text) =>
        Assert.Empty(Asks(text));

    [Theory]
    [InlineData("人權團體聯署信中寫道:「請美國國務院為被拘押的律師發聲,並要求探視。」", "請美國國務院為被拘押的律師發聲")]
    [InlineData("公开信说,美国商务部应将涉及强迫劳动的企业列入实体清单。", "美国商务部应将涉及强迫劳动的企业列入实体清单")]
    [InlineData("致奥巴马总统的信中写道,我们敦促您要求北京立即释放被关押的律师。", "敦促您要求北京立即释放被关押的律师")]
    public void Chinese_asks_of_a_US_department_or_with_please_or_through_you(string text, string expected) =>
        Assert.Contains(expected, Asks(text));

    [Fact]
    public void A_chinese_appeal_named_only_by_its_addressee_is_no_ask() =>
        Assert.DoesNotContain(Asks("人權組織今天向美國國務卿發出呼籲。聲明全文見附件。"), a => a.EndsWith("發出呼籲"));

    [Theory]
    [InlineData("——", "——", "——")]
    [InlineData("（一）", "（二）", "（三）")]
    [InlineData("其一，", "其二，", "其三，")]
    [InlineData("1、", "2、", "3、")]
    public void Chinese_items_under_an_asking_lead_in_are_asks_each(string m1, string m2, string m3)
    {
        var text = $"致美國國會的公開信\n2019年4月2日\n\n我們是在美國的藏人家屬。\n\n因此，我們懇請：\n\n{m1}國會盡快舉行聽證會；\n{m2}國務院公開被關押僧侶的名單；\n{m3}撥款支持流亡藏人的語言教育。\n\n藏人家屬聯合會\n";
        var asks = Asks(text);
        Assert.Equal(["國會盡快舉行聽證會", "國務院公開被關押僧侶的名單", "撥款支持流亡藏人的語言教育"], asks);
    }

    [Fact]
    public void Chinese_items_giving_the_reasons_for_a_request_are_no_asks()
    {
        var text = "致美國總統的公開信\n2019年4月2日\n\n我們向您請求幫助，是因為：\n\n一、您是民主國家的領袖；\n二、這些僧侶沒有犯任何罪。\n";
        Assert.DoesNotContain(Asks(text), a => a.Contains("民主國家的領袖"));
    }

    [Fact]
    public void A_list_of_demands_split_by_semicolons_keeps_its_commas_and_ands_inside_items()
    {
        var asks = Asks("Activists met State Department officials on Tuesday. Among their demands: visits to the detained poets, lawyers and editors; a public statement on the trials; and funding for the families' legal aid.");
        Assert.Contains("visits to the detained poets, lawyers and editors", asks);
        Assert.Contains("a public statement on the trials", asks);
        Assert.DoesNotContain("editors", asks);
    }

    [Fact]
    public void Items_numbered_in_words_one_to_a_line_are_asks()
    {
        var asks = LetterAsks("We ask three things of you in your first year.\n\nFirst, appoint an envoy for the detained writers.\nSecond, receive their families at the State Department.\nThird, make their release an aim of your China policy.");
        Assert.Contains("appoint an envoy for the detained writers", asks);
        Assert.Contains("receive their families at the State Department", asks);
        Assert.Contains("make their release an aim of your China policy", asks);
    }

    [Fact]
    public void A_line_opening_with_first_and_no_imperative_is_no_item() =>
        Assert.DoesNotContain(Asks("Statement on the trials\nMay 4, 2021\n\nFirst, the court refused to hear the defence.\nSecond, the families were kept outside.\n"),
            a => a.StartsWith("the court") || a.StartsWith("the families"));

    [Fact]
    public void Arrow_bullets_mark_list_items()
    {
        var asks = Asks("Coalition post\nMay 4, 2021\n\nOur message to the administration:\n→ Keep the visa bans in place.\n→ Publish the list of companies under review.\n");
        Assert.Contains(asks, a => a.StartsWith("Publish the list of companies under review"));
    }

    [Theory]
    [InlineData("A spokeswoman for China's foreign ministry demanded that US lawmakers stop meddling in the case.")]
    [InlineData("The Chinese embassy's spokesman insisted that Washington must respect the court's ruling.")]
    public void The_chinese_state_demanding_something_of_the_US_is_no_ask(string text) =>
        Assert.Empty(Asks(text));

    [Fact]
    public void A_request_naming_two_other_governments_is_theirs_not_the_USs() =>
        Assert.Empty(Asks("The State Department urged the European Union and the United Kingdom to adopt matching sanctions without delay."));

    [Theory]
    [InlineData("公开信说，有些家属被要求劝说在美国的亲人回国。")] // a passive: someone was required to act
    [InlineData("我们也恳请美国商界不要与监控企业合作。")]           // American business is not the US government
    [InlineData("新政府希望审查开支的效率。")]                       // the US administration's own hope
    public void Chinese_passives_and_asks_of_american_business_or_of_no_one_are_no_asks(string text) =>
        Assert.Empty(Asks("致美国国会的公开信\n2019年4月2日\n\n" + text + "\n"));

    [Fact]
    public void Policies_proposed_including_a_run_of_gerunds_give_an_ask_each()
    {
        var asks = Asks("Over the past year the coalition has proposed several measures to the Administration and Congress including freezing the officials' assets, granting visas to the activists and ending police training exchanges.");
        Assert.Contains("freezing the officials' assets", asks);
        Assert.Contains("granting visas to the activists", asks);
        Assert.Contains("ending police training exchanges", asks);
    }

    [Fact]
    public void A_letter_appealing_for_your_help_asks_it() =>
        Assert.Contains(LetterAsks("We are appealing for your urgent help in securing the release of the detained writers."),
            a => a.StartsWith("We are appealing for your urgent help"));

    [Fact]
    public void Voicing_support_for_a_measure_asks_for_it() =>
        Assert.Contains("voiced strong support for new visa bans on the officials", Asks("At the hearing, the activists voiced strong support for new visa bans on the officials."));

    [Theory]
    [InlineData("The monks, advocating for the rights and freedoms of their people, marched to the Capitol on Friday.")]
    [InlineData("She has spent decades advocating for the rights of Uyghur women in exile.")]
    public void Advocating_for_rights_describes_a_mission_not_an_ask(string text) =>
        Assert.Empty(Asks(text));

    [Theory]
    [InlineData("The coalition calls on the Forced Labor Enforcement Task Force to add the three companies to the entity list.", "calls on the Forced Labor Enforcement Task Force to add the three companies to the entity list")]
    [InlineData("The group urged USTR to raise the camps in the trade talks.", "urged USTR to raise the camps in the trade talks")]
    public void US_agencies_are_US_addressees(string text, string expected) =>
        Assert.Contains(expected, Asks(text));

    [Theory]
    [InlineData("对此，中国外交部发言人在记者会上表示，希望美方不要干涉中国内政，要求美方撤回有关法案。")]
    [InlineData("中國駐美大使館發言人回應稱，中方堅決反對，並要求美方立即停止干預香港事務。")]
    public void Every_request_in_a_sentence_the_chinese_state_speaks_is_its_own(string text) =>
        Assert.Empty(Asks("人權團體致函國會\n2020年7月9日\n\n" + text + "\n"));

    [Fact]
    public void A_chinese_advocate_quoted_after_the_state_still_asks() =>
        Assert.Contains(Asks("人權團體致函國會\n2020年7月9日\n\n人权组织负责人表示，呼吁美国国会尽快通过法案。中国外交部发言人则表示反对。\n"),
            a => a.StartsWith("呼吁美国国会尽快通过法案"));

    [Fact]
    public void A_call_on_the_governments_of_the_United_States_and_others_asks_the_US() =>
        Assert.Contains(Asks("We call on the governments of the United States, Canada and Japan to demand the release of the detained editors."),
            a => a.StartsWith("call on the governments of the United States, Canada and Japan to demand the release"));

    [Theory]
    [InlineData("We also want to see the State Department open an office for the families.", "We also want to see the State Department open an office for the families")]
    [InlineData("It is high time the Treasury froze the assets of the officials.", "It is high time the Treasury froze the assets of the officials")]
    public void Wanting_to_see_the_US_act_and_high_time_it_did_are_asks(string text, string expected) =>
        Assert.Contains(expected, Asks(text));

    [Theory]
    [InlineData("We also want to see the European Union open an office for the families.")]
    [InlineData("It is high time Beijing freed the editors.")]
    public void Wanting_to_see_another_government_act_is_no_ask_of_the_US(string text) =>
        Assert.Empty(Asks(text));

    [Fact]
    public void A_list_item_opening_with_ask_is_an_imperative()
    {
        var asks = Asks("Recommendations for the summit\nMay 4, 2021\n\nThe administration should act now:\n\n- Ask allies to join the visa bans.\n- Publish the list of companies under review.\n");
        Assert.Contains(asks, a => a.StartsWith("Ask allies to join the visa bans"));
    }
}

/// <summary>Patterns added at stop 40, each from an input written for it (none of the annotated documents uses them).</summary>
public class MomentAndCountedListTests
{
    static IReadOnlyList<string> Asks(string text) => AskPatternTests.Asks(text);

    [Theory]
    [InlineData("Now is the time for the United States to lead an inquiry into the camps.", "Now is the time for the United States to lead an inquiry into the camps")]
    [InlineData("This is the moment for Congress to act on the Tibet bill.", "This is the moment for Congress to act on the Tibet bill")]
    [InlineData("The time has come for Washington to sanction the judges who jailed the activists.", "The time has come for Washington to sanction the judges who jailed the activists")]
    public void The_time_or_moment_for_a_US_addressee_to_act_is_an_ask(string text, string expected) =>
        Assert.Equal([expected], Asks(text));

    [Theory]
    [InlineData("Now is the time for Beijing to release the detained poets.")]
    [InlineData("The time has come for the European Union to review its trade deal.")]
    [InlineData("This is the moment for reflection on a hard year.")]
    public void The_time_for_someone_else_to_act_is_no_ask(string text) => Assert.Empty(Asks(text));

    [Fact]
    public void A_request_for_counted_things_gives_each_thing_as_an_ask()
    {
        Assert.Equal(["sanction the judges who jailed the editors", "admit the editors' families as refugees"],
            Asks("We are asking the administration for two things: first, to sanction the judges who jailed the editors; and second, to admit the editors' families as refugees."));
        Assert.Equal(["fund the broadcasts", "appoint the coordinator without delay"],
            Asks("The families urged Congress to take the following steps: (a) fund the broadcasts; (b) appoint the coordinator without delay."));
    }

    [Fact]
    public void Counted_things_asked_of_someone_else_are_no_asks() =>
        Assert.Empty(Asks("The editors called on the Hong Kong government to take three steps: drop the charges; free the staff; reopen the paper."));

    [Theory]
    [InlineData("\"The US must act now,\" said Rep. Jim McGovern.")]
    [InlineData("“Washington should sanction them,” said Secretary of State Antony Blinken.")]
    [InlineData("\"Congress must pass the bill,\" Senator Jeff Merkley said in a statement.")]
    public void A_short_quoted_ask_of_a_lawmaker_or_official_is_theirs_not_the_authors(string text) => Assert.Empty(Asks(text));

    [Theory]
    [InlineData("\"The US must act now,\" said Sophie Richardson of Human Rights Watch.", "must act now")]
    [InlineData("“Congress must pass the bill,” the group's director said.", "must pass the bill")]
    public void A_short_quoted_ask_ends_at_its_closing_quotation_mark(string text, string expected) => Assert.Equal([expected], Asks(text));

    [Fact]
    public void A_clause_after_a_demands_colon_is_one_ask_not_a_list_of_nouns()
    {
        Assert.Equal(["should designate the abuses in Tibet as crimes against humanity"],
            Asks("Among the report's recommendations: the State Department should designate the abuses in Tibet as crimes against humanity."));
        // A list of nouns after the colon is still a list.
        Assert.Equal(["a diplomatic boycott", "an end to the camps"], Asks("The students set out two demands: a diplomatic boycott, an end to the camps."));
    }
}

/// <summary>Forms met in the sixteenth development batch, each written as a general pattern and tested on inputs of its own.</summary>
public class SixteenthBatchFormTests
{
    static IReadOnlyList<string> Asks(string text) => AskPatternTests.Asks(text);

    [Theory]
    [InlineData("President Biden, raise the case of Ilham Tohti when you meet Xi Jinping.", "raise the case of Ilham Tohti when you meet Xi Jinping")]
    [InlineData("Congress, pass the Uyghur Forced Labor Prevention Act now.", "pass the Uyghur Forced Labor Prevention Act now")]
    [InlineData("Secretary of State Antony Blinken, designate the abuses as genocide.", "designate the abuses as genocide")]
    [InlineData("Mr. President, please meet the Dalai Lama this year.", "please meet the Dalai Lama this year")]
    public void A_hailed_US_addressee_then_an_imperative_is_an_ask(string text, string expected) => Assert.Equal([expected], Asks(text));

    [Theory]
    [InlineData("President Xi, release the detained lawyers.")]
    [InlineData("President Biden, thank you for your leadership.")]
    [InlineData("Washington, we have a problem with the camps.")]
    [InlineData("Mr. President, please help us.")]
    public void A_hail_of_someone_else_or_without_an_action_is_no_ask(string text) => Assert.Empty(Asks(text));

    [Fact]
    public void A_list_item_that_asks_the_reader_is_no_ask_even_under_an_asking_lead_in() =>
        Assert.Equal(["Fund the Tibetan-language broadcasts again"],
            Asks("We urgently ask you to:\n- Read the full annual report: https://example.org/report\n- Fund the Tibetan-language broadcasts again\n- Pray for the detained monks by name\n"));

    [Fact]
    public void A_two_word_imperative_bullet_is_a_menu_entry_not_an_ask()
    {
        var asks = Asks("• Press Release\n• Take Action\nRights groups urged the State Department to raise the case of the detained editors.\n");
        Assert.Equal(["urged the State Department to raise the case of the detained editors"], asks);
    }

    [Fact]
    public void What_demands_are_about_is_no_list_of_demands() =>
        Assert.Empty(Asks("Our demands are about much more than the bill, and about freedom of the press."));

    [Theory]
    [InlineData("人权团体发表声明\n香港民主委员会正在游说联邦参、众两院的议员，通过香港安全港法案。\n", "游说联邦参、众两院的议员，通过香港安全港法案")]
    [InlineData("致奥巴马总统的信\n奥巴马总统先生：\n我希望总统先生也能关注被关押的律师。\n", "希望总统先生也能关注被关押的律师")]
    [InlineData("致奧巴馬總統的公開信\n尊敬的奧巴馬總統：\n請在您的能力範圍之內，積極地向中國施壓，促其釋放被關押的僧侶。\n", "請在您的能力範圍之內，積極地向中國施壓，促其釋放被關押的僧侶")]
    [InlineData("集会\n华人团体前往华府遊說國會希望盡快通過保護港人的法案。\n", "遊說國會希望盡快通過保護港人的法案")]
    public void Chinese_lobbying_hopes_of_Mr_President_and_please_you_ask_the_US(string text, string expected) =>
        Assert.Equal([expected], Asks(text));

    [Theory]
    [InlineData("法案通过\n《香港人權與民主法案》要求國務卿每年檢視香港自治情況。美国国会已通过该法。\n")]
    [InlineData("中共在美國大力游說，阻止法案通過。\n")]
    [InlineData("致美国总统的信\n请您连署并转发，让更多人看见！\n")]
    [InlineData("集会\n美国的团体呼吁各界关注被捕的学生。\n")]
    public void Chinese_laws_lobbying_by_others_and_calls_on_readers_or_the_public_ask_nothing(string text) => Assert.Empty(Asks(text));
}
