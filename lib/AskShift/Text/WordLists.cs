using System.Reflection;

namespace AskShift.Text;

/// <summary>One entry of a word list and where it came from, so a reader can tell a general rule from a word copied
/// out of one particular document.</summary>
/// <param name="Entry">The word or phrase as matched (case-insensitive).</param>
/// <param name="Source">Provenance: "general: ..." for entries from general knowledge of the genre, or the document it
/// was first seen in.</param>
public sealed record WordListEntry(string Entry, string Source);

/// <summary>
/// Word lists shipped as data files (<c>Text/data/*.tsv</c>: <c>entry TAB source</c>, <c>#</c> comments), loaded once.
/// Lists live in data, not code, because they grow with every corpus and every entry must say where it came from.
/// </summary>
internal static class WordLists
{
    static readonly Dictionary<string, IReadOnlyList<WordListEntry>> Cache = new();

    /// <summary>The entries of the list <paramref name="name"/> (file <c>Text/data/NAME.tsv</c>).</summary>
    public static IReadOnlyList<WordListEntry> Entries(string name)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(name, out var cached)) return cached;
            var list = Parse(name, Read(name));
            Cache[name] = list;
            return list;
        }
    }

    /// <summary>The entries of <paramref name="name"/> as a case-insensitive set.</summary>
    public static HashSet<string> Set(string name) =>
        new(Entries(name).Select(e => e.Entry), StringComparer.OrdinalIgnoreCase);

    static string Read(string name)
    {
        var resource = $"AskShift.Text.data.{name}.tsv";
        using var s = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The word list '{name}' ({resource}) is missing from the AskShift assembly.");
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }

    /// <summary>Parses list text; a line without a source is an error naming the list and line, since provenance is the point.</summary>
    internal static IReadOnlyList<WordListEntry> Parse(string name, string text)
    {
        var entries = new List<WordListEntry>();
        var n = 0;
        foreach (var raw in text.Split('\n'))
        {
            n++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var tab = line.IndexOf('\t');
            if (tab <= 0 || string.IsNullOrWhiteSpace(line[(tab + 1)..]))
                throw new FormatException($"word list '{name}', line {n}: expected 'entry<TAB>source'");
            entries.Add(new WordListEntry(line[..tab].Trim(), line[(tab + 1)..].Trim()));
        }
        return entries;
    }
}
