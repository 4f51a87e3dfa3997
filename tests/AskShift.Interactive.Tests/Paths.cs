namespace AskShift.Interactive.Tests;

internal static class Paths
{
    /// <summary>The repository root (tests/X/bin/Config/tfm up five levels).</summary>
    public static string Repo => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));

    public static string Notebooks => Path.Combine(Repo, "notebooks");

    /// <summary>
    /// A throwaway copy of the notebooks folder beside links to the rest of the repository (and to ../shared), so the
    /// notebooks' relative paths hold and the tables they publish are written to the copy, never into the checkout.
    /// </summary>
    public static string Workspace()
    {
        var root = Directory.CreateTempSubdirectory("askshift-dni-").FullName;
        var project = Path.Combine(root, "project");
        Directory.CreateDirectory(project);
        foreach (var entry in Directory.EnumerateFileSystemEntries(Repo))
        {
            var name = Path.GetFileName(entry);
            if (name is "notebooks" or ".git") continue;
            if (Directory.Exists(entry)) Directory.CreateSymbolicLink(Path.Combine(project, name), entry);
        }
        Copy(Notebooks, Path.Combine(project, "notebooks"));
        var shared = Path.GetFullPath(Path.Combine(Repo, "..", "shared"));
        if (Directory.Exists(shared)) Directory.CreateSymbolicLink(Path.Combine(root, "shared"), shared);
        return Path.Combine(project, "notebooks");
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        // Dot-files are other runs' temporary copies, which may vanish while this one copies.
        foreach (var f in Directory.EnumerateFiles(from).Where(f => !Path.GetFileName(f).StartsWith('.')))
            File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        foreach (var d in Directory.EnumerateDirectories(from)) Copy(d, Path.Combine(to, Path.GetFileName(d)));
    }
}
