using YamlDotNet.RepresentationModel;

namespace AskShift.Load;

/// <summary>
/// YAML front matter at the top of a Markdown file (between two <c>---</c> lines), read as the same fields a metadata
/// sheet has. It is removed from the text, so offsets refer to the document's body.
/// </summary>
internal static class FrontMatter
{
    public static (string Body, GivenMetadata? Given, IReadOnlyList<string> Problems) Split(string text)
    {
        var t = text.StartsWith('\uFEFF') ? text[1..] : text;
        if (!t.StartsWith("---\n", StringComparison.Ordinal) && !t.StartsWith("---\r\n", StringComparison.Ordinal)) return (text, null, []);
        var close = t.IndexOf("\n---", 3, StringComparison.Ordinal);
        if (close < 0) return (text, null, []);
        var afterClose = t.IndexOf('\n', close + 4);
        var yaml = t[(t.IndexOf('\n') + 1)..close];
        var body = afterClose < 0 ? "" : t[(afterClose + 1)..];
        var problems = new List<string>();
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode map)
                foreach (var (k, v) in map.Children)
                {
                    var key = (k as YamlScalarNode)?.Value ?? "";
                    values[key] = v switch
                    {
                        YamlScalarNode s => s.Value ?? "",
                        YamlSequenceNode seq => string.Join("; ", seq.Children.OfType<YamlScalarNode>().Select(x => x.Value)),
                        _ => "",
                    };
                }
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            problems.Add($"front matter: not valid YAML ({e.Message}); the file is read without it");
            return (body, null, problems);
        }
        foreach (var unknown in values.Keys.Where(k => !GivenMetadata.Fields.Contains(k.ToLowerInvariant()) || k.Equals("file", StringComparison.OrdinalIgnoreCase)))
            problems.Add($"front matter: '{unknown}' is not used (known: {string.Join(", ", GivenMetadata.Fields.Skip(1))})");
        var given = GivenMetadata.From("front matter", f => values.GetValueOrDefault(f), p => problems.Add($"front matter: {p}"));
        return (body, given, problems);
    }
}
