namespace AskShift.Notebooks;

/// <summary>HTML shown as-is (text/html), with the markup as its text/plain fallback.</summary>
public sealed record HtmlContent(string Html)
{
    /// <inheritdoc/>
    public override string ToString() => Html;
}
