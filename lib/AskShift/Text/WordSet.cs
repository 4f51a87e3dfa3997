using System.Buffers;
using System.Text;

namespace AskShift.Text;

/// <summary>
/// The distinct content words of a short text (an ask, a list item's first sentence), which the restatement checks
/// compare: lower-cased <see cref="Tokens"/> words of three letters or more, stop words and ask filler left out, with a
/// crude stem; Chinese as pairs of adjacent characters (a character standing alone as itself).
/// </summary>
/// <remarks>
/// Each word is kept as its <see cref="TextHash"/>, sorted, not as a string. Extraction compares several
/// sets per ask, and building them as hash sets of strings (a string per token, a set per ask) was about a tenth of the
/// extract stage's time and an eighth of its allocation (issue 13).
/// </remarks>
internal sealed class WordSet
{
    private readonly ulong[] hashes;

    private WordSet(ulong[] hashes) => this.hashes = hashes;

    /// <summary>How many distinct words the text has.</summary>
    public int Count => hashes.Length;

    /// <summary>
    /// Chinese is compared by pairs of adjacent characters: two Chinese sentences on one topic share most single
    /// characters (人, 权, 国) whatever they ask, so single characters would make every pair look like a restatement.
    /// </summary>
    public static WordSet Of(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return Empty;
        // Normalisation to form C can lengthen a token at most three times; every token is at least one character.
        var lowered = ArrayPool<char>.Shared.Rent(text.Length * 3);
        var tokens = ArrayPool<(int Start, int End, int Offset, int Length)>.Shared.Rent(text.Length);
        var found = ArrayPool<ulong>.Shared.Rent(text.Length);
        try
        {
            var n = Tokenize(text, lowered, tokens);
            var count = 0;
            for (var i = 0; i < n; i++)
            {
                var (start, end, offset, length) = tokens[i];
                var word = lowered.AsSpan(offset, length);
                if (Tokens.IsCjk(word[0]))
                {
                    if (i + 1 < n && tokens[i + 1].Start == end && Tokens.IsCjk(lowered[tokens[i + 1].Offset]))
                        found[count++] = TextHash.Add(TextHash.Of(word), lowered.AsSpan(tokens[i + 1].Offset, 1));
                    else if (i == 0 || tokens[i - 1].End != start || !Tokens.IsCjk(lowered[tokens[i - 1].Offset]))
                        found[count++] = TextHash.Of(word); // a character standing alone
                    continue;
                }
                if (word.Length > 2 && !StopWords.Contains(word) && !Vocabulary.IsAskFiller(word))
                    found[count++] = TextHash.Of(Stem(word));
            }
            var span = found.AsSpan(0, count);
            span.Sort();
            var distinct = 0;
            for (var i = 0; i < span.Length; i++)
                if (i == 0 || span[i] != span[i - 1]) span[distinct++] = span[i];
            return distinct == 0 ? Empty : new WordSet(span[..distinct].ToArray());
        }
        finally
        {
            ArrayPool<char>.Shared.Return(lowered);
            ArrayPool<(int, int, int, int)>.Shared.Return(tokens);
            ArrayPool<ulong>.Shared.Return(found);
        }
    }

    private static readonly WordSet Empty = new([]);

    /// <summary>Share of the smaller set's words found in the other: 1 means one restates the other; 0 when either is empty.</summary>
    public static double Overlap(WordSet a, WordSet b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var (small, large) = a.Count <= b.Count ? (a.hashes, b.hashes) : (b.hashes, a.hashes);
        int i = 0, j = 0, shared = 0;
        while (i < small.Length && j < large.Length)
        {
            if (small[i] == large[j]) { shared++; i++; j++; }
            else if (small[i] < large[j]) i++;
            else j++;
        }
        return shared / (double)small.Length;
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWords =
        ((HashSet<string>)Tokens.StopWords).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The tokens of <see cref="Tokens.Next"/>, each copied into <paramref name="lowered"/>.</summary>
    private static int Tokenize(ReadOnlySpan<char> text, char[] lowered, (int Start, int End, int Offset, int Length)[] tokens)
    {
        int n = 0, used = 0, position = 0;
        var scratch = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            while (Tokens.Next(text, ref position, scratch, out var start, out var end, out var token))
            {
                token.CopyTo(lowered.AsSpan(used));
                tokens[n++] = (start, end, used, token.Length);
                used += token.Length;
            }
        }
        finally { ArrayPool<char>.Shared.Return(scratch); }
        return n;
    }

    private static ReadOnlySpan<char> Stem(ReadOnlySpan<char> w)
    {
        foreach (var suffix in (ReadOnlySpan<string>)["ing", "ed", "es", "s"])
            if (w.EndsWith(suffix, StringComparison.Ordinal) && w.Length - suffix.Length >= 4) return w[..^suffix.Length];
        return w;
    }
}
