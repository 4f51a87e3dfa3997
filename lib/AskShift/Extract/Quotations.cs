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

    // The title right after the speech verb ("," said Senator X), or opening the speaker's name before it ("," Senator X
    // said in a statement), or right before the speaker's name and verb (Senator X said:).
    [GeneratedRegex(@"^[”""’]?\s*,?\s*((said|says|added|stated|noted|wrote|continued|told\s+\w+|according\s+to)\s+(the\s+)?" + Official + @"(?!\w)|(the\s+)?" + Official + @"(?!\w)(\s+(?-i:[A-Z])[\w'’-]*\.?){0,4},?\s+(said|says|added|stated|noted|wrote|told)\b)", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex AfterRx();

    [GeneratedRegex(@"\b" + Official + @"(?!\w)(\s+(?-i:[A-Z])[\w'’-]*\.?){0,4},?\s+(said|says|added|stated|noted|wrote|declared|told\s+\w+)\s*[:,]?\s*$", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex BeforeRx();

    // The Chinese side introducing its own words: "China's Foreign Ministry ... reacted, stating, “We urge a few politicians
    // of the US ...”" asks the US of nothing on the author's behalf.
    [GeneratedRegex(@"\b(China|Chinese|Beijing|PRC|CCP|Foreign\s+Ministry|Hong\s+Kong\s+(government|authorities)|HKSAR|Liaison\s+Office)\b[^.!?“”""]{0,160}\b(said|says|stated|stating|added|declared|warned|responded|saying|wrote)\s*[:,]?\s*$", RegexOptions.ExplicitCapture)]
    private static partial Regex ChineseSideBeforeRx();

    [GeneratedRegex(@"^[”""’]?\s*,?\s*(said|says|added|stated|wrote|warned)\s+(a\s+|the\s+)?(Chinese|China['’]s|Beijing['’]s|Hong\s+Kong\s+government)\b", RegexOptions.ExplicitCapture)]
    private static partial Regex ChineseSideAfterRx();

    /// <summary>True when text[start..end) lies inside a quotation, within its paragraph, that a US lawmaker or official speaks, or the
    /// Chinese side.</summary>
    /// <param name="marks">The quotation marks of the paragraph the span is in (<see cref="Marks.Of"/>, once per paragraph).</param>
    public static bool SpokenByOtherSide(string text, int start, int end, Marks marks)
    {
        if (marks.Enclosing(text, start, end) is not { } quotation) return false;
        var (open, close) = quotation;
        var after = text[close..Math.Min(marks.End, close + 160)];
        var before = text[Math.Max(marks.Start, open - 160)..open];
        return AfterRx().IsMatch(after) || BeforeRx().IsMatch(before) || ChineseSideBeforeRx().IsMatch(before) || ChineseSideAfterRx().IsMatch(after);
    }

    /// <summary>
    /// Where a paragraph's quotation marks are, found in one pass, so that each ask in it is placed in or out of a
    /// quotation by binary search. Scanning the paragraph again for every ask made a long paragraph quadratic: a 1 MB
    /// run-on text with thousands of asks spent two thirds of its time here.
    /// </summary>
    internal sealed class Marks
    {
        private readonly List<int> curly = [], straight = [], closers = [];

        private Marks(int start, int end) { Start = start; End = end; }

        /// <summary>The paragraph: text[Start..End).</summary>
        public int Start { get; }

        /// <inheritdoc cref="Start"/>
        public int End { get; }

        public static Marks Of(string text, int start, int end)
        {
            var marks = new Marks(start, end);
            for (var i = text.AsSpan(start, end - start).IndexOfAny('“', '”', '"'); i >= 0;)
            {
                var at = start + i;
                var c = text[at];
                if (c == '"') { marks.straight.Add(at); marks.closers.Add(at); }
                else
                {
                    marks.curly.Add(at);
                    if (c == '”') marks.closers.Add(at);
                }
                var next = text.AsSpan(at + 1, end - at - 1).IndexOfAny('“', '”', '"');
                i = next < 0 ? -1 : at + 1 + next - start;
            }
            return marks;
        }

        /// <summary>
        /// The quotation text[start..end) lies in: its opening mark (the last curly one before the span unless that one
        /// closes a quotation; else, after an odd number of straight ones, the last of them) and the first closing mark
        /// after the span, or the paragraph's end. Null when the span is outside any quotation.
        /// </summary>
        public (int Open, int Close)? Enclosing(string text, int start, int end)
        {
            int open;
            var curly = LastCurlyBefore(start);
            if (curly >= 0)
            {
                if (text[curly] == '”') return null;
                open = curly;
            }
            else
            {
                var (straight, last) = StraightBefore(start);
                if (straight % 2 == 0) return null;
                open = last;
            }
            return (open, FirstCloserFrom(end));
        }

        /// <summary>The last curly quotation mark before <paramref name="position"/>, or -1.</summary>
        int LastCurlyBefore(int position)
        {
            var k = Before(curly, position);
            return k < 0 ? -1 : curly[k];
        }

        /// <summary>How many straight quotation marks precede <paramref name="position"/>, and the last of them (-1 if none).</summary>
        (int Count, int Last) StraightBefore(int position)
        {
            var k = Before(straight, position);
            return (k + 1, k < 0 ? -1 : straight[k]);
        }

        /// <summary>The first closing mark (” or ") at or after <paramref name="position"/>, or the paragraph's end.</summary>
        int FirstCloserFrom(int position)
        {
            var k = Before(closers, position) + 1;
            return k < closers.Count ? closers[k] : End;
        }

        // The index of the last entry below position, or -1.
        private static int Before(List<int> sorted, int position)
        {
            var k = sorted.BinarySearch(position);
            return (k >= 0 ? k : ~k) - 1;
        }
    }
}
