using System.Globalization;
using System.Text;

namespace AskShift.Text;

/// <summary>One token with its span in the source string, so keyword-in-context and reuse can point back at the text.</summary>
public readonly record struct Token(string Text, int Start, int End);

/// <summary>
/// The one tokenizer shared by cluster labels, keyness, trajectories and reuse, so a term means the same thing in every
/// table. Latin-script words are lower-cased runs of letters/digits (inner apostrophes and hyphens kept); every CJK
/// character is its own token because Chinese has no spaces and a per-character unit is the only segmentation that
/// needs no dictionary.
/// </summary>
public static class Tokens
{
    /// <summary>English function words plus the few filler words asks share regardless of theme.</summary>
    public static readonly IReadOnlySet<string> StopWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "a","about","above","after","again","against","all","also","am","an","and","any","are","as","at","be","because",
        "been","before","being","below","between","both","but","by","can","could","did","do","does","doing","down","during",
        "each","few","for","from","further","had","has","have","having","he","her","here","hers","herself","him","himself",
        "his","how","i","if","in","into","is","it","its","itself","just","me","more","most","must","my","myself","no","nor",
        "not","now","of","off","on","once","only","or","other","our","ours","ourselves","out","over","own","same","she",
        "should","so","some","such","than","that","the","their","theirs","them","themselves","then","there","these","they",
        "this","those","through","to","too","under","until","up","very","was","we","were","what","when","where","which",
        "while","who","whom","why","will","with","would","you","your","yours","yourself","yourselves","s","t","including",
        "within","across","well","make","use","take","every","many","may","might","whether","upon","toward","towards",
        "的","了","和","在","是","與","与","及","其","對","对","於","于","以","為","为","之","並","并",
    };

    /// <summary>True for Han ideographs (and CJK punctuation-free symbols) that are tokenised one character at a time.</summary>
    public static bool IsCjk(char c) =>
        (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF') || (c >= '\uF900' && c <= '\uFAFF');

    /// <summary>Splits <paramref name="text"/> into lower-cased tokens with their offsets.</summary>
    public static List<Token> Tokenize(string text)
    {
        var list = new List<Token>(text.Length / 6 + 4);
        var scratch = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length));
        try
        {
            var position = 0;
            while (Next(text, ref position, scratch, out var start, out var end, out var token))
                list.Add(new Token(token.ToString(), start, end));
        }
        finally { System.Buffers.ArrayPool<char>.Shared.Return(scratch); }
        return list;
    }

    /// <summary>
    /// The next token of <paramref name="text"/> from <paramref name="position"/>, without making a string: the one
    /// tokenizer, which <see cref="Tokenize"/> and the restatement word sets (<see cref="WordSet"/>) both read. A CJK
    /// character is a token; otherwise a run of letters and digits, lower-cased, joined across an inner apostrophe,
    /// hyphen or (after one letter, "u.s") full stop, a final "'s" dropped, in Unicode form C.
    /// </summary>
    /// <param name="text">The text being walked.</param>
    /// <param name="position">Where to look from; moved past the token found.</param>
    /// <param name="scratch">At least as long as the rest of the text; <paramref name="token"/> is written there, or
    /// points into a normalised copy when form C changed it.</param>
    /// <param name="start">Where the token starts in <paramref name="text"/>.</param>
    /// <param name="end">Where it ends (exclusive).</param>
    /// <param name="token">The token as compared: lower-cased, in form C.</param>
    /// <returns>False when the text holds no more tokens.</returns>
    internal static bool Next(ReadOnlySpan<char> text, ref int position, Span<char> scratch, out int start, out int end, out ReadOnlySpan<char> token)
    {
        var i = position;
        while (i < text.Length && !IsCjk(text[i]) && !char.IsLetterOrDigit(text[i])) i++;
        start = end = i;
        token = default;
        if (i == text.Length) { position = i; return false; }
        if (IsCjk(text[i]))
        {
            position = end = i + 1;
            token = text.Slice(i, 1);
            return true;
        }
        var length = 0;
        var ascii = true;
        while (i < text.Length)
        {
            var d = text[i];
            if (IsCjk(d)) break;
            if (char.IsLetterOrDigit(d))
            {
                var lower = char.ToLowerInvariant(d);
                ascii &= lower < 128;
                scratch[length++] = lower;
                i++;
                continue;
            }
            // keep "u.s", "don't", "anti-torture" together when the joiner sits between two letters/digits
            if ((d == '\'' || d == '’' || d == '-' || d == '.') && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]) && !IsCjk(text[i + 1]) && length > 0
                && (d != '.' || length == 1))
            {
                scratch[length++] = d == '’' ? '\'' : d;
                i++;
                continue;
            }
            break;
        }
        position = end = i;
        if (length >= 2 && scratch[length - 2] == '\'' && scratch[length - 1] == 's') length -= 2;
        token = ascii ? scratch[..length] : new string(scratch[..length]).Normalize(NormalizationForm.FormC).AsSpan();
        return true;
    }

    /// <summary>Tokens without stop words and one-letter Latin tokens: the units labels and keyness are computed on.</summary>
    public static IEnumerable<string> ContentWords(string text) =>
        Tokenize(text).Select(t => t.Text).Where(t => !StopWords.Contains(t) && (t.Length > 1 || IsCjk(t[0])));

    /// <summary>
    /// Content unigrams plus bigrams of adjacent content words (bigrams of adjacent CJK characters stand in for Chinese
    /// words), which is what makes labels like "human rights" or "人權" readable.
    /// </summary>
    public static List<string> Terms(string text, int maxN = 2)
    {
        var words = ContentWords(text).ToList();
        var terms = new List<string>(words.Count * maxN);
        for (int n = 1; n <= maxN; n++)
            for (int i = 0; i + n <= words.Count; i++)
            {
                if (n == 1) { if (!IsCjk(words[i][0])) terms.Add(words[i]); else if (words.Count == 1) terms.Add(words[i]); continue; }
                var gram = words.Skip(i).Take(n).ToArray();
                bool cjk = gram.All(g => IsCjk(g[0]));
                terms.Add(cjk ? string.Concat(gram) : string.Join(' ', gram));
            }
        return terms;
    }
}
