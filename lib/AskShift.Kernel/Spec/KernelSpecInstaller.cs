using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AskShift.Kernel.Protocol;
using AskShift.Notebooks;

namespace AskShift.Kernel.Spec;

/// <summary>
/// Writes a Jupyter kernelspec directory (kernel.json + logos) so VS Code, JupyterLab and nbconvert can start this
/// kernel by name. The notebooks' metadata names <see cref="DefaultName"/>.
/// </summary>
public static partial class KernelSpecInstaller
{
    /// <summary>The kernel name the committed notebooks carry in their kernelspec metadata.</summary>
    public const string DefaultName = "askshift-csharp";

    public const string DisplayName = "C# (AskShift)";

    /// <summary>
    /// The command that starts the kernel: the running askshift itself, by absolute path, so the spec keeps working
    /// from any directory. Under <c>dotnet askshift.dll</c> it is the dotnet host plus the dll; for the apphost it is
    /// the executable alone.
    /// </summary>
    public static IReadOnlyList<string> StartArgv(string processPath, string baseDirectory)
    {
        var host = Path.GetFileNameWithoutExtension(processPath);
        var prefix = host.Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? new[] { processPath, Path.GetFullPath(Path.Combine(baseDirectory, "askshift.dll")) }
            : new[] { processPath };
        return [.. prefix, "kernel", "start", "--connection-file", "{connection_file}"];
    }

    /// <summary>Jupyter's per-user kernels directory (JUPYTER_DATA_DIR honoured, as jupyter_client does).</summary>
    public static string UserKernelsDirectory()
    {
        var data = Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR");
        if (string.IsNullOrEmpty(data))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            data = OperatingSystem.IsWindows() ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter")
                : OperatingSystem.IsMacOS() ? Path.Combine(home, "Library", "Jupyter")
                : Path.Combine(Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(home, ".local", "share"), "jupyter");
        }
        return Path.Combine(data, "kernels");
    }

    /// <summary>The kernels directory under an installation prefix (PREFIX/share/jupyter/kernels).</summary>
    public static string PrefixKernelsDirectory(string prefix) =>
        Path.Combine(Path.GetFullPath(prefix), "share", "jupyter", "kernels");

    /// <summary>Writes (or overwrites) KERNELS/NAME and returns that directory.</summary>
    public static string Install(string kernelsDirectory, string name, IReadOnlyList<string> argv)
    {
        if (!NamePattern().IsMatch(name))
            throw new ArgumentException($"Kernel name '{name}' is invalid: Jupyter allows only letters, digits, '.', '_' and '-'.", nameof(name));
        var dir = Path.Combine(kernelsDirectory, name.ToLowerInvariant());
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "kernel.json"), KernelJson(argv));
        File.WriteAllBytes(Path.Combine(dir, "logo-32x32.png"), Logo.Png(32));
        File.WriteAllBytes(Path.Combine(dir, "logo-64x64.png"), Logo.Png(64));
        return dir;
    }

    public static string KernelJson(IReadOnlyList<string> argv) => new JsonObject
    {
        ["argv"] = new JsonArray(argv.Select(a => (JsonNode?)a).ToArray()),
        ["display_name"] = DisplayName,
        ["language"] = KernelInfo.LanguageName,
        // SIGINT would terminate the .NET process; interrupts travel as interrupt_request on the control channel.
        ["interrupt_mode"] = "message",
        ["metadata"] = new JsonObject { ["debugger"] = false },
        // The askshift executable starts with tiered compilation off, which suits its batch commands (extract runs
        // about 1.6 times faster); a kernel compiles small cells with Roslyn, which starts faster tiered.
        ["env"] = new JsonObject { [NotebookProcess.TieredCompilationVariable] = "1" },
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    [GeneratedRegex("^[a-zA-Z0-9._-]+$")]
    private static partial Regex NamePattern();
}
