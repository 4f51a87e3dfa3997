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
}
