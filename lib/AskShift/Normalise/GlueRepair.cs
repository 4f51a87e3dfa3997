using AskShift.Text;
using System.Text;

namespace AskShift.Normalise;

/// <summary>
/// Splits words that page extraction glued together ("thefreedom", "Chinesegovernment", "RightsDefenders",
/// "obligations.Play") into a <see cref="TextView"/>, so sentence rules and token counts see real words while
/// offsets still point into the raw text. Line breaks that only wrap a sentence are read as spaces in the same pass
/// (<see cref="WrappedLines"/>).
/// </summary>
internal static class GlueRepair
{
    static readonly HashSet<string> ShortWords = new(StringComparer.Ordinal)
    { "a", "to", "of", "in", "on", "at", "by", "an", "as", "is", "it", "be", "we", "he", "or", "so", "us", "do", "if", "my", "no", "up" };
    static readonly HashSet<string> LeadingFunctionWords = new(StringComparer.Ordinal)
    { "a", "to", "of", "in", "on", "at", "by", "an", "as", "the", "and", "for", "its", "his", "our", "has", "was", "are", "not", "but", "all" };
    static readonly HashSet<string> ShortAnywhere = new(StringComparer.Ordinal) { "to", "of", "in", "on", "at", "by", "as", "is", "or" };
    static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ShortWordLookup = ShortWords.GetAlternateLookup<ReadOnlySpan<char>>();
    static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ShortAnywhereLookup = ShortAnywhere.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Builds the repaired view of <paramref name="raw"/>.</summary>
    /// <remarks>
    /// Nothing is copied until the first edit: a text that needs none (most do not) is its own view, with no copy and
    /// no offset map, and a text that does is copied up to its first edit in one block.
    /// </remarks>
    public static TextView Repair(string raw)
    {
        char[]? text = null;
        int[]? map = null;
        var n = 0;
        // The first edit: everything before raw index `upTo` is unchanged, so it is copied as it stands.
        void Begin(int upTo)
        {
            text = new char[raw.Length + raw.Length / 20 + 16];
            map = new int[text.Length];
            raw.AsSpan(0, upTo).CopyTo(text);
            for (var k = 0; k < upTo; k++) map[k] = k;
            n = upTo;
        }
        void Put(char c, int rawIndex)
        {
            if (text is null) return;
            if (n == text.Length)
            {
                Array.Resize(ref text, text.Length * 2);
                Array.Resize(ref map, text.Length);
            }
            text[n] = c;
            map![n] = rawIndex;
            n++;
        }
        // An inserted space before raw[at] (mapped to it).
        void Space(int at)
        {
            if (text is null) Begin(at);
            Put(' ', at);
        }

        var i = 0;
        while (i < raw.Length)
        {
            if (IsAsciiLetter(raw[i]))
            {
                var j = i;
                while (j < raw.Length && IsAsciiLetter(raw[j])) j++;
                // A host or file name's label ("dragonwatchrights" in "press@dragonwatchrights.org") is one word however
                // it reads, and its dot takes no space after it.
                var host = j < raw.Length && raw[j] == '.' && IsHostOrFileName(raw, j);
                var cuts = host ? null : Cuts(raw, i, j);
                for (var k = i; k < j; k++)
                {
                    if (cuts is not null && cuts.Contains(k)) Space(k);
                    Put(raw[k], k);
                }
                i = j;
                if (i < raw.Length && !host && NeedsSpaceAfterPunctuation(raw, i)) { Put(raw[i], i); Space(i + 1); i++; }
                continue;
            }
            // A line break that wraps a sentence (WrappedLines) reads as a space; a word hyphenated across it as one word,
            // the hyphen (the character just put) taken back.
            if ((raw[i] == '\n' || raw[i] == '\r' && i + 1 < raw.Length && raw[i + 1] == '\n') &&
                WrappedLines.At(raw, i) is var join && join != WrappedLines.Join.None)
            {
                if (join == WrappedLines.Join.Hyphen)
                {
                    if (text is null) Begin(i - 1);
                    else n--;
                }
                else
                {
                    if (text is null) Begin(i);
                    Put(' ', i);
                }
                i += raw[i] == '\r' ? 2 : 1;
                continue;
            }
            Put(raw[i], i);
            if (NeedsSpaceAfterClosing(raw, i)) Space(i + 1);
            i++;
        }
        return text is null ? TextView.Identity(raw) : new TextView(raw, new string(text, 0, n), map.AsSpan(0, n).ToArray());
    }

    /// <summary>Verbs and adverbs that follow "I" at the start of a letter's sentences (general English usage).</summary>
    static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FirstPersonVerbs = new HashSet<string>(StringComparer.Ordinal)
    {
        "am", "urge", "appeal", "ask", "hope", "believe", "write", "wish", "request", "implore", "call", "want", "would", "will",
        "have", "was", "also", "strongly", "respectfully", "therefore", "trust", "look", "know", "think", "feel", "thank",
        "sincerely", "recommend", "encourage", "welcome", "remain", "must", "cannot", "can",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    static bool IsAsciiLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';

    // "obligations.Play", "government.2.", "Xia,International", "U.S.government": a space belongs after the mark.
    static bool NeedsSpaceAfterPunctuation(string raw, int p)
    {
        var c = raw[p];
        if (c is not ('.' or ',' or ';' or '!' or '?' or ':')) return false;
        if (p + 1 >= raw.Length) return false;
        var next = raw[p + 1];
        var wordStart = p;
        while (wordStart > 0 && IsAsciiLetter(raw[wordStart - 1])) wordStart--;
        var wordLen = p - wordStart;
        if (c == '.' && char.IsAsciiDigit(next)) return wordLen >= 2 && char.IsLower(raw[p - 1]);
        if (!IsAsciiLetter(next)) return false;
        if (wordLen >= 2 && char.IsLower(raw[p - 1])) return c != '.' || !IsAbbreviationLike(raw, wordStart, p);
        // "U.S.government": single capital before the dot and a lower-case word after it.
        if (c == '.' && wordLen == 1 && char.IsLower(next))
        {
            var k = p + 1;
            while (k < raw.Length && char.IsLower(raw[k])) k++;
            return k - p - 1 >= 3;
        }
        return false;
    }

    /// <summary>
    /// The part of a host or file name after its first dot: "TibetanReview.net", "www.state.gov", "info@uyghuraa.org",
    /// "report.pdf". Dot-separated labels of letters, digits and hyphens whose last is a top-level domain or a document
    /// extension, with neither a letter nor a digit after it. A space there would make evidence and analysis text read
    /// "TibetanReview. net".
    /// </summary>
    static bool IsHostOrFileName(string raw, int dot)
    {
        var i = dot;
        var last = (Start: 0, End: 0);
        while (i < raw.Length && raw[i] == '.')
        {
            var start = i + 1;
            var end = start;
            while (end < raw.Length && (char.IsAsciiLetterOrDigit(raw[end]) || raw[end] == '-')) end++;
            if (end == start) break; // a full stop after the name: "... by Example.org."
            last = (start, end);
            i = end;
        }
        if (last.End == 0 || i < raw.Length && char.IsLetterOrDigit(raw[i])) return false;
        return NameEndings.Contains(raw.AsSpan(last.Start, last.End - last.Start));
    }

    /// <summary>
    /// Generic and common country-code top-level domains (IANA root zone) and document extensions that end host and file
    /// names in advocacy texts' citations, lower-case as written. Two-letter domains that are also English words ("in",
    /// "us", "me", "no", "be", "my") are left out: "freedom.in" is more likely glued words than a host.
    /// </summary>
    static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NameEndings = new HashSet<string>(StringComparer.Ordinal)
    {
        "com", "org", "net", "gov", "edu", "int", "mil", "info", "news", "asia", "io", "tv",
        "cn", "hk", "tw", "mo", "uk", "jp", "kr", "de", "fr", "eu", "ca", "au", "ch", "nl", "se", "ru", "sg", "nz", "ie",
        "html", "htm", "php", "asp", "aspx", "pdf", "doc", "docx",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    static bool IsAbbreviationLike(string raw, int start, int dot) =>
        dot - start <= 3 && raw.AsSpan(start, dot - start).ToString() is "e" or "i" or "etc" or "vs";

    // "[1]While", "”or", ")the": a closing mark glued to the next word.
    static bool NeedsSpaceAfterClosing(string raw, int p) =>
        p + 1 < raw.Length && raw[p] is ']' or ')' or '”' && IsAsciiLetter(raw[p + 1]) && p > 0 && raw[p - 1] != ' ';

    /// <summary>Positions inside the letter run [i,j) before which a space is inserted.</summary>
    static HashSet<int>? Cuts(string raw, int i, int j)
    {
        // "Iurge you to", "Iam writing": the pronoun glued to a verb it opens a letter's sentences with. Only those verbs:
        // "Iran", "Ivan", "Ian" and "Islam" would split too if any known word after the "I" counted.
        if (raw[i] == 'I' && j - i >= 3 && char.IsLower(raw[i + 1]) && FirstPersonVerbs.Contains(raw.AsSpan(i + 1, j - i - 1))) return [i + 1];
        // Most runs are plain words: no case change inside, and short or known. They need no sets or copies.
        var caseChange = false;
        for (var k = i + 1; k < j && !caseChange; k++) caseChange = char.IsLower(raw[k - 1]) && char.IsUpper(raw[k]);
        if (!caseChange && (j - i < 5 || Lexicon.Contains(raw.AsSpan(i, j - i)))) return null;
        var cuts = new HashSet<int>();
        // Case changes: "RightsDefenders", "LiuXiaobo" (a lower-case letter followed by a capital).
        var segStart = i;
        var segments = new List<(int, int)>();
        for (var k = i + 1; k < j; k++)
        {
            if (char.IsLower(raw[k - 1]) && char.IsUpper(raw[k]) && k - segStart >= 2 && !(k - segStart == 2 && raw[segStart] == 'M' && raw[segStart + 1] == 'c'))
            {
                cuts.Add(k);
                segments.Add((segStart, k));
                segStart = k;
            }
        }
        segments.Add((segStart, j));
        foreach (var (s, e) in segments)
            foreach (var c in DictionaryCuts(raw.Substring(s, e - s))) cuts.Add(s + c);
        return cuts;
    }

    /// <summary>Cut points splitting an unknown word into the fewest known words (longest parts win ties).</summary>
    internal static IReadOnlyList<int> DictionaryCuts(string word)
    {
        if (word.Length < 5 || Lexicon.Contains(word)) return [];
        if (word.All(char.IsUpper)) return [];
        var lower = word.ToLowerInvariant();
        var n = lower.Length;
        // best[k] = (parts, score) for prefix of length k.
        var parts = new int[n + 1];
        var score = new int[n + 1];
        var back = new int[n + 1];
        Array.Fill(parts, int.MaxValue);
        parts[0] = 0;
        for (var end = 1; end <= n; end++)
        {
            for (var start = Math.Max(0, end - 24); start < end; start++)
            {
                if (parts[start] == int.MaxValue) continue;
                var len = end - start;
                // Every piece of every unknown word is looked up: as a span of the lower-cased word, not a copy of it.
                var piece = lower.AsSpan(start, len);
                if (len <= 2)
                {
                    if (!ShortWordLookup.Contains(piece)) continue;
                    if (start != 0 && !ShortAnywhereLookup.Contains(piece)) continue;
                }
                if (!Lexicon.ContainsLower(piece)) continue;
                var p = parts[start] + 1;
                var s = score[start] + len * len;
                if (p < parts[end] || (p == parts[end] && s > score[end]))
                {
                    parts[end] = p; score[end] = s; back[end] = start;
                }
            }
        }
        if (parts[n] == int.MaxValue || parts[n] > 3) return [];
        var cuts = new List<int>();
        for (var k = n; k > 0; k = back[k]) if (back[k] > 0) cuts.Add(back[k]);
        cuts.Reverse();
        // A capitalised unknown word is usually a name ("Weiwei", "Hotan"): split it only into solid words.
        if (char.IsUpper(word[0]))
        {
            var bounds = new List<int> { 0 };
            bounds.AddRange(cuts);
            bounds.Add(n);
            for (var k = 0; k + 1 < bounds.Count; k++)
            {
                var piece = lower[bounds[k]..bounds[k + 1]];
                if (piece.Length < 4 && !(k == 0 && LeadingFunctionWords.Contains(piece))) return [];
            }
        }
        return cuts;
    }
}
