namespace AskShift.Tests;

/// <summary>Finds the repository root (the folder holding Notebooks.sln) from wherever the tests run.</summary>
internal static class RepoPaths
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Notebooks.sln"))) return dir.FullName;
            throw new InvalidOperationException($"Notebooks.sln not found above {AppContext.BaseDirectory}");
        }
    }

    public static string Seeds => Path.Combine(Root, "seeds");

    /// <summary>The gold file lives in ../shared next to the repository.</summary>
    public static string Gold => Path.GetFullPath(Path.Combine(Root, "..", "shared", "seeds-gold.json"));
}

/// <summary>A temporary folder deleted after the test.</summary>
internal sealed class TempDir : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "askshift-" + Guid.NewGuid().ToString("N"));
    public TempDir() => Directory.CreateDirectory(Path);
    public string Write(string name, string text) { var p = System.IO.Path.Combine(Path, name); Directory.CreateDirectory(System.IO.Path.GetDirectoryName(p)!); File.WriteAllText(p, text); return p; }
    public string Write(string name, byte[] bytes) { var p = System.IO.Path.Combine(Path, name); File.WriteAllBytes(p, bytes); return p; }
    public void Dispose() { try { Directory.Delete(Path, true); } catch (IOException) { } }
}
