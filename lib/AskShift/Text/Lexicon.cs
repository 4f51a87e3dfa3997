using System.Reflection;

namespace AskShift.Text;

/// <summary>
/// English words (SCOWL-derived list shipped as a resource) used to tell a glued pair ("thefreedom") from a real
/// word, without which tokens and themes are lost in scraped pages.
/// </summary>
public static class Lexicon
{
    static readonly Lazy<HashSet<string>> Words = new(LoadWords);

    /// <summary>True if the lower-cased word is a known English word.</summary>
    public static bool Contains(string word) => Words.Value.Contains(word.ToLowerInvariant());

    /// <summary>True if the lower-cased word is a known English word; no string is made for words up to 64 characters.</summary>
    public static bool Contains(ReadOnlySpan<char> word)
    {
        if (word.Length > 64) return Contains(word.ToString());
        Span<char> lower = stackalloc char[word.Length];
        // Glue repair looks up every word of five letters or more; nearly all are ASCII, lower-cased here in one
        // vectorised pass instead of through the culture tables (the same result for ASCII).
        if (System.Text.Ascii.IsValid(word)) System.Text.Ascii.ToLower(word, lower, out _);
        else word.ToLowerInvariant(lower);
        return Lookup.Value.Contains(lower);
    }

    /// <summary>True if <paramref name="lower"/>, already in lower case, is a known English word: no copy, no case mapping.</summary>
    internal static bool ContainsLower(ReadOnlySpan<char> lower) => Lookup.Value.Contains(lower);

    static readonly Lazy<HashSet<string>.AlternateLookup<ReadOnlySpan<char>>> Lookup = new(() => Words.Value.GetAlternateLookup<ReadOnlySpan<char>>());

    static HashSet<string> LoadWords()
    {
        using var s = Assembly.GetExecutingAssembly().GetManifestResourceStream("AskShift.english-words.txt")
            ?? throw new InvalidOperationException("The embedded English word list is missing from the AskShift assembly.");
        using var r = new StreamReader(s);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (r.ReadLine() is { } line) if (line.Length > 0) set.Add(line);
        return set;
    }
}
