using System.Text.RegularExpressions;

namespace AskShift.Text;

/// <summary>Word lists the ask rules share: who counts as the US government, and verbs that open an imperative ask.</summary>
internal static partial class Vocabulary
{
    /// <summary>Verbs (and adverbs) that open an imperative list item such as "Publicly call for ...".</summary>
    public static readonly HashSet<string> Imperatives = WordLists.Set("imperatives");

    [GeneratedRegex(@"\b(U\.\s?S\.(\s?A\.)?|US|USA|United States|America|American|Washington|White House|Congress|Senate|House of Representatives|(?<=\b[Tt]he\s+)House(?!\s+of\s+(Commons|Lords|Assembly|Keys))|[Aa]dministration|[Pp]resident|Secretary|State Department|Department of State|Treasury|officials|delegation|[Gg]overnment|diplomats?|[Aa]mbassador|Special\s+(Coordinator|Envoy)|National Security Advis[eo]r|lawmakers|policymakers|Members\s+of\s+Congress|[Cc]ommittee|CECC|Chairman|Chairwoman|Ranking\s+Member|Speaker|Senators?|senators|Representatives|Obama|Biden|Trump|Clinton|Kerry|Blinken|Pompeo|Tillerson|Rubio|Sullivan|Lew|Yellen|Mnuchin|Customs\s+and\s+Border\s+Protection|CBP|Commerce\s+Department|Department\s+of\s+(Commerce|Homeland\s+Security|Labor|Justice)|Homeland\s+Security|DHS|Forced\s+Labor\s+Enforcement\s+Task\s+Force|FLETF|USTR|Trade\s+Representative|USAID|USCIRF)(?!\w)", RegexOptions.ExplicitCapture)]
    private static partial Regex UsActorRx();

    [GeneratedRegex(@"\b(China|Chinese|Beijing|PRC|CCP|Communist Party|Party|Hong Kong|international community|UN|United Nations|EU|European|Britain|UK|Japan|IOC|companies|businesses|athletes|Xi|Hu Jintao|Taiwan|Russia|allies|countries|governments|British|Canadian|Canada|European|Japanese|Australian|Australia|Taiwanese|Thai|Thailand|Indian|India|German|Germany|French|France|foreign)(?!\w)", RegexOptions.ExplicitCapture)]
    private static partial Regex NonUsActorRx();

    // In a letter to a US official, "the Department" (capitalised) is theirs, as "your department" is.
    [GeneratedRegex(@"^\s*(you|your\s+(administration|government|department|office|team|colleagues)|(?-i:the\s+Department))\s*$", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex YouRx();

    // A salutation line (or a letter's addressee line naming governments, the US among them: "The Governments of Japan and
    // the United States:"), and a letter said to be sent to a US office. Two patterns, not one alternation: with the line-start
    // branches beside an unanchored one the engine tried the whole pattern at every space of the text, where apart the
    // first is tried at line starts and the second at its opening words. No match of the first can hold the start of a
    // match of the second, and no match of the second names a foreign person, so whether a text addresses a US official
    // is the same (a test holds them to the single pattern built from both).
    [GeneratedRegex(@"^\s*(Dear\s+(Mr\.?\s+|Madam\s+|Madame\s+)?(President|Vice\s+President|Secretary|Senator|Senators|Representative|Ambassador|Speaker|Leader|Chair|Chairman|Chairwoman|Members)\b|(Mr\.?\s+)?President(\s+(Obama|Trump|Biden))?\s*,\s+(as\s+)?(you|we)\b|To\s*:\s*(President|Secretary|Senator|The\s+Honorable)|(Mr\.?\s+|Madam\s+|Madame\s+)?(President|Vice\s+President|Secretary|Senator|Senators|Representative|Ambassador|Speaker)(\s+[A-Z][\w.’'-]+){0,3}[ \t]*,[ \t]*\r?$|(To\s*:?\s*)?([Tt]he\s+)?(Governments?|Leaders|Heads\s+of\s+(State|Government))\s+of\s+[^\n]{0,200}?\bthe\s+(United\s+States|U\.S\.|USA)(?!\w)[^\n]{0,120}?[:,][ \t]*\r?$)", RegexOptions.Multiline | RegexOptions.ExplicitCapture)]
    internal static partial Regex SalutationLineRx();

    [GeneratedRegex(@"\b(letter|email|message|petition|appeal)\s+to\s+(U\.S\.\s+|US\s+)?(President|Secretary|Senators?|Congress|your\s+(Members|Senators?|Representatives?))", RegexOptions.ExplicitCapture)]
    internal static partial Regex LetterToUsRx();

    /// <summary>
    /// A letter that opens "Dear Secretary ...", or with a line that is only a US title and name and a comma ("President
    /// Trump,", as petitions and open letters do), addresses a US official, so its "you" is the US government.
    /// </summary>
    public static bool AddressesUsOfficial(string text) =>
        LetterToUsRx().IsMatch(text)
        || SalutationLineRx().Matches(text).Any(m => !ForeignPersonRx().IsMatch(m.Value)) // not "President Xi Jinping,"
        // A report quoting a letter to a US official ("... ,” the letter to Clinton says): its "you" is that official.
        || LetterToUsOfficialRx().IsMatch(text);

    [GeneratedRegex(@"\b(letter|message|appeal|petition|memo)\s+(sent\s+|addressed\s+|written\s+)?to\s+(((U\.S\.\s+|US\s+)?(President|Vice\s+President|Secretary(\s+of\s+State)?|Ambassador|Senator|National\s+Security\s+Advis[eo]r)\s+)?((Barack|Donald|Joe|Hillary|John|Antony|Mike|Rex|Marco)\s+)?(Obama|Trump|Biden|Clinton|Kerry|Blinken|Pompeo|Tillerson|Rubio)\b|(U\.S\.|US|American)\s+(President|Vice\s+President|Secretary\s+of\s+\p{Lu}\w+|Ambassador(\s+to\s+the\s+(United\s+Nations|UN))?|Senator|Special\s+(Coordinator|Envoy))\s+\p{Lu})", RegexOptions.ExplicitCapture)]
    internal static partial Regex LetterToUsOfficialRx();

    [GeneratedRegex(@"^\s*(it|they|he|she)\s*$", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex PronounRx();

    [GeneratedRegex(@"^\s*(the\s+)?governments\s+of\s+(the\s+)?(United\s+States|U\.S\.|US|USA)\b", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex GovernmentsOfUsRx();

    /// <summary>True when a phrase names the US government (and no other actor) or is a bare pronoun standing for it.</summary>
    public static bool IsUsAddressee(string phrase, bool allowPronoun, bool youIsUs = false)
    {
        if (allowPronoun && PronounRx().IsMatch(phrase)) return true;
        if (youIsUs && YouRx().IsMatch(phrase)) return true;
        // "the governments of the United States, the United Kingdom and Sweden": the US among the governments named.
        if (GovernmentsOfUsRx().IsMatch(phrase)) return true;
        // "U.S.-China" names a relationship, not an actor outside the US.
        var cleaned = UsChinaRx().Replace(phrase, "U.S.");
        if (UsActorRx().IsMatch(cleaned) && !NonUsActorRx().IsMatch(cleaned)) return true;
        // "Xi and Trump", "the US and its allies", "you and the international community": an ask of the US among others.
        // A part opening with a possessive belongs to the actor before it: "Xi and his officials" are China's.
        var parts = PhraseJoinRx().Split(cleaned);
        return parts.Length > 1 && parts.Any(p => (UsActorRx().IsMatch(p) || youIsUs && YouRx().IsMatch(p)) && !NonUsActorRx().IsMatch(p) && !PossessiveOpeningRx().IsMatch(p));
    }

    [GeneratedRegex(@"(?<!\b(to|by|of|from|with|for|about|on|and)\s+)\b((U\.S\.|US)\s+)?(President|Vice\s+President|Secretary(\s+of\s+State)?|Senator|Ambassador|Special\s+(Coordinator|Envoy))\s+(Obama|Trump|Biden|Clinton|Kerry|Blinken|Pompeo|Tillerson|Rubio|Harris|Pence|Vance)\s*$", RegexOptions.ExplicitCapture)]
    private static partial Regex TrailingUsOfficeHolderRx();

    /// <summary>
    /// True when a clause ends on a US office-holder by title and name ("... in Beijing President Obama"), as when a
    /// scraped text lost the comma after an opening phrase; "the letter to President Obama" names the recipient, not a subject.
    /// </summary>
    public static bool EndsWithUsOfficeHolder(string subject) => TrailingUsOfficeHolderRx().IsMatch(subject);

    [GeneratedRegex(@"\b(President|Secretary|Senator|Ambassador|Speaker|Special\s+(Coordinator|Envoy)|Obama|Biden|Trump|Clinton|Kerry|Blinken|Pompeo|Tillerson|Rubio|Pelosi|Harris)\b", RegexOptions.ExplicitCapture)]
    private static partial Regex UsPersonRx();

    [GeneratedRegex(@"\b(Senators|Representatives|lawmakers|legislators|Members\s+of\s+Congress|Congress|congressional\s+(offices|staff|leaders)|(U\.S\.|US|American)\s+(officials|diplomats|leaders|policymakers)|policymakers)(?!\w)", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex UsGroupRx();

    [GeneratedRegex(@"\b((Chinese|Hong\s+Kong|EU|UN|European|British|Canadian|Japanese|Australian|Taiwanese|Thai)\s+(officials|authorities|leaders|diplomats|lawmakers|legislators|ministers|representatives)|authorities|Beijing|governments|the\s+(UN|EU|IOC)|companies|businesses)(?!\w)", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex ForeignGroupRx();

    /// <summary>
    /// True when the last group of people named in <paramref name="before"/> is a US one ("visited Senators ... to urge
    /// them to pass"), so a plural pronoun asked to act stands for the US.
    /// </summary>
    public static bool LastGroupIsUs(string before) => LastIsUs(UsGroupRx(), ForeignGroupRx(), before);

    /// <summary>
    /// True when the last match of <paramref name="us"/> in <paramref name="before"/> ends after the last of
    /// <paramref name="other"/>: a US word inside a foreign phrase ("Hong Kong lawmakers") ends with it and is not US.
    /// </summary>
    static bool LastIsUs(Regex us, Regex other, string before)
    {
        var u = us.Matches(before).LastOrDefault();
        var o = other.Matches(before).LastOrDefault();
        return u != null && (o == null || o.Index + o.Length < u.Index + u.Length);
    }

    [GeneratedRegex(@"\b(Xi|Jinping|Hu\s+Jintao|Wen\s+Jiabao|Li\s+Keqiang|Premier|Chairman\s+Mao|Lam|Lee|Dalai\s+Lama|Prime\s+Minister|Chancellor|Chinese\s+President|Foreign\s+Minister)\b", RegexOptions.ExplicitCapture)]
    internal static partial Regex ForeignPersonRx();

    /// <summary>
    /// True when the last person named before a pronoun ("urges him to") is a US office-holder: "As President Obama
    /// prepares to travel, the group urges him to ..." asks Obama; after "Xi Jinping", "him" is Xi.
    /// </summary>
    public static bool LastPersonIsUs(string before) => LastIsUs(UsPersonRx(), ForeignPersonRx(), before);

    /// <summary>True when the phrase names an actor other than the US (China, another government, the UN, companies).</summary>
    public static bool NamesOtherActor(string phrase) => NonUsActorRx().IsMatch(phrase);

    /// <summary>True when the phrase names the US government at all (used for reported asks).</summary>
    public static bool MentionsUs(string phrase) => UsActorRx().IsMatch(phrase);

    /// <summary>Words nearly every ask shares whatever it asks for; with the stop words they say nothing about which ask it is.</summary>
    static readonly HashSet<string> AskFiller = new(StringComparer.Ordinal)
    {
        "human","rights","china","chinese","us","u.s","united","states","government","recommends","recommend","urges","urge",
        "urging","asking","ask","asks","calls","call","calling","letter","joint","well","also","should","must","will","would",
    };

    static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AskFillerLookup = AskFiller.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words every ask shares whatever it asks ("urge", "government"), left out when asks are compared (<see cref="WordSet"/>).</summary>
    public static bool IsAskFiller(ReadOnlySpan<char> word) => AskFillerLookup.Contains(word);

    [GeneratedRegex(@"^\s*(his|her|its|their)\b", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex PossessiveOpeningRx();

    [GeneratedRegex(@"\s+and\s+|,\s*|\s+as\s+well\s+as\s+", RegexOptions.ExplicitCapture)]
    private static partial Regex PhraseJoinRx();

    [GeneratedRegex(@"U\.?\s?S\.?-China|US-China|U\.S\.-Chinese", RegexOptions.ExplicitCapture)]
    private static partial Regex UsChinaRx();
}
