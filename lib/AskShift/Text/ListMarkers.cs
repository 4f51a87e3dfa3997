namespace AskShift.Text;

/// <summary>
/// What opens an item of a list, as regular-expression alternatives, so that chrome detection (Normalise) and ask
/// extraction (Extract) agree on what a list item is.
/// </summary>
internal static class ListMarkers
{
    /// <summary>Bullet characters and dashes.</summary>
    public const string Bullets = "[•·▪◦●■*–\\-→►▸➢➤✓✔]";

    /// <summary>
    /// An item's number or letter before its text: "1.", "12)", "(3)", "a)", "(b)", "c.", "(iv)", "ii.", "vi)". A
    /// number runs to three digits (a year opening a line, "1989. ...", is no item); a letter or Roman numeral is
    /// lower-case, as upper-case ones ("A.", "II.") open an outline's sections more often than its items, and "e.g."
    /// or "i.e." opening a line is not a marker (the full stop must be followed by a space).
    /// </summary>
    public const string Enumerators = @"\(?\d{1,3}[.)]|\(\d{1,3}\)|\(?(?:[ivx]{1,4}|[a-z])[.)]|\((?:[ivx]{1,4}|[a-z])\)";
}
