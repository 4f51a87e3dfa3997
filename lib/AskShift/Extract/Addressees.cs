using System.Text.RegularExpressions;

namespace AskShift.Extract;

/// <summary>
/// Whom a document's asks are addressed to: "letter to President Biden", the subjects of "should" sentences that name
/// the US government, and the object of "urges X to". Part of the extract stage because it reads the asks.
/// </summary>
internal static partial class Addressees
{
    [GeneratedRegex(@"\b(letter|recommendations?|appeal|memo|petition)\s+to\s+(?<who>(U\.S\.\s+|US\s+)?[A-Z][\w.]*(\s+[A-Z][\w.]*){0,4}(\s+and\s+(his|her|the)\s+administration)?)", RegexOptions.ExplicitCapture)]
    private static partial Regex LetterToRx();

    [GeneratedRegex(@"^(urg\w*|call\w*\s+(up)?on|ask\w*)\s+(?<who>.+?)\s+to\s", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex AskAddresseeRx();

    /// <summary>Addressees named in <paramref name="content"/> (repaired, chrome-free) and in the asks' texts.</summary>
    public static IReadOnlyList<string> Find(string content, IReadOnlyList<string> askTexts)
    {
        var list = new List<string>();
        foreach (Match m in LetterToRx().Matches(content)) list.Add(m.Groups["who"].Value.Trim());
        list.AddRange(SentenceRules.ModalSubjects(content));
        foreach (var a in askTexts)
        {
            var m = AskAddresseeRx().Match(a);
            if (m.Success) list.Add(m.Groups["who"].Value.Trim());
        }
        return list.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }
}
