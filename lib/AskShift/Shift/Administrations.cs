namespace AskShift.Shift;

/// <summary>The administrations in time order, so tables and charts list them chronologically rather than alphabetically.</summary>
public static class Administrations
{
    /// <summary>obama, trump1, biden, trump2 (then unknown).</summary>
    public static readonly IReadOnlyList<string> Order = ["obama", "trump1", "biden", "trump2"];

    /// <summary>Display names for axis labels and legends.</summary>
    public static string Display(string administration) => administration switch
    {
        "obama" => "Obama (2009-2017)",
        "trump1" => "Trump I (2017-2021)",
        "biden" => "Biden (2021-2025)",
        "trump2" => "Trump II (2025-)",
        _ => "Unknown",
    };

    /// <summary>Administration in office on <paramref name="date"/> (codebook boundaries: 20 January).</summary>
    public static string Of(DateOnly date) =>
        date < new DateOnly(2009, 1, 20) ? "unknown"
        : date < new DateOnly(2017, 1, 20) ? "obama"
        : date < new DateOnly(2021, 1, 20) ? "trump1"
        : date < new DateOnly(2025, 1, 20) ? "biden" : "trump2";

    /// <summary>Sort key: known administrations chronologically, anything else after them alphabetically.</summary>
    public static int Rank(string group)
    {
        int i = Order.IndexOf(group);
        return i >= 0 ? i : Order.Count;
    }

    /// <summary>Distinct groups sorted chronologically when they are administrations.</summary>
    public static List<string> Sort(IEnumerable<string> groups) =>
        groups.Distinct().OrderBy(Rank).ThenBy(g => g, StringComparer.Ordinal).ToList();

    private static int IndexOf(this IReadOnlyList<string> list, string value)
    {
        for (int i = 0; i < list.Count; i++) if (list[i] == value) return i;
        return -1;
    }
}
