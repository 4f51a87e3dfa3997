using System.Reflection;

namespace AskShift.Text;

/// <summary>
/// English words (SCOWL-derived list shipped as a resource) used to tell a glued pair ("thefreedom") from a real
/// word, without which tokens and themes are lost in scraped pages.
/// </summary>
/// <remarks>
/// Glue repair asks about every word of five letters or more, a few million lookups a corpus. The words are kept as
/// their <see cref="TextHash"/> values in one open-addressed array, not as a set of strings: a lookup reads one slot
/// (or a few beside it) instead of a bucket, an entry and a string scattered over the heap. The set's lookups were
/// about 4% of a load's profile samples (issue 13); the array takes about a fifth less time a lookup. A word outside
/// the list that shares a 64-bit hash with one of its 73,000 words would be taken for known: odds of about one in
/// 10^14 a lookup.
/// </remarks>
public static class Lexicon
{
    static readonly Lazy<HashTable> Words = new(LoadWords);

    /// <summary>True if the lower-cased word is a known English word.</summary>
    public static bool Contains(string word) => Contains(word.AsSpan());

    /// <summary>True if the lower-cased word is a known English word; no string is made for words up to 64 characters.</summary>
    public static bool Contains(ReadOnlySpan<char> word)
    {
        if (word.Length > 64) return ContainsLower(word.ToString().ToLowerInvariant());
        Span<char> lower = stackalloc char[word.Length];
        // Glue repair looks up every word of five letters or more; nearly all are ASCII, lower-cased here in one
        // vectorised pass instead of through the culture tables (the same result for ASCII).
        if (System.Text.Ascii.IsValid(word)) System.Text.Ascii.ToLower(word, lower, out _);
        else word.ToLowerInvariant(lower);
        return ContainsLower(lower);
    }

    /// <summary>True if <paramref name="lower"/>, already in lower case, is a known English word: no copy, no case mapping.</summary>
    internal static bool ContainsLower(ReadOnlySpan<char> lower) => Words.Value.Contains(TextHash.Of(lower));

    /// <summary>How many words the list holds.</summary>
    internal static int Count => Words.Value.Count;

    static HashTable LoadWords()
    {
        using var s = Assembly.GetExecutingAssembly().GetManifestResourceStream("AskShift.english-words.txt")
            ?? throw new InvalidOperationException("The embedded English word list is missing from the AskShift assembly.");
        using var r = new StreamReader(s);
        var hashes = new List<ulong>(1 << 17);
        while (r.ReadLine() is { } line) if (line.Length > 0) hashes.Add(TextHash.Of(line));
        return new HashTable(hashes);
    }

    /// <summary>A set of 64-bit hashes, open-addressed with linear probing at under half full; 0 marks an empty slot.</summary>
    internal sealed class HashTable
    {
        readonly ulong[] slots;
        readonly int shift;

        public int Count { get; }

        public HashTable(IEnumerable<ulong> hashes)
        {
            var list = hashes.Select(Stored).Distinct().ToList();
            var bits = 4;
            while (1 << bits < list.Count * 2 + 1) bits++;
            slots = new ulong[1 << bits];
            shift = 64 - bits;
            foreach (var h in list)
            {
                var i = Slot(h);
                while (slots[i] != 0) i = (i + 1) & (slots.Length - 1);
                slots[i] = h;
            }
            Count = list.Count;
        }

        public bool Contains(ulong hash)
        {
            hash = Stored(hash);
            for (var i = Slot(hash); ; i = (i + 1) & (slots.Length - 1))
            {
                var s = slots[i];
                if (s == hash) return true;
                if (s == 0) return false;
            }
        }

        // FNV-1a's low bits follow the last characters closely; a multiplicative mix spreads all 64 over the slot index.
        int Slot(ulong h) => (int)((h * 0x9E3779B97F4A7C15UL) >> shift);

        // 0 marks an empty slot, so a hash of 0 is stored as 1 (one more value that could collide, out of 2^64).
        static ulong Stored(ulong h) => h == 0 ? 1 : h;
    }
}
