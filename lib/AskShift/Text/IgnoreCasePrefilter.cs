using System.Buffers;

namespace AskShift.Text;

/// <summary>
/// Lets a case-insensitive pattern be skipped on text that cannot match it. A search with
/// <see cref="StringComparison.OrdinalIgnoreCase"/> for the words a pattern needs is far cheaper than running the pattern,
/// but it misses characters .NET's pattern casing equates with ASCII letters and ordinal casing does not: the Kelvin sign
/// with k, the dotted capital I with i in every culture but the invariant, and the dotless i in Turkish and Azeri (a review
/// tried every character against every ASCII letter in five cultures and found no others). Text holding one of those, or
/// a long s to be safe, always goes on to the pattern.
/// </summary>
internal static class IgnoreCasePrefilter
{
    static readonly SearchValues<char> CaseTwins = SearchValues.Create("\u212A\u017F\u0130\u0131");

    /// <summary>
    /// False only when <paramref name="text"/> holds none of <paramref name="needed"/> (built with
    /// <see cref="StringComparison.OrdinalIgnoreCase"/>) and no character a case-insensitive pattern could take for one of
    /// their letters.
    /// </summary>
    public static bool MayMatch(ReadOnlySpan<char> text, SearchValues<string> needed) => text.ContainsAny(needed) || text.ContainsAny(CaseTwins);

    /// <summary>The words a pattern needs, searched for case aside, as <see cref="MayMatch"/> expects them.</summary>
    public static SearchValues<string> Words(params string[] words) => SearchValues.Create(words, StringComparison.OrdinalIgnoreCase);
}
