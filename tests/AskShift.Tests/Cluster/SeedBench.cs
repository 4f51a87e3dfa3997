using AskShift.Cluster;

namespace AskShift.Tests.Cluster;

/// <summary>Locates repository files (bench/seed-asks.tsv, notebooks/codebook.json) from the test output folder.</summary>
internal static class RepoFiles
{
    public static string Find(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate)) return candidate;
            dir = dir.Parent;
        }
        throw new FileNotFoundException($"could not find {relative} above {AppContext.BaseDirectory}");
    }

    public static (List<string> Texts, List<string> Themes) SeedAsks()
    {
        var texts = new List<string>(); var themes = new List<string>();
        foreach (var line in File.ReadAllLines(Find("bench/seed-asks.tsv")))
        {
            var parts = line.Split('\t');
            texts.Add(parts[0]); themes.Add(parts[1]);
        }
        return (texts, themes);
    }
}
