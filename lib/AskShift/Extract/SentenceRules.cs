using AskShift.Text;
using System.Text.RegularExpressions;

namespace AskShift.Extract;

/// <summary>A candidate ask inside one text (view offsets).</summary>
public sealed record AskSpan(int Start, int End, AskForm Form, string Language);

/// <summary>Which kinds of marker a sentence may use: list items elaborate with reported recommendations only.</summary>
[Flags]
public enum MarkerKinds
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
    [GeneratedRegex(@"\b(?<m>(urg(e|es|ed|ing)|call(s|ed|ing)?\s+(up)?on|call(s|ed|ing)?\s+for|ask(s|ed|ing)?))\s+(?<who>(?:[^.;:!?]|(?<=\b[A-Z])\.){1,120}?)\s+to\s+(?<verb>[a-z]+)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RequestRx();

    [GeneratedRegex(@"\b(recommend|request)(s|ed|ing)?\s+that\b", RegexOptions.IgnoreCase)]
    private static partial Regex RecommendThatRx();

    [GeneratedRegex(@"\b(should|must|needs?\s+to|ought\s+to)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ModalRx();

    [GeneratedRegex(@"\b(it['’]s|it\s+is)\s+(high\s+|past\s+)?time\s+for\s+(?<who>(?:[^.;:]|(?<=\b[A-Z])\.){1,80}?)\s+to\s+[a-z]", RegexOptions.IgnoreCase)]
    private static partial Regex TimeForRx();

    [GeneratedRegex(@"\b(highlight|stress|emphasi[sz]|underscor|underlin|reiterat|point|note)\w*\s+(out\s+)?the\s+(urgent\s+)?(need|importance)\s+(for|of)\b(?<rest>[^.;]*)", RegexOptions.IgnoreCase)]
    private static partial Regex NeedForRx();

    [GeneratedRegex(@"\bfocus(ing|es|ed)?\s+on\s+(?<who>(?:[^,.;]|(?<=\b[A-Z])\.){1,60}?)\s+(?<verb>[a-z]+ing)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FocusOnRx();

    [GeneratedRegex(@"\brecommendations?\s+(were|was|are|is|include[sd]?)\s+to\s+", RegexOptions.IgnoreCase)]
    private static partial Regex RecommendationsWereRx();

    [GeneratedRegex(@"(?<=\S)(,\s*(and\s+)?|;\s*(and\s+)?|\s+and\s+)(?=(?<verb>[a-z]+)\b)")]
    private static partial Regex ListSeparatorRx();

    [GeneratedRegex(@",[”""’']?\s*[^,]{0,100}?\b(said|says|say|according\s+to|wrote|writes)\b.*$", RegexOptions.IgnoreCase)]
    private static partial Regex AttributionRx();

    static readonly HashSet<string> NotAVerb = new(StringComparer.OrdinalIgnoreCase)
    { "the","a","an","those","these","this","that","its","their","his","her","our","your","them","it","be","which","whom" };

    static readonly char[] ClauseBreaks = [',', ';', ':', '–', '—', '“', '”', '"', '(', ')'];
    static readonly string[] ClauseWords = ["that", "which", "whose", "who", "where", "when", "while", "because", "but", "although", "said", "says", "say", "notes", "argues", "stated", "wrote"];

    /// <summary>Asks in the sentence text[start..end).</summary>
    public static IReadOnlyList<AskSpan> Find(string text, int start, int end, MarkerKinds kinds, AskForm? formOverride = null, bool youIsUs = false)
    {
        var s = text[start..end];
        var hits = new List<(int At, Func<int, IEnumerable<AskSpan>> Make)>();
        AskSpan Span(int a, int b, AskForm f) => new(start + a, start + b, formOverride ?? f, "en");

        if (kinds.HasFlag(MarkerKinds.Requests))
        {
            foreach (Match m in RequestRx().Matches(s))
            {
                if (NotAVerb.Contains(m.Groups["verb"].Value)) continue;
                var who = m.Groups["who"].Value;
                // "urges that your government's actions are critical to ..." is a statement, not an addressee.
                if (Regex.IsMatch(who, @"^\s*that\b|\b(is|are|was|were|has|have)\b", RegexOptions.IgnoreCase)) continue;
                if (!Vocabulary.IsUsAddressee(who, false, youIsUs)) continue;
                var at = m.Index;
                hits.Add((at, next => [Span(at, next, AskForm.Sentence)]));
            }
            foreach (Match m in RecommendThatRx().Matches(s))
            {
                var at = m.Index;
                hits.Add((at, next => Vocabulary.MentionsUs(s[at..next]) || Regex.IsMatch(s[(at + m.Length)..next], youIsUs ? @"^\s*(it|they|you|your)\b" : @"^\s*(it|they)\b") ? [Span(at, next, AskForm.Sentence)] : []));
            }
        }
        if (kinds.HasFlag(MarkerKinds.Modals))
        {
            foreach (Match m in ModalRx().Matches(s))
            {
                var subject = SubjectBefore(s, m.Index);
                if (!Vocabulary.IsUsAddressee(subject, true, youIsUs)) continue;
                var at = m.Index;
                hits.Add((at, next => [Span(at, next, AskForm.Sentence)]));
            }
            foreach (Match m in TimeForRx().Matches(s))
            {
                if (!Vocabulary.IsUsAddressee(m.Groups["who"].Value, false)) continue;
                var at = m.Index;
                hits.Add((at, next => [Span(at, next, AskForm.Sentence)]));
            }
        }
        if (kinds.HasFlag(MarkerKinds.Reported))
        {
            foreach (Match m in NeedForRx().Matches(s))
            {
                var forWho = Regex.Match(m.Groups["rest"].Value, @"^\s*(?<who>[^,]{1,60}?)\s+to\s+[a-z]");
                if (forWho.Success && !Vocabulary.IsUsAddressee(forWho.Groups["who"].Value, false)) continue;
                var at = m.Index;
                hits.Add((at, next => [Span(at, next, AskForm.ReportedSpeech)]));
            }
            foreach (Match m in FocusOnRx().Matches(s))
            {
                if (!Vocabulary.IsUsAddressee(m.Groups["who"].Value, false)) continue;
                var at = m.Index;
                hits.Add((at, next => [Span(at, next, AskForm.ReportedSpeech)]));
            }
            foreach (Match m in RecommendationsWereRx().Matches(s))
            {
                var listStart = m.Index + m.Length;
                hits.Add((m.Index, next => SplitInfinitives(s, listStart, next).Select(p => Span(p.Start, p.End, AskForm.ReportedSpeech))));
            }
        }

        var ordered = hits.OrderBy(h => h.At).ToList();
        // A marker inside the span of one already taken (e.g. "urge" in "recommend that ... urge") does not start a new ask
        // unless it is a separate clause; keep the earliest of markers closer than a few characters.
        var result = new List<AskSpan>();
        for (var i = 0; i < ordered.Count; i++)
        {
            if (i > 0 && ordered[i].At - ordered[i - 1].At < 3) continue;
            var next = i + 1 < ordered.Count ? ordered[i + 1].At : s.Length;
            foreach (var span in ordered[i].Make(next))
            {
                var trimmed = TrimSpan(text, span.Start, span.End);
                if (trimmed.End - trimmed.Start < 12) continue;
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
            var sentence = text[ss..se];
            foreach (Match m in ModalRx().Matches(sentence))
            {
                var subject = SubjectBefore(sentence, m.Index);
                // "cases the United States delegation" -> "the United States delegation".
                var head = Regex.Match(subject, @"\b(the\s+|The\s+)?(U\.S\.|US\b|[A-Z]).*$");
                if (!head.Success) continue;
                subject = head.Value.Trim();
                if (Vocabulary.IsUsAddressee(subject, false) && subject.Split(' ').Length <= 8) yield return subject;
            }
        }
    }

    /// <summary>The words before a modal in its own clause ("whose cases the United States delegation" -> "the United States delegation").</summary>
    static string SubjectBefore(string s, int modal)
    {
        var from = Math.Max(s.LastIndexOfAny(ClauseBreaks, Math.Max(0, modal - 1)) + 1, 0);
        var words = s[from..modal].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        var cut = words.FindLastIndex(w => ClauseWords.Contains(w.ToLowerInvariant()));
        if (cut >= 0) words = words.Skip(cut + 1).ToList();
        if (words.Count > 12) words = words.Skip(words.Count - 12).ToList();
        return string.Join(' ', words);
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
        var attribution = AttributionRx().Match(text[start..end]);
        if (attribution.Success && attribution.Index > 20) end = start + attribution.Index;
        while (true)
        {
            while (end > start && (char.IsWhiteSpace(text[end - 1]) || ".,;:!?”\"’'".Contains(text[end - 1]))) end--;
            var tail = text[start..end];
            if (tail.EndsWith(" and", StringComparison.Ordinal)) { end -= 4; continue; }
            if (tail.EndsWith(" or", StringComparison.Ordinal)) { end -= 3; continue; }
            break;
        }
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        // A closing quote kept at the end needs its opening quote inside the span; otherwise it was trimmed above.
        return (start, end);
    }
}
