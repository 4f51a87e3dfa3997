using System.Globalization;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace AskShift.Notebooks;

/// <summary>
/// Doc comments from a compiler-generated XML file (the one beside a DLL), so inspection can show summaries.
/// Roslyn's own XmlDocumentationProvider lives in the Workspaces package, which the engine does not need otherwise.
/// </summary>
internal sealed class XmlDocs : DocumentationProvider
{
    private readonly string path;
    private readonly Lazy<Dictionary<string, string>> members;

    public XmlDocs(string path)
    {
        this.path = path;
        members = new(Load);
    }

    protected override string? GetDocumentationForSymbol(string documentationMemberID, CultureInfo preferredCulture, CancellationToken cancellationToken = default) =>
        members.Value.GetValueOrDefault(documentationMemberID);

    private Dictionary<string, string> Load()
    {
        try
        {
            return XDocument.Load(path).Descendants("member")
                .Where(m => m.Attribute("name") is not null)
                .GroupBy(m => m.Attribute("name")!.Value)
                .ToDictionary(g => g.Key, g => g.First().ToString());
        }
        catch (Exception e) when (e is System.Xml.XmlException or IOException) { return []; }
    }

    public override bool Equals(object? obj) => obj is XmlDocs other && other.path == path;

    public override int GetHashCode() => path.GetHashCode(StringComparison.Ordinal);
}
