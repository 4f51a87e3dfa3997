using AskShift.Metadata;

namespace AskShift.Tests.Metadata;

/// <summary>Each date and administration pattern on an input written for it (none is copied from a corpus document).</summary>
public class DateEvidenceTests
{
    static readonly MetadataOptions Options = new() { Today = new DateOnly(2026, 11, 25) };
    static DateFinding Find(string text) => DateFinder.Find(text, Options);

    [Theory]
    [InlineData("Letter on Tibet\n\nMarch 2, 2016\n\nDear Secretary Kerry,\nWe write about Tibet.", "2016-03-02")]
    [InlineData("Statement\n12th August 2022 | Campaign for Uyghurs\nThe groups met on June 4, 2021.", "2022-08-12")]
    [InlineData("A press note\n3 October 2019\nOn 1 January 2019 a law came into force.", "2019-10-03")]
    [InlineData("Posted by A. Writer on Tuesday, May 5, 2015\nText follows.", "2015-05-05")]
    [InlineData("人权组织致信\n2019年7月9日\n人权组织要求美国政府采取行动。", "2019-07-09")]
    [InlineData("Joint appeal\n2018-04-21\nThe undersigned organisations write.", "2018-04-21")]
    [InlineData("Groups call for action\nFreedom Network\n3-19-2025\nThe groups said today.", "2025-03-19")]
    [InlineData("Why Congress Should Act on Tibet\n\nApril 7, 2021 8 min read Download Report\nIn March 2021 the envoy post lay empty.", "2021-04-07")]
    [InlineData("Groups Petition the State Department\n\nMarch 3, 2013 Updated: June 9, 2016\nThe petition was delivered today.", "2013-03-03")]
    public void A_date_alone_on_its_line_near_the_top_is_the_documents_day(string text, string expected)
    {
        var f = Find(text);
        Assert.Equal(expected, f.Date?.ToString("yyyy-MM-dd"));
        Assert.Equal(DatePrecision.Day, f.Precision);
        Assert.NotEmpty(f.Evidence);
    }

    [Theory]
    [InlineData("12 May 2024\n\nDear Secretary Blinken,\nWe write about the detained lawyers.\nGENEVA, 3 March 2019 – The UN experts said the arrests were arbitrary.", "2024-05-12")]
    [InlineData("Appeal for the lawyers\n\nJune 3, 2019 – Updated June 5, 2019\n\nThe groups wrote to the Secretary.", "2019-06-03")]
    [InlineData("Letter to the Secretary\n\n12 May 2024\n\nDear Secretary,\nWe write about Tibet.\n\nDetentions recorded:\nDetained | 3 March 2019 | Lhasa\nDetained | 9 April 2019 | Shigatse\nDetained | 2 May 2019 | Chamdo\nDetained | 7 June 2019 | Nagchu\nDetained | 1 July 2019 | Lhasa\nDetained | 5 August 2019 | Lhasa\nDetained | 8 September 2019 | Lhasa", "2024-05-12")]
    public void A_letters_own_date_line_is_not_overridden_by_datelines_and_table_rows_further_down(string text, string expected) =>
        Assert.Equal(expected, Find(text).Date?.ToString("yyyy-MM-dd"));

    [Fact]
    public void A_bylines_date_is_its_authors_and_wins_over_the_reposting_pages_date_line()
    {
        var f = Find("Groups urge action on Hong Kong\n\nMay 12, 2023\n\nBy Hong Kong Democracy Council, 9 May 2023\n\nThe council wrote to the Secretary of State.");
        Assert.Equal("2023-05-09", f.Date?.ToString("yyyy-MM-dd"));
        Assert.Equal(DatePrecision.Day, f.Precision);
    }

    [Theory]
    [InlineData("Updated: 14 February 2020\nThe hearing on March 3, 2019 was postponed.", "2020-02-14")]
    [InlineData("Letter to the Treasury\nUpdated: Oct 2, 2021\n\nSeptember 27, 2021\n\nDear Secretary Yellen,", "2021-09-27")]
    [InlineData("The summit of June 8, 2013 came and went.\nLast updated on July 1, 2013", "2013-07-01")]
    [InlineData("发布时间：2021年3月5日\n内容", "2021-03-05")]
    [InlineData("BRUSSELS, 9 May 2024 – Rights groups today called on the United States to act.", "2024-05-09")]
    [InlineData("NEW YORK (April 2, 2012) — The group urged Washington to raise the cases.", "2012-04-02")]
    [InlineData("Body first.\nMay 3, 2023 (Washington, D.C.) – Today, members of Congress met advocates.", "2023-05-03")]
    [InlineData("立即发布；2022年10月5日，联系：某人\n内容", "2022-10-05")]
    [InlineData("人权观察呼吁\n\n【大同新闻2019年5月2日讯】日前，多个团体于4月28日致信美国国务卿。", "2019-05-02")]
    [InlineData("（中央通讯社记者台北2021年3月9日电）人权团体9日呼吁美国政府。3月1日的集会……", "2021-03-09")]
    [InlineData("Rights appeal\n\nGeneva | 4 June 2022 | Tibet Advocacy Network – The network wrote on 1 May 2022 to the State Department.", "2022-06-04")]
    [InlineData("Statement\n9 September 2020 | Uyghur Rights Forum | Press\nOn 2 August 2020 the group met officials.", "2020-09-09")]
    [InlineData("Exiles rally for Tibet\n\n2021-08-14 -- Hundreds gathered outside the State Department on July 4, 2021 and again today.", "2021-08-14")]
    [InlineData("(Tibet Weekly, Sep09’19) – Advocates asked Congress to act before the hearing of March 3, 2019.", "2019-09-09")]
    [InlineData("(Hong Kong Dispatch, Feb 2, '23) – The group urged the Secretary to raise the cases.", "2023-02-02")]
    [InlineData("Released on 3 March 2015\nThe coalition's statement on the detained lawyers.", "2015-03-03")]
    [InlineData("聲援良心犯\n中華民國105年3月8日\n人權團體呼籲美國政府採取行動。", "2016-03-08")] // the Republic of China calendar
    [InlineData("（自由新聞網記者華府112年5月15日電）人權團體呼籲美國國務卿訪問北京時提出人權議題。", "2023-05-15")]
    [InlineData("人權團體呼籲美國政府\n多個團體今日致函美國國務卿，要求其在訪問北京時提出被拘律師的案件。\n「我們不會放棄。」1120515", "2023-05-15")] // a wire's closing stamp
    [InlineData("Example Poets' Guild\nNovember 12, 2009\n\nDear President Obama,\n\nThe poet was released on May 3, 2005 after serving his first sentence.", "2009-11-12")] // a prisoner's release is no stamp
    [InlineData("Example Poets' Guild\nNovember 12, 2009\n\nDear President Obama,\n\nThe poet was finally released on May 3, 2005.", "2009-11-12")]
    [InlineData("Example Poets' Guild\nNovember 12, 2009\n\nDear President Obama,\n\nThe poet was arrested in 2004 and released on May 3, 2005.", "2009-11-12")]
    public void Stamps_and_datelines_give_the_day_over_dates_in_the_body(string text, string expected)
    {
        var f = Find(text);
        Assert.Equal(expected, f.Date?.ToString("yyyy-MM-dd"));
        Assert.Equal(DatePrecision.Day, f.Precision);
    }

    [Fact]
    public void A_date_inside_a_sentence_is_trusted_to_the_month_only_and_the_latest_wins()
    {
        var f = Find("Since the crackdown of June 4, 1989 and the arrests of July 9, 2015, little changed. Groups wrote on March 12, 2018 to the State Department.");
        Assert.Equal(new DateOnly(2018, 3, 1), f.Date);
        Assert.Equal(DatePrecision.Month, f.Precision);
    }

    [Fact]
    public void A_year_and_month_near_the_top_give_the_month()
    {
        var f = Find("Hearing report\n2021-10\nWitnesses urged Congress to act.");
        Assert.Equal(new DateOnly(2021, 10, 1), f.Date);
        Assert.Equal(DatePrecision.Month, f.Precision);
    }

    [Fact]
    public void A_chinese_month_and_day_take_the_latest_year_the_text_mentions()
    {
        var f = Find("美国之音\n6月16日\n人权团体要求拜登政府在2023年的会谈中提出人权问题。2021年以来情况恶化。");
        Assert.Equal(new DateOnly(2023, 6, 16), f.Date);
        Assert.Equal(DatePrecision.Inferred, f.Precision);
    }

    [Fact]
    public void A_yearless_dateline_takes_its_year_from_the_office_holders_and_years_named()
    {
        var f = Find("GENEVA, Oct 3 - Activists asked Secretary of State Antony Blinken to press Beijing on the 2022 Winter Olympics.");
        Assert.Equal(new DateOnly(2022, 10, 3), f.Date);
        Assert.Equal(DatePrecision.Inferred, f.Precision);
    }

    [Fact]
    public void A_Chinese_sentence_holding_a_full_date_is_not_a_date_line()
    {
        // The handover's date inside a sentence of history is an event's: trusted to the month at most, never the day.
        var f = Find("評論文章\n1984年中英簽署聯合聲明，規定香港回歸後五十年不變，並由兩國領導人於1997年6月30日在香港見證交接。\n美國應要求北京信守承諾。");
        Assert.NotEqual(DatePrecision.Day, f.Precision);
        // An outlet's label beside the date keeps it a date line.
        Assert.Equal(new DateOnly(2023, 7, 21), Find("新闻标题\n2023年07月21日中国禁闻新闻\n人权团体呼吁美国政府采取行动。").Date);
        // So does a line that opens with its date, however long (a caption).
        Assert.Equal(new DateOnly(2021, 1, 24), Find("新闻标题\n2021年1月24日,多个华人团体在纽约联合国总部外举行集会,抗议迫害。(记者/示例报\n人权团体敦促美国新政府继续施压。").Date);
    }

    [Theory]
    [InlineData("Rights groups urge the State Department to act on the detained lawyers. Call us at 1120515")] // English: a number
    [InlineData("人權團體要求美國國務卿在訪問北京時提出被拘律師的案件。1040231")] // no 31 February
    [InlineData("人權團體要求美國國務卿在訪問北京時提出被拘律師的案件，編號21120515")] // part of a longer number
    [InlineData("人權團體要求美國國務卿在訪問北京時提出被拘律師的案件，編號1120515")] // glued to a word: a number
    [InlineData("人權團體要求美國國務卿在訪問北京時提出被拘律師的案件。1451023")] // a date after today
    [InlineData("人权团体呼吁美国政府关注香港。\n中共建党100年7月1日\n多人被捕。")] // a centenary on its own line, not the calendar's year 100
    public void A_closing_number_is_a_date_stamp_only_when_it_is_a_valid_date_ending_a_Chinese_text(string text)
    {
        var f = Find(text);
        Assert.NotEqual(DatePrecision.Day, f.Precision);
    }

    [Fact]
    public void A_wire_services_name_may_stand_before_a_city_dateline()
    {
        var f = Find("Groups urge a principled policy\n\n(Example Wire/IFEX) - Geneva, March 4, 2012 – Rights groups urged the administration to raise the detained lawyers' cases.");
        Assert.Equal(new DateOnly(2012, 3, 4), f.Date);
        Assert.Equal(DatePrecision.Day, f.Precision);
    }

    [Fact]
    public void A_testimony_is_dated_by_the_hearing_it_opens_with_even_on_one_run_on_line()
    {
        var f = Find("Testimony by Jane Doe, Director, Example Rights Group\n\nHouse Committee on Foreign Affairs Hearing on “Repression in Tibet” March 3, 2022 Good afternoon, Chairman and Members of the Committee. Thank you for inviting me.");
        Assert.Equal(new DateOnly(2022, 3, 3), f.Date);
        Assert.Equal(DatePrecision.Day, f.Precision);
        // A report about a hearing is not the testimony: the date in its sentence may be the event's.
        Assert.Equal(DatePrecision.Month, Find("Rights groups spoke at a congressional hearing on March 3, 2022, and urged new sanctions.").Precision);
    }

    [Fact]
    public void A_person_who_held_an_office_twice_is_matched_against_both_tenures()
    {
        // Trump's two terms and Bolton's tenure as adviser meet in 2018-2019; 2015 is the year of an arrest, not the text's.
        const string text = "4月10日，维权人士会见白宫官员，呼吁特朗普政府采取行动。新任国家安全顾问博尔顿表示人权将是重要议题。她的丈夫自2015年起被关押，2019年将受审。";
        var f = Find(text);
        Assert.Equal(new DateOnly(2019, 4, 10), f.Date);
        var none = Find("4月10日，维权人士呼吁特朗普政府采取行动。新任国家安全顾问博尔顿表示人权将是重要议题。她的丈夫自2015年起被关押。");
        Assert.Null(none.Date); // 2015 lies outside every tenure the text names: no date rather than a wrong one
        Assert.Contains("tenures", none.Note);
    }

    [Fact]
    public void No_inferred_date_lies_after_the_reading_day()
    {
        var f = DateFinder.Find("GENEVA, Dec 20 - Activists asked President Trump to act before 2026 ends.", new MetadataOptions { Today = new DateOnly(2026, 11, 25) });
        Assert.NotEqual(new DateOnly(2026, 12, 20), f.Date);
    }

    [Theory]
    [InlineData("2018年和2019年,当局拘押了多名律师。\n人权组织5月1日(星期二)发表声明,要求美国政府施压。", "2018-05-01")] // 2019-05-01 was a Wednesday
    [InlineData("2018年和2019年,当局拘押了多名律师。\n人权组织星期二(5月1日)发表声明,要求美国政府施压。", "2018-05-01")]
    [InlineData("2018年和2019年,当局拘押了多名律师。\n人权组织5月1日(周三)发表声明,要求美国政府施压。", "2019-05-01")]
    [InlineData("2018年和2019年,当局拘押了多名律师。\n人权组织5月1日发表声明,要求美国政府施压。", "2019-05-01")] // no weekday: the latest year
    public void A_Chinese_weekday_beside_a_yearless_day_picks_the_year_it_falls_on(string text, string expected)
    {
        var f = Find(text);
        Assert.Equal(expected, f.Date?.ToString("yyyy-MM-dd"));
        Assert.Equal(DatePrecision.Inferred, f.Precision);
    }

    [Fact]
    public void A_weekday_that_no_mentioned_year_matches_leaves_the_day_undated()
    {
        // 1 May fell on a Tuesday in 2012 and 2018, not in 2015, 2016 or 2017 (2016+1).
        var f = Find("2015年和2016年,当局拘押了多名律师。\n人权组织5月1日(星期二)发表声明,要求美国政府施压。");
        Assert.NotEqual(DatePrecision.Inferred, f.Precision);
    }

    [Fact]
    public void A_weekday_the_latest_year_misses_is_looked_for_in_the_year_after_it()
    {
        // 6 April 2019 was a Saturday; 2018's and 2015's were not.
        var f = Find("2015年和2018年,当局拘押了多名维吾尔人。\n星期六(4月6日),数百人在白宫前集会,要求美国政府采取行动。");
        Assert.Equal(new DateOnly(2019, 4, 6), f.Date);
        Assert.Equal(DatePrecision.Inferred, f.Precision);
        Assert.Contains("year after", f.Note);
    }

    [Theory]
    [InlineData("人权组织发表声明\n人权组织4月3日发表声明,要求美国政府施压。\n声明还要求释放被拘押的律师。\n该组织1961年5月28日在伦敦成立,其宗旨是动员公众舆论保障人权。")] // a founding date, full and as a year
    [InlineData("The group, founded on May 28, 1961, urged the United States to press Beijing.")]
    [InlineData("Founded in 1961, the group urged the United States to press Beijing.")]
    public void Years_before_the_earliest_inferred_year_are_events_not_the_documents_date(string text)
    {
        var f = Find(text);
        Assert.Null(f.Date);
        Assert.Equal(1961, DateFinder.Find(text, Options with { EarliestInferredYear = 1900 }).Date?.Year); // the option is what holds it
    }
}

public class AdministrationEvidenceTests
{
    static readonly MetadataOptions Options = new() { Today = new DateOnly(2026, 11, 25) };
    static AdministrationFinding Find(string text) => AdministrationFinder.Find(text, DateFinder.Find(text, Options), Options);

    [Theory]
    [InlineData("November 20, 2024\nWe congratulate Donald Trump on his re-election and urge him to press Beijing.", "trump2")]
    [InlineData("December 1, 2016\nOur letter to President-elect Trump urges him to raise the case of Ilham Tohti.", "trump1")]
    [InlineData("December 1, 2020\nWe urge the incoming Biden administration to sanction officials.", "biden")]
    [InlineData("December 1, 2020\nThe Trump administration should sanction officials before it leaves.", "trump1")]
    [InlineData("As the 47th President takes office, we urge him to stand with Hong Kong.", "trump2")]
    [InlineData("We call on President Trump, in his second term, to raise religious freedom with Xi.", "trump2")]
    [InlineData("President Trump should press Beijing; Secretary of State Mike Pompeo agreed to meet the families.", "trump1")]
    [InlineData("President Trump should act on Hong Kong. Secretary of State Marco Rubio met the families.", "trump2")]
    [InlineData("President Trump must act now, as he did not in 2019 when protests filled Hong Kong.", "trump1")]
    [InlineData("Unlike former President Biden, President Trump should end the dialogue.", "trump2")]
    [InlineData("人权组织呼吁特朗普总统在第二任期内向习近平施压。", "trump2")]
    [InlineData("与特朗普上一任内的强硬政策相比,特朗普政府应当制定新的对华人权策略。", "trump2")] // the first term spoken of as past
    [InlineData("Unlike the first Trump administration, the Trump administration should make religious freedom central.", "trump2")]
    [InlineData("In his first term, President Obama met the Dalai Lama; President Trump should meet him too.", "unknown")] // another president's first term
    [InlineData("特朗普的上一任奥巴马曾会见达赖喇嘛,人权组织呼吁特朗普总统也会见他。", "unknown")] // 上一任 alone is his predecessor
    [InlineData("Special Coordinator Uzra Zeya met the groups, and Senators Marco Rubio and Jeff Merkley spoke.", "biden")]
    [InlineData("维权人士致信美国国务卿布林肯，要求美国政府采取行动。", "biden")]
    [InlineData("人權組織促請奧巴馬總統在訪華時提出人權問題。", "obama")]
    [InlineData("This memo, written before the election of 2024, is a guide for the next administration.", "trump2")]
    [InlineData("川普總統應該向北京施壓。二零一八年,美國國會通過了相關法案。", "trump1")] // a year in Chinese digits
    [InlineData("倡议者呼吁美国国土安全部部长约翰逊访华时提出人权问题。", "obama")] // a Chinese alias only with its title
    [InlineData("The Trump administration should defend the programmes the Resolve Tibet Act authorised.", "trump2")] // a law that postdates the first term
    [InlineData("When President Trump met Xi at the APEC summit in Gyeongju, South Korea, he should have raised Jimmy Lai.", "trump2")] // an event of the second term
    [InlineData("We ask President Trump to urge Congress to pass the Hong Kong Human Rights and Democracy Act without delay.", "trump1")] // a bill not yet law
    [InlineData("人权组织促请特朗普总统敦促国会尽快通过《香港人权与民主法案》。", "trump1")]
    [InlineData("Advocates asked President Trump to back passing the Uyghur Human Rights Policy Act.", "trump1")]
    [InlineData("President Trump should call for the release of the Hong Kong 47 before the appeal.", "trump2")] // charged after the first term
    [InlineData("After China scrapped term limits in 2018, clearing the way for Xi Jinping's third term, President Trump should speak out.", "trump1")] // talked of long before it began
    [InlineData("In 2019 police arrested 47 activists in Hong Kong; President Trump should speak up.", "trump1")] // a count, not the Hong Kong 47
    [InlineData("Pass the Hong Kong Human Rights and Democracy Act now, President Trump should tell Congress.", "trump1")]
    [InlineData("In 2025, President Trump should enforce the Reciprocal Access to Tibet Act, which the 115th Congress passed.", "trump2")] // a law's Congress, recalled
    [InlineData("2025年,人权组织呼吁特朗普总统执行第116届国会通过的法案。", "trump2")]
    [InlineData("In 2019, halfway through President Trump's first term, advocates urged him to sanction officials.", "trump1")] // "first term" said during it
    [InlineData("December 5, 2016\nWe urge President-elect Trump to make religious freedom a priority of Trump's first term.", "trump1")]
    [InlineData("Advocates contrast Trump's previous term with this one and urge the Trump administration to raise Jimmy Lai's case.", "trump2")]
    [InlineData("As the Dalai Lama's 90th birthday nears, President Trump should affirm that he alone names his successor.", "trump2")]
    [InlineData("美國前副總統彭斯呼籲國務卿魯比歐為被捕牧師發聲。彭斯表示，川普總統應向北京施壓。", "trump2")] // a bare name is the former holder the text names
    [InlineData("Former Vice President Mike Pence urged action; Pence said President Trump and Secretary of State Marco Rubio must speak up.", "trump2")]
    [InlineData("Vice President Pence, unlike former Vice President Biden, should press Beijing; Pence met the families.", "trump1")] // the title alone names him sitting
    [InlineData("4月10日，维权人士呼吁特朗普政府采取行动。新任国家安全顾问博尔顿表示人权将是重要议题。她的丈夫自2015年起被关押。", "trump1")] // an adviser of the first term, and an event's year
    [InlineData("Three months into Donald Trump's second term, the family of the publisher, arrested on Dec. 3, 2020, asked the administration to help.", "trump2")] // a body month of an event, not the text's date
    [InlineData("Advocates say the office sat empty after former Under Secretary Uzra Zeya stepped down, and they urge Secretary Rubio and the Trump administration to fill it.", "trump2")] // any title between "former" and the name
    [InlineData("Rep. Chris Smith and Secretary Blinken urged Beijing to free the pastor.", "biden")] // another's title does not reach past "and"
    [InlineData("Former Detainees Urge Secretary Blinken to Raise the Pastor's Case", "biden")] // a headline's capitals are no title
    [InlineData("In late January Secretary Blinken met the families of the detained journalists.", "biden")]
    [InlineData("2023年,参议员鲁比奥(Marco Rubio)与众议员史密斯联名致函国务院,要求美国政府采取行动。", "biden")] // a senator, not the secretary of state
    [InlineData("The groups urged the Obama-Biden administration to sanction the officials.", "obama")] // a ticket: the vice-president is no president
    [InlineData("The groups urged the Trump-Pence administration to sanction the officials.", "trump1")]
    [InlineData("The groups urged the Biden-Harris administration to sanction the officials.", "biden")]
    [InlineData("The groups urged the Trump–Vance administration to sanction the officials.", "trump2")]
    [InlineData("人權團體呼籲奧巴馬－拜登政府制裁相關官員。", "obama")]
    [InlineData("人权团体呼吁拜登-贺锦丽政府制裁相关官员。", "biden")]
    [InlineData("Under Trump 2.0, advocates urged the administration to keep the sanctions.", "trump2")]
    [InlineData("In the first 100 days of his second administration, President Trump should appoint a Tibet coordinator.", "trump2")]
    [InlineData("人權團體促請美國國務卿盧比奧就被拘押牧師的個案向北京施壓。", "trump2")] // the traditional form of a listed simplified name (卢比奥)
    [InlineData("人权团体敦促财政部长叶伦制裁相关官员。", "biden")] // the simplified form of a listed traditional one (葉倫)
    public void Administration_follows_the_evidence(string text, string expected)
    {
        var a = Find(text);
        Assert.Equal(expected, a.Code);
        Assert.NotEmpty(a.Evidence);
    }

    [Theory]
    [InlineData("Policy paper\nSeptember 14, 2020\nOur agenda for the next administration: appoint a religious freedom envoy.", "biden")] // before the 2020 vote
    [InlineData("Policy paper\nJune 2, 2016\nWhoever wins in November must make the detained lawyers a priority.", "trump1")]
    [InlineData("政策建议\n2024年9月3日\n下一届政府应当任命西藏问题特别协调员。", "trump2")]
    [InlineData("Policy paper\nSeptember 14, 2019\nOur agenda for the next administration: appoint a religious freedom envoy.", "trump1")] // not an election year
    [InlineData("Policy paper\nSeptember 14, 2020\nThe new administration that took office in 2017 has cut the envoy's budget.", "trump1")] // "new" is the sitting one
    public void Before_an_election_a_text_for_the_next_administration_belongs_to_it(string text, string expected) =>
        Assert.Equal(expected, Find(text).Code);

    [Theory]
    [InlineData("Rights groups speak out\nNovember 20, 2020\nAfter Joe Biden's election victory, Tibetan groups urged him to appoint a coordinator.", "biden")]
    [InlineData("Rights groups speak out\nNovember 12, 2016\nNow that Donald Trump has won the presidential election, Uyghur groups ask him to raise the camps.", "trump1")]
    public void Between_an_election_and_the_inauguration_a_text_on_the_winners_victory_belongs_to_his_term(string text, string expected) =>
        Assert.Equal(expected, Find(text).Code);

    [Fact]
    public void A_president_named_only_as_vice_president_is_no_sign_of_his_presidency()
    {
        // 拜登 alone is the president; titled 副总统 it is the vice-president of the Obama years, and so is the bare name after it.
        Assert.Equal("obama", Find("人权组织呼吁美国副总统拜登在访华期间关注人权问题。人权组织要求拜登和美国政府作出回应。").Code);
        Assert.Equal("biden", Find("人权组织呼吁美国总统拜登在会晤时关注人权问题。人权组织要求拜登作出回应。").Code);
    }

    [Fact]
    public void A_chinese_spelling_inside_a_longer_name_given_in_latin_is_someone_else() =>
        Assert.NotEqual("obama", Find("眾議院美中戰略競爭特設委員會議員拉賈·克里希那穆爾蒂(Raja Krishnamoorthi)呼籲恢復撥款。").Code);

    [Fact]
    public void A_year_assigns_the_administration_in_office_for_nearly_all_of_it_when_nothing_else_does()
    {
        Assert.Equal("trump1", Find("Lobby Day 2019 has concluded. Advocates asked Congress to fund Tibetan programmes.").Code);
        // Inauguration years: the outgoing administration holds only their first 19 days.
        Assert.Equal("trump1", Find("Lobby Day 2017 has concluded. Advocates asked Congress to fund Tibetan programmes.").Code);
        Assert.Equal("trump2", Find("Captive Nations Week 2025: advocates asked Congress to recognise East Turkistan.").Code);
        Assert.Equal("obama", Find("Lobby Day 2009 has concluded. Advocates asked Congress to fund Tibetan programmes.").Code);
        // ... but words addressing the incoming administration still place it.
        Assert.Equal("trump2", Find("Lobby Day 2024 has concluded. Advocates asked the incoming administration to act.").Code);
    }

    [Theory]
    [InlineData("To mark the start of the 119th Congress, the group met lawmakers and asked them to pass the bill.", "trump2")]
    [InlineData("Advocates asked members of the 116th Congress to sanction officials.", "trump1")]
    [InlineData("In the 113th Congress the bill died; advocates asked the 117th Congress to pass it.", "biden")] // the latest
    [InlineData("人权组织呼吁第118届美国国会通过法案。", "biden")]
    [InlineData("人权组织呼吁第１１９届美国国会通过法案。", "trump2")] // full-width digits
    [InlineData("人權組織呼籲第112屆國會通過法案。", "obama")]
    [InlineData("President Trump should sign what the 119th Congress passes for Hong Kong.", "trump2")] // tells Trump's terms apart
    [InlineData("President Trump should sign what the 115th Congress passed for Hong Kong.", "trump1")]
    public void A_Congress_named_by_number_places_a_text_that_gives_nothing_narrower(string text, string expected)
    {
        var a = Find(text);
        Assert.Equal(expected, a.Code);
        Assert.Contains(a.Evidence, e => e.Contains("Congress", StringComparison.Ordinal) || e.Contains("国会", StringComparison.Ordinal) || e.Contains("國會", StringComparison.Ordinal));
    }

    [Fact]
    public void A_Congress_that_has_not_met_yet_or_predates_two_year_terms_from_January_places_nothing()
    {
        Assert.Equal("unknown", Find("Advocates hope the 121st Congress will pass the bill.").Code); // meets in 2029
        Assert.Equal("unknown", Find("Advocates recalled a bill of the 60th Congress.").Code);
        Assert.Equal((new DateOnly(2025, 1, 3), new DateOnly(2027, 1, 2)), AdministrationFinder.CongressTerm(119));
        Assert.Equal((new DateOnly(1935, 1, 3), new DateOnly(1937, 1, 2)), AdministrationFinder.CongressTerm(74));
        Assert.Null(AdministrationFinder.CongressTerm(73));
    }

    [Fact]
    public void Only_an_administration_holding_nine_tenths_of_a_time_is_assigned_from_it()
    {
        Assert.Equal("biden", AdministrationFinder.MostOf(new DateOnly(2021, 1, 3), new DateOnly(2023, 1, 2)));
        Assert.Null(AdministrationFinder.MostOf(new DateOnly(2020, 7, 1), new DateOnly(2021, 6, 30))); // half and half
        Assert.Null(AdministrationFinder.MostOf(new DateOnly(2005, 1, 1), new DateOnly(2005, 12, 31))); // before 2009
        Assert.Null(AdministrationFinder.MostOf(new DateOnly(2020, 1, 2), new DateOnly(2020, 1, 1))); // an empty span
    }

    [Fact]
    public void A_Chinese_surname_shared_with_another_leader_is_not_an_office_holder_without_its_title()
    {
        // 约翰逊 alone is as likely Boris Johnson as Jeh Johnson.
        Assert.Equal("unknown", Find("人权组织呼吁约翰逊在访华时提出人权问题。").Code);
    }

    [Fact]
    public void A_law_named_as_passed_is_no_call_to_pass_it()
    {
        // "passed the ... Act" can be written in either term: only a call to pass it bounds the text.
        Assert.Equal("unknown", Find("Congress passed the Hong Kong Human Rights and Democracy Act; President Trump should enforce it.").Code);
        Assert.Equal("unknown", Find("美国国会通过《香港人权与民主法案》后,特朗普总统应当执行该法。").Code);
    }

    [Fact]
    public void Trump_named_with_nothing_to_tell_the_terms_apart_is_unknown_with_the_reason()
    {
        var a = Find("President Trump should raise the cases of detained lawyers.");
        Assert.Equal("unknown", a.Code);
        Assert.Contains("second term", a.Reason);
    }

    [Fact]
    public void A_text_with_no_evidence_says_why_it_is_unknown()
    {
        var a = Find("The groups asked the government to act.");
        Assert.Equal("unknown", a.Code);
        Assert.False(string.IsNullOrEmpty(a.Reason));
    }
}

public class OrganisationTests
{
    [Theory]
    [InlineData("Yesterday Tibet Justice Center launched a report on detention.", "Tibet Justice Center")]
    [InlineData("Hong Kong Democracy Council released a statement urging the US to act.", "Hong Kong Democracy Council")]
    public void An_organisation_keeps_its_first_word_unless_it_opens_the_sentence(string text, string expected) =>
        Assert.Contains(expected, Corpus.FromTexts([("o.txt", text)]).Items[0].Organisations);
}
