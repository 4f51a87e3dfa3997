using System.Text.Json;
using System.Text.Json.Serialization;

namespace AskShift.Cluster;

/// <summary>One theme of a codebook with the seed terms that signal it.</summary>
/// <param name="Code">Stable code used in gold labels (e.g. <c>sanctions_financial</c>).</param>
/// <param name="Label">Short human-readable name used for cluster labels.</param>
/// <param name="Description">What an ask of this theme asks for (from the codebook).</param>
/// <param name="SeedTerms">Words or phrases typical of the theme; English and Chinese may be mixed.</param>
public sealed record CodebookTheme(string Code, string Label, string Description, IReadOnlyList<string> SeedTerms);

/// <summary>
/// A researcher-editable codebook (plain JSON: <c>{"themes":[{"code","label","description","seedTerms":[...]}]}</c>)
/// that names clusters and can steer them. JSON because every editor and notebook can read and diff it.
/// </summary>
public sealed record Codebook(IReadOnlyList<CodebookTheme> Themes)
{
    private sealed class FileShape
    {
        [JsonPropertyName("themes")] public List<ThemeShape>? Themes { get; set; }
    }
    private sealed class ThemeShape
    {
        [JsonPropertyName("code")] public string? Code { get; set; }
        [JsonPropertyName("label")] public string? Label { get; set; }
        [JsonPropertyName("description")] public string? Description { get; set; }
        [JsonPropertyName("seedTerms")] public List<string>? SeedTerms { get; set; }
    }

    /// <summary>Reads a codebook file; every problem is reported with the file name and the offending theme.</summary>
    public static Codebook Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"codebook file not found: {path}", path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses codebook JSON; <paramref name="source"/> names the origin in error messages.</summary>
    public static Codebook Parse(string json, string source = "codebook")
    {
        FileShape? shape;
        try { shape = JsonSerializer.Deserialize<FileShape>(json, new JsonSerializerOptions { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }); }
        catch (JsonException e) { throw new FormatException($"{source}: not valid codebook JSON ({e.Message})", e); }
        if (shape?.Themes is null || shape.Themes.Count == 0)
            throw new FormatException($"{source}: expected {{\"themes\":[...]}} with at least one theme");
        var themes = new List<CodebookTheme>();
        var seen = new HashSet<string>();
        for (int i = 0; i < shape.Themes.Count; i++)
        {
            var t = shape.Themes[i];
            if (string.IsNullOrWhiteSpace(t.Code)) throw new FormatException($"{source}: theme #{i + 1} has no \"code\"");
            if (!seen.Add(t.Code)) throw new FormatException($"{source}: theme code \"{t.Code}\" appears twice");
            var seeds = (t.SeedTerms ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).ToList();
            themes.Add(new CodebookTheme(t.Code, string.IsNullOrWhiteSpace(t.Label) ? t.Code : t.Label!, t.Description ?? "", seeds));
        }
        return new Codebook(themes);
    }

    /// <summary>
    /// The theme label of each ask: a reviewer's theme code (from a review file) where there is one, else the machine's
    /// label. A reviewed code the codebook does not know is kept as it is, so no person's decision disappears.
    /// </summary>
    public IReadOnlyList<string> WithReviewedThemes(IReadOnlyList<string?> reviewedCodes, IReadOnlyList<string> machineLabels)
    {
        if (reviewedCodes.Count != machineLabels.Count)
            throw new ArgumentException($"{reviewedCodes.Count} reviewed themes for {machineLabels.Count} machine labels", nameof(reviewedCodes));
        return reviewedCodes.Select((c, i) => c is null ? machineLabels[i] : LabelOf(c)).ToList();
    }

    /// <summary>The label of a theme code (as charts and tables show it); the code itself when the codebook does not know it.</summary>
    public string LabelOf(string code) => Themes.FirstOrDefault(t => t.Code == code)?.Label ?? code;

    /// <summary>Themes that have seed terms, i.e. that can name or seed a cluster.</summary>
    public IReadOnlyList<CodebookTheme> SeededThemes => Themes.Where(t => t.SeedTerms.Count > 0).ToList();
}
