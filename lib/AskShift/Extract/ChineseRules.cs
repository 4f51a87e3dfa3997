using System.Text.RegularExpressions;

namespace AskShift.Extract;

/// <summary>
/// Asks in Chinese prose (news reports written only in Chinese): a request or obligation marker in a sentence that
/// names the US government. The span runs from the marker to the end of the sentence.
/// </summary>
internal static partial class ChineseRules
{
    // 游說/游说 ("lobby") only right before the US body lobbied and what it is lobbied for: "正在游說聯邦參、眾兩院的議員，
    // 通過…". (Lobbying by others in the US, "中共在美國游說", names no one lobbied; "到華盛頓遊說議員。" asks for nothing.)
    [GeneratedRegex(@"促請|促请|敦促|呼籲|呼吁|籲請|吁请|建議|建议|應該|应该|必須|必须|應當|应当|不應|不应|要求|希望|期望|期盼|盼|祈求|懇請|恳请|請求|请求|(游說|遊說|游说)(?=(美國|美国|聯邦|联邦|國會|国会|參|参|眾|众|白宮|白宫|國務院|国务院|議員|议员)[^。！？；\n]{2,})", RegexOptions.ExplicitCapture)]
    private static partial Regex MarkerRx();

    [GeneratedRegex(@"美國|美国|華府|华府|華盛頓|华盛顿|白宮|白宫|國會|国会|拜登|特朗普|川普|奧巴馬|奥巴马|歐巴馬|欧巴马|布林肯|蓬佩奥|蓬佩奧|鲁比奥|魯比奧|盧比奧|盧比歐|卢比奥|卢比欧|魯比歐|鲁比欧|美方|國務院|国务院|國務卿|国务卿|新政府|新一届政府|新一屆政府|當選總統|当选总统|總統當選人|总统当选人|美府|参议院|參議院|众议院|眾議院|参[、,]?\s*众两院|參[、,]?\s*眾兩院", RegexOptions.ExplicitCapture)]
    private static partial Regex UsRx();

    // "籲請歐巴馬,在本週與習近平舉行高峰會時,公開要求釋放劉曉波", "希望川普总统在和习近平会面的时候,敦促…": a clause framed
    // as a time ("在…時", "當…之際", "在…的时候") says when; the action follows it, so the request runs on through the next
    // marker's clause. The frame needs its opening word, standing as a word of its own (not 在 in 现在 or 存在, 于 in 关于
    // or 由于, 当 in 当局, 应当 or 当选), and a time at its end (not the 时 of 同时 "meanwhile", 及时 "promptly" or 多时
    // "long"; but "在…的同时", "while …", is one).
    [GeneratedRegex(@"(?:(?<![现現存正实實所自])在|(?<![关關对對由至位属屬等用])[於于]|(?<![应應相])[當当](?![局前然地中时時初年选選])|趁)[^，,、;；]*(?:時候|时候|的同[时時]|(?<![多及同暂暫按准準届屆平临臨即随隨当當过過适適定])[時时]|之際|之际|期間|期间|之前|以前|之後|之后|以後|以后)\s*$", RegexOptions.ExplicitCapture)]
    private static partial Regex WhenClauseEndRx();

    // "促請他向習近平提出此要求": a request to raise "this demand" points back to a demand stated elsewhere; it asks nothing
    // new (none of the development corpus's annotated asks holds one). 該 means "that" only outside 應該 ("should").
    [GeneratedRegex(@"(此|這一|这一|這項|这项|(?<![應应])該|(?<![應应])该|這些|这些|上述)(要求|訴求|诉求|呼籲|呼吁|請求|请求)", RegexOptions.ExplicitCapture)]
    private static partial Regex ThisDemandRx();

    // The US, or one of its departments ("美國司法部應…", "美國財政部應將…"), then 應.
    [GeneratedRegex(@"(美國|美国|華府|华府|國會|国会|美國政府|美国政府|白宮|白宫|國務院|国务院)(政府|國會|国会|聯邦政府|联邦政府|司法部|財政部|财政部|商務部|商务部|國土安全部|国土安全部|國防部|国防部|國務院|国务院|行政當局|行政当局|駐華使館|驻华使馆)?(也|更|亦|必須|必须|務必|务必|仍)?(?<m>应|應)(?![对對用急变變付邀聘])", RegexOptions.ExplicitCapture)]
    private static partial Regex UsShouldRx();

    // 請 ("please") followed by a US addressee asks it: "請美國國務院…建立…", "请国会尽快通过…". Not 申請/邀請/聘請/敬請.
    [GeneratedRegex(@"(?<![申邀聘敬宴提])(?<m>請|请)(?=美國|美国|華府|华府|國會|国会|白宮|白宫|國務院|国务院|國務卿|国务卿|拜登|特朗普|川普|奧巴馬|奥巴马|歐巴馬|欧巴马|美方|聯邦政府|联邦政府)", RegexOptions.ExplicitCapture)]
    private static partial Regex PleaseUsRx();

    // 請 before "you" ("請在您的能力範圍之內，積極地向中國施壓"): in a text that names the US, the US addressed.
    // Not what a reader is asked to do: "請您連署並轉發" (sign and share), as with CallOnPublicRx.
    [GeneratedRegex(@"(?<![申邀聘敬宴提])(?<m>請|请)(?=在?(您|閣下|阁下))(?![^，,。；;]{0,4}(連署|联署|簽名|签名|簽署請願|签署请愿|轉發|转发|分享|捐款|捐助|訂閱|订阅|點擊|点击|閱讀|阅读|關注我們|关注我们|加入我們|加入我们))", RegexOptions.ExplicitCapture)]
    private static partial Regex PleaseYouRx();

    // A sentence whose subject is a pronoun or "the organisation", just before its request verb.
    [GeneratedRegex(@"(他们|他們|她们|她們|该组织|該組織|该团体|該團體|这些团体|這些團體)\s*(也|亦|还|還|并|並|则|則)?\s*$", RegexOptions.ExplicitCapture)]
    private static partial Regex PronounSubjectRx();

    // "通过了要求释放…的决议案": a marker that opens the modifier of a document passed, sent or signed (a resolution, bill
    // or letter that demands ...) describes that document; it asks nothing itself. "希望…通過…的法案" hopes a bill passes.
    [GeneratedRegex(@"的\s*(决议案|決議案|决议|決議|法案|议案|議案|提案|公开信|公開信|信件|信|声明|聲明|请愿书|請願書|呼声|呼聲)\s*$", RegexOptions.ExplicitCapture)]
    private static partial Regex DocumentNounEndRx();

    [GeneratedRegex(@"(通过|通過|提出|发表|發表|签署|簽署|发出|發出|递交|遞交|提交|收到)了?\s*(一份|一封|一项|一項|多份|多封)?\s*$", RegexOptions.ExplicitCapture)]
    private static partial Regex DocumentVerbBeforeRx();

    // "不應視為個人行為": what something should be seen as is an interpretation, not an ask.
    [GeneratedRegex(@"^\s*(被)?(視為|视为|看作|看成|理解為|理解为|解讀為|解读为)", RegexOptions.ExplicitCapture)]
    private static partial Regex SeenAsRx();

    // "Your Excellency", "Mr President": the US only in a text that names the US somewhere.
    [GeneratedRegex(@"閣下|阁下|您|總統先生|总统先生|國務卿先生|国务卿先生", RegexOptions.ExplicitCapture)]
    private static partial Regex YouRx();


    [GeneratedRegex(@"[^。！？；\n]+[。！？；]?", RegexOptions.ExplicitCapture)]
    private static partial Regex SentenceRx();

    // What opens an item set out on a line of its own in Chinese: "（一）", "一、", "1.", "1、", "第一,", "其一,", "——", a bullet.
    [GeneratedRegex(@"^\s*(?:[（(](?:[一二三四五六七八九十]{1,2}|\d{1,2})[)）]|[一二三四五六七八九十]{1,2}\s*[、.．]|\d{1,2}\s*[、.．)）]|第[一二三四五六七八九十]{1,2}\s*[，,、:：]|其[一二三四五六七八九十]\s*[，,、:：]|——|[•·▪◦●■*→►➢])\s*", RegexOptions.ExplicitCapture)]
    internal static partial Regex LineItemRx();

    // A line that leads into such items by asking: "为此,我们恳请:", "谨向美国政府提出以下请愿:", "我們向特朗普總統提出三項呼籲:";
    // not one that gives the reasons for a request ("我们向您请求援助,是因为:").
    [GeneratedRegex(@"(促請|促请|敦促|呼籲|呼吁|籲請|吁请|建議|建议|要求|懇請|恳请|請求|请求|請願|请愿|訴求|诉求|希望|期望|祈求)(?![^:：。！？]*(因为|因為|原因|理由|由于|由於))[^:：。！？]{0,30}[:：]\s*$", RegexOptions.ExplicitCapture)]
    internal static partial Regex AskingLeadInRx();

    /// <summary>Whether a text names the US anywhere (its government, a president, Congress), as Chinese texts do.</summary>
    internal static bool NamesUs(string text) => UsRx().IsMatch(text);

    // "其中包括两个要点:一是…;二是…", "第一,…;第二,…", "（一）…（二）…", "有4点诉求:(1)…;(2)…": numbered items of one request.
    [GeneratedRegex(@"(?<=[:：;；，,、。]\s*|^\s*)(?:(?<n>[一二三四五六七八九十])是|第(?<n>[一二三四五六七八九十])(?:[是，,、:：]|条|條|点|點)|[（(](?<n>[一二三四五六七八九十]|[1-9])[）)])", RegexOptions.ExplicitCapture)]
    private static partial Regex OrdinalItemRx();

    // A lead whose numbered items are demands even without a request verb: "对拜登政府有4点诉求:".
    [GeneratedRegex(@"诉求|訴求", RegexOptions.ExplicitCapture)]
    private static partial Regex DemandsNounRx();

    // The end of a lead-in before its numbered items: ",其中包括两个要点:" or "如下:".
    [GeneratedRegex(@"[，,]?\s*(其中|包括|包含|如下|以下|具体|具體)[^，,。；;]*[:：]?\s*$|[:：，,;；]\s*$", RegexOptions.ExplicitCapture)]
    private static partial Regex LeadTailRx();

    /// <summary>
    /// Asks in text[start..end): each request marker starts a span that runs to the clause before the next marker or to
    /// the sentence end, so "希望新政府…，敦促当选总统…" gives two asks, as the codebook counts two actions.
    /// </summary>
    public static IEnumerable<AskSpan> Find(string text, int start, int end)
    {
        var youIsUs = UsRx().IsMatch(text);
        foreach (Match s in SentenceRx().Matches(text[start..end]))
        {
            var sentence = s.Value;
            if (NumberedItems(sentence, youIsUs) is { } numbered)
            {
                foreach (var (a, b) in numbered) yield return new AskSpan(start + s.Index + a, start + s.Index + b, AskForm.NumberedItem, "zh");
                continue;
            }
            // "报告提出了一系列具体措施,包括实施…、加大…,以及加强…": the measures a proposal lists are asks each; the
            // markers before the list still ask, up to where it starts.
            var listAt = sentence.Length;
            if (youIsUs && MeasuresRx().Match(sentence) is { Success: true } measures && !AskedOfChinaRx().IsMatch(sentence.AsSpan(measures.Index)))
            {
                listAt = measures.Groups["lead"].Index;
                var items = measures.Groups["items"];
                foreach (var (a, b) in ListItems(sentence, items.Index, items.Index + items.Length))
                    yield return new AskSpan(start + s.Index + a, start + s.Index + b, AskForm.Sentence, "zh");
            }
            // A marker that ends in a colon ("发出请求：") leads into the asks that follow; it is not one itself.
            bool LeadIn(Match m) => sentence[(m.Index + m.Length)..Math.Min(sentence.Length, m.Index + m.Length + 2)].IndexOfAny([':', '：']) >= 0;
            var markers = MarkerRx().Matches(sentence).Where(m => !Modal(sentence, m) && !LeadIn(m) && !NotARequest(sentence, m)).Select(m => (m.Index, m.Length)).ToList();
            // Modals (应该, 必须, 应当) only ask when the US is their subject; request verbs name their addressee after them.
            markers.AddRange(MarkerRx().Matches(sentence).Where(m => Modal(sentence, m) && UsRx().Match(sentence[Math.Max(0, m.Index - 12)..m.Index]).Success &&
                                                                   !SeenAsRx().IsMatch(sentence.AsSpan(m.Index + m.Length))).Select(m => (m.Index, m.Length)));
            // The one-character modal 应/應 ("should") asks only right after a US subject ("美国国会应尽快通过…").
            markers.AddRange(UsShouldRx().Matches(sentence).Select(m => (m.Groups["m"].Index, 1)).Where(x => markers.All(y => Math.Abs(y.Index - x.Index) > 1)));
            markers.AddRange(PleaseUsRx().Matches(sentence).Select(m => (m.Groups["m"].Index, 1)).Where(x => markers.All(y => Math.Abs(y.Index - x.Index) > 1)));
            if (youIsUs)
                markers.AddRange(PleaseYouRx().Matches(sentence).Select(m => (m.Groups["m"].Index, 1)).Where(x => markers.All(y => Math.Abs(y.Index - x.Index) > 1)));
            markers = markers.Where(m => m.Index < listAt).OrderBy(m => m.Index).ToList();
            // "呼吁奥巴马总统,敦促习近平尊重…,要求中国撤除…": a demand of China that follows a request's short clause and a comma
            // is what the US is asked to press for; it continues that request instead of ending it. After 并 ("…，並敦促中國…")
            // or a semicolon it is the group's own second demand.
            var all = markers;
            markers = markers.Where((m, i) => i == 0 || !AskedOfChinaRx().IsMatch(sentence.AsSpan(m.Index)) || ModalBeforeRx().IsMatch(sentence.AsSpan(0, m.Index)) ||
                                              !ContinuesRequest(sentence, all[i - 1].Index + all[i - 1].Length, m.Index)).ToList();
            // "敦促您要求…": a marker a few characters after another, past only an addressee, is that request's own words,
            // so the first marker's span runs through it. ("呼籲,希望…" is left as it was: the comma may end a clause.)
            for (var k = markers.Count - 1; k > 0; k--)
                if (markers[k].Index - (markers[k - 1].Index + markers[k - 1].Length) <= 2 &&
                    sentence.AsSpan(markers[k - 1].Index, markers[k].Index - markers[k - 1].Index).IndexOfAny("，,、：:；;") < 0)
                    markers.RemoveAt(k);
            var stopAll = Math.Min(sentence.TrimEnd('。', '！', '？', '；', ' ').Length, listAt < sentence.Length ? sentence[..listAt].TrimEnd('，', ',', ' ').Length : int.MaxValue);
            // "在川習會前我們要做一個呼籲：美國…不應該忽略…": what a request ending in a colon leads into, in the same sentence,
            // is its ask when it names the US and holds no request of its own.
            foreach (Match lead in MarkerRx().Matches(sentence))
            {
                if (Modal(sentence, lead) || !LeadIn(lead)) continue;
                var colon = sentence.IndexOfAny([':', '：'], lead.Index + lead.Length);
                var (from, to) = (colon + 1, stopAll);
                while (from < to && " 「“\"".Contains(sentence[from])) from++;
                while (to > from && " 」”\"".Contains(sentence[to - 1])) to--;
                if (to - from < 4 || markers.Any(x => x.Index > colon) || !UsRx().IsMatch(sentence.AsSpan(from, to - from)) ||
                    AskedOfChinaRx().IsMatch(sentence.AsSpan(from))) continue;
                yield return new AskSpan(start + s.Index + from, start + s.Index + to, AskForm.Sentence, "zh");
            }
            var consumed = -1; // markers up to this one belong to an earlier request (its action after a when-clause)
            for (var k = 0; k < markers.Count; k++)
            {
                var m = markers[k];
                if (k <= consumed) continue;
                if (k > 0 && m.Index - markers[k - 1].Index < 4) continue;
                int StopBefore(int next)
                {
                    if (next >= markers.Count) return stopAll;
                    // A semicolon closes the last of this request's items; otherwise the clause before the next marker does.
                    var nextAt = markers[next].Index;
                    var semicolon = sentence.LastIndexOf(';', Math.Max(m.Index, nextAt - 1));
                    var comma = sentence.LastIndexOfAny(['，', ',', '、'], Math.Max(m.Index, nextAt - 1));
                    return semicolon > m.Index ? semicolon : comma > m.Index ? comma : nextAt;
                }
                var following = k + 1;
                var stop = StopBefore(following);
                var merged = k; // the last marker this request takes in; they are consumed only if it is yielded
                while (following < markers.Count && stop > m.Index && WhenClauseEndRx().IsMatch(sentence.AsSpan(m.Index, stop - m.Index)))
                {
                    merged = following;
                    stop = StopBefore(++following);
                }
                // The US subject just before the marker ("美國應該…") opens the span; otherwise the marker does.
                var before = sentence[Math.Max(0, m.Index - 12)..m.Index];
                var us = UsRx().Matches(before).LastOrDefault();
                // (Not before 游說: "前往華府遊說國會" names where the lobbyists went, not who is asked.)
                var at = us != null && before[(us.Index + us.Length)..].IndexOfAny(['，', ',', ':', '：']) < 0 && sentence[m.Index] is not ('游' or '遊')
                    ? m.Index - before.Length + us.Index : m.Index;
                // "促請習近平釋放…", "敦促對方…改善": asked of the Chinese side, even in a text about the US; but "（川普）應趁機要求
                // 習近平釋放…" asks the US to make that demand.
                if (AskedOfChinaRx().IsMatch(sentence.AsSpan(m.Index)) && !ModalBeforeRx().IsMatch(sentence.AsSpan(0, m.Index))) continue;
                if (ChineseStateAsks(sentence, m.Index)) continue;
                if (UsNonGovernmentRx().IsMatch(sentence.AsSpan(m.Index + m.Length))) continue;
                // (Unless a request before it asks for that law: "呼吁国会通过法案，要求国务院…" asks twice.)
                if (!all.Any(x => x.Index < m.Index) && LawRequiresRx().IsMatch(sentence.AsSpan(0, m.Index))) continue;
                var clause = sentence[at..stop];
                // "向美國國務卿克裡發出呼籲," names whom an appeal went to; what it asks follows, or it asks nothing.
                if (stop - (m.Index + m.Length) < 2) continue;
                // "我們呼籲拜登政府:" leads into the items below it; they are the asks.
                if (clause.TrimEnd(' ', '　') is [.., ':' or '：']) continue;
                var namesUs = UsRx().IsMatch(clause) || youIsUs && YouRx().IsMatch(clause) || UsRx().IsMatch(sentence.AsSpan(0, m.Index))
                    // "…递交给美国国务院。他们请求立即释放…": a pronoun subject asks whom the sentence before named.
                    || PronounSubjectRx().IsMatch(sentence.AsSpan(0, m.Index)) && UsRx().IsMatch(text.AsSpan(Math.Max(0, start + s.Index - AskExtractor.Options.ChineseContextChars), Math.Min(start + s.Index, AskExtractor.Options.ChineseContextChars)));
                if (!namesUs || stop - at < 4) continue;
                if (DocumentVerbBeforeRx().IsMatch(sentence.AsSpan(0, m.Index)) && DocumentNounEndRx().IsMatch(sentence.AsSpan(at, stop - at))) continue;
                if (ThisDemandRx().IsMatch(sentence.AsSpan(at, stop - at))) continue;
                // "呼吁欧巴马…详列人权清单;有系统搜集…资讯": a request's items separated by semicolons are asks each.
                // A modal's clauses ("…不应该…;中国人民应…") are not split: what follows may be the reason, not an item.
                consumed = merged;
                var pieces = Modal(sentence, MarkerRx().Match(sentence, m.Index)) ? [(at, stop)] : SplitAtSemicolons(sentence, at, stop);
                foreach (var (a, b) in pieces)
                    yield return new AskSpan(start + s.Index + a, start + s.Index + EndOfAsk(sentence, a, b), AskForm.Sentence, "zh");
            }
        }
    }

    /// <summary>
    /// Where a request's span ends inside [at, stop): before a consequence it threatens ("…勿邀李家超出席APEC，否则制裁将形同
    /// 虚设": the ask is the first clause, the rest its reason), and at a closing quotation mark that no opening one in the
    /// span matches (the quoted words end there; "…的藍圖，」研究員在X上表示" goes on to say who said them).
    /// </summary>
    internal static int EndOfAsk(string sentence, int at, int stop)
    {
        var end = stop;
        if (ConsequenceRx().Match(sentence, at, stop - at) is { Success: true } c && c.Index - at >= 4) end = c.Index;
        var open = 0;
        for (var i = at; i < end; i++)
        {
            if (sentence[i] is '「' or '“' or '『') open++;
            else if (sentence[i] is '」' or '”' or '』' && --open < 0)
            {
                if (i - at >= 4) end = i;
                break;
            }
        }
        while (end > at + 4 && sentence[end - 1] is '，' or ',' or '、' or ' ') end--;
        return end;
    }

    [GeneratedRegex(@"\s*[，,;；]\s*(否則|否则|不然|以免|以防)", RegexOptions.ExplicitCapture)]
    private static partial Regex ConsequenceRx();

    static readonly string Numerals = "一二三四五六七八九十";

    /// <summary>An item's number, written in Chinese (一 ... 十) or as a digit (1 ... 9).</summary>
    static int ItemNumber(char c) => c is >= '1' and <= '9' ? c - '0' : Numerals.IndexOf(c) + 1;

    /// <summary>
    /// A request whose content is numbered inside the sentence ("呼吁奥巴马…信息,其中包括两个要点:一是…;二是…"): the lead
    /// and each numbered item are asks, the items asked of the US through the lead even when they name China
    /// ("二是敦促中国政府…"). Null when the sentence has no such list or its lead asks nothing of the US.
    /// </summary>
    static List<(int Start, int End)>? NumberedItems(string sentence, bool youIsUs)
    {
        var found = OrdinalItemRx().Matches(sentence).ToList();
        if (found.Count < 2) return null;
        // Items run 一, 二, 三 ... in order from the first.
        var chain = new List<Match>();
        foreach (var m in found)
            if (ItemNumber(m.Groups["n"].Value[0]) == chain.Count + 1) chain.Add(m);
        if (chain.Count < 2) return null;
        var lead = sentence[..chain[0].Index];
        var marker = MarkerRx().Match(lead);
        if (!(marker.Success || DemandsNounRx().IsMatch(lead)) || !(UsRx().IsMatch(lead) || youIsUs && YouRx().IsMatch(lead))) return null;
        var result = new List<(int, int)>();
        // The lead asks something itself only through a request verb; "有4点诉求:" only announces the items.
        var leadEnd = marker.Success ? marker.Index + LeadTailRx().Replace(lead[marker.Index..], "").Length : 0;
        if (marker.Success && leadEnd - marker.Index >= 4) result.Add((marker.Index, leadEnd));
        for (var k = 0; k < chain.Count; k++)
        {
            var from = chain[k].Index + chain[k].Length;
            var to = k + 1 < chain.Count ? chain[k + 1].Index : sentence.TrimEnd('。', '！', '？', '；', ' ').Length;
            while (to > from && "，,、;；:： ".Contains(sentence[to - 1])) to--;
            while (from < to && "，,、:： ".Contains(sentence[from])) from++;
            if (to - from >= 4) result.Add((from, to));
        }
        return result;
    }

    // A proposal's list of measures: a proposing verb, a noun for what is proposed, then "包括/例如" or a colon and the
    // items ("向美國國會提出三項訴求：制裁官員、開放庇護、停止進口").
    [GeneratedRegex(@"(?:提出|建議|建议|呼籲|呼吁|要求|敦促|促請|促请)[^。；;]{0,20}?(?:措施|建議|建议|要求|訴求|诉求|請求|请求|步驟|步骤|行動|行动|政策)\s*[，,]?\s*(?<lead>包括|包含|例如|(?=[:：]))\s*[:：]?\s*(?<items>[^。；;]+)", RegexOptions.ExplicitCapture)]
    private static partial Regex MeasuresRx();

    // Between the items of a list: the enumeration comma, or a comma before 以及/和/及/与 ("…,以及…").
    [GeneratedRegex(@"、|[，,]?\s*以及|[，,]\s*(?:和|及|與|与|並|并)", RegexOptions.ExplicitCapture)]
    private static partial Regex ListSeparatorRx();

    /// <summary>The items of a list in sentence[from..to), each at least four characters once punctuation is trimmed.</summary>
    static IEnumerable<(int Start, int End)> ListItems(string sentence, int from, int to)
    {
        var cuts = ListSeparatorRx().Matches(sentence[from..to]).Select(m => (From: from + m.Index, To: from + m.Index + m.Length)).ToList();
        var at = from;
        foreach (var (cutFrom, cutTo) in cuts.Append((to, to)))
        {
            int a = at, b = cutFrom;
            while (b > a && "，,、;；:：。 ".Contains(sentence[b - 1])) b--;
            while (a < b && "，,、:： ".Contains(sentence[a])) a++;
            if (b - a >= 4) yield return (a, b);
            at = cutTo;
        }
    }

    static List<(int Start, int End)> SplitAtSemicolons(string sentence, int at, int stop)
    {
        var pieces = new List<(int, int)>();
        var from = at;
        for (var i = sentence.IndexOf(';', at); i >= 0 && i < stop; i = sentence.IndexOf(';', i + 1))
        {
            if (i - from >= 4) pieces.Add((from, i));
            from = i + 1;
        }
        if (stop - from >= 4) pieces.Add((from, stop));
        return pieces.Count > 0 ? pieces : [(at, stop)];
    }

    // A request or hope whose addressee is the Chinese side ("希望北京当局与…对话" hopes Beijing acts): the state by any of
    // its names, its leader, or a regional government or authority of the PRC ("香港當局", "香港特区政府", "西藏当局").
    // A hope or suggestion may open with its topic ("希望中国问题成为…优先事项"): for those a state's name followed by a
    // topic word (问题, 人权, 政策, 的 …) is not the one hoped to act.
    [GeneratedRegex(@"^(?:(要求|敦促|呼吁|呼籲|促请|促請|籲請|吁请)(中国|中國|中华人民共和国|中華人民共和國|北京|中共|中方|港府|习近平|習近平|对方|對方|当局|當局|(香港|港澳|澳門|澳门|西藏|新疆)(特區|特区)?(政府|當局|当局))|(希望|期望|期盼|盼望|建議|建议|請求|请求|懇請|恳请)((中国|中國|中华人民共和国|中華人民共和國|北京|中共)(?!问题|問題|议题|議題|人权|人權|政策|的|冬奥|冬奧|奥运|奧運|局势|局勢|情况|情況|经济|經濟|市场|市場)|中方|港府|习近平|習近平|对方|對方|当局|當局|(香港|港澳|澳門|澳门|西藏|新疆)(特區|特区)?(政府|當局|当局)))", RegexOptions.ExplicitCapture)]
    private static partial Regex AskedOfChinaRx();

    /// <summary>
    /// Whether the text between a request's marker and a later demand of China only names whom the request is made of:
    /// an addressee, with or without an adverb ("请求他敦促中国…", "呼吁美国政府也要求中国…"), or a clause ended by a comma
    /// ("呼吁奥巴马总统，敦促习近平…", and so on through a chain of such demands). A semicolon, 并 or 以及 before the demand,
    /// or a comma followed or preceded by 并, 也, 同时, 另外 or 此外, makes it a second demand of the group's own.
    /// </summary>
    static bool ContinuesRequest(string sentence, int from, int to)
    {
        var between = sentence.AsSpan(from, to - from).Trim(' ');
        if (between.Length == 0 || between.IndexOfAny(';', '；') >= 0) return false;
        var comma = between.LastIndexOfAny('，', ',');
        if (comma < 0) return between.Length <= 16 && !AndAtEndRx().IsMatch(between);
        if (AlsoOpeningRx().IsMatch(between[(comma + 1)..])) return false;
        var before = between[..comma];
        var previous = before.LastIndexOfAny('，', ',');
        return !AlsoOnlyRx().IsMatch(before[(previous + 1)..]);
    }

    [GeneratedRegex(@"(并|並|以及)\s*$", RegexOptions.ExplicitCapture)]
    private static partial Regex AndAtEndRx();

    [GeneratedRegex(@"^\s*(并|並|以及|另外|此外|同时|同時|也|又|还|還)", RegexOptions.ExplicitCapture)]
    private static partial Regex AlsoOpeningRx();

    [GeneratedRegex(@"^\s*(同时|同時|另外|此外|并且|並且)\s*$", RegexOptions.ExplicitCapture)]
    private static partial Regex AlsoOnlyRx();

    // An obligation just before a request ("應趁機要求", "必须当面要求"): whoever should make the request is asked to.
    // Not the 应 of 响应 (respond), 答应 (agree) or 反应 (react), nor an obligation of the Chinese side itself ("中國應要求…").
    [GeneratedRegex(@"(?<!中國|中国|北京|中共|中方|港府|當局|当局|政府|习近平|習近平)(應該|应该|必須|必须|應當|应当|務必|务必|(?<![响響回答反相对對适適供效呼感顺順])[應应])(趁機|趁机|藉機|借机|藉此|借此|當面|当面|公開|公开|直接)?\s*$", RegexOptions.ExplicitCapture)]
    private static partial Regex ModalBeforeRx();

    // The US side's own hope ("（特朗普）他希望此事成真", "美方希望…", "新政府希望审查开支") reports what it wants; it asks nothing of it.
    [GeneratedRegex(@"(美國|美国|美方|白宮|白宫|華府|华府|拜登|特朗普|川普|奧巴馬|奥巴马|歐巴馬|欧巴马|總統|总统|新政府|他|她)[）)」”]?\s*(也|亦|仍|則|则|更)?$", RegexOptions.ExplicitCapture)]
    private static partial Regex UsSubjectRx();

    // A call on the public rather than on a government ("呼籲全球支持香港的朋友們給參議員寫信", "呼吁美国居民及公民参与发信"):
    // what readers are asked to do (write, sign, join) is not an ask of the US government, as in English.
    [GeneratedRegex(@"\G(?:呼吁|呼籲|号召|號召|要求|敦促|鼓励|鼓勵)(?<who>[^，,。；;]{0,14}?)(?:朋友|民众|民眾|大家|读者|讀者|网友|網友|公众|公眾|华人|華人|同胞|市民|选民|選民|居民|公民(?!社会|社會)|侨胞|僑胞|各界(人士)?|支持者)", RegexOptions.ExplicitCapture)]
    private static partial Regex CallOnPublicRx();

    // A government addressed, or an action done to the public ("呼吁美国保护香港居民" asks the US to protect residents).
    [GeneratedRegex(@"政府|國會|国会|官员|官員|议员|議員|参议|參議|众议|眾議|总统|總統|国务|國務|保护|保護|支持|帮助|幫助|保障|接纳|接納|接收|欢迎|歡迎|援助|庇护|庇護|关注|關注|声援|聲援|给予|給予|提供|制裁|释放|釋放", RegexOptions.ExplicitCapture)]
    private static partial Regex GovernmentOrActionRx();

    /// <summary>
    /// Whether the words between a call and the public it names address a government or an action done to that public
    /// ("呼吁美国保护香港居民"); an action word before 的 only describes the public ("支持香港的朋友們", friends who support).
    /// </summary>
    static bool AddressesGovernment(string who) =>
        GovernmentOrActionRx().Matches(who).Any(w => who.IndexOf('的', w.Index + w.Length) < 0);

    /// <summary>
    /// A marker that does not ask: a noun ("提出的请求", "the request made"), a request for anonymity ("要求匿名"), a call
    /// on the public, or a hope the US side itself voices.
    /// </summary>
    static bool NotARequest(string sentence, Match m)
    {
        if (m.Index > 0 && sentence[m.Index - 1] == '的') return true;
        // "被要求劝说…": someone was required to do something, a passive that asks nothing.
        if (m.Index > 0 && sentence[m.Index - 1] == '被') return true;
        // "我提出這個要求，我們…", "提出這項請求，兩人…": a marker after a demonstrative and its measure word is a noun,
        // whatever follows ("呼籲，希望…" is a verb before its clause).
        if (DemonstrativeBeforeRx().IsMatch(sentence.AsSpan(0, m.Index))) return true;
        if (CallOnPublicRx().Match(sentence, m.Index) is { Success: true } pub && pub.Index == m.Index && !AddressesGovernment(pub.Groups["who"].Value)) return true;
        var after = sentence[(m.Index + m.Length)..Math.Min(sentence.Length, m.Index + m.Length + 3)];
        if (after.StartsWith("匿名", StringComparison.Ordinal)) return true;
        return m.Value is "希望" or "期望" or "期盼" && UsSubjectRx().IsMatch(sentence[Math.Max(0, m.Index - 8)..m.Index]);
    }

    [GeneratedRegex(@"(這|这|此|該|该|那)(個|个|項|项|些|一)?\s*$", RegexOptions.ExplicitCapture)]
    private static partial Regex DemonstrativeBeforeRx();

    // The Chinese state opening the clause that asks: "中國外交部要求美國停止…", "北京呼籲美國…" are its demands of the US,
    // not an advocate's. Not an organisation with China in its name (中国人权捍卫者), nor "北京时间" (Beijing time).
    [GeneratedRegex(@"^\s*(中[国國](政府|外交部|官方|当局|當局|驻美(国)?大使馆|駐美(國)?大使館|领导人|領導人|官员|官員|发言人|發言人)|中方|北京(?!时间|時間)|中共(?!病毒)|习近平|習近平|外交部)", RegexOptions.ExplicitCapture)]
    private static partial Regex ChineseStateSubjectRx();

    // "恳请美国商界不要…": American business, companies, people or media are not the US government the codebook counts.
    [GeneratedRegex(@"^\s*(美國|美国)(的)?(商界|企業|企业|公司|公民|民眾|民众|人民|社會|社会|媒體|媒体|大學|大学|科技公司|投資者|投资者)", RegexOptions.ExplicitCapture)]
    private static partial Regex UsNonGovernmentRx();

    static readonly char[] ClauseBreaks = ['，', ',', '。', '；', ';', '：', ':', '！', '？'];

    // What a law requires is not an ask: "法案要求国务院…" (the law as subject), "国会通过法案，要求国务院…" (right after a
    // clause that passed, signed or enacted it).
    // The law may be named in title marks: "《香港人權與民主法案》要求國務卿…", "《香港自治法》要求…".
    [GeneratedRegex(@"((法案|法律|法令|条例|條例|行政命令|决议案|決議案|决议|決議)[》」]?|法[》」])\s*(也|还|還|则|則|亦)?\s*$|(通过|通過|签署|簽署|颁布|頒布|实施|實施)了?\S{0,16}(法案|法律|法令|条例|條例|行政命令|决议案|決議案|决议|決議)\s*[，,]\s*(并|並)?\s*$", RegexOptions.ExplicitCapture)]
    private static partial Regex LawRequiresRx();

    /// <summary>Whether the clause ending at <paramref name="marker"/> opens with the Chinese state as its subject.</summary>
    static bool ChineseStateAsks(string sentence, int marker)
    {
        var from = marker == 0 ? 0 : sentence.LastIndexOfAny(ClauseBreaks, marker - 1) + 1;
        if (ChineseStateSubjectRx().IsMatch(sentence.AsSpan(from, marker - from))) return true;
        // "中國外交部發言人汪文斌在北京表示，…，要求美方「立即撤銷錯誤決定」": every request in a sentence the Chinese state speaks is its own.
        return ChineseStateSpeakerRx().Match(sentence) is { Success: true } speaker && speaker.Index + speaker.Length <= marker;
    }

    [GeneratedRegex(@"^\s*((对此|對此|另外|此外|同时|同時|不过|不過|但)\s*[，,]?\s*)?(中[国國](政府|外交部|官方|当局|當局|驻美(国)?大使馆|駐美(國)?大使館|领导人|領導人|官员|官員|发言人|發言人)|中方|外交部)[^。！？；]{0,40}?(表示|说|說|指出|称|稱|回应|回應|强调|強調|批评|批評)", RegexOptions.ExplicitCapture)]
    private static partial Regex ChineseStateSpeakerRx();

    static bool Modal(string sentence, Match m) => m.Value is "應該" or "应该" or "必須" or "必须" or "應當" or "应当" or "不應" or "不应";
}
