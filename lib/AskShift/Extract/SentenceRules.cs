using AskShift.Text;
using System.Text.RegularExpressions;

namespace AskShift.Extract;

/// <summary>A candidate ask inside one text (view offsets).</summary>
internal sealed record AskSpan(int Start, int End, AskForm Form, string Language)
{
    /// <summary>Runs into the end of a text cut mid-sentence.</summary>
    public bool Truncated { get; init; }
}

/// <summary>Which kinds of marker a sentence may use: list items elaborate with reported recommendations only.</summary>
[Flags]
internal enum MarkerKinds
{
    /// <summary>"urge/call on/ask X to", "recommend that".</summary>
    Requests = 1,
    /// <summary>"should/must/needs to", "it's time for X to".</summary>
    Modals = 2,
    /// <summary>"highlighted the need for", "recommendations were to A, B and C", "focusing on the US doing".</summary>
    Reported = 4,
    All = Requests | Modals | Reported,
}

/// <summary>
/// Finds asks inside one sentence: request verbs with a US addressee, modal sentences whose subject is the US
/// government, and reported asks. Each marker starts a span that runs to the next marker or the sentence end.
/// </summary>
internal static partial class SentenceRules
{
    [GeneratedRegex(@"\b(?<m>(urg(e|es|ed|ing)|call(s|ed|ing)?\s+(up)?on|call(s|ed|ing)?\s+for|ask(s|ed|ing)?|press(es|ed|ing)?|appeal(s|ed|ing)?\s+(?:[a-z]+ly\s+)?to|implor(e|es|ed|ing)|want(s|ed|ing)?|encourag(e|es|ed|ing)|petition(s|ed|ing)?|request(s|ed|ing)?|push(es|ed|ing)?|look(s|ed|ing)?\s+to|count(s|ed|ing)?\s+on|(?<!\bto\s)(?-i:lobb(y|ies|ied|ying))|call(s|ed|ing)?(?=\s+the\s+(U\.S\.|US|United\s+States|American)\s)|(would|['’]d)\s+(therefore\s+|also\s+|really\s+|strongly\s+)?like(?!\s+to\b)))\s+(?<who>(?:[^.;:!?]|(?<=\b[A-Z])\.){1,120}?)\s+[“""‘]?to\s+[“""‘]?(?:to\s+)?(?<verb>[a-z]+)\b", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex RequestRx();

    // "appealed to Congress for help in securing ...", "asked Washington for support": a request of an addressee for a
    // kind of help rather than for an act ("asked the State Department for comment" is a reporter's, and not matched).
    [GeneratedRegex(@"\b(ask(s|ed|ing)?|appeal(s|ed|ing)?\s+to|turn(s|ed|ing)?\s+to|press(es|ed|ing)?|petition(s|ed|ing)?|(?-i:lobb(y|ies|ied|ying))|call(s|ed|ing)?\s+(up)?on|urg(e|es|ed|ing))\s+(?<who>(?:[^.;:!?,]|(?<=\b[A-Z])\.){1,80}?)\s+for\s+((its|their|more|greater|stronger|urgent|immediate|concrete|further|continued)\s+)?(help|support|assistance|action|protection|intervention)\b", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex HelpForRx();

    // The Chinese state as the one asking: "The Chinese embassy urged Washington to stop ...", "Beijing called on the US
    // to ...". Not an organisation with China in its name ("Chinese Human Rights Defenders urged ...").
    // The subject opens with it: "the nature of the CCP and solemnly call on ..." has the CCP as an object.
    [GeneratedRegex(@"^\s*((a|an|the|A|An|The)\s+((senior|chief|deputy)\s+)?(spokes(man|woman|person)|official|representative|envoy)\s+(for|of|from)\s+)?(the\s+|The\s+)?((Chinese|China['’]s)\s+(government|embassy|consulate|foreign\s+ministry|ministry|authorities|officials?|ambassador|diplomats?|leaders?|leadership|president|premier|state\s+media|side|spokes(man|woman|person))\b|Beijing\b(?!-)|Xi(\s+Jinping)?\b|(PRC|CCP)\b|([Ff]oreign|[Cc]ommerce)\s+[Mm]inistry\b)", RegexOptions.ExplicitCapture)]
    internal static partial Regex ChineseStateSubjectRx();

    // A clause inside a that-clause: its verb is not the that-clause's own.
    [GeneratedRegex(@"\b(until|unless|when|whenever|while|because|since|after|before|if|once|so\s+that|who|whom|whose|which|where)\b", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex SubordinateRx();

    // "in hopes that the United States can help push for ...", "hoping that Trump will raise ...", "We hope you will
    // ...": a hope that the US acts.
    [GeneratedRegex(@"\b(hop(e|es|ed|ing)|in\s+(the\s+)?hopes?)\s+(that\s+)?(?<who>(?:[^,.;:!?]|(?<=\b[A-Z])\.){1,60}?)\s+(can|could|will|would|might)\s+(help\s+(to\s+)?)?(?<verb>[a-z]+)\b", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex HopeThatRx();

    // "recommended that ...", "proposed the State Department open ...", and an action named by a gerund: "suggested
    // creating a U.S. office of ...", "recommends imposing sanctions" (not "proposed during", "suggested nothing").
    [GeneratedRegex(@"\b(recommend|request|ask|urge|demand|insist|propose)(s|ed|d|ing)?\s+that\b|\b(recommend|propose)(s|ed|d|ing)?\s+(?=(the\s+)?(Congress|Washington|the\s+U\.?S\.?|the\s+United\s+States|the\s+administration|the\s+State\s+Department|the\s+President|lawmakers)\s+(?-i:[a-z]+)\b)|\b(recommend|propose|suggest)(s|ed|d)?\s+(also\s+)?(?=(?!(during|including|regarding|concerning|following|according|nothing|something|anything|everything|being|having)\b)(?-i:[a-z]{2,}ing)\b)", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex RecommendThatRx();

    [GeneratedRegex(@"\b(should|must|needs?\s+to|ought\s+to)\b", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex ModalRx();

    // "Please use your conscience to help ...", "Please don't keep silence ...": a plea opening a sentence or a quotation,
    // an ask when the text's "you" is a US official.
    [GeneratedRegex(@"(?:^|[:“""‘]\s*)(?:Please|Kindly)\s+(?:(?:do\s+not|don['’]t|never)\s+)?(?<verb>[a-z]+)\b", RegexOptions.ExplicitCapture)]
    private static partial Regex PleaseRx();

    // "We now need both your public support and ...": in a letter to a US official, what the writers need of "you".
    // Also what they would welcome, look forward to or count on from "you": "We look forward to your leadership in
    // securing ...", "we would welcome your public support for ..." (not thanks for what was done: "we appreciate").
    [GeneratedRegex(@"\b(we|I)\s+((now|also|still|urgently|really|desperately|therefore|so)\s+)?need\s+(both\s+)?your\b" +
        @"|\b(we|I)\s+((are|am|now|also|therefore|urgently)\s+)*(appeal(ing)?|turn(ing)?\s+to\s+you)\s+for\s+your\s+((\w+\s+){0,3}?)(help|support|intervention|assistance|leadership)\b" +
        @"|\b(we|I)\s+((would|will|also|therefore|very\s+much|greatly|all)\s+)*(would\s+welcome|look\s+forward\s+to|are\s+counting\s+on|count\s+on|rely\s+on)\s+your\s+((\w+\s+){0,2}?)(leadership|support|action|help|efforts?|intervention|engagement|advocacy|commitment)\b", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex NeedYourRx();

    // "The Tibetan Policy Act mandates that the president should ...": what a law or bill requires is reported, not asked.
    [GeneratedRegex(@"\b(Act|[Ll]aw|[Ll]egislation|[Rr]esolution|[Bb]ill|[Ss]tatute)\s+(mandates|requires|stipulates|says|states|provides|directs|obliges)\s+that\b[^.;]*$", RegexOptions.ExplicitCapture)]
    private static partial Regex LawRequiresThatRx();

    [GeneratedRegex(@"\b(it['’]s|it\s+is|it\s+was|it\s+remains)\s+(a\s+)?(high\s+|(long\s+|well\s+)?past\s+|moral\s+|now\s+|therefore\s+|all\s+the\s+more\s+|vitally\s+|critically\s+|extremely\s+|absolutely\s+|especially\s+|particularly\s+)?(time|imperative|crucial|essential|vital|critical|urgent|important|necessary|incumbent\s+on\s+(?<who2>[^.;:]{1,60}?))\s+(?:for\s+(?<who>(?:[^.;:]|(?<=\b[A-Z])\.){1,80}?)\s+to\s+[a-z]|that\s+(?<who>(?:[^.;:]|(?<=\b[A-Z])\.){1,80}?)\s+(?-i:(?<verb>[a-z]+))\b|to\s+(?<verb>[a-z]+)\b)|\b(provides?|presents?|offers?|gives?|is|was)\s+(an?|the)\s+([\w-]+\s+)?(opportunity|chance|occasion)\s+for\s+(?<who>(?:[^.;:]|(?<=\b[A-Z])\.){1,80}?)\s+to\s+[a-z]|\b(it['’]s|it\s+is)\s+((high|long\s+past|about)\s+)?time\s+(?<who>(the\s+)?(?-i:\p{Lu})[^.;:]{0,60}?)\s+(?-i:(?<verb>[a-z]+))\b" +
        // "Now is the time for the United States to lead ...", "this is the moment for Congress to act", "the time has come for
        // Washington to ...".
        @"|\b(now|this|today)\s+is\s+(the|a|our)\s+([\w-]+\s+)?(time|moment)\s+for\s+(?<who>(?:[^.;:]|(?<=\b[A-Z])\.){1,80}?)\s+to\s+[a-z]|\bthe\s+(time|moment)\s+has\s+(now\s+)?come\s+for\s+(?<who>(?:[^.;:]|(?<=\b[A-Z])\.){1,80}?)\s+to\s+[a-z]", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex TimeForRx();

    // "We also want to see the U.S. take this to the U.N.", "we would like to see Congress pass ...": what the writers want
    // the US to do, named as something they want to see.
    [GeneratedRegex(@"\b(we|I|they)\s+((also|still|really|would|'d|now)\s+)*(want|like|hope|need)\s+to\s+see\s+(?<who>(?:[^.;:]|(?<=\b[A-Z])\.){1,80}?)\s+(?-i:(?<verb>[a-z]+))\b", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex WantToSeeRx();

    [GeneratedRegex(@"\b(highlight|stress|emphasi[sz]|underscor|underlin|reiterat|point|note|illustrat|demonstrat|show)\w*\s+(out\s+)?the\s+(urgent\s+)?(need|importance)\s+(for|of)\b(?<rest>[^.;]*)", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex NeedForRx();

    [GeneratedRegex(@"\bfocus(ing|es|ed)?\s+on\s+(?<who>(?:[^,.;]|(?<=\b[A-Z])\.){1,60}?)\s+(?<verb>[a-z]+ing)\b", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex FocusOnRx();

    // "called for an end to ...", "requested the release of ...": a request with its object; "requested comment" is a reporter's.
    // "asked for" only with a US object ("asked for U.S. support"): "asked for the ministry's response" is a reporter's too.
    [GeneratedRegex(@"\b(urg(e|es|ed|ing)|call(s|ed|ing)?\s+for|advocat(e|es|ed|ing)\s+for|press(es|ed|ing)?\s+for|push(es|ed|ing)?\s+for|demand(s|ed|ing)?|encourag(e|es|ed|ing)|request(s|ed|ing)?|making\s+the\s+case\s+for|ma(de|kes?)\s+the\s+case\s+for|appeal(s|ed|ing)?\s+for|lobb(y|ies|ied|ying)\s+for|rais(e|es|ed|ing)\s+the\s+need\s+for|express(es|ed|ing)?\s+(our|their|its)\s+(\w+\s+)?(support\s+for|opposition\s+to)|voic(e|es|ed|ing)\s+(\w+\s+)?support\s+for|(ask|demand|request|call|priority|recommendation)\s+(\w+\s+){0,3}?(was|is|were|are)\s+for|ask(s|ed|ing)?\s+for(?=\s+(U\.S\.|(?-i:US)|American|Washington['’]s)\s))\s+(?!comments?\b)(?<obj>(U\.S\.|(?-i:US)\b|American\b|Washington['’]s\b)|(the|a|an|immediate|urgent|swift|prompt|full|further|expanded|targeted|greater|stronger|more|new|all|its|their|continued|an\s+end)\b|[a-z]+(tion|ment|sion|ance|ence|al|age|ure)s?\b)", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex ObjectRequestRx();

    [GeneratedRegex(@"\b(sanctions?|visa\s+bans?|asset\s+freezes?|export\s+controls?|tariffs?|the\s+(bill|act|legislation)|legislation|funding|a\s+(special\s+)?(coordinator|envoy)|boycott|(entity|sanctions)\s+list)\b", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex PolicyToolRx();

    // Whoever asks for something in the words before the verb must not be the Chinese side ("Xi called for cooperation").
    [GeneratedRegex(@"\b(China|Chinese|Beijing|PRC|CCP|Xi|Party|police|authorities|Hong\s+Kong\s+government|ministry|spokes(man|woman|person))\b[^.;]*$", RegexOptions.ExplicitCapture)]
    private static partial Regex NonUsSubjectRx();

    // "six demands: a diplomatic boycott of ..., an end to ..." and "the recommendations include ...". Not what the demands
    // are about or like ("Our demands are about much more than the bill", "the demands are simple"): no list follows.
    [GeneratedRegex(@"\b(demands|recommendations|requests|asks|priorities|measures|steps|calls)\s*(include[sd]?|are|were|:)\s*(?!(to|about|not|also|still|being|simple|clear|many|few|numerous|reasonable|legitimate|modest|basic|well|now|in|on|for|from|with|that|what|why|how|as)\b)(?=[a-z“""‘]|the\b)", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex DemandsListRx();

    // The first item of such a list is a clause when a modal follows its subject before any separator.
    [GeneratedRegex(@"\G[^,;:.]{1,80}?\b(should|must|shall|ought\s+to|needs?\s+to|has\s+to|have\s+to)\b", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex ClauseItemRx();

    // "We are asking the administration for two things: first, to sanction ...; second, to admit ...": a request whose
    // object is a counted list, each item an ask.
    [GeneratedRegex(@"\b(ask(s|ed|ing)?|urg(e|es|ed|ing)|call(s|ed|ing)?\s+(on|upon))\s+(?<who>(?:[^.;:]|(?<=\b[A-Z])\.){1,80}?)\s+((for|to\s+(do|take))\s+)(the\s+following|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few|\d{1,2})(\s+\w+)?\s+(things|steps|actions|measures|changes)\s*:\s*", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex CountedRequestRx();

    // What opens an item of such a list and is not the ask: "first, to ", "and second, ", "(a) to ".
    [GeneratedRegex(@"\G\s*(and\s+)?(\(?[a-z0-9]\)\s*|(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|finally|lastly)(ly)?\s*,?\s*)?(to\s+)?", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex CountedItemOpeningRx();

    [GeneratedRegex(@"^\s*(the|a|an|this|that|our|their|its)?\s*(letter|message|petition|appeal|statement|report|email|note|memo)\s+(sent|addressed|delivered|written)?\s*(to|for)\b", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex DocumentSubjectRx();

    [GeneratedRegex(@"^\s*(These|They|Those)(\s+(measures|steps|actions|demands|calls|requests|recommendations))?\s+(include[sd]?|would\s+include)\s+(?=[a-z“""‘])", RegexOptions.ExplicitCapture)]
    private static partial Regex TheseIncludeRx();

    [GeneratedRegex(@"\b(call(s|ed|ing)?\s+(for|on|upon)|urg(e|es|ed|ing)|demand(s|ed|ing)?|recommend\w*|press(es|ed|ing)?\s+for)\b[^.;]*[.;]?\s*$", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex PreviousRequestRx();

    [GeneratedRegex(@"^\s*(him|her)\s*$", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex PersonPronounRx();

    [GeneratedRegex(@"^\s*them\s*$", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex GroupPronounRx();

    // What a modal asks to be made a priority: "must be front and center", "should remain a top priority", "must remain a
    // U.S. strategic priority".
    [GeneratedRegex(@"^\s+(be|remain|become)\s+(front\s+and\s+cent(er|re)|(an?|the)\s+((top|central|key|core|high|first|U\.S\.|US|American|national|strategic|foreign[-\s]policy|diplomatic|standing)\s+){0,3}priority|at\s+the\s+(center|centre|heart|top|forefront|core)\b|((a|the)\s+)?central\s+(to|tenets?|tenants?|pillars?|elements?)\b|on\s+the\s+agenda|raised\b)", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex PriorityRx();

    // A letter's statement of purpose: "We write (to you) ... to", "we join together to", "the undersigned ... to".
    // Only the letter's own purpose: in "wrote petitions to Vice President Pence to urge him to make greater efforts to push
    // for ...", the last "to" belongs to the request the petitions make, not to the writing.
    [GeneratedRegex(@"\b(writ(e|es|ing)|wrote|join(s|ed|ing)?|com(e|es|ing)\s+together|undersigned)\b((?!\b(urg|ask|call|press|push|request|appeal|implor|encourag|demand)\w*\b)[^.;]){0,160}\bto\s+$", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex WritingToRx();

    /// <summary>Names someone who could be asked: a capitalised name, a pronoun, or a government, body or official.</summary>
    static bool NamesAnActor(string who) =>
        AddresseeWordRx().IsMatch(who) ||
        Vocabulary.MentionsUs(who) || Vocabulary.NamesOtherActor(who);

    [GeneratedRegex(@"\brecommendations?\s+(were|was|are|is|include[sd]?)\s+to\s+", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex RecommendationsWereRx();

    [GeneratedRegex(@"(?<=\S)(,\s*(and\s+)?|;\s*(and\s+)?|\s+and\s+)(?=(?<verb>[a-z]+)\b)", RegexOptions.ExplicitCapture)]
    private static partial Regex ListSeparatorRx();

    // ", the groups said", and after a closing quotation mark any verb of saying: '," the letter states, after …', '," Smith
    // told reporters'. The verbs are matched in lowercase only, and not after "member", "United", "the" or "of": ', "
    // the State Department's own priority case' names no one saying anything.
    [GeneratedRegex(@",[”""’']?\s*[^,]{0,100}?\b(said|says|say|according\s+to|wrote|writes)\b.*$|,[”""’']\s*[^,""“”]{0,100}?(?<!\b(member|Member|United|the|of)\s)\b(?-i:states|stated|added|adds|noted|told|tells|continued|continues|explained|explains|argued|argues|declared|declares|concluded|concludes|insisted|insists|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|reads|notes)\b.*$", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex AttributionRx();

    static readonly HashSet<string> NotAVerb = new(StringComparer.OrdinalIgnoreCase)
    { "the","a","an","those","these","this","that","its","their","his","her","our","your","them","it","which","whom" };

    /// <summary>What a page asks its own reader to do after "Please" (visit, sign, share): not an ask of the US.</summary>
    static readonly HashSet<string> ReaderActions = WordLists.Set("reader-actions");

    static readonly char[] ClauseBreaks = [',', ';', ':', '–', '—', '“', '”', '"', '(', ')'];
    static readonly string[] ClauseWords = ["that", "which", "whose", "who", "where", "when", "while", "because", "but", "although", "said", "says", "say", "notes", "argues", "stated", "wrote"];

    /// <summary>
    /// Every marker pattern <see cref="Find"/> runs needs one of these stems, case aside (<see cref="MarkerPatterns"/>
    /// lists the patterns; a test holds each to the stems). Most sentences have none, and one search for them costs less
    /// than the ten pattern scans it saves.
    /// </summary>
    static readonly System.Buffers.SearchValues<string> MarkerStems = IgnoreCasePrefilter.Words(
        "urg", "call", "ask", "press", "appeal", "implor", "want", "encourag", "petition", "request", "push", "like",
        "recommend", "demand", "insist", "propose", "should", "must", "need", "ought", "time", "imperative", "crucial",
        "essential", "vital", "critical", "import", "necessary", "incumbent", "focus", "advocat", "case", "lobb", "priorit",
        "measures", "steps", "includ", "hop", "look", "suggest", "please", "turn", "kindly", "count", "welcome", "forward", "rely",
        "opportunit", "chance", "occasion", "voic", "moment");

    // What each marker pattern cannot match without, case aside: a sentence that passes the shared stem check usually
    // holds the words of one or two patterns, and the others are not run on it.
    static readonly System.Buffers.SearchValues<string> RequestNeeds =
        IgnoreCasePrefilter.Words("urg", "call", "ask", "press", "appeal", "implor", "want", "encourag", "petition", "request", "push", "look", "lobb", "like", "count");
    static readonly System.Buffers.SearchValues<string> HopeThatNeeds = IgnoreCasePrefilter.Words("hop");
    static readonly System.Buffers.SearchValues<string> WantToSeeNeeds = IgnoreCasePrefilter.Words("want", "like", "hop", "need");
    static readonly System.Buffers.SearchValues<string> HelpForNeeds = IgnoreCasePrefilter.Words("ask", "appeal", "turn", "press", "petition", "lobb", "call", "urg");
    // What a request for help asks for: every match of HelpForRx names one, after its addressee.
    static readonly System.Buffers.SearchValues<string> HelpForObjects = IgnoreCasePrefilter.Words("help", "support", "assistance", "action", "protection", "intervention");
    static readonly System.Buffers.SearchValues<string> RecommendThatNeeds = IgnoreCasePrefilter.Words("recommend", "request", "ask", "urg", "demand", "insist", "propos", "suggest");
    static readonly System.Buffers.SearchValues<string> NeedYourNeeds = IgnoreCasePrefilter.Words("need", "welcome", "forward", "count", "rely", "appeal", "turn");
    static readonly System.Buffers.SearchValues<string> PleaseNeeds = IgnoreCasePrefilter.Words("please", "kindly");
    static readonly System.Buffers.SearchValues<string> ModalNeeds = IgnoreCasePrefilter.Words("should", "must", "need", "ought");
    static readonly System.Buffers.SearchValues<string> TimeForNeeds =
        IgnoreCasePrefilter.Words("time", "imperative", "crucial", "essential", "vital", "critical", "urgent", "important", "necessary", "incumbent",
            "opportunit", "chance", "occasion", "moment");
    static readonly System.Buffers.SearchValues<string> NeedForNeeds = IgnoreCasePrefilter.Words("need", "importance");
    static readonly System.Buffers.SearchValues<string> FocusOnNeeds = IgnoreCasePrefilter.Words("focus");
    static readonly System.Buffers.SearchValues<string> ObjectRequestNeeds = IgnoreCasePrefilter.Words(
        "urg", "call", "advocat", "press", "push", "demand", "encourag", "request", "case", "appeal", "lobb", "need", "ask", "priority", "recommendation",
        "voic");
    static readonly System.Buffers.SearchValues<string> DemandsListNeeds =
        IgnoreCasePrefilter.Words("demands", "recommendations", "requests", "asks", "priorities", "measures", "steps", "calls");
    static readonly System.Buffers.SearchValues<string> TheseIncludeNeeds = IgnoreCasePrefilter.Words("includ");
    static readonly System.Buffers.SearchValues<string> RecommendationsWereNeeds = IgnoreCasePrefilter.Words("recommendation");
    static readonly System.Buffers.SearchValues<string> CountedRequestNeeds = IgnoreCasePrefilter.Words("ask", "urg", "call");

    /// <summary>
    /// The patterns <see cref="Find"/> looks for markers with, each with the words it needs (a test holds each pattern to
    /// its words, and all of them to <see cref="MayHoldMarker"/>).
    /// </summary>
    internal static IReadOnlyList<(Regex Pattern, System.Buffers.SearchValues<string> Needs)> MarkerPatterns =>
    [
        (RequestRx(), RequestNeeds), (HopeThatRx(), HopeThatNeeds), (WantToSeeRx(), WantToSeeNeeds), (HelpForRx(), HelpForNeeds), (RecommendThatRx(), RecommendThatNeeds), (NeedYourRx(), NeedYourNeeds),
        (PleaseRx(), PleaseNeeds), (ModalRx(), ModalNeeds), (TimeForRx(), TimeForNeeds), (NeedForRx(), NeedForNeeds), (FocusOnRx(), FocusOnNeeds),
        (ObjectRequestRx(), ObjectRequestNeeds), (DemandsListRx(), DemandsListNeeds), (TheseIncludeRx(), TheseIncludeNeeds), (IncludingGerundsRx(), TheseIncludeNeeds),
        (RecommendationsWereRx(), RecommendationsWereNeeds), (CountedRequestRx(), CountedRequestNeeds),
    ];

    /// <summary>
    /// Patterns that run only on a sentence holding one of a second set of words as well (a test holds each to it).
    /// </summary>
    internal static IReadOnlyList<(Regex Pattern, System.Buffers.SearchValues<string> Needs)> AlsoNeeded => [(HelpForRx(), HelpForObjects)];

    /// <summary>False when no marker pattern can match in <paramref name="sentence"/>.</summary>
    internal static bool MayHoldMarker(ReadOnlySpan<char> sentence) => IgnoreCasePrefilter.MayMatch(sentence, MarkerStems);

    /// <summary>Asks in the sentence text[start..end).</summary>
    public static IReadOnlyList<AskSpan> Find(string text, int start, int end, MarkerKinds kinds, AskForm? formOverride = null, bool youIsUs = false)
    {
        Budget.Check();
        var found = MayHoldMarker(text.AsSpan(start, end - start)) ? FindMarked(text, start, end, kinds, formOverride, youIsUs) : [];
        if (kinds.HasFlag(MarkerKinds.Requests) && Hailed(text, start, end, youIsUs) is { } hailed && found.All(a => a.End <= hailed.Start || a.Start >= hailed.End))
            found = [.. found, hailed with { Form = formOverride ?? hailed.Form }];
        return found;
    }

    // "President Trump, fulfill your campaign promise ...", "Congress, pass the bill": a US addressee hailed at the start of
    // a sentence, then an imperative. The titles are matched as written (capitalised), the verb in lower case.
    [GeneratedRegex(@"^[\s“""‘']*(?<who>((Mr\.?|Madam|Madame)\s+)?(President|Secretary|Senator|Representative|Congressman|Congresswoman|Speaker|Ambassador|Leader)(\s+(\p{Lu}[\w.'’-]*|of\s+State)){0,3}|(Members\s+of\s+)?Congress|(the\s+)?White\s+House|Washington),\s+(?<ask>(please\s+)?(?<verb>[a-z]+))\b", RegexOptions.ExplicitCapture)]
    private static partial Regex HailedRx();

    [GeneratedRegex(@"^(please\s+)?[a-z]+\s+(us|me|them|him|her|it)(\s+now)?$", RegexOptions.ExplicitCapture)]
    private static partial Regex BarePleaRx();

    /// <summary>The ask of a sentence that hails a US addressee and goes on in the imperative, from the verb on; or null.</summary>
    static AskSpan? Hailed(string text, int start, int end, bool youIsUs)
    {
        // Cheap first: the hail ends at a comma within the sentence's first few words.
        var comma = text.AsSpan(start, Math.Min(end - start, AskExtractor.Options.HailMaxChars)).IndexOf(',');
        if (comma < 0) return null;
        var m = HailedRx().Match(text, start, end - start);
        if (!m.Success || !Vocabulary.Imperatives.Contains(m.Groups["verb"].Value) || NotAVerb.Contains(m.Groups["verb"].Value) ||
            !Vocabulary.IsUsAddressee(m.Groups["who"].Value, false, youIsUs)) return null;
        var (s, e) = TrimSpan(text, m.Groups["ask"].Index, end);
        // "Mr. President, please help us.": a plea with no action named.
        if (BarePleaRx().IsMatch(text.AsSpan(s, e - s))) return null;
        return e - s >= AskExtractor.Options.MinSentenceAskChars ? new AskSpan(s, e, AskForm.Sentence, "en") : null;
    }

    /// <summary>
    /// <see cref="Find"/> on a sentence that may hold a marker. Apart, because the closures below capture the parameters:
    /// the object that holds them was made on entry, for every sentence, even those the stem check rules out.
    /// </summary>
    static IReadOnlyList<AskSpan> FindMarked(string text, int start, int end, MarkerKinds kinds, AskForm? formOverride, bool youIsUs)
    {
        var s = text[start..end];
        var hits = new List<(int At, Func<int, IEnumerable<AskSpan>> Make)>();
        var requestVerbs = new HashSet<int>(); // where the verb each request asks for begins
        AskSpan Span(int a, int b, AskForm f) => new(start + a, start + b, formOverride ?? f, "en");

        if (kinds.HasFlag(MarkerKinds.Requests))
        {
            foreach (Match m in RequestRx().MatchesOrNone(s, RequestNeeds))
            {
                if (NotAVerb.Contains(m.Groups["verb"].Value)) continue;
                requestVerbs.Add(m.Groups["verb"].Index);
                var who = m.Groups["who"].Value;
                // "urges that the situation is critical" is a statement, not an addressee; "requested comment from the
                // White House" is a reporter asking for a reply.
                if (NotAnAddresseeRx().IsMatch(who)) continue;
                // A pronoun stands for the US when the person or group last named before it is a US one.
                string Before() => text[Math.Max(0, start - AskExtractor.Options.PronounContextChars)..(start + m.Index)];
                if (!Vocabulary.IsUsAddressee(who, false, youIsUs) &&
                    !(PersonPronounRx().IsMatch(who) && Vocabulary.LastPersonIsUs(Before())) &&
                    !(GroupPronounRx().IsMatch(who) && Vocabulary.LastGroupIsUs(Before()))) continue;
                if (ChineseStateSubjectBefore(s, m.Index)) continue;
                var at = m.Index;
                hits.Add((at, next => [Span(at, next, AskForm.Sentence)]));
            }
            foreach (Match m in WantToSeeRx().MatchesOrNone(s, WantToSeeNeeds))
            {
                // Only when the one to act names the US ("see the State Department open ...", not "see the European Union
                // open ..."), and the word after it can be a verb ("see the US and ..." is not).
                if (!Vocabulary.IsUsAddressee(m.Groups["who"].Value, false, youIsUs) || NotAVerb.Contains(m.Groups["verb"].Value)) continue;
                var at = m.Index;
                hits.Add((at, next => [Span(at, next, AskForm.Sentence)]));
            }
            foreach (Match m in HelpForRx().MatchesOrNone(s, HelpForNeeds, HelpForObjects))
            {
                var who = m.Groups["who"].Value;
                if (NotAnAddresseeRx().IsMatch(who) || !Vocabulary.IsUsAddressee(who, false, youIsUs) || ChineseStateSubjectBefore(s, m.Index)) continue;
                var at = m.Index;
                hits.Add((at, next => [Span(at, next, AskForm.Sentence)]));
            }
            foreach (Match m in HopeThatRx().MatchesOrNone(s, HopeThatNeeds))
            {
                // The hope is an ask only when the US is the one hoped to act ("hope that this friendship would last" is not).
                if (NotAVerb.Contains(m.Groups["verb"].Value) || !Vocabulary.IsUsAddressee(m.Groups["who"].Value, false, youIsUs)) continue;
                var at = m.Index;
                hits.Add((at, next => [Span(at, next, AskForm.Sentence)]));
            }
            if (youIsUs)
            {
                foreach (Match m in PleaseRx().MatchesOrNone(s, PleaseNeeds))
                {
                    if (NotAVerb.Contains(m.Groups["verb"].Value) || ReaderActions.Contains(m.Groups["verb"].Value)) continue;
                    var at = m.Index;
                    hits.Add((at, next => [Span(at, next, AskForm.Sentence)]));
                }
                foreach (Match m in NeedYourRx().MatchesOrNone(s, NeedYourNeeds))
                {
                    var at = m.Index;
                    hits.Add((at, next => [Span(at, next, AskForm.Sentence)]));
                }
            }
            foreach (Match m in RecommendThatRx().MatchesOrNone(s, RecommendThatNeeds))
            {
                // "urges that the situation is critical" states; "urges that the US act" asks.
                var after = s.AsSpan(m.Index + m.Length);
                var clause = string.Join(' ', after[..Math.Min(after.Length, 300)].ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(10));
                // The verb of a clause inside it is not the clause's own: "urges that the US suspend the talks until the
                // prisoners are freed" asks.
                var inner = SubordinateRx().Match(clause);
                var own = inner.Success && inner.Index > 0 ? clause[..inner.Index] : clause;
                if (StateVerbRx().IsMatch(own) && !ModalOrBeRx().IsMatch(clause)) continue;
                // "China's foreign ministry demanded that US politicians stop ...": the Chinese state's demand of the US.
                if (ChineseStateSubjectBefore(s, m.Index)) continue;
                var at = m.Index;
                // Whom the clause after "that" makes act: the US (or "it/they/you" standing for it), not "the British government".
                var clauseText = s.Substring(m.Index + m.Length, Math.Min(400, s.Length - m.Index - m.Length)); // 8 words are read
                // "that, when meeting Chinese officials, senior U.S. officials demand ...": the subject follows the opening clause.
                var opener = OpeningClauseRx().Match(clauseText);
                if (opener.Success) clauseText = clauseText[opener.Length..];
                var clauseWords = clauseText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(8).ToList();
                var verbAt = clauseWords.FindIndex(w => ModalWordRx().IsMatch(w) || Vocabulary.Imperatives.Contains(w) && !w.EndsWith("ly"));
                var clauseSubject = string.Join(' ', verbAt > 0 ? clauseWords.Take(verbAt) : clauseWords.Take(5));
                var usSubject = Vocabulary.IsUsAddressee(clauseSubject, false, youIsUs) ||
                                (youIsUs ? ItTheyYouRx() : ItTheyRx()).IsMatch(clauseSubject);
                // Otherwise, as long as the clause does not make another government act, a US actor in the ask will do
                // ("asks that the bill be brought to a vote in the Senate").
                hits.Add((at, next => usSubject || !Vocabulary.NamesOtherActor(clauseSubject) && Vocabulary.MentionsUs(s[at..next]) ? [Span(at, next, AskForm.Sentence)] : []));
            }
        }
        if (kinds.HasFlag(MarkerKinds.Modals))
        {
            var usModalSeen = false;
            foreach (Match m in ModalRx().MatchesOrNone(s, ModalNeeds))
            {
                var subject = SubjectBefore(s, m.Index);
                var isUs = Vocabulary.IsUsAddressee(subject, true, youIsUs)
                    // "While meeting Xi in Beijing President Obama should ...": a US office-holder closing the subject is it.
                    || Vocabulary.EndsWithUsOfficeHolder(subject)
                    // "Human rights must be front and center in every meeting": a priority asked of the US side the text is about.
                    || PriorityRx().IsMatch(s.AsSpan(m.Index + m.Length)) &&
                       (youIsUs || Vocabulary.MentionsUs(text[Math.Max(0, start - AskExtractor.Options.PronounContextChars)..end]))
                    // "The US should X, and should also Y": the second modal shares the first one's subject.
                    || usModalSeen && OnlyConjunctionRx().IsMatch(subject)
                    // "Sanctions should be imposed on ...": a US policy tool as the subject of a passive asks the US.
                    || PolicyToolRx().IsMatch(subject) && PassiveBeRx().IsMatch(s.AsSpan(m.Index + m.Length));
                // "The letter sent to President Biden should reach him": a document, not its recipient, is the subject.
                if (!isUs || DocumentSubjectRx().IsMatch(subject)) continue;
                usModalSeen = true;
                // "recommends that the US should ...": the modal is the verb of the request's own clause, not a new ask.
                // (The request and its 60 characters fit in the 120 before the modal; reading more only costs time.)
                if (RecommendsThatBeforeRx().IsMatch(s.AsSpan(Math.Max(0, m.Index - 120), Math.Min(120, m.Index)))) continue;
                if (LawRequiresThatRx().IsMatch(s.AsSpan(0, m.Index))) continue;
                var at = m.Index;
                hits.Add((at, next => [Span(at, next, AskForm.Sentence)]));
            }
            foreach (Match m in TimeForRx().MatchesOrNone(s, TimeForNeeds))
            {
                var who = m.Groups["who"].Success ? m.Groups["who"].Value : m.Groups["who2"].Success ? m.Groups["who2"].Value : null;
                // "it is crucial to act" names no one: an ask only in a letter addressed to a US official.
                if (who == null ? !youIsUs : !Vocabulary.IsUsAddressee(who, false, youIsUs)) continue;
                if (m.Groups["verb"].Success && NotAVerb.Contains(m.Groups["verb"].Value)) continue;
                var at = m.Index;
                hits.Add((at, next => [Span(at, next, AskForm.Sentence)]));
            }
            foreach (Match m in CountedRequestRx().MatchesOrNone(s, CountedRequestNeeds))
            {
                if (!Vocabulary.IsUsAddressee(m.Groups["who"].Value, false, youIsUs) || ChineseStateSubjectBefore(s, m.Index)) continue;
                var listStart = m.Index + m.Length;
                // First among the hits at its position, so it, not the plain request's one long span ("urged Congress to
                // take the following steps: ..."), is kept.
                hits.Insert(0, (m.Index, next => SplitList(s, listStart, next).Select(p =>
                {
                    var opening = CountedItemOpeningRx().Match(s, p.Start);
                    return Span(Math.Min(p.End, p.Start + opening.Length), p.End, AskForm.Sentence);
                })));
            }
        }
        if (kinds.HasFlag(MarkerKinds.Reported))
        {
            foreach (Match m in NeedForRx().MatchesOrNone(s, NeedForNeeds))
            {
                var forWho = ForWhoToRx().Match(m.Groups["rest"].Value);
                if (forWho.Success && !Vocabulary.IsUsAddressee(forWho.Groups["who"].Value, false)) continue;
                var at = m.Index;
                hits.Add((at, next => [Span(at, next, AskForm.ReportedSpeech)]));
            }
            foreach (Match m in FocusOnRx().MatchesOrNone(s, FocusOnNeeds))
            {
                if (!Vocabulary.IsUsAddressee(m.Groups["who"].Value, false)) continue;
                var at = m.Index;
                hits.Add((at, next => [Span(at, next, AskForm.ReportedSpeech)]));
            }
            foreach (Match m in ObjectRequestRx().MatchesOrNone(s, ObjectRequestNeeds))
            {
                // "urged the restoration of broadcasts", "called for wider sanctions": asked of whoever the text
                // addresses, unless the one asking is the Chinese side or the object names another addressee.
                if (NonUsSubjectRx().IsMatch(s[..m.Index])) continue;
                // "a network that advocates for reform" describes a mission, it does not ask.
                if (RelativePronounAtEndRx().IsMatch(s[..m.Index])) continue;
                // "..., advocating for the rights and freedoms of the Tibetan people": a mission, with no action asked of anyone.
                if (AdvocatesForRightsRx().IsMatch(s.AsSpan(m.Index))) continue;
                // "However, a strong push for the release of X will reassure ...": a noun opening its clause is the subject
                // ("The foremost ask this year was for ..." is the form that names the ask as a noun on purpose).
                if (!NamedAskRx().IsMatch(m.Value) && NounOpeningClauseRx().IsMatch(s.AsSpan(0, m.Index))) continue;
                // "... a mechanism to press for the release of ..." is the purpose of another ask, not one of its own.
                // But "We write to urge greater coordination" states why the letter was written: that is its ask.
                if (ToAtEndRx().IsMatch(s[..m.Index]) && !WritingToRx().IsMatch(s[..m.Index])) continue;
                // "The undersigned call on the Department to press for ...": the verb a request asks for is that request's.
                if (requestVerbs.Contains(m.Index)) continue;
                // "called for cooperation with the United States" is asked of the US by someone else.
                var objText = s[(m.Index + m.Length)..Math.Min(s.Length, m.Index + m.Length + 50)];
                if (WithOrByUsRx().IsMatch(objText)) continue;
                // "urged the European Union to suspend ..." names its addressee: the request rule decides that one.
                // "encourage continued vigilance to safeguard ..." has no addressee before its "to": the object rule keeps it.
                // A state's formal name may run past six words ("the Government of the People's Republic of China").
                if (RequestRx().Match(s, m.Index) is { Success: true } r && r.Index == m.Index &&
                    (Spaces.CountWords(r.Groups["who"].ValueSpan) <= 6 || FormalNameRx().IsMatch(r.Groups["who"].Value) ||
                     Spaces.CountWords(r.Groups["who"].ValueSpan) <= 9 && JoinedActorsRx().IsMatch(r.Groups["who"].Value)) &&
                    NamesAnActor(r.Groups["who"].Value)) continue;
                var objEnd = Math.Min(s.Length, m.Index + m.Length + 60);
                if (FromOrByChinaRx().IsMatch(s[(m.Index + m.Length)..objEnd])) continue;
                var at = m.Index;
                hits.Add((at, next => [Span(at, next, AskForm.ReportedSpeech)]));
            }
            foreach (Match m in DemandsListRx().MatchesOrNone(s, DemandsListNeeds))
            {
                var listStart = m.Index + m.Length;
                if (NonUsSubjectRx().IsMatch(s[..m.Index])) continue;
                // "Among its recommendations: the State Department should designate ...": a clause with its own modal, which
                // the modal's rule reads as one ask, not a list of things asked for.
                if (ClauseItemRx().IsMatch(s, listStart)) continue;
                hits.Add((m.Index, next => SplitList(s, listStart, next).Select(p => Span(p.Start, p.End, AskForm.ReportedSpeech))));
            }
            // "... calling for immediate action from the United States. These include the imposition of sanctions ... and
            // the revocation of ...": the items of the previous sentence's request.
            if (TheseIncludeRx().Match(s) is { Success: true } these &&
                PreviousRequestRx().IsMatch(text.AsSpan(Math.Max(0, start - AskExtractor.Options.PronounContextChars), Math.Min(start, AskExtractor.Options.PronounContextChars))))
            {
                var listStart = these.Index + these.Length;
                hits.Add((these.Index, next => SplitList(s, listStart, next).Select(p => Span(p.Start, p.End, AskForm.ReportedSpeech))));
            }
            // "HKDC has proposed several policies to the Administration and Congress including sanctioning officials, giving
            // refugee status to Hong Kongers and suspending the extradition treaty": each gerund is an ask.
            foreach (Match m in IncludingGerundsRx().MatchesOrNone(s, TheseIncludeNeeds))
            {
                if (NonUsSubjectRx().IsMatch(s[..m.Index]) || !Vocabulary.MentionsUs(s)) continue;
                var listStart = m.Index + m.Length;
                hits.Add((m.Index, next => SplitGerunds(s, listStart, next).Select(p => Span(p.Start, p.End, AskForm.ReportedSpeech))));
            }
            foreach (Match m in RecommendationsWereRx().MatchesOrNone(s, RecommendationsWereNeeds))
            {
                var listStart = m.Index + m.Length;
                hits.Add((m.Index, next => SplitInfinitives(s, listStart, next).Select(p => Span(p.Start, p.End, AskForm.ReportedSpeech))));
            }
        }

        if (hits.Count == 0) return []; // most sentences that pass the stem check still hold no marker
        var ordered = hits.Count == 1 ? hits : hits.OrderBy(h => h.At).ToList(); // stable: equal positions keep their order
        // A marker inside the span of one already taken (e.g. "urge" in "recommend that ... urge") does not start a new ask
        // unless it is a separate clause; keep the earliest of markers closer than a few characters.
        var result = new List<AskSpan>();
        for (var i = 0; i < ordered.Count; i++)
        {
            if (i > 0 && ordered[i].At - ordered[i - 1].At < 3) continue;
            var following = ordered.Skip(i + 1).FirstOrDefault(h => h.At - ordered[i].At >= 3);
            var next = following.Make != null ? following.At : s.Length;
            // "We need your help to urge President Obama to ...": a marker whose words run only into "to" and the next
            // marker asks for that next ask, which is the one to keep.
            // ("..., and to call on ..." is a second ask of the same request, not the first one's object.)
            if (following.Make != null && ComplementToAtEndRx().IsMatch(s.AsSpan(ordered[i].At, next - ordered[i].At))) continue;
            foreach (var span in ordered[i].Make(next).SelectMany(sp => SplitActions(text, sp)))
            {
                var trimmed = TrimSpan(text, span.Start, span.End);
                if (trimmed.End - trimmed.Start < AskExtractor.Options.MinSentenceAskChars) continue;
                if (text[trimmed.Start..trimmed.End].TrimEnd().EndsWith(':')) continue; // a lead-in to a list
                if (LeadsIntoList(text, trimmed.End, end)) continue;
                result.Add(span with { Start = trimmed.Start, End = trimmed.End });
            }
        }
        return result;
    }

    static bool LeadsIntoList(string text, int spanEnd, int sentenceEnd) =>
        spanEnd < text.Length && spanEnd >= sentenceEnd - 1 && text[spanEnd..Math.Min(text.Length, sentenceEnd + 1)].TrimStart().StartsWith(':');

    /// <summary>Subjects of "should/must/needs to" that name the US government ("The Biden administration"), for addressees.</summary>
    public static IEnumerable<string> ModalSubjects(string text)
    {
        foreach (var (ss, se) in Sentences.Split(text, 0, text.Length))
        {
            if (!IgnoreCasePrefilter.MayMatch(text.AsSpan(ss, se - ss), ModalNeeds)) continue; // most sentences: no copy, no scan
            var sentence = text[ss..se];
            foreach (Match m in ModalRx().MatchesOrNone(sentence))
            {
                var subject = SubjectBefore(sentence, m.Index);
                // "whose cases the US envoy" -> "the US envoy".
                var head = SubjectHeadRx().Match(subject);
                if (!head.Success) continue;
                subject = head.Value.Trim();
                if (Vocabulary.IsUsAddressee(subject, false) && subject.Split(' ').Length <= 8) yield return subject;
            }
        }
    }

    /// <summary>
    /// Whether the subject before <paramref name="at"/> (<see cref="SubjectBefore"/>) is the Chinese state. The subject is
    /// made of words from the 160 characters before <paramref name="at"/>, so when those hold none of the names the
    /// pattern needs it cannot be, and the subject is not built: most requests are preceded by none of them, and building
    /// it (a split, a list, a join) was a few percent of the sentence rules' time.
    /// </summary>
    internal static bool ChineseStateSubjectBefore(string s, int at) =>
        s.AsSpan(Math.Max(0, at - SubjectWindowChars), Math.Min(at, SubjectWindowChars)).ContainsAny(ChineseStateNames) &&
        ChineseStateSubjectRx().IsMatch(SubjectBefore(s, at));

    // A word each match of ChineseStateSubjectRx holds (the pattern is case-sensitive but for two capitals, which these leave out).
    static readonly System.Buffers.SearchValues<string> ChineseStateNames =
        System.Buffers.SearchValues.Create(["Chin", "Beijing", "Xi", "PRC", "CCP", "oreign", "ommerce"], StringComparison.Ordinal);

    /// <summary>How far back <see cref="SubjectBefore"/> looks for a subject.</summary>
    const int SubjectWindowChars = 160;

    /// <summary>The words before a modal in its own clause ("whose cases the US envoy" -> "the US envoy").</summary>
    internal static string SubjectBefore(string s, int modal)
    {
        // A subject is at most 12 words: no need to look further back than a few hundred characters for a clause break.
        var floor = Math.Max(0, modal - SubjectWindowChars);
        var from = modal == 0 ? 0 : Math.Max(s.LastIndexOfAny(ClauseBreaks, modal - 1, modal - floor) + 1, floor);
        var phrase = s[from..modal];
        // "Foreign governments—not least the United States—need to ...": an aside between dashes (or brackets) right
        // before the modal belongs to the subject; the subject is what precedes it and the aside, as a list.
        if (from > 0 && string.IsNullOrWhiteSpace(phrase) && s[from - 1] is '—' or '–' or ')' && from - 1 > floor)
        {
            var opener = s[from - 1] == ')' ? '(' : s[from - 1];
            var open = s.LastIndexOf(opener, from - 2, from - 1 - floor);
            if (open > floor)
            {
                var head = Math.Max(s.LastIndexOfAny(ClauseBreaks, open - 1, open - floor) + 1, floor);
                phrase = s[head..open] + ", " + s[(open + 1)..(from - 1)];
            }
        }
        var words = phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        var cut = words.FindLastIndex(w => ClauseWords.Contains(w.ToLowerInvariant()));
        if (cut >= 0) words = words.Skip(cut + 1).ToList();
        if (words.Count > 12) words = words.Skip(words.Count - 12).ToList();
        return string.Join(' ', words);
    }

    // The -ly words the adverb slot must not take are VerbsInLy's (a generated pattern cannot read the set).
    [GeneratedRegex(@"(?:,[”""’]?\s*(?:and\s+|as\s+well\s+as\s+)?|;\s*(?:and\s+)?|\s+and\s+(?=to\s))(?:also\s+|to\s+)?(?<start>(?:(?:(?!(?:apply|supply|comply|rally|reply)\b)[a-z]+ly|further)\s+)?(?<verb>[a-z]+))\s+(?<next>[a-z]+)", RegexOptions.ExplicitCapture)]
    private static partial Regex ActionSeparatorRx();

    [GeneratedRegex(@"^\W*(urg|call|ask|press|appeal|want|request|encourag|petition|push|implor)\w*\b", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex RequestStartRx();

    // Verbs that end like adverbs: "and apply sanctions" is a second action, "and publicly call" an adverb before one.
    static readonly HashSet<string> VerbsInLy = new(StringComparer.OrdinalIgnoreCase) { "apply", "supply", "comply", "rally", "reply" };

    // "funding and support for activists": a verb followed by these is a noun in a list, not a second action.
    static readonly HashSet<string> Prepositions = new(StringComparer.OrdinalIgnoreCase) { "for", "of", "and", "or", "that", "from" };

    // ... except verbs whose object follows "for": "and to call for the release of ...".
    static readonly HashSet<string> VerbsWithFor = new(StringComparer.OrdinalIgnoreCase) { "call", "press", "push", "advocate", "ask", "appeal", "lobby", "provide", "allow", "account" };

    /// <summary>
    /// Splits a span holding two clearly different actions ("make a public statement ..., and publicly call on ... to
    /// release ...") at the separator before the second action's verb, as the codebook asks; a verb used as a noun
    /// ("funding and support for activists") or a purpose clause ("to promote") does not split.
    /// </summary>
    static IEnumerable<AskSpan> SplitActions(string text, AskSpan span)
    {
        var s = text[span.Start..span.End];
        var cuts = new List<(int End, int Next)>();
        foreach (Match m in ActionSeparatorRx().MatchesOrNone(s))
        {
            var verb = m.Groups["verb"].Value;
            // ", to make sure ..." is a purpose; ", to decry ..., and to call for ..." is a list of infinitives.
            if (CommaToRx().IsMatch(m.Value) && !AndToRx().IsMatch(s[m.Index..])) continue;
            var next = m.Groups["next"].Value;
            if (!Vocabulary.Imperatives.Contains(verb) || verb.EndsWith("ly", StringComparison.Ordinal) && !VerbsInLy.Contains(verb) ||
                Prepositions.Contains(next) && !(next.Equals("for", StringComparison.OrdinalIgnoreCase) && VerbsWithFor.Contains(verb))) continue;
            var left = s[(cuts.Count > 0 ? cuts[^1].Next : 0)..m.Index];
            // "urged the new president, Donald Trump, to act": until the request has its "to <verb>", a comma is an apposition.
            // "ask that you support the bill, and implore ...": a that-clause completes the request as a "to <verb>" does.
            if (cuts.Count == 0 && RequestStartRx().IsMatch(left) && !ToVerbRx().IsMatch(left) && !ThatClauseRx().IsMatch(left)) continue;
            var right = s[m.Groups["verb"].Index..];
            if (Words(left) < AskExtractor.Options.SplitMinWordsBefore || Words(right) < AskExtractor.Options.SplitMinWordsAfter) continue;
            // Inside parentheses or quotations the clause belongs to what surrounds it.
            var upTo = s[..m.Groups["verb"].Index];
            if (upTo.Count(c => c == '(') > upTo.Count(c => c == ')') || upTo.Count(c => c == '“') > upTo.Count(c => c == '”') || upTo.Count(c => c == '"') % 2 == 1) continue;
            cuts.Add((m.Index, m.Groups["start"].Index));
        }
        if (cuts.Count == 0) { yield return span; yield break; }
        var from = 0;
        foreach (var (end, next) in cuts)
        {
            yield return span with { Start = span.Start + from, End = span.Start + end };
            from = next;
        }
        yield return span with { Start = span.Start + from };
    }

    static int Words(string s) => Spaces.CountWords(s);

    /// <summary>"a diplomatic boycott of the Games, an end to forced labour and the release of X" -> the items.</summary>
    static List<(int Start, int End)> SplitList(string s, int from, int to)
    {
        // "A, B and C; D; and E": where semicolons separate the items, commas and "and" are inside them.
        if (s.AsSpan(from, to - from).Contains(';'))
        {
            var (pieces, tail) = Cut(SemicolonSeparatorRx().Matches(s[..to]).Where(m => m.Index >= from), from);
            if (to - tail >= 8) pieces.Add((tail, to));
            return pieces;
        }
        var (items, cursor) = Cut(ItemSeparatorRx().Matches(s[..to]).Where(m => m.Index >= from), from);
        // "A, B, C and D": after two or more commas the last " and " separates items too.
        var last = (cursor, to);
        var and = s[cursor..to].LastIndexOf(" and ", StringComparison.Ordinal);
        if (items.Count >= 2 && and > 0)
        {
            items.Add((cursor, cursor + and));
            last = (cursor + and + 5, to);
        }
        if (last.to - last.cursor >= 8) items.Add(last);
        return items;
    }

    /// <summary>The pieces between separators from <paramref name="from"/> on (eight characters at least), and where the last one ends.</summary>
    static (List<(int Start, int End)> Pieces, int Tail) Cut(IEnumerable<Match> separators, int from)
    {
        var pieces = new List<(int Start, int End)>();
        var cursor = from;
        foreach (var sep in separators)
        {
            if (sep.Index - cursor >= 8) pieces.Add((cursor, sep.Index));
            cursor = sep.Index + sep.Length;
        }
        return (pieces, cursor);
    }

    /// <summary>"sanctioning A, giving B and suspending C" -> the three gerund phrases (two at least, or none).</summary>
    static List<(int Start, int End)> SplitGerunds(string s, int from, int to)
    {
        var (pieces, tail) = Cut(GerundSeparatorRx().Matches(s[..to], from), from);
        if (to - tail >= 8) pieces.Add((tail, to));
        return pieces.Count >= 2 ? pieces : [];
    }

    /// <summary>"to maintain A, counter B and make C" -> the three verb phrases.</summary>
    static IEnumerable<(int Start, int End)> SplitInfinitives(string s, int from, int to)
    {
        var pieces = new List<(int, int)>();
        var cursor = from;
        foreach (Match sep in ListSeparatorRx().Matches(s[..to], from))
        {
            if (!Vocabulary.Imperatives.Contains(sep.Groups["verb"].Value)) continue;
            pieces.Add((cursor, sep.Index));
            cursor = sep.Index + sep.Length;
        }
        pieces.Add((cursor, to));
        return pieces;
    }

    /// <summary>Drops trailing punctuation, closing quotes, "and", and an attribution such as ", the groups said".</summary>
    public static (int Start, int End) TrimSpan(string text, int start, int end)
    {
        // The first match, read off the span: this runs on every candidate ask, and copying each out was a few percent of loading's allocation.
        foreach (var attribution in AttributionRx().EnumerateMatches(text.AsSpan(start, end - start)))
        {
            // Far enough in not to be the ask's own opening words; or where a closing quotation mark ends the ask ('"The US
            // must act now," said ...'), however short it is.
            if (attribution.Index > 20 || attribution.Index >= 8 && attribution.Length > 1 && text[start + attribution.Index + 1] is '”' or '"' or '’' or '\'')
                end = start + attribution.Index;
            break;
        }
        while (true)
        {
            while (end > start && (char.IsWhiteSpace(text[end - 1]) || ".,;:!?”\"’'".Contains(text[end - 1]))) end--;
            var tail = text.AsSpan(start, end - start);
            if (tail.EndsWith(" and", StringComparison.Ordinal)) { end -= 4; continue; }
            if (tail.EndsWith(" or", StringComparison.Ordinal)) { end -= 3; continue; }
            break;
        }
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        // A closing quote kept at the end needs its opening quote inside the span; otherwise it was trimmed above.
        return (start, end);
    }

    [GeneratedRegex(@"(?-i:\b[A-Z])|\b(you|him|her|them|us|it|government|administration|officials?|authorities|lawmakers|members|states|countries|companies|leaders?)\b", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex AddresseeWordRx();

    [GeneratedRegex(@"^\s*(it|they|you|your)\b", RegexOptions.ExplicitCapture)]
    private static partial Regex ItTheyYouRx();

    [GeneratedRegex(@"^\s*(it|they)\b", RegexOptions.ExplicitCapture)]
    private static partial Regex ItTheyRx();

    [GeneratedRegex(@"[,;]\s*and\s+to\s", RegexOptions.ExplicitCapture)]
    private static partial Regex AndToRx();

    [GeneratedRegex(@"^,[”""’]?\s*to\s", RegexOptions.ExplicitCapture)]
    private static partial Regex CommaToRx();

    [GeneratedRegex(@"^\s*(?<who>[^,]{1,60}?)\s+to\s+[a-z]", RegexOptions.ExplicitCapture)]
    private static partial Regex ForWhoToRx();

    [GeneratedRegex(@"^\s*\w*\s*(from|by)\s+(China|Beijing|Chinese|the\s+Chinese|Hong\s+Kong)", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex FromOrByChinaRx();

    [GeneratedRegex(@"\s*;\s*(and\s+)?|,\s*(and\s+)?|\s+and\s+(?=(an?|the)\s)", RegexOptions.ExplicitCapture)]
    private static partial Regex ItemSeparatorRx();

    [GeneratedRegex(@"\s*;\s*(and\s+)?", RegexOptions.ExplicitCapture)]
    private static partial Regex SemicolonSeparatorRx();

    [GeneratedRegex(@"\b(propos|advocat|recommend|urg|call|press|push|demand|request)\w*\b[^.;:]{0,120}?\b(policies|measures|steps|actions|recommendations|proposals|demands)\b[^.;:]{0,80}?,?\s+including\s+(?=(?-i:[a-z]+ing)\b)", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex IncludingGerundsRx();

    [GeneratedRegex(@",\s*(and\s+)?(?=(?-i:[a-z]+ing)\b)|\s+and\s+(?=(?-i:[a-z]+ing)\b)", RegexOptions.ExplicitCapture)]
    private static partial Regex GerundSeparatorRx();

    [GeneratedRegex(@"^advocat\w*\s+for\s+(the\s+)?(basic\s+|fundamental\s+|human\s+)?(rights|freedoms?|interests|dignity)\b", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex AdvocatesForRightsRx();

    // Two actors named together, "the European Union and the United Kingdom": longer than one name, still an addressee.
    [GeneratedRegex(@"^(the\s+)?\p{Lu}[\w.'’-]*(\s+\p{Lu}[\w.'’-]*){0,3}\s+and\s+(the\s+)?\p{Lu}[\w.'’-]*(\s+\p{Lu}[\w.'’-]*){0,3}$", RegexOptions.ExplicitCapture)]
    private static partial Regex JoinedActorsRx();

    [GeneratedRegex(@"^\s*(the\s+)?(government|authorities|leadership)\s+of\s+(the\s+)?(People['’]s\s+Republic\s+of\s+China|Hong\s+Kong\s+Special\s+Administrative\s+Region|Tibet\s+Autonomous\s+Region|Xinjiang\s+Uy[g]?hur\s+Autonomous\s+Region)\s*$", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex FormalNameRx();

    [GeneratedRegex(@"\b(should|must|be)\b", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex ModalOrBeRx();

    [GeneratedRegex(@"^(should|must|shall|will|would|be|is|are|not)$", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex ModalWordRx();

    [GeneratedRegex(@"^\s*(that|by)\b|\b(is|are|was|were|has|have)\b|\b(and|but)\s+(?-i:[a-z]+ed)\b|^\s*(for\s+)?comments?\b", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex NotAnAddresseeRx();

    [GeneratedRegex(@"^\s*(and|but|also|and\s+also)?\s*$", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex OnlyConjunctionRx();

    [GeneratedRegex(@"^\s*,?\s*(when|while|during|in|at|before|after|if|as)\b[^,]{0,80},", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex OpeningClauseRx();

    [GeneratedRegex(@"^\s+(also\s+|now\s+|immediately\s+)?be\s+([a-z]+(ed|en|wn|ne)|made|put|set|sent|kept|held|brought|sought|laid|paid|built|lent|dealt|met|cut|led)\b", RegexOptions.ExplicitCapture)]
    private static partial Regex PassiveBeRx();

    [GeneratedRegex(@"\b(recommend|request|ask|urge|demand|insist|propose)(s|ed|d|ing)?\s+that\s+(?:[^,;.]|(?<=\b[A-Z])\.){0,60}$", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex RecommendsThatBeforeRx();

    // "a strong push", "the call": an article makes the marker a noun ("The groups call for ..." keeps its verb).
    [GeneratedRegex(@"(?:^|[,;:]\s*|\b(?:and|but|however)\s+)(?:(?:a|an|such\s+a)\s+(?:[a-z]+\s+){0,2}|(?:the|this|that|any)\s+)$", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex NounOpeningClauseRx();

    [GeneratedRegex(@"\s(was|is|were|are)\s+for\s", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex NamedAskRx();

    // "a network that advocates for", "the Act, which would call for": what a body or a bill does, not an ask.
    [GeneratedRegex(@"\b(that|which|who)\s+((would|will|could|can|shall|also)\s+)*$", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex RelativePronounAtEndRx();

    [GeneratedRegex(@"\b(is|are|was|were|has|have|had)\b", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex StateVerbRx();

    [GeneratedRegex(@"\b(the\s+|The\s+)?(U\.S\.|US\b|[A-Z]).*$", RegexOptions.ExplicitCapture)]
    private static partial Regex SubjectHeadRx();

    [GeneratedRegex(@"\bto\s+$", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex ToAtEndRx();

    [GeneratedRegex(@"(?<!\b(and|or|but)\s+|,\s*)\bto\s+$", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex ComplementToAtEndRx();

    [GeneratedRegex(@"\bto\s+[a-z]", RegexOptions.ExplicitCapture)]
    private static partial Regex ToVerbRx();

    [GeneratedRegex(@"\bthat\s+\S+\s+\S+", RegexOptions.ExplicitCapture)]
    private static partial Regex ThatClauseRx();

    [GeneratedRegex(@"^\s*\w*\s*(with|by)\s+(the\s+)?(United\s+States|U\.S\.|US|Washington|America)\b", RegexOptions.ExplicitCapture)]
    private static partial Regex WithOrByUsRx();
}
