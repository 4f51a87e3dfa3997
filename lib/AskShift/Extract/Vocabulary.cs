using System.Text.RegularExpressions;

namespace AskShift.Extract;

/// <summary>Word lists the ask rules share: who counts as the US government, and verbs that open an imperative ask.</summary>
public static partial class Vocabulary
{
    /// <summary>Verbs (and adverbs) that open an imperative list item such as "Publicly call for ...".</summary>
    public static readonly HashSet<string> Imperatives = new(StringComparer.OrdinalIgnoreCase)
    {
        "make","take","play","provide","consider","continue","strengthen","hold","facilitate","resume","explain","publicly",
        "demonstrate","report","press","urge","support","impose","ensure","raise","use","call","demand","speak","appoint",
        "establish","condition","meet","visit","maintain","counter","prioritize","prioritise","increase","expand","end","stop",
        "suspend","sanction","adopt","pass","enact","create","fund","invite","engage","work","commit","recognize","recognise",
        "protect","offer","grant","restrict","ban","prohibit","require","review","reform","release","withdraw","issue",
        "designate","investigate","introduce","apply","coordinate","lead","build","set","place","insist","seek","reaffirm",
        "reject","oppose","promote","encourage","help","tie","link","deny","block","limit","deploy","convene","restore",
        "reinstate","renew","tell","send","attend","boycott","avoid","address","articulate","implement","monitor","document",
        "publish","immediately","urgently","strongly","clearly","firmly","directly","jointly","push","condemn","denounce",
        "halt","bar","expose","elevate","integrate","reauthorize","appropriate","instruct","direct","allocate","ratify",
        "refrain","respond","uphold","defend","safeguard","welcome","shield","resettle","admit","extend","freeze","enforce",
        "announce","launch","sustain","cooperate","collaborate","partner","announce","declare","name","mandate","free","demand",
    };

    [GeneratedRegex(@"\b(U\.\s?S\.(\s?A\.)?|US|USA|United States|America|American|Washington|White House|Congress|Senate|House of Representatives|[Aa]dministration|President|Secretary|State Department|Department of State|Treasury|officials|delegation|[Gg]overnment|diplomats?|[Aa]mbassador|National Security Advis[eo]r|lawmakers|policymakers|Obama|Biden|Trump|Clinton|Kerry|Blinken|Pompeo|Tillerson|Rubio|Sullivan|Lew|Yellen|Mnuchin)(?!\w)")]
    private static partial Regex UsActorRx();

    [GeneratedRegex(@"\b(China|Chinese|Beijing|PRC|CCP|Communist Party|Party|Hong Kong|international community|UN|United Nations|EU|European|Britain|UK|Japan|IOC|companies|businesses|athletes|Xi|Hu Jintao|Taiwan|Russia|allies|countries|governments)(?!\w)")]
    private static partial Regex NonUsActorRx();

    [GeneratedRegex(@"^\s*(you|your\s+(administration|government|department|office|team|colleagues))\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex YouRx();

    [GeneratedRegex(@"^\s*Dear\s+(Mr\.?\s+|Madam\s+|Madame\s+)?(President|Vice\s+President|Secretary|Senator|Senators|Representative|Ambassador|Speaker|Leader|Chair|Chairman|Chairwoman|Members)\b", RegexOptions.Multiline)]
    private static partial Regex UsSalutationRx();

    /// <summary>A letter that opens "Dear Secretary ..." addresses a US official, so its "you" is the US government.</summary>
    public static bool AddressesUsOfficial(string text) => UsSalutationRx().IsMatch(text);

    [GeneratedRegex(@"^\s*(it|they|he|she)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PronounRx();

    /// <summary>True when a phrase names the US government (and no other actor) or is a bare pronoun standing for it.</summary>
    public static bool IsUsAddressee(string phrase, bool allowPronoun, bool youIsUs = false)
    {
        if (allowPronoun && PronounRx().IsMatch(phrase)) return true;
        if (youIsUs && YouRx().IsMatch(phrase)) return true;
        // "U.S.-China" names a relationship, not an actor outside the US.
        var cleaned = Regex.Replace(phrase, @"U\.?\s?S\.?-China|US-China|U\.S\.-Chinese", "U.S.");
        return UsActorRx().IsMatch(cleaned) && !NonUsActorRx().IsMatch(cleaned);
    }

    /// <summary>True when the phrase names the US government at all (used for reported asks).</summary>
    public static bool MentionsUs(string phrase) => UsActorRx().IsMatch(phrase);

    static readonly HashSet<string> Stop = new(StringComparer.OrdinalIgnoreCase)
    {
        "the","a","an","and","or","of","to","in","on","for","with","by","at","as","is","are","be","that","this","its","their",
        "his","her","it","from","into","about","such","all","other","also","should","must","will","would","can","could","may",
        "human","rights","china","chinese","us","u","s","united","states","government","recommends","recommend","urges","urge",
        "urging","asking","ask","asks","calls","call","calling","letter","joint","when","who","which","what","well","not","them",
    };

    /// <summary>Content words (lower-case, crude stem) used to tell a restatement from a new ask.</summary>
    public static HashSet<string> ContentWords(string text) =>
        Regex.Matches(text.ToLowerInvariant(), @"[a-z]+").Select(m => m.Value).Where(w => w.Length > 2 && !Stop.Contains(w)).Select(Stem).ToHashSet();

    static string Stem(string w)
    {
        foreach (var suf in new[] { "ing", "ed", "es", "s" })
            if (w.EndsWith(suf) && w.Length - suf.Length >= 4) return w[..^suf.Length];
        return w;
    }

    /// <summary>Share of the smaller word set found in the other: 1 means one restates the other.</summary>
    public static double Overlap(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var small = a.Count <= b.Count ? a : b;
        var large = ReferenceEquals(small, a) ? b : a;
        return small.Count(large.Contains) / (double)small.Count;
    }
}
