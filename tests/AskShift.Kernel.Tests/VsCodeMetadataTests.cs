using System.Text.Json;
using System.Text.Json.Nodes;
using AskShift.Kernel.Protocol;
using AskShift.Notebooks;
using AskShift.Kernel.Spec;

namespace AskShift.Kernel.Tests;

/// <summary>
/// What VS Code's Jupyter extension reads from a notebook to pick a kernel and a language, checked on every committed
/// notebook: it offers first the installed kernelspec whose name the metadata carries, and it highlights cells in the
/// language named by <c>language_info.name</c> (else <c>kernelspec.language</c>), lower-cased, with "x#" read as
/// "xsharp" (vscode-jupyter's translateKernelLanguageToMonaco); "csharp" is VS Code's id for C#.
/// </summary>
public class VsCodeMetadataTests
{
    private static string Repo => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));

    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(Path.Combine(Repo, "notebooks"), "*.ipynb").Where(f => !Path.GetFileName(f).StartsWith('.')).Order())
            data.Add(Path.GetFileName(f));
        return data;
    }

    /// <summary>vscode-jupyter's rule from Jupyter language names to VS Code language ids.</summary>
    private static string VsCodeLanguage(string jupyterLanguage)
    {
        var l = jupyterLanguage.ToLowerInvariant();
        return l.Length == 2 && l.EndsWith('#') ? l[..1] + "sharp" : l;
    }

    [Fact]
    public void The_kernelspec_turns_tiered_compilation_back_on_for_the_kernel()
    {
        // askshift starts with it off (its batch commands run faster so); a kernel compiling cells starts faster with it.
        var spec = JsonNode.Parse(KernelSpecInstaller.KernelJson(["askshift", "kernel", "start"]))!;
        Assert.Equal("1", (string)spec["env"]![NotebookProcess.TieredCompilationVariable]!);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_names_the_installed_kernel_and_a_language_vs_code_highlights_as_csharp(string name)
    {
        var meta = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo, "notebooks", name)))!["metadata"]!;
        var spec = JsonNode.Parse(KernelSpecInstaller.KernelJson(["askshift", "kernel", "start"]))!;
        Assert.Equal(KernelSpecInstaller.DefaultName, (string)meta["kernelspec"]!["name"]!);
        Assert.Equal((string)spec["display_name"]!, (string)meta["kernelspec"]!["display_name"]!);
        Assert.Equal((string)spec["language"]!, (string)meta["kernelspec"]!["language"]!);
        Assert.Equal("csharp", VsCodeLanguage((string)meta["language_info"]!["name"]!));
        // What the kernel says in kernel_info is what the file says, so saving from VS Code does not rewrite it.
        var info = KernelInfo.LanguageInfo();
        foreach (var key in new[] { "name", "file_extension", "mimetype", "pygments_lexer" })
            Assert.Equal((string)info[key]!, (string)meta["language_info"]![key]!);
        // Polyglot Notebooks opens the same file with its C# kernel.
        Assert.Equal("csharp", (string)meta["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]!);
    }

    [Fact]
    public void Devcontainer_installs_the_jupyter_extension_and_the_kernel()
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo, ".devcontainer", "devcontainer.json")),
            documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!;
        var extensions = json["customizations"]!["vscode"]!["extensions"]!.AsArray().Select(e => (string)e!).ToList();
        Assert.Contains("ms-toolsai.jupyter", extensions);
        var script = File.ReadAllText(Path.Combine(Repo, ".devcontainer", (string)json["postCreateCommand"]! switch
        {
            var c when c.StartsWith("bash .devcontainer/", StringComparison.Ordinal) => c["bash .devcontainer/".Length..],
            var c => throw new Xunit.Sdk.XunitException($"unexpected postCreateCommand: {c}"),
        }));
        Assert.Contains("kernel install --user", script);
        Assert.Contains("dotnet build Notebooks.sln", script); // builds AskShift.Interactive too, for Polyglot Notebooks
    }
}
