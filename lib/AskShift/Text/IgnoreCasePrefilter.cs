using System.Buffers;

namespace AskShift.Text;

/// <summary>
/// Lets a case-insensitive pattern be skipped on text that cannot match it. A search with
/// <see cref="StringComparison.OrdinalIgnoreCase"/> for the words a pattern needs is far cheaper than running the pattern,
/// but it misses characters .NET's pattern casing equates with ASCII letters and ordinal casing does not (the Kelvin sign
/// with k, the long s with s, and in Turkish and Azeri cultures the dotted and dotless i with i), so text holding one of
/// those always goes on to the pattern.
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
}
