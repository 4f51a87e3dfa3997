using System.Text.RegularExpressions;

namespace AskShift.Extract;

/// <summary>
/// Asks in Chinese prose (news reports written only in Chinese): a request or obligation marker in a sentence that
/// names the US government. The span runs from the marker to the end of the sentence.
/// </summary>
internal static partial class ChineseRules
{
    [GeneratedRegex(@"促請|促请|敦促|呼籲|呼吁|建議|建议|應該|应该|必須|必须|應當|应当|要求")]
    private static partial Regex MarkerRx();

    [GeneratedRegex(@"美國|美国|華府|华府|白宮|白宫|國會|国会|拜登|特朗普|川普|奧巴馬|奥巴马|布林肯|美方|國務院|国务院")]
    private static partial Regex UsRx();

    [GeneratedRegex(@"[^。！？；\n]+[。！？；]?")]
    private static partial Regex SentenceRx();

    /// <summary>Asks in text[start..end).</summary>
    public static IEnumerable<AskSpan> Find(string text, int start, int end)
    {
        foreach (Match s in SentenceRx().Matches(text[start..end]))
        {
            var m = MarkerRx().Match(s.Value);
            if (!m.Success) continue;
            if (!UsRx().IsMatch(s.Value)) continue;
            var from = start + s.Index;
            // Start at the US subject when it comes before the marker ("美國應該…"), else at the marker.
            var us = UsRx().Match(s.Value);
            var at = us.Index < m.Index && m.Index - us.Index <= 12 ? us.Index : m.Index;
            var stop = s.Value.TrimEnd('。', '！', '？', '；', ' ').Length;
            if (stop - at < 4) continue;
            yield return new AskSpan(from + at, from + stop, AskForm.Sentence, "zh");
        }
    }
}
