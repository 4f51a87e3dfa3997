using System.Text.RegularExpressions;

namespace AskShift.Extract;

/// <summary>
/// Who speaks a quotation. The codebook counts only the authoring side's asks: a US lawmaker or official quoted in an
/// NGO's release or a news report ("We must equip the State Department ...," said Representative Kim) asks nothing on
/// the author's behalf, however much the words sound like an ask.
/// </summary>
internal static partial class Quotations
{
    // The speaker's title: US lawmakers and officials. NGO titles (chair, executive director, secretary general) are
    // left out, since an organisation's own officers speak for the author.
    const string Official = @"(Senators?|Sen\.|Representatives?|Rep\.|Congress(wo)?m[ae]n|Congressmember|lawmakers?|legislators?|Members?\s+of\s+Congress|Secretary\s+of\s+State|(US|U\.S\.)\s+Ambassador|Speaker\s+of\s+the\s+House|(US|U\.S\.)\s+officials?)";

    // The title right after the speech verb ("," said Senator X) or right before the speaker's name and verb (Senator X said:).
    [GeneratedRegex(@"^[”""’]?\s*,?\s*(said|says|added|stated|noted|wrote|continued|told\s+\w+|according\s+to)\s+(the\s+)?" + Official + @"(?!\w)", RegexOptions.IgnoreCase)]
    private static partial Regex AfterRx();

    [GeneratedRegex(@"\b" + Official + @"(?!\w)(\s+(?-i:[A-Z])[\w'’-]*\.?){0,4},?\s+(said|says|added|stated|noted|wrote|declared|told\s+\w+)\s*[:,]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex BeforeRx();

    /// <summary>True when text[start..end) lies inside a quotation, within its paragraph [paragraphStart, paragraphEnd), that a US lawmaker or official speaks.</summary>
    public static bool SpokenByOfficial(string text, int start, int end, int paragraphStart, int paragraphEnd)
    {
        // The opening quote: the last one before the span with no closing one in between.
        int open = -1;
        for (var i = start - 1; i >= paragraphStart; i--)
        {
            var c = text[i];
            if (c == '”') return false;
            if (c == '“') { open = i; break; }
        }
        if (open < 0)
        {
            // Straight quotes: inside when an odd number of them precede the span in the paragraph.
            var straight = 0; var last = -1;
            for (var i = paragraphStart; i < start; i++) if (text[i] == '"') { straight++; last = i; }
            if (straight % 2 == 0) return false;
            open = last;
        }
        var close = text.IndexOfAny(['”', '"'], end);
        if (close < 0 || close >= paragraphEnd) close = paragraphEnd;
        var after = text[close..Math.Min(paragraphEnd, close + 160)];
        var before = text[Math.Max(paragraphStart, open - 160)..open];
        return AfterRx().IsMatch(after) || BeforeRx().IsMatch(before);
    }
}
