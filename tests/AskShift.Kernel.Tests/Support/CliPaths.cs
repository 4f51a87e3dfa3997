using System.Diagnostics;

namespace AskShift.Kernel.Tests.Support;

/// <summary>The askshift CLI as built by the ProjectReference, run through the dotnet host like a user would.</summary>
public static class CliPaths
{
    /// <summary>lib/AskShift.Cli/bin/CONFIG/TFM/askshift.dll (the test bin holds AskShift.dll, which differs only in case).</summary>
    public static string CliDll
    {
        get
        {
            var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
            return Path.GetFullPath(Path.Combine(bin.FullName, "..", "..", "..", "..", "..", "lib", "AskShift.Cli", "bin",
                bin.Parent!.Name, bin.Name, "askshift.dll"));
        }
    }

    public static string Dotnet => Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet"
        ? p : Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", "..", "dotnet");

    public static (int Exit, string Stdout, string Stderr) Run(params string[] args)
    {
        var psi = new ProcessStartInfo(Path.GetFullPath(Dotnet), [CliDll, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr);
    }
}
