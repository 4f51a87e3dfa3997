namespace AskShift.Notebooks;

/// <summary>
/// For a <c>#r</c> of a DLL that a project in the same checkout builds (<c>PROJECT/bin/...</c> beside a .csproj): a
/// missing DLL names the build command, and one older than its project's sources says so, so a notebook never runs
/// yesterday's code without a word after the sources changed.
/// </summary>
internal static class BuildFreshness
{
    private static readonly HashSet<string> SourceExtensions = new(StringComparer.OrdinalIgnoreCase) { ".cs", ".csproj", ".tsv", ".txt", ".props" };

    /// <summary>The project folder whose bin/ holds <paramref name="dll"/>, or null when it is not a build output.</summary>
    public static string? ProjectOf(string dll)
    {
        for (var dir = Path.GetDirectoryName(Path.GetFullPath(dll)); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (!Path.GetFileName(dir).Equals("bin", StringComparison.OrdinalIgnoreCase)) continue;
            var project = Path.GetDirectoryName(dir);
            // The folder may not exist at all: a notebook copied away from its checkout still names "../lib/...".
            try { return project is not null && Directory.Exists(project) && Directory.EnumerateFiles(project, "*.csproj").Any() ? project : null; }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
        }
        return null;
    }

    /// <summary>"build it first" advice for a missing DLL, or "" when no project builds it.</summary>
    public static string MissingHint(string dll, string workingDirectory) =>
        ProjectOf(dll) is { } project ? $" Build it first: dotnet build {Relative(project, workingDirectory)}" : "";

    /// <summary>A warning when a source file of the DLL's project is newer than the DLL; null when it is current.</summary>
    public static string? StaleWarning(string dll, string workingDirectory)
    {
        if (ProjectOf(dll) is not { } project) return null;
        var built = File.GetLastWriteTimeUtc(dll);
        var newest = Sources(project).Select(f => (File: f, Time: File.GetLastWriteTimeUtc(f))).DefaultIfEmpty().MaxBy(x => x.Time);
        if (newest.File is null || newest.Time <= built) return null;
        return $"warning: {Path.GetFileName(dll)} is older than its sources ({Path.GetRelativePath(project, newest.File)} changed after the build), " +
               $"so this notebook runs the code of the last build. Rebuild it: dotnet build {Relative(project, workingDirectory)}\n";
    }

    private static IEnumerable<string> Sources(string project)
    {
        var pending = new Stack<string>([project]);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            IEnumerable<string> entries;
            try { entries = Directory.EnumerateFileSystemEntries(dir).ToList(); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            foreach (var entry in entries)
            {
                var name = Path.GetFileName(entry);
                if (Directory.Exists(entry))
                {
                    if (name is not ("bin" or "obj") && !name.StartsWith('.')) pending.Push(entry);
                }
                else if (SourceExtensions.Contains(Path.GetExtension(entry))) yield return entry;
            }
        }
    }

    private static string Relative(string project, string workingDirectory)
    {
        var rel = Path.GetRelativePath(workingDirectory, project);
        return rel.Contains(' ') ? $"\"{rel}\"" : rel;
    }
}
