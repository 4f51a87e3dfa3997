using AskShift.Text;
using System.Text.RegularExpressions;

namespace AskShift.Normalise;

/// <summary>
/// Splits a document into English and Chinese blocks and flags a Chinese block that translates the English one
/// before it, so bilingual posts do not count the same asks twice while the Chinese stays available.
/// </summary>
internal static partial class Languages
{
    // Characters that exist only in one script: enough to tell Traditional from Simplified in a paragraph.
    const string TraditionalOnly = "國說這們為時會關與對開發實權經義於動還過處會員導際區層點從將應戰係體報聯門書總議視變參鄉專確";
    const string SimplifiedOnly = "国说这们为时会关与对开发实权经义于动还过处会员导际区层点从将应战系体报联门书总议视变参乡专确";

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}", RegexOptions.ExplicitCapture)]
    private static partial Regex CjkRx();

    [GeneratedRegex(@"[A-Za-z][A-Za-z'-]+|\d+", RegexOptions.ExplicitCapture)]
    private static partial Regex LatinTokenRx();

    /// <summary>Language blocks over the non-chrome lines of <paramref name="raw"/>.</summary>
    public static IReadOnlyList<LanguageBlock> Split(string raw, IReadOnlyList<(int Start, int End)> chrome)
    {
        var lines = Sentences.Lines(raw)
            .Where(l => !raw.AsSpan(l.Start, l.End - l.Start).IsWhiteSpace() && !Chrome.Covers(chrome, l.Start, l.End))
            .Select(l => (l.Start, l.End, Lang: IsChinese(raw.AsSpan(l.Start, l.End - l.Start)) ? "zh" : "en"))
            .ToList();
        var blocks = new List<(string Lang, int Start, int End)>();
        foreach (var l in lines)
        {
            if (blocks.Count > 0 && blocks[^1].Lang == l.Lang) blocks[^1] = (l.Lang, blocks[^1].Start, l.End);
            else blocks.Add((l.Lang, l.Start, l.End));
        }
        var result = new List<LanguageBlock>();
        // What the translation test reads of each English block, worked out once: a Chinese block is tried against
        // every English block before it, and reading both texts afresh for every pair made a page of alternating
        // English and Chinese lines quadratic in its text (40,000 lines ran past any time limit).
        var english = new Side?[blocks.Count];
        for (var i = 0; i < blocks.Count; i++)
        {
            var (lang, s, e) = blocks[i];
            int? translationOf = null;
            if (lang == "zh")
            {
                lang = ChineseVariant(raw[s..e]);
                var chinese = new Side(raw[s..e]);
                for (var j = i - 1; j >= 0; j--)
                {
                    Budget.Check();
                    if (blocks[j].Lang == "en" && IsTranslation(english[j] ??= new Side(raw[blocks[j].Start..blocks[j].End]), chinese)) { translationOf = j; break; }
                }
            }
            result.Add(new LanguageBlock(lang, s, e, translationOf));
        }
        return result;
    }

    /// <summary>What <see cref="IsTranslation(string, string)"/> reads of one text: its length, ideographs, paragraphs and Latin-script tokens.</summary>
    sealed class Side
    {
        readonly string text;
        int? ideographs;
        List<string>? latin;
        HashSet<string>? latinSet;

        public Side(string text)
        {
            this.text = text;
            Length = text.Length;
            Paragraphs = text.Split('\n').Count(l => !string.IsNullOrWhiteSpace(l));
        }

        public int Length { get; }
        public int Paragraphs { get; }
        public int Ideographs => ideographs ??= CjkRx().Matches(text).Count;
        public List<string> Latin => latin ??= LatinTokenRx().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToList();
        public HashSet<string> LatinSet => latinSet ??= [.. Latin];
    }

    /// <summary>True if ideographs, weighted as three letters each, outnumber Latin letters.</summary>
    public static bool IsChinese(ReadOnlySpan<char> text)
    {
        // No character in the ideograph ranges (most English lines): nothing to count.
        if (!text.ContainsAnyInRange('\u3400', '\u9fff')) return false;
        int cjk = 0, letters = 0;
        foreach (var c in text)
        {
            if (c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf') cjk++;
            else if (char.IsLetter(c)) letters++;
        }
        // An ideograph carries about as much as a short English word (three letters or so), so weight it accordingly.
        return cjk > 0 && cjk * 3 >= letters;
    }

    /// <summary>zh-Hant, zh-Hans or zh, from characters that exist in one script only.</summary>
    public static string ChineseVariant(string text)
    {
        int t = 0, s = 0;
        foreach (var c in text)
        {
            if (TraditionalOnly.Contains(c)) t++;
            else if (SimplifiedOnly.Contains(c)) s++;
        }
        return t > s * 2 && t >= 2 ? "zh-Hant" : s > t * 2 && s >= 2 ? "zh-Hans" : "zh";
    }

    /// <summary>
    /// A Chinese block translates an English block when the names and numbers it keeps in Latin script come from
    /// the English block, its paragraph count is similar and its length fits the usual Chinese/English ratio.
    /// </summary>
    public static bool IsTranslation(string english, string chinese) => IsTranslation(new Side(english), new Side(chinese));

    static bool IsTranslation(Side english, Side chinese)
    {
        var ratio = (double)chinese.Ideographs / Math.Max(1, english.Length);
        if (ratio is < 0.12 or > 0.9) return false;
        var pe = english.Paragraphs;
        var pz = chinese.Paragraphs;
        var paragraphsAlike = Math.Abs(pe - pz) <= Math.Max(1, pe / 3);
        var latin = chinese.Latin;
        if (latin.Count >= 3)
        {
            var en = english.LatinSet;
            var shared = latin.Count(en.Contains) / (double)latin.Count;
            return shared >= 0.6 && (paragraphsAlike || shared >= 0.85);
        }
        return paragraphsAlike && pe >= 2;
    }
}
