namespace AskShift.Charts;

/// <summary>
/// One fixed colour per administration, used by every chart, so a reader who learns "teal is Biden" on the timeline
/// can read the Sankey and the wording-shift bars without looking at legends again. Colour-blind-safe hues.
/// </summary>
public static class AdministrationPalette
{
    public static readonly IReadOnlyDictionary<string, string> Colors = new Dictionary<string, string>
    {
        ["obama"] = "#0072B2",   // blue
        ["trump1"] = "#D55E00",  // vermilion
        ["biden"] = "#009E73",   // bluish green
        ["trump2"] = "#CC79A7",  // reddish purple
        ["unknown"] = "#999999", // grey
    };

    /// <summary>Hex colour of <paramref name="administration"/>; grey for anything not an administration.</summary>
    public static string Color(string administration) => Colors.TryGetValue(administration, out var c) ? c : Colors["unknown"];

    /// <summary>The colour with transparency, for Sankey links and fills.</summary>
    public static string Rgba(string administration, double alpha)
    {
        var hex = Color(administration);
        int r = Convert.ToInt32(hex[1..3], 16), g = Convert.ToInt32(hex[3..5], 16), b = Convert.ToInt32(hex[5..7], 16);
        return $"rgba({r},{g},{b},{alpha.ToString(System.Globalization.CultureInfo.InvariantCulture)})";
    }

    /// <summary>Qualitative colours for themes and terms (Tableau 20), assigned in a stable order.</summary>
    public static readonly IReadOnlyList<string> Series =
    [
        "#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#EDC948", "#B07AA1", "#FF9DA7", "#9C755F", "#BAB0AC",
        "#A0CBE8", "#FFBE7D", "#FF9D9A", "#86BCB6", "#8CD17D", "#F1CE63", "#D4A6C8", "#FABFD2", "#D7B5A6", "#79706E",
    ];
}
