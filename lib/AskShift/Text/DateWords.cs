namespace AskShift.Text;

/// <summary>
/// English month names as regular-expression alternatives, longest forms first, so that reading a document's date
/// (Metadata) and recognising a dated line that is not prose (Extract) agree on what a month is.
/// </summary>
internal static class DateWords
{
    /// <summary>Full names and the abbreviations news pages use ("Sept", "Sep"); no group, no trailing full stop.</summary>
    public const string Months = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";
}
