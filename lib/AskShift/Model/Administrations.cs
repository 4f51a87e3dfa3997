using AskShift.Metadata;

namespace AskShift;

/// <summary>
/// The codebook's administrations (<c>obama</c>, <c>trump1</c>, <c>biden</c>, <c>trump2</c>), in one place so dating,
/// tables and charts agree on their boundaries, their order and their names.
/// </summary>
public static class Administrations
{
    /// <summary>Codes in time order with the first day of each (inauguration, 20 January).</summary>
    public static readonly IReadOnlyList<(string Code, DateOnly From)> Starts =
    [
        ("obama", new DateOnly(2009, 1, 20)),
        ("trump1", new DateOnly(2017, 1, 20)),
        ("biden", new DateOnly(2021, 1, 20)),
        ("trump2", new DateOnly(2025, 1, 20)),
    ];

    /// <summary>The codes in time order, so tables and charts list administrations chronologically, not alphabetically.</summary>
    public static readonly IReadOnlyList<string> Order = Starts.Select(s => s.Code).ToList();

    /// <summary>
    /// US presidential election days that hand over to the next administration: a text written before an election
    /// for "the next administration" belongs to the one that follows it.
    /// </summary>
    public static readonly IReadOnlyList<(DateOnly Election, string Next)> Elections =
    [
        (new DateOnly(2016, 11, 8), "trump1"),
        (new DateOnly(2020, 11, 3), "biden"),
        (new DateOnly(2024, 11, 5), "trump2"),
    ];

    /// <summary>The administration in office on <paramref name="date"/>, or "unknown" before 2009-01-20.</summary>
    public static string For(DateOnly date)
    {
        var code = "unknown";
        foreach (var (c, from) in Starts) if (date >= from) code = c;
        return code;
    }

    /// <summary>The administration a president's tenure belongs to, for dating by named office-holders.</summary>
    internal static string ForHolder(OfficeHolder h) => For(h.From);

    /// <summary>Names for axis labels and legends, with the years so readers need no lookup.</summary>
    public static string Display(string administration) => administration switch
    {
        "obama" => "Obama (2009-2017)",
        "trump1" => "Trump I (2017-2021)",
        "biden" => "Biden (2021-2025)",
        "trump2" => "Trump II (2025-)",
        _ => "Unknown",
    };

    /// <summary>
    /// How tables and charts name a group: an administration by its display name, anything else (a year, "unknown",
    /// "rest") as it is, so one table never mixes codes and names.
    /// </summary>
    public static string Name(string group) => Order.Contains(group) ? Display(group) : group;

    /// <summary>Sort key: known administrations chronologically, anything else after them.</summary>
    public static int Rank(string group)
    {
        for (var i = 0; i < Order.Count; i++) if (Order[i] == group) return i;
        return Order.Count;
    }

    /// <summary>Distinct groups sorted chronologically when they are administrations, others after them by name.</summary>
    public static List<string> Sort(IEnumerable<string> groups) =>
        groups.Distinct().OrderBy(Rank).ThenBy(g => g, StringComparer.Ordinal).ToList();
}
