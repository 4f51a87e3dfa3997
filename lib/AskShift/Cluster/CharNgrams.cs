using System.Globalization;
using System.Text;

namespace AskShift.Cluster;

/// <summary>
/// Character n-grams (lower-cased, diacritics and punctuation removed, with start and end markers), the char block of
/// <see cref="AskFeaturizer"/>. Written here rather than chained from ML.NET's NormalizeText,
/// TokenizeIntoCharactersAsKeys and one ProduceNgrams per length: that chain took about 2.8 s of a 3 s featurisation
/// of 10,000 asks, where one pass over the characters with a span-keyed vocabulary (<see cref="NgramTfidf"/>) takes a
/// tenth of it.
/// </summary>
internal sealed class CharNgrams(int min, int max) : GramSource
{
    private const char Start = '\u0002', End = '\u0003';

    /// <summary>Fits a TF-IDF block of <paramref name="min"/>- to <paramref name="max"/>-character n-grams.</summary>
    public static (NgramTfidf Model, SparseVector[] Vectors) Fit(IReadOnlyList<string> texts, int min, int max) =>
        NgramTfidf.Fit(texts, new CharNgrams(min, max));

    public override void Emit(string text, IGramSink sink)
    {
        var s = Normalise(text);
        for (int n = min; n <= max; n++)
            for (int i = 0; i + n <= s.Length; i++)
                sink.Add(s.AsSpan(i, n));
    }

    /// <summary>
    /// Lower case, no diacritics, no punctuation or symbols, numbers and spaces kept, between markers: each character as
    /// its canonical decomposition (Unicode form D) would give it, with the marks dropped. A character's result is
    /// looked up, not computed: decomposing a whole text through ICU cost about a third of the char block for asks with
    /// one curly quote, and each distinct character needs it once. (Marks are dropped, so the canonical reordering of
    /// marks that whole-text normalisation adds cannot change the result; a surrogate is kept as it is, where
    /// whole-text normalisation threw on an unpaired one.)
    /// </summary>
    internal static string Normalise(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append(Start);
        foreach (var ch in text)
        {
            if (ch < 128)
            {
                var mapped = Ascii[ch];
                if (mapped != '\0') sb.Append(mapped);
            }
            else if (char.IsSurrogate(ch)) sb.Append(ch);
            else sb.Append(Decomposed[ch] ??= Decompose(ch));
        }
        return sb.Append(End).ToString();
    }

    // What each ASCII character becomes ('\0': dropped), and each other BMP character once it has been seen (null
    // until then; two threads filling the same slot write the same string).
    private static readonly char[] Ascii = Enumerable.Range(0, 128).Select(c => Keep((char)c) ?? '\0').ToArray();
    private static readonly string?[] Decomposed = new string?[char.MaxValue + 1];

    private static string Decompose(char ch)
    {
        var sb = new StringBuilder(2);
        foreach (var d in ch.ToString().Normalize(NormalizationForm.FormD))
            if (Keep(d) is char kept) sb.Append(kept);
        return sb.ToString();
    }

    /// <summary>One character of a decomposed text: null when dropped, a space for any white space, else lower case.</summary>
    private static char? Keep(char ch)
    {
        var cat = CharUnicodeInfo.GetUnicodeCategory(ch);
        if (cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark) return null;
        if (char.IsPunctuation(ch) || char.IsSymbol(ch)) return null;
        return char.IsWhiteSpace(ch) ? ' ' : char.ToLowerInvariant(ch);
    }
}
