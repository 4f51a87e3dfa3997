using System.Text.RegularExpressions;

namespace AskShift.Text;

/// <summary>Regular-expression helpers for rules that run on every sentence of every document.</summary>
internal static class RegexScan
{
    /// <summary>
    /// The matches of <paramref name="rx"/> in <paramref name="text"/>, as <see cref="Regex.Matches(string)"/> gives
    /// them, but with nothing allocated when there is none. Most sentences hold no marker of a given kind, and each
    /// empty <see cref="MatchCollection"/> and its enumerator were a few percent of loading's allocation (issue 13);
    /// a sentence that does match is scanned once more.
    /// </summary>
    public static IEnumerable<Match> MatchesOrNone(this Regex rx, string text) => rx.IsMatch(text) ? rx.Matches(text) : [];

    /// <summary>
    /// <see cref="MatchesOrNone(Regex, string)"/> on text that may hold one of the words <paramref name="rx"/> needs
    /// (<see cref="IgnoreCasePrefilter"/>): a search for a handful of words is cheaper than the pattern's own search for
    /// where it could start, which for an alternation of many words is a set of common letters.
    /// </summary>
    public static IEnumerable<Match> MatchesOrNone(this Regex rx, string text, System.Buffers.SearchValues<string> needs) =>
        IgnoreCasePrefilter.MayMatch(text, needs) ? rx.MatchesOrNone(text) : [];

    /// <summary>Whether <paramref name="rx"/> matches <paramref name="text"/>, run only when the text may hold one of the words it needs.</summary>
    public static bool IsMatch(this Regex rx, ReadOnlySpan<char> text, System.Buffers.SearchValues<string> needs) =>
        IgnoreCasePrefilter.MayMatch(text, needs) && rx.IsMatch(text);
}
