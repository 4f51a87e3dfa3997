using AskShift.Text;
using System.Text.RegularExpressions;
using AskShift.Normalise;

namespace AskShift.Extract;

/// <summary>
/// Entry point of the extract stage: finds every ask a document makes of the US government, as list items
/// (bulleted, numbered, numbered inline "1. ... 2. ...", or unmarked imperative paragraphs) and as sentences.
/// Works on the repaired view so glued words do not hide markers; spans come back in view offsets.
/// </summary>
internal static partial class AskExtractor
{
    /// <summary>Tunables of the extract stage (one set for the process; the pipeline does not vary them per corpus).</summary>
    internal static readonly ExtractOptions Options = new();

    [GeneratedRegex(@"^\s*(?<mark>[•·▪◦●■*–\-→►▸➢➤✓✔])\s+|^\s*(?<mark>[•·▪◦●■*→►▸➢➤])(?=[A-Z“""])", RegexOptions.ExplicitCapture)]
    private static partial Regex BulletRx();

    // A number (up to three digits: a report's recommendations run past 99, "112. Require ..."), a letter or a Roman
    // numeral: "(a) publicly call for ...", "ii. insist on ..." (ListMarkers.Enumerators).
    [GeneratedRegex(@"^\s*(" + ListMarkers.Enumerators + @")\s+", RegexOptions.ExplicitCapture)]
    private static partial Regex NumberedLineRx();

    // "1. A 2. B" (a capital after the number), or "call for 1) the dismantling ..., 2) sanctions ...", "(1) ... (2) ...",
    // where a bracket sets the number off and the item may open in lower case.
    [GeneratedRegex(@"(?<![\d$.,\w])(?<n>\d{1,2})\.[\s\u00a0]+(?=[A-Z“""‘])|(?<![\d$.,\w(])\(?(?<n>\d{1,2})\)[\s\u00a0]+(?=[\p{L}“""‘])", RegexOptions.ExplicitCapture)]
    private static partial Regex InlineNumberRx();

    [GeneratedRegex(@"(:|\bincluding|\bfollowing|\bas follows)\s*$", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex LeadInEndRx();

    // A lead-in whose items are asks even when they are noun phrases ("We recommend:", "The groups' demands:"); "The
    // hearing covered:" introduces topics, not asks.
    [GeneratedRegex(@"\b(recommend\w*|urg(e|es|ed|ing)\b|call(s|ed|ing)?\b|ask(s|ed|ing)?\b|request\w*|demand\w*|should|must|needs?\s+to|steps|actions|measures|appeal\w*|press\w*|priorit\w*|建议|建議|要求|呼吁|呼籲|敦促|促请|促請)", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex AskLeadInRx();

    // "Strengthen economic pressure: Expand targeted sanctions ..." - a short label, a colon, then the item itself.
    [GeneratedRegex(@"^(?<label>[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,5})\s*:\s+(?=[A-Z])", RegexOptions.ExplicitCapture)]
    private static partial Regex LabelRx();

    // A photo's caption describes a picture ("Jin Bianling (L) and Bob Fu (R) ask U.S. help ..."), often of an earlier
    // appeal; annotators never counted one. An image file name opening the line, or people placed left and right.
    // Two patterns, not one alternation: an anchor in one branch only made the engine try every position of every
    // line, where apart the first is tried at the line's start and the second only at a bracket.
    [GeneratedRegex(@"^\S+\.(jpe?g|png|gif|webp)\s", RegexOptions.ExplicitCapture)]
    private static partial Regex ImageFileLineRx();

    [GeneratedRegex(@"\((\d(st|nd|rd|th)\s+)?(L|R|C|left|right|center|centre)\)", RegexOptions.ExplicitCapture)]
    private static partial Regex PlacedInPhotoRx();

    // "UHRP Encouraged by US Commitment ..., Urges Multilateral Action, March 22, 2022": an entry in a list of related
    // articles or sources (a title, perhaps its outlet, then its date), which names another page's ask.
    [GeneratedRegex(@"^[^.!?。！？]{10,240},\s*(?:[A-Z][\w.&'’ -]{1,40},\s*)?(?:(?:" + DateWords.Months + @")\.?\s+(?:\d{1,2},\s+)?(?:19|20)\d\d)\s*$", RegexOptions.ExplicitCapture)]
    private static partial Regex CitationLineRx();

    /// <summary>A line that is not the document's own prose: a photo caption or an entry in a list of related pages.</summary>
    static bool NotProse(ReadOnlySpan<char> line) => ImageFileLineRx().IsMatch(line) || PlacedInPhotoRx().IsMatch(line) || CitationLineRx().IsMatch(line);

    sealed record Item(int Start, int End, AskForm Form);

    /// <summary>Asks in <paramref name="view"/>; lines for which <paramref name="skipLine"/> is true (chrome, translations) are ignored.</summary>
    public static IReadOnlyList<AskSpan> Extract(TextView view, Func<int, int, bool> skipLine)
    {
        var text = view.Text;
        var youIsUs = Vocabulary.AddressesUsOfficial(text);
        var lines = Sentences.Lines(text)
            .Select(l => Sentences.Trim(text, l.Start, l.End))
            .Where(l => l.End > l.Start && !skipLine(l.Start, l.End) && !NotProse(text.AsSpan(l.Start, l.End - l.Start)))
            .ToList();

        var items = new List<Item>();
        var prose = new List<(int Start, int End)>();
        var titled = new List<(int Start, int End)>(); // "Letter to X: Do Y" titles, not list items: the body may restate them
        var askingLeadInList = false;
        var listLines = new HashSet<int>(); // starts of the lines taken as items under an asking lead-in // the last item belongs to a run of unmarked lines under an asking lead-in
        var previousLine = (Start: 0, End: 0);
        var chineseRun = false; // the previous line was a Chinese item under an asking lead-in
        var ordinalRun = false; // the previous line was an item numbered in words ("First, ...")
        bool? namesUs = null;
        var chineseItems = new List<AskSpan>();
        for (var i = 0; i < lines.Count; i++)
        {
            Budget.Check();
            var wasLeadInList = askingLeadInList;
            askingLeadInList = false;
            var (s, e) = lines[i];
            // Lines are read off the text, not cut out of it: every line of every document passes here.
            var line = text.AsSpan(s, e - s);
            var prev = text.AsSpan(previousLine.Start, previousLine.End - previousLine.Start);
            previousLine = (s, e);
            var bullet = BulletRx().FirstMatch(line)?.Length ?? -1;
            var numbered = NumberedLineRx().FirstMatch(line)?.Length ?? -1;
            // "First, appoint ...", "Second, receive ...": items numbered in words, one to a line. The first needs an
            // imperative after its number; the rest continue its run whatever verb opens them.
            if (OrdinalWordRx().FirstMatch(line) is { Length: > 0 } ordinal &&
                (InList(items, lines, i) && ordinalRun || ImperativesLookup.Contains(FirstWord(text.AsSpan(s + ordinal.Length, e - s - ordinal.Length)))))
            {
                items.Add(new Item(s + ordinal.Length, e, AskForm.NumberedItem));
                listLines.Add(s);
                ordinalRun = true;
                continue;
            }
            ordinalRun = false;
            // Chinese items on lines of their own under a lead-in that asks ("为此,我们恳请:" then "——国会尽快通过…;"), in a
            // text that names the US: each is an ask, whatever verb (or none) opens it. The run ends at a line without a marker.
            // (The cheap tests first: this runs on every line, and almost none follows a lead-in ending in a colon.)
            if ((chineseRun || EndsWithColon(prev)) && Languages.IsChinese(line) &&
                (chineseRun || Languages.IsChinese(prev) && ChineseRules.AskingLeadInRx().IsMatch(prev)) &&
                ChineseRules.LineItemRx().Match(text, s, e - s) is { Success: true, Length: > 0 } zhItem && (namesUs ??= ChineseRules.NamesUs(text)))
            {
                var itemEnd = e;
                while (itemEnd > s + zhItem.Length && text[itemEnd - 1] is '；' or ';' or '。' or '，' or ',' or ' ') itemEnd--;
                if (itemEnd - (s + zhItem.Length) >= 4) chineseItems.Add(new AskSpan(s + zhItem.Length, itemEnd, AskForm.NumberedItem, "zh"));
                chineseRun = true;
                listLines.Add(s); // an item, however short and high on the page, is no headline
                continue;
            }
            chineseRun = false;
            // The number opens the line after its leading spaces (the pattern's "^\s*").
            if (numbered >= 0 && InlineList(text, s, e) is { Count: >= 2 } flattened && flattened[0].Marker == s + (line.Length - line.TrimStart().Length))
            {
                // "1. A; 2. B; 3. C." on one line: a list flattened by extraction, not one long item.
                items.AddRange(flattened.Select(x => new Item(x.Start, x.End, AskForm.NumberedItem)));
                continue;
            }
            if (bullet >= 0 || numbered >= 0)
            {
                var body = s + (bullet >= 0 ? bullet : numbered);
                // "- Read the full report: ...", "- Pray for ...": what the page asks of its reader, lead-in or not.
                if (ReaderOnlyLookup.Contains(FirstWord(text.AsSpan(body, e - body).TrimStart()))) { prose.Add((s, e)); continue; }
                // A bare imperative needs an object: "• Press Release" and "• Take Action" are a page's menu.
                if (StartsImperative(text, body, e) && Spaces.CountWords(text.AsSpan(body, e - body)) >= Options.MinBareItemWords || LeadInEndRx().IsMatch(prev) && AskLeadInRx().IsMatch(prev) || InList(items, lines, i))
                {
                    items.Add(new Item(body, e, bullet >= 0 ? AskForm.BulletItem : AskForm.NumberedItem));
                    continue;
                }
            }
            var labelLength = LabelRx().FirstMatch(line)?.Length ?? -1;
            if (labelLength >= 0 && StartsImperative(text, s + labelLength, e) && FirstSentenceIsShort(text, s + labelLength, e) &&
                (LeadInEndRx().IsMatch(prev) || InList(items, lines, i) || LabelRx().IsMatch(NextLine(text, lines, i))))
            {
                items.Add(new Item(s + labelLength, e, AskForm.BulletItem));
                continue;
            }
            if (StartsImperative(text, s, e) && FirstSentenceIsShort(text, s, e) &&
                (LeadInEndRx().IsMatch(prev) || Neighbour(text, lines, i - 1) || Neighbour(text, lines, i + 1)))
            {
                items.Add(new Item(s, e, AskForm.BulletItem));
                askingLeadInList = wasLeadInList || AskingLeadIn(prev);
                if (askingLeadInList) listLines.Add(s);
                continue;
            }
            // "Letter to Obama: Send a clear message to Xi ...": a title whose label names a US addressee and whose
            // text is an imperative is that letter's ask (dropped as a headline if the body states an ask itself).
            if (i < Options.HeadlineLines && labelLength >= 0 && IsHeadline(line) && StartsImperative(text, s + labelLength, e) &&
                Vocabulary.IsUsAddressee(LabelRx().Match(text[s..e]).Groups["label"].Value, allowPronoun: false))
            {
                titled.Add(SentenceRules.TrimSpan(text, s + labelLength, e));
                continue;
            }
            // Lines set out one by one under an asking lead-in ("... calls on the administration to ask Beijing to:")
            // are its items whatever verb opens them: the lead-in, not a word list, says they are asks.
            // The first item may stand a blank line below the lead-in; the run ends at the next blank line.
            if ((AskingLeadIn(prev) || wasLeadInList && InList(items, lines, i) && !BlankLineBetween(text, lines[i - 1].End, s)) && OpensLikeAnItem(text, s, e))
            {
                items.Add(new Item(s, e, AskForm.BulletItem));
                askingLeadInList = true;
                listLines.Add(s);
                continue;
            }
            var inline = InlineList(text, s, e);
            if (inline.Count >= 2)
            {
                prose.Add((s, inline[0].Marker));
                items.AddRange(inline.Select(x => new Item(x.Start, x.End, AskForm.NumberedItem)));
                continue;
            }
            prose.Add((s, e));
        }

        var result = new List<AskSpan>();
        var headings = new List<WordSet>();
        // The content words of a span are read for restatements here and again in DropHeadlines: once per span.
        var wordSets = new Dictionary<(int Start, int End), WordSet>();
        WordSet WordsOf(int from, int to)
        {
            if (!wordSets.TryGetValue((from, to), out var set)) wordSets[(from, to)] = set = WordSet.Of(text.AsSpan(from, to - from));
            return set;
        }
        foreach (var item in items)
        {
            Budget.Check();
            var sentences = Sentences.SplitList(text, item.Start, item.End);
            if (sentences.Count == 0) continue;
            var head = SentenceRules.TrimSpan(text, sentences[0].Start, sentences[0].End);
            if (head.End - head.Start < Options.MinItemChars) continue;
            result.Add(new AskSpan(head.Start, head.End, item.Form, "en"));
            var headWords = WordsOf(head.Start, head.End);
            headings.Add(headWords);
            foreach (var (ss, se) in sentences.Skip(1))
            {
                // A list item that holds separate sentences, each an imperative, holds as many asks (codebook).
                if (StartsImperative(text, ss, se))
                {
                    var (ts, te) = SentenceRules.TrimSpan(text, ss, se);
                    if (te - ts >= Options.MinItemChars && WordSet.Overlap(headWords, WordsOf(ts, te)) < Options.ItemRestatement)
                        result.Add(new AskSpan(ts, te, item.Form, "en"));
                    continue;
                }
                foreach (var ask in SentenceRules.Find(text, ss, se, MarkerKinds.Requests, item.Form, youIsUs))
                    if (WordSet.Overlap(headWords, WordsOf(ask.Start, ask.End)) < Options.ItemRestatement)
                        result.Add(ask);
            }
        }
        result.AddRange(chineseItems);
        result.AddRange(titled.Where(t => t.End - t.Start >= Options.MinItemChars).Select(t => new AskSpan(t.Start, t.End, AskForm.Sentence, "en")));
        foreach (var (ps, pe) in prose)
        {
            if (pe <= ps) continue;
            if (Languages.IsChinese(text.AsSpan(ps, pe - ps)))
            {
                result.AddRange(ChineseRules.Find(text, ps, pe));
                continue;
            }
            Quotations.Marks? marks = null; // found once per paragraph, when it has an ask
            foreach (var (ss, se) in Sentences.Split(text, ps, pe))
                foreach (var ask in SentenceRules.Find(text, ss, se, MarkerKinds.All, null, youIsUs))
                {
                    Budget.Check();
                    if (Quotations.SpokenByOtherSide(text, ask.Start, ask.End, marks ??= Quotations.Marks.Of(text, ps, pe))) continue;
                    var words = WordsOf(ask.Start, ask.End);
                    // A summary sentence that restates a list item is the same ask, said twice.
                    if (headings.Any(h => WordSet.Overlap(h, words) >= Options.ItemRestatement)) continue;
                    result.Add(ask);
                }
        }
        var textEnd = text.AsSpan().TrimEnd().Length; // once per document: per ask it made extraction quadratic
        return DropHeadlines(text, lines, result, listLines, WordsOf).Select(a => MarkTruncated(text, textEnd, a)).OfType<AskSpan>().OrderBy(a => a.Start).ToList();
    }

    [GeneratedRegex(@"\bto$|[,;:–—-]$", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex DanglingEndRx();

    /// <summary>
    /// An ask that runs into the end of a text cut mid-sentence is kept with a flag when what it asks is already stated,
    /// and dropped when the cut falls before that ("Coordinate multilateral efforts to").
    /// </summary>
    static AskSpan? MarkTruncated(string text, int textEnd, AskSpan a)
    {
        // Only an ask that reaches the end of the text (nothing but whitespace after it) can have been cut.
        if (a.End < textEnd || textEnd == 0 || ".!?。！？”\"')".Contains(text[textEnd - 1])) return a;
        var span = text[a.Start..a.End];
        var words = Spaces.CountWords(span);
        // Cut before the action is named: too few words, or the request ends on its "to".
        if (a.Language == "en" && (words < Options.TruncatedMinWords || DanglingEndRx().IsMatch(span))) return null;
        return a with { Truncated = true };
    }

    static ReadOnlySpan<char> NextLine(string text, List<(int Start, int End)> lines, int i) =>
        i + 1 < lines.Count ? text.AsSpan(lines[i + 1].Start, lines[i + 1].End - lines[i + 1].Start) : default;

    /// <summary>
    /// A headline ("Groups Urge Obama to Free Liu Xiaobo") announces what the body asks: the codebook counts the body's
    /// statement, and annotators of real documents counted a headline's ask in 1 case of 22 (corpora/dev), so asks in
    /// headline lines near the top are dropped whenever the body has an ask of its own, and kept when the body (often
    /// cut off in a scrape) never states one. An ask found twice word for word (a title repeated by the page) counts once.
    /// </summary>
    static IEnumerable<AskSpan> DropHeadlines(string text, List<(int Start, int End)> lines, List<AskSpan> asks, HashSet<int> listLines, Func<int, int, WordSet> wordsOf)
    {
        // The last line of a text cut mid-sentence has no full stop either, but it is not a headline.
        // Lines under an asking lead-in are its items, however short and high on the page.
        // A subheading further down is written in title case ("Tibetan-Americans Urge President Obama to Prioritize
        // Freedom"), which prose never is.
        // The position and title-case tests go first: they are cheap, and below the top few lines most lines fail them.
        var headlines = lines.Take(lines.Count - 1).Where((l, i) => !listLines.Contains(l.Start) &&
                                                              (i < Options.HeadlineLines || TitleCase(text.AsSpan(l.Start, l.End - l.Start))) &&
                                                              IsHeadline(text.AsSpan(l.Start, l.End - l.Start))).ToList();
        bool InHeadline(AskSpan a) => headlines.Any(h => a.Start >= h.Start && a.End <= h.End);
        var kept = asks.Any(a => !InHeadline(a)) ? asks.Where(a => !InHeadline(a)) : asks;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var unique = kept.OrderBy(a => a.Start).Where(a => seen.Add(Spaces.Collapse(text[a.Start..a.End]))).ToList();
        // A lead that summarises an ask and the body (or a quotation) that says it again: one ask, kept where it is
        // stated last and most fully. Only prose asks; list items are distinct by construction.
        var words = unique.Select(a => wordsOf(a.Start, a.End)).ToList();
        var drop = new HashSet<int>();
        for (var i = 0; i < unique.Count; i++, Budget.Check())
            for (var j = i + 1; j < Math.Min(unique.Count, i + 1 + Options.RestatementWindow) && !drop.Contains(i); j++)
            {
                if (unique[i].Form is AskForm.NumberedItem or AskForm.BulletItem || unique[j].Form is AskForm.NumberedItem or AskForm.BulletItem) continue;
                if (Math.Min(words[i].Count, words[j].Count) < Options.RestatementMinWords) continue;
                if (WordSet.Overlap(words[i], words[j]) >= Options.ProseRestatement) drop.Add(words[i].Count <= words[j].Count ? i : j);
            }
        return unique.Where((_, i) => !drop.Contains(i));
    }

    /// <summary>A line that reads as a headline: short, capitalised, not a list item, no sentence end.</summary>
    static bool IsHeadline(ReadOnlySpan<char> line)
    {
        // Some scrapes put the page's date field before its first line (" date 2019-06-25 Groups Call for ...").
        // The field is anchored at the line's start, so it is cut there or nowhere; the line is read in place.
        var t = (DateFieldRx().FirstMatch(line) is { Length: > 0 } field ? line[field.Length..] : line).Trim();
        if (t.Length == 0 || EndsLikeSentenceRx().IsMatch(t)) return false;
        if (Languages.IsChinese(t)) return t.Length <= Options.HeadlineMaxChineseChars;
        if (BulletRx().IsMatch(t) || NumberedLineRx().IsMatch(t)) return false;
        // Capitalised at its first letter: a headline may open with a number or a quotation mark ("2010 Nobel Laureate Urges ...").
        var first = t.IndexOfAnyExcept(HeadlineOpeners);
        return Spaces.CountWords(t) <= Options.HeadlineMaxWords && first >= 0 && char.IsUpper(t[first]);
    }

    /// <summary>
    /// Whether every word of a line of at least <see cref="ExtractOptions.TitleCaseMinWords"/> words, short function
    /// words aside, opens with a capital: a subheading, not prose.
    /// </summary>
    internal static bool TitleCase(ReadOnlySpan<char> line)
    {
        var words = 0;
        foreach (var range in line.SplitAny(' ', '\t'))
        {
            var w = line[range].Trim("“\"‘'(");
            if (w.Length == 0) continue;
            words++;
            if (!char.IsLetter(w[0]) || char.IsUpper(w[0])) continue;
            if (!TitleCaseSmallWords.Contains(w)) return false;
        }
        return words >= Options.TitleCaseMinWords;
    }

    static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TitleCaseSmallWords = new HashSet<string>(StringComparer.Ordinal)
    { "a", "an", "the", "and", "or", "but", "nor", "for", "to", "of", "in", "on", "at", "by", "with", "from", "as", "into", "over", "their", "its", "his", "her", "our", "vs" }
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A line that ends in a colon and says what follows is asked ("We urge the US to:").</summary>
    static bool AskingLeadIn(ReadOnlySpan<char> line) =>
        line.TrimEnd().EndsWith(':') && AskLeadInRx().IsMatch(line) &&
        Spaces.CountWords(line) >= Options.LeadInMinWords; // "Press contact:" is a label

    [GeneratedRegex(@"^\s*(First(ly)?|Second(ly)?|Third(ly)?|Fourth(ly)?|Fifth(ly)?|Sixth(ly)?|Seventh|Eighth|Ninth|Tenth|Finally|Lastly)\s*[,:]\s+", RegexOptions.ExplicitCapture)]
    private static partial Regex OrdinalWordRx();

    static bool EndsWithColon(ReadOnlySpan<char> line)
    {
        var t = line.TrimEnd();
        return t.Length > 0 && t[^1] is ':' or '：';
    }

    /// <summary>The letters a span opens with, in any case ("appoint" in "appoint a senior official").</summary>
    static ReadOnlySpan<char> FirstWord(ReadOnlySpan<char> span)
    {
        var n = 0;
        while (n < span.Length && char.IsAsciiLetter(span[n])) n++;
        return span[..n];
    }

    static bool BlankLineBetween(string text, int from, int to) => text.AsSpan(from, to - from).Count('\n') >= 2;

    /// <summary>
    /// A line that can be an item of its own: it opens with a capitalised word that is not a function word ("The",
    /// "We", "In"; those open prose), does not itself lead into more lines, and its first sentence is short.
    /// </summary>
    static bool OpensLikeAnItem(string text, int s, int e)
    {
        var word = LeadingCapitalWord(text.AsSpan(s, e - s));
        return !word.IsEmpty && !Tokens.StopWords.Contains(word.ToString().ToLowerInvariant()) && !LeadInEndRx().IsMatch(text.AsSpan(s, e - s))
               && FirstSentenceIsShort(text, s, e);
    }

    static bool InList(List<Item> items, List<(int Start, int End)> lines, int i) =>
        i > 0 && items.Count > 0 && items[^1].End == lines[i - 1].End;

    static bool Neighbour(string text, List<(int Start, int End)> lines, int j) =>
        j >= 0 && j < lines.Count && StartsImperative(text, lines[j].Start, lines[j].End) && FirstSentenceIsShort(text, lines[j].Start, lines[j].End);

    static bool FirstSentenceIsShort(string text, int s, int e)
    {
        var first = Sentences.First(text, s, e);
        return first.End > first.Start && Spaces.CountSpaceSeparated(text.AsSpan(first.Start, first.End - first.Start)) <= Options.ItemFirstSentenceMaxWords;
    }

    /// <summary>True if the text at <paramref name="s"/> opens with a capitalised imperative verb ("Make", "Publicly call").</summary>
    static bool StartsImperative(string text, int s, int e)
    {
        var word = LeadingCapitalWord(text.AsSpan(s, e - s));
        return !word.IsEmpty && ImperativesLookup.Contains(word);
    }

    static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ImperativesLookup = Vocabulary.Imperatives.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Verbs only a reader can do (<c>Text/data/reader-only-actions.tsv</c>), case aside.</summary>
    static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ReaderOnlyLookup = WordLists.Set("reader-only-actions").GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The capitalised word a line opens with, after an optional opening quote ("Make", "“Release"), as the regular
    /// expression <c>^[“"]?(?&lt;w&gt;[A-Z][a-z]+)\b</c> finds it; empty when it opens otherwise. Read off the span: it runs
    /// on every line and list item, and cutting each out as a string to match it was a few percent of loading's allocation.
    /// </summary>
    internal static ReadOnlySpan<char> LeadingCapitalWord(ReadOnlySpan<char> line)
    {
        var i = line.Length > 0 && line[0] is '“' or '"' ? 1 : 0;
        if (i >= line.Length || line[i] is < 'A' or > 'Z') return default;
        var j = i + 1;
        while (j < line.Length && line[j] is >= 'a' and <= 'z') j++;
        if (j == i + 1 || j < line.Length && IsRegexWordChar(line[j])) return default;
        return line[i..j];
    }

    /// <summary>A character .NET's <c>\b</c> counts as part of a word: \w (letters, non-spacing marks, decimal digits, connector punctuation) or a zero-width joiner or non-joiner.</summary>
    static bool IsRegexWordChar(char c) =>
        char.IsLetterOrDigit(c)
        || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.ConnectorPunctuation
        || c is '\u200C' or '\u200D';

    /// <summary>"1. ... 2. ... 3. ..." inside one paragraph: the longest run numbered 1, 2, 3 in order.</summary>
    /// <remarks>
    /// Read in place: the only digits a marker holds are its number's (an optional bracket, one or two digits, a full
    /// stop or bracket, spaces), so no group need be made; every numbered line of every document comes through here.
    /// </remarks>
    static List<(int Marker, int Start, int End)> InlineList(string text, int s, int e)
    {
        List<(int N, int At, int Body)>? chain = null;
        foreach (var m in InlineNumberRx().EnumerateMatches(text.AsSpan(s, e - s)))
        {
            var c = (N: Digits.Value(text.AsSpan(s + m.Index, m.Length)), At: s + m.Index, Body: s + m.Index + m.Length);
            if (chain is null) { if (c.N == 1) chain = [c]; continue; }
            if (c.N == chain[^1].N + 1) chain.Add(c);
        }
        if (chain is null) return [];
        var result = new List<(int, int, int)>();
        for (var k = 0; k < chain.Count; k++)
            result.Add((chain[k].At, chain[k].Body, k + 1 < chain.Count ? chain[k + 1].At : e));
        return result;
    }

    [GeneratedRegex(@"[.!?。！？:：]$", RegexOptions.ExplicitCapture)]
    private static partial Regex EndsLikeSentenceRx();

    [GeneratedRegex(@"^\s*date\s*:?\s*\d{4}-\d{2}(-\d{2})?\s+", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex DateFieldRx();

    /// <summary>What may stand before a headline's first letter: digits, quotation marks, brackets, spaces.</summary>
    static readonly System.Buffers.SearchValues<char> HeadlineOpeners = System.Buffers.SearchValues.Create("0123456789“\"‘'( ,.-");

}

/// <summary>Thresholds of the extract stage, named so they can be found and argued about.</summary>
internal sealed record ExtractOptions
{
    /// <summary>Shortest list item (characters) taken as an ask.</summary>
    public int MinItemChars { get; init; } = 8;
    /// <summary>Share of content words a sentence must share with a list item to be that item said again.</summary>
    public double ItemRestatement { get; init; } = 0.5;
    /// <summary>An unmarked imperative line is a list item only if its first sentence is at most this long.</summary>
    public int ItemFirstSentenceMaxWords { get; init; } = 25;
    /// <summary>Shortest sentence ask (characters) kept.</summary>
    public int MinSentenceAskChars { get; init; } = 12;

    /// <summary>Words a bulleted or numbered line opening with an imperative needs to be an ask on that ground alone (under an asking lead-in or in a run of items it needs none).</summary>
    public int MinBareItemWords { get; init; } = 3;

    /// <summary>How far into a sentence the comma after a hailed addressee ("President Trump, fulfill ...") may stand.</summary>
    public int HailMaxChars { get; init; } = 60;
    /// <summary>Words each side of a split needs, so an elaboration is not cut off as an ask of its own.</summary>
    public int SplitMinWordsBefore { get; init; } = 6;
    public int SplitMinWordsAfter { get; init; } = 4;
    /// <summary>How many content lines from the top may hold a headline that restates the body's ask.</summary>
    public int HeadlineLines { get; init; } = 6;
    /// <summary>A headline has at most this many words.</summary>
    public int HeadlineMaxWords { get; init; } = 25;
    /// <summary>Words a title-case line needs before it is taken for a subheading below the top (shorter lines are labels).</summary>
    public int TitleCaseMinWords { get; init; } = 5;
    /// <summary>Share of content words two prose asks must share to be one ask said twice (a lead and its body).</summary>
    public double ProseRestatement { get; init; } = 0.6;
    /// <summary>Content words the smaller of two asks needs before it can count as a restatement.</summary>
    public int RestatementMinWords { get; init; } = 4;

    /// <summary>
    /// How many following asks each prose ask is compared with for restatement. Real documents hold tens of asks, so
    /// every pair is compared; a run-on file with thousands would otherwise cost a quadratic number of comparisons.
    /// </summary>
    public int RestatementWindow { get; init; } = 300;
    /// <summary>A Chinese headline has at most this many characters.</summary>
    public int HeadlineMaxChineseChars { get; init; } = 40;
    /// <summary>How far back (characters) a pronoun addressee ("urges him to") or a priority ask looks for the US person or body it stands for.</summary>
    public int PronounContextChars { get; init; } = 400;
    /// <summary>How far back (characters) a Chinese request whose subject is 他们 looks for the US body it was addressed to: a sentence or two.</summary>
    public int ChineseContextChars { get; init; } = 120;
    /// <summary>An unmarked lead-in ("... to ask Beijing to:") has at least this many words; "Press contact:" is a label.</summary>
    public int LeadInMinWords { get; init; } = 5;
    /// <summary>A cut-off ask needs at least this many words to say what it asks.</summary>
    public int TruncatedMinWords { get; init; } = 5;
}
