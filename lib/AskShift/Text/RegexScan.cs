using System.Text.RegularExpressions;

namespace AskShift.Text;

/// <summary>Regular-expression helpers for rules that run on every sentence of every document.</summary>
internal static class RegexScan
{
    /// <summary>
    /// The matches of <paramref name="rx"/> in <paramref name="text"/>, as <see cref="Regex.Matches(string)"/> gives
    /// them, found one after another with <see cref="Match.NextMatch"/>: nothing is allocated when there is none (most
    /// sentences hold no marker of a given kind, and each empty <see cref="MatchCollection"/> and its enumerator were a
    /// few percent of loading's allocation, issue 13), and a sentence that does match is scanned once, not first tested
    /// and then scanned again.
    /// </summary>
    public static MatchSequence MatchesOrNone(this Regex rx, string text) => new(rx, text);

    /// <summary>
    /// <see cref="MatchesOrNone(Regex, string)"/> on text that may hold one of the words <paramref name="rx"/> needs
    /// (<see cref="IgnoreCasePrefilter"/>): a search for a handful of words is cheaper than the pattern's own search for
    /// where it could start, which for an alternation of many words is a set of common letters.
    /// </summary>
    public static MatchSequence MatchesOrNone(this Regex rx, string text, System.Buffers.SearchValues<string> needs) =>
        IgnoreCasePrefilter.MayMatch(text, needs) ? new(rx, text) : default;

    /// <summary>
    /// <see cref="MatchesOrNone(Regex, string, System.Buffers.SearchValues{string})"/> for a pattern every match of which
    /// also holds one of <paramref name="alsoNeeds"/> (what is asked for, after whom it is asked of): a pattern whose first
    /// words are common runs only on text that holds its rarer words as well.
    /// </summary>
    public static MatchSequence MatchesOrNone(this Regex rx, string text, System.Buffers.SearchValues<string> needs, System.Buffers.SearchValues<string> alsoNeeds) =>
        IgnoreCasePrefilter.MayMatch(text, needs) && IgnoreCasePrefilter.MayMatch(text, alsoNeeds) ? new(rx, text) : default;

    /// <summary>The matches of one pattern in one text, for <c>foreach</c> (and LINQ, through <see cref="IEnumerable{T}"/>).</summary>
    public readonly struct MatchSequence(Regex? rx, string? text) : IEnumerable<Match>
    {
        public Enumerator GetEnumerator() => new(rx, text);
        IEnumerator<Match> IEnumerable<Match>.GetEnumerator() => GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        /// <summary>Walks <see cref="Match.NextMatch"/> from the first match.</summary>
        public struct Enumerator(Regex? rx, string? text) : IEnumerator<Match>
        {
            Match? current;
            public readonly Match Current => current!;
            readonly object System.Collections.IEnumerator.Current => Current;

            public bool MoveNext()
            {
                if (rx is null) return false;
                current = current is null ? rx.Match(text!) : current.NextMatch();
                return current.Success;
            }

            public void Reset() => current = null;
            public readonly void Dispose() { }
        }
    }

    /// <summary>
    /// Where the first match of <paramref name="rx"/> in <paramref name="text"/> lies (as <see cref="Regex.Match(string)"/>
    /// on the same text finds it), or null: rules that only need a match's place read a line in place and make no
    /// <see cref="Match"/>.
    /// </summary>
    public static (int Index, int Length)? FirstMatch(this Regex rx, ReadOnlySpan<char> text)
    {
        foreach (var m in rx.EnumerateMatches(text)) return (m.Index, m.Length);
        return null;
    }

    /// <summary>Whether <paramref name="rx"/> matches <paramref name="text"/>, run only when the text may hold one of the words it needs.</summary>
    public static bool IsMatch(this Regex rx, ReadOnlySpan<char> text, System.Buffers.SearchValues<string> needs) =>
        IgnoreCasePrefilter.MayMatch(text, needs) && rx.IsMatch(text);
}
