using AskShift.Text;
using System.Text.RegularExpressions;
using AskShift.Normalise;

namespace AskShift.Extract;

/// <summary>
/// Entry point of the extract stage: finds every ask a document makes of the US government, as list items
/// (bulleted, numbered, numbered inline "1. ... 2. ...", or unmarked imperative paragraphs) and as sentences.
/// Works on the repaired view so glued words do not hide markers; spans come back in view offsets.
/// </summary>
public static partial class AskExtractor
{
    [GeneratedRegex(@"^\s*(?<mark>[•·▪◦●■*–-])\s+")]
    private static partial Regex BulletRx();

    [GeneratedRegex(@"^\s*(?<n>\d{1,2})[.)]\s+")]
    private static partial Regex NumberedLineRx();

    [GeneratedRegex(@"(?<![\d$.,\w])(?<n>\d{1,2})\.[\s\u00a0]+(?=[A-Z“""‘])")]
    private static partial Regex InlineNumberRx();

    [GeneratedRegex(@"(:|\bincluding|\bfollowing|\bas follows)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex LeadInEndRx();

    sealed record Item(int Start, int End, AskForm Form);

    /// <summary>Asks in <paramref name="view"/>; lines for which <paramref name="skipLine"/> is true (chrome, translations) are ignored.</summary>
    public static IReadOnlyList<AskSpan> Extract(TextView view, Func<int, int, bool> skipLine)
    {
        var text = view.Text;
        var youIsUs = Vocabulary.AddressesUsOfficial(text);
        var lines = Sentences.Lines(text)
            .Select(l => Sentences.Trim(text, l.Start, l.End))
            .Where(l => l.End > l.Start && !skipLine(l.Start, l.End))
            .ToList();

        var items = new List<Item>();
        var prose = new List<(int Start, int End)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var (s, e) = lines[i];
            var line = text[s..e];
            var prev = i > 0 ? text[lines[i - 1].Start..lines[i - 1].End] : "";
            var bullet = BulletRx().Match(line);
            var numbered = NumberedLineRx().Match(line);
            if (numbered.Success && InlineList(text, s, e) is { Count: >= 2 } flattened && flattened[0].Marker == s + numbered.Groups["n"].Index)
            {
                // "1. A; 2. B; 3. C." on one line: a list flattened by extraction, not one long item.
                items.AddRange(flattened.Select(x => new Item(x.Start, x.End, AskForm.NumberedItem)));
                continue;
            }
            if (bullet.Success || numbered.Success)
            {
                var m = bullet.Success ? bullet : numbered;
                var body = s + m.Length;
                if (StartsImperative(text, body, e) || LeadInEndRx().IsMatch(prev) || InList(items, lines, i))
                {
                    items.Add(new Item(body, e, bullet.Success ? AskForm.BulletItem : AskForm.NumberedItem));
                    continue;
                }
            }
            if (StartsImperative(text, s, e) && FirstSentenceIsShort(text, s, e) &&
                (LeadInEndRx().IsMatch(prev) || Neighbour(text, lines, i - 1) || Neighbour(text, lines, i + 1)))
            {
                items.Add(new Item(s, e, AskForm.BulletItem));
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
        var headings = new List<HashSet<string>>();
        foreach (var item in items)
        {
            var sentences = Sentences.Split(text, item.Start, item.End).ToList();
            if (sentences.Count == 0) continue;
            var head = SentenceRules.TrimSpan(text, sentences[0].Start, sentences[0].End);
            if (head.End - head.Start < 8) continue;
            result.Add(new AskSpan(head.Start, head.End, item.Form, "en"));
            var headWords = Vocabulary.ContentWords(text[head.Start..head.End]);
            headings.Add(headWords);
            foreach (var (ss, se) in sentences.Skip(1))
                foreach (var ask in SentenceRules.Find(text, ss, se, MarkerKinds.Requests, item.Form, youIsUs))
                    if (Vocabulary.Overlap(headWords, Vocabulary.ContentWords(text[ask.Start..ask.End])) < 0.5)
                        result.Add(ask);
        }
        foreach (var (ps, pe) in prose)
        {
            if (pe <= ps) continue;
            if (Languages.IsChinese(text.AsSpan(ps, pe - ps)))
            {
                result.AddRange(ChineseRules.Find(text, ps, pe));
                continue;
            }
            foreach (var (ss, se) in Sentences.Split(text, ps, pe))
                foreach (var ask in SentenceRules.Find(text, ss, se, MarkerKinds.All, null, youIsUs))
                {
                    var words = Vocabulary.ContentWords(text[ask.Start..ask.End]);
                    // A summary sentence that restates a list item is the same ask, said twice.
                    if (headings.Any(h => Vocabulary.Overlap(h, words) >= 0.5)) continue;
                    result.Add(ask);
                }
        }
        return result.OrderBy(a => a.Start).ToList();
    }

    static bool InList(List<Item> items, List<(int Start, int End)> lines, int i) =>
        i > 0 && items.Count > 0 && items[^1].End == lines[i - 1].End;

    static bool Neighbour(string text, List<(int Start, int End)> lines, int j) =>
        j >= 0 && j < lines.Count && StartsImperative(text, lines[j].Start, lines[j].End) && FirstSentenceIsShort(text, lines[j].Start, lines[j].End);

    static bool FirstSentenceIsShort(string text, int s, int e)
    {
        var first = Sentences.Split(text, s, e).FirstOrDefault();
        return first.End > first.Start && text[first.Start..first.End].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 25;
    }

    /// <summary>True if the text at <paramref name="s"/> opens with a capitalised imperative verb ("Make", "Publicly call").</summary>
    static bool StartsImperative(string text, int s, int e)
    {
        var m = Regex.Match(text[s..e], @"^[“""]?(?<w>[A-Z][a-z]+)\b");
        return m.Success && Vocabulary.Imperatives.Contains(m.Groups["w"].Value);
    }

    /// <summary>"1. ... 2. ... 3. ..." inside one paragraph: the longest run numbered 1, 2, 3 in order.</summary>
    static List<(int Marker, int Start, int End)> InlineList(string text, int s, int e)
    {
        var candidates = InlineNumberRx().Matches(text[s..e]).Select(m => (N: int.Parse(m.Groups["n"].Value), At: s + m.Index, Body: s + m.Index + m.Length)).ToList();
        var chain = new List<(int N, int At, int Body)>();
        foreach (var c in candidates)
        {
            if (chain.Count == 0) { if (c.N == 1) chain.Add(c); continue; }
            if (c.N == chain[^1].N + 1) chain.Add(c);
        }
        var result = new List<(int, int, int)>();
        for (var k = 0; k < chain.Count; k++)
            result.Add((chain[k].At, chain[k].Body, k + 1 < chain.Count ? chain[k + 1].At : e));
        return result;
    }
}
