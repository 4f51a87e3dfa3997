namespace AskShift.Metadata;

/// <summary>The codebook's administrations and their date ranges.</summary>
public static class Administrations
{
    /// <summary>Codes in time order with the first day of each.</summary>
    public static readonly IReadOnlyList<(string Code, DateOnly From)> Starts =
    [
        ("obama", new DateOnly(2009, 1, 20)),
        ("trump1", new DateOnly(2017, 1, 20)),
        ("biden", new DateOnly(2021, 1, 20)),
        ("trump2", new DateOnly(2025, 1, 20)),
    ];

    /// <summary>US presidential election days that hand over to the next administration in <see cref="Starts"/>.</summary>
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

    /// <summary>The administration of a president's surname and tenure.</summary>
    public static string ForHolder(OfficeHolder h) => For(h.From);
}
