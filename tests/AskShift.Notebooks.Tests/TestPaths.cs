namespace AskShift.Notebooks.Tests;

internal static class TestPaths
{
    /// <summary>NotebookTestLib.dll as built by the ProjectReference, in the same configuration as the tests.</summary>
    public static string TestLib
    {
        get
        {
            var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
            var config = bin.Parent!.Name;
            return Path.GetFullPath(Path.Combine(bin.FullName, "..", "..", "..", "..", "NotebookTestLib", "bin", config, bin.Name, "NotebookTestLib.dll"));
        }
    }

    public static string Assets => Path.Combine(AppContext.BaseDirectory, "Notebooks");

    /// <summary>The repository's own notebooks/ folder (tests/X/bin/Config/tfm up five levels).</summary>
    public static string RepoNotebooks =>
        Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "notebooks"));
}
