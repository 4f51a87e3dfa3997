using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AskShift.Notebooks;

/// <summary>
/// Restores <c>#r "nuget: ..."</c> packages the way any project would: a generated project in a temp folder and
/// <c>dotnet restore</c>, so the machine's NuGet.Config, credentials and global packages folder all apply, and
/// dependency versions are resolved by NuGet itself. The runtime assets are then read from project.assets.json.
/// </summary>
internal static class NuGetRestorer
{
    /// <summary>Restores all <paramref name="packages"/> together (so their dependencies unify) and returns DLL paths.</summary>
    public static async Task<IReadOnlyList<string>> RestoreAsync(
        IReadOnlyList<(string Name, string? Version)> packages, IReadOnlyList<string> sources, CancellationToken ct)
    {
        var key = string.Join(";", packages.Select(p => $"{p.Name}/{p.Version}").Concat(sources));
        var dir = Path.Combine(Path.GetTempPath(), "askshift-nuget",
            Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16]);
        Directory.CreateDirectory(dir);
        // Empty props files stop MSBuild from importing a repository's Directory.*.props above the temp folder.
        await File.WriteAllTextAsync(Path.Combine(dir, "Directory.Build.props"), "<Project />", ct);
        await File.WriteAllTextAsync(Path.Combine(dir, "Directory.Build.targets"), "<Project />", ct);
        await File.WriteAllTextAsync(Path.Combine(dir, "Directory.Packages.props"), "<Project />", ct);
        var refs = string.Join("\n", packages.Select(p =>
            $"    <PackageReference Include=\"{Esc(p.Name)}\" Version=\"{Esc(p.Version ?? "*")}\" />"));
        var extraSources = sources.Count == 0 ? "" :
            $"    <RestoreAdditionalProjectSources>{Esc(string.Join(";", sources))}</RestoreAdditionalProjectSources>\n";
        var tfm = $"net{Environment.Version.Major}.{Environment.Version.Minor}";
        await File.WriteAllTextAsync(Path.Combine(dir, "packages.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>{tfm}</TargetFramework>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
            {extraSources}  </PropertyGroup>
              <ItemGroup>
            {refs}
              </ItemGroup>
            </Project>
            """, ct);

        var (code, output) = await RunDotnetAsync(dir, ct);
        if (code != 0)
        {
            var problems = output.Split('\n').Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))
                .Select(l => l.Trim()).Distinct().Take(5);
            var what = string.Join(", ", packages.Select(p => p.Version is null ? p.Name : $"{p.Name} {p.Version}"));
            throw new DirectiveException(0, $"Could not restore NuGet package(s) {what}: {string.Join(" ", problems)}");
        }
        return ReadRuntimeAssets(Path.Combine(dir, "obj", "project.assets.json"), tfm);
    }

    private static List<string> ReadRuntimeAssets(string assetsFile, string tfm)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(assetsFile));
        var root = doc.RootElement;
        var folders = root.GetProperty("packageFolders").EnumerateObject().Select(p => p.Name).ToList();
        var libraries = root.GetProperty("libraries");
        var target = root.GetProperty("targets").EnumerateObject().First(t => t.Name.StartsWith(tfm, StringComparison.Ordinal)).Value;
        var paths = new List<string>();
        foreach (var lib in target.EnumerateObject())
        {
            if (!lib.Value.TryGetProperty("runtime", out var runtime)) continue;
            var libPath = libraries.GetProperty(lib.Name).GetProperty("path").GetString()!;
            foreach (var asset in runtime.EnumerateObject())
            {
                if (asset.Name.EndsWith("/_._", StringComparison.Ordinal)) continue;
                var full = folders.Select(f => Path.Combine(f, libPath, asset.Name)).FirstOrDefault(File.Exists);
                if (full is not null) paths.Add(full);
            }
        }
        return paths;
    }

    private static async Task<(int, string)> RunDotnetAsync(string dir, CancellationToken ct)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var psi = new ProcessStartInfo(dotnet, ["restore", "packages.csproj", "--nologo", "-v", "q"])
        {
            WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("Could not start 'dotnet restore'.");
        var stdout = p.StandardOutput.ReadToEndAsync(ct);
        var stderr = p.StandardError.ReadToEndAsync(ct);
        try { await p.WaitForExitAsync(ct); }
        catch (OperationCanceledException) { try { p.Kill(true); } catch (InvalidOperationException) { } throw; }
        return (p.ExitCode, await stdout + await stderr);
    }

    private static string Esc(string s) => System.Security.SecurityElement.Escape(s);
}
