using System.Globalization;
using AskShift.Text;

namespace AskShift.Tests;

/// <summary>
/// Inputs for the tests that hold a fast check to the pattern it stands in front of: every document of the seeds and
/// the annotated corpora, and random text built from the words the pattern needs, near-misses and look-alikes.
/// </summary>
internal static class PrefilterInputs
{
    /// <summary>The text of every document of the seeds, the dev corpus and the test split.</summary>
    public static IEnumerable<string> CorpusTexts() =>
        new[] { "seeds", "corpora/dev/docs", "corpora/test/docs" }
            .SelectMany(dir => Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, dir)))
            .Select(File.ReadAllText);

    /// <summary>Every line of <see cref="CorpusTexts"/>.</summary>
    public static IEnumerable<string> CorpusLines() =>
        CorpusTexts().SelectMany(text => Sentences.Lines(text).Select(l => text[l.Start..l.End]));

    /// <summary>Every sentence of <see cref="CorpusTexts"/>.</summary>
    public static IEnumerable<string> CorpusSentences() =>
        CorpusTexts().SelectMany(text => Sentences.Split(text, 0, text.Length).Select(s => text[s.Start..s.End]));

    /// <summary>
    /// <paramref name="count"/> strings of 1 to <paramref name="maxPieces"/> pieces drawn with a fixed seed, joined by a space
    /// or, one time in five, by nothing (so pieces also run into each other).
    /// </summary>
    public static IEnumerable<string> Random(string[] pieces, int seed, int count, int maxPieces)
    {
        var rng = new Random(seed);
        for (var n = 0; n < count; n++)
            yield return string.Join(rng.Next(5) == 0 ? "" : " ", Enumerable.Range(0, rng.Next(1, maxPieces + 1)).Select(_ => pieces[rng.Next(pieces.Length)]));
    }

    /// <summary>Runs <paramref name="test"/> with <paramref name="culture"/> ("" for the invariant culture) as the current culture.</summary>
    public static void InCulture(string culture, Action test)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try { test(); }
        finally { CultureInfo.CurrentCulture = previous; }
    }
}
