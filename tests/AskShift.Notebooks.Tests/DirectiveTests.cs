using AskShift.Notebooks;

namespace AskShift.Notebooks.Tests;

public class DirectiveTests
{
    [Fact]
    public async Task A_reference_into_a_folder_that_does_not_exist_is_a_cell_error_not_a_crash()
    {
        // A notebook copied out of its checkout still says "../lib/AskShift/bin/notebook/AskShift.Core.dll".
        var root = Directory.CreateTempSubdirectory("askshift-away").FullName;
        try
        {
            await using var s = SessionTests.NewSession(root);
            var missing = await s.ExecuteAsync("#r \"../no-such-checkout/lib/AskShift/bin/notebook/AskShift.Core.dll\"");
            Assert.False(missing.Success);
            var error = Assert.IsType<ErrorOutput>(Assert.Single(missing.Outputs));
            Assert.Contains("#r: assembly \"../no-such-checkout/lib/AskShift/bin/notebook/AskShift.Core.dll\" not found", error.EValue);
            Assert.DoesNotContain("Build it first", error.EValue); // no project there to build
            Assert.True((await s.ExecuteAsync("1 + 1")).Success); // and the session goes on
        }
        finally { Directory.Delete(root, true); }
    }

    [Fact]
    public async Task A_reference_to_a_project_build_names_the_build_command_when_missing_and_warns_when_stale()
    {
        var root = Directory.CreateTempSubdirectory("askshift-fresh").FullName;
        try
        {
            var project = Directory.CreateDirectory(Path.Combine(root, "lib", "Thing")).FullName;
            File.WriteAllText(Path.Combine(project, "Thing.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\" />");
            var source = Path.Combine(project, "Code.cs");
            File.WriteAllText(source, "// source");
            var notebooks = Directory.CreateDirectory(Path.Combine(root, "notebooks")).FullName;
            await using var s = SessionTests.NewSession(notebooks);

            var missing = await s.ExecuteAsync("#r \"../lib/Thing/bin/notebook/NotebookTestLib.dll\"");
            var error = Assert.IsType<ErrorOutput>(Assert.Single(missing.Outputs));
            Assert.Contains($"Build it first: dotnet build {Path.Combine("..", "lib", "Thing")}", error.EValue);

            var bin = Directory.CreateDirectory(Path.Combine(project, "bin", "notebook")).FullName;
            var dll = Path.Combine(bin, "NotebookTestLib.dll");
            File.Copy(TestPaths.TestLib, dll);
            File.SetLastWriteTimeUtc(dll, DateTime.UtcNow.AddMinutes(-10));
            File.SetLastWriteTimeUtc(source, DateTime.UtcNow); // edited after the last build
            var stale = await s.ExecuteAsync("#r \"../lib/Thing/bin/notebook/NotebookTestLib.dll\"\n1");
            Assert.True(stale.Success);
            var warning = Assert.Single(stale.Outputs.OfType<StreamOutput>(), o => o.Name == "stderr").Text;
            Assert.Contains("NotebookTestLib.dll is older than its sources (Code.cs changed after the build)", warning);
            Assert.Contains($"dotnet build {Path.Combine("..", "lib", "Thing")}", warning);

            await using var fresh = SessionTests.NewSession(notebooks);
            File.SetLastWriteTimeUtc(dll, DateTime.UtcNow.AddMinutes(1));
            var current = await fresh.ExecuteAsync("#r \"../lib/Thing/bin/notebook/NotebookTestLib.dll\"\n1");
            Assert.DoesNotContain(current.Outputs, o => o is StreamOutput { Name: "stderr" });
        }
        finally { Directory.Delete(root, true); }
    }

    [Fact]
    public async Task A_reference_added_in_a_later_cell_stays_visible_to_every_cell_after_it()
    {
        // Continuations are compiled with only the references added since the last cell (the rest come through the
        // submission chain): a reference must not be lost after the cell that added it, nor after a failed cell.
        var dir = Path.GetDirectoryName(TestPaths.TestLib)!;
        await using var s = SessionTests.NewSession(Path.Combine(dir, "sub"));
        Assert.True((await s.ExecuteAsync("var a = 1;")).Success);
        Assert.False((await s.ExecuteAsync("#r \"../NotebookTestLib.dll\"\nint broken = \"x\";")).Success);
        var r = await s.ExecuteAsync("using NotebookTestLib;\nvar n = Frames.Numbers(3);");
        Assert.True(r.Success, string.Join("\n", r.Outputs));
        Assert.True((await s.ExecuteAsync("var b = 2;")).Success);
        var later = await s.ExecuteAsync("Frames.Numbers(2).Rows.Count + a + b");
        Assert.Equal("5", Assert.IsType<ExecuteResultOutput>(Assert.Single(later.Outputs)).Bundle.Text);
        Assert.Contains("Numbers", (await s.CompleteAsync("Frames.Nu", 9)).Select(i => i.Label));
    }

    [Fact]
    public async Task Reference_by_path_resolves_dependencies_and_unifies_types_with_the_host()
    {
        Assert.True(File.Exists(TestPaths.TestLib), $"missing {TestPaths.TestLib}");
        var dir = Path.GetDirectoryName(TestPaths.TestLib)!;
        await using var s = SessionTests.NewSession(Path.Combine(dir, "sub"));
        var r = await s.ExecuteAsync("#r \"../NotebookTestLib.dll\"\nusing NotebookTestLib;\nFrames.Numbers(3)");
        Assert.True(r.Success, string.Join("\n", r.Outputs));
        var bundle = Assert.IsType<ExecuteResultOutput>(Assert.Single(r.Outputs)).Bundle;
        // The DataFrame formatter only applies if the DataFrame type is the host's own.
        Assert.Contains("text/html", bundle.Data.Keys);
        var chart = await s.ExecuteAsync("Frames.Line()");
        Assert.Contains(Formatter.PlotlyMime, Assert.IsType<ExecuteResultOutput>(Assert.Single(chart.Outputs)).Bundle.Data.Keys);
    }

    [Fact]
    public async Task Missing_assembly_names_the_path()
    {
        await using var s = SessionTests.NewSession();
        var r = await s.ExecuteAsync("#r \"nope/Missing.dll\"");
        var e = Assert.IsType<ErrorOutput>(Assert.Single(r.Outputs));
        Assert.Contains("Missing.dll", e.EValue);
        Assert.Contains("line 1", e.EValue);
    }

    [Fact]
    public async Task Load_runs_a_script_relative_to_the_working_directory()
    {
        await using var s = SessionTests.NewSession(TestPaths.Assets);
        var r = await s.ExecuteAsync("#load \"helper.csx\"\nGreet(\"world\") + loadedValue");
        Assert.True(r.Success, string.Join("\n", r.Outputs));
        Assert.Equal("hello world7", Assert.IsType<ExecuteResultOutput>(Assert.Single(r.Outputs)).Bundle.Text);
    }

    [Fact]
    public async Task Time_reports_wall_time_and_csharp_magic_is_a_no_op()
    {
        await using var s = SessionTests.NewSession();
        var r = await s.ExecuteAsync("#!csharp\n#!time\nvar z = 1;\nz");
        Assert.True(r.Success, string.Join("\n", r.Outputs));
        Assert.Contains(r.Outputs, o => o is StreamOutput { Text: var t } && t.StartsWith("Wall time: ") && t.EndsWith("ms\n"));
        Assert.Contains(r.Outputs, o => o is ExecuteResultOutput { Bundle.Text: "1" });
    }

    [Fact]
    public async Task Unknown_magic_is_an_error_naming_it()
    {
        await using var s = SessionTests.NewSession();
        var r = await s.ExecuteAsync("#!fsharp\nlet x = 1");
        Assert.False(r.Success);
        Assert.Contains("#!fsharp", Assert.IsType<ErrorOutput>(Assert.Single(r.Outputs)).EValue);
    }

    [Fact]
    public async Task NuGet_package_is_restored_and_usable()
    {
        await using var s = SessionTests.NewSession();
        var r = await s.ExecuteAsync("#r \"nuget: Snappier, 1.3.1\"\nvar data = new byte[100];\nSnappier.Snappy.CompressToArray(data).Length < 100");
        Assert.True(r.Success, string.Join("\n", r.Outputs));
        Assert.Equal("True", Assert.IsType<ExecuteResultOutput>(r.Outputs[^1]).Bundle.Text);
    }

    [Fact]
    public async Task Unavailable_NuGet_package_fails_naming_package_and_version()
    {
        await using var s = SessionTests.NewSession();
        var r = await s.ExecuteAsync("#r \"nuget: AskShift.No.Such.Package.Xyz, 9.9.9\"");
        Assert.False(r.Success);
        var e = Assert.IsType<ErrorOutput>(Assert.Single(r.Outputs));
        Assert.Contains("AskShift.No.Such.Package.Xyz 9.9.9", e.EValue);
    }

    [Fact]
    public async Task Inspect_shows_the_doc_summary_of_a_referenced_library()
    {
        await using var s = SessionTests.NewSession();
        await s.ExecuteAsync("var h = display(1);");
        var info = await s.InspectAsync("h.Update(2)", 3);
        Assert.NotNull(info);
        Assert.Contains("DisplayHandle.Update(", info);
        Assert.Contains("Replaces the displayed value", info);
    }

    [Fact]
    public void Directives_are_parsed_with_line_numbers_and_blanked_in_place()
    {
        var d = CellDirectives.Parse("#i \"nuget: https://example.org/v3/index.json\"\n#r \"nuget: Foo\"\nvar x = 1;");
        Assert.Equal([new NuGetSourceDirective(1, "https://example.org/v3/index.json"), new NuGetPackageDirective(2, "Foo", null)], d.Directives);
        Assert.Equal(3, d.Code.Split('\n').Length);
        Assert.Equal("var x = 1;", d.Code.Split('\n')[2]);
        Assert.Throws<DirectiveException>(() => CellDirectives.Parse("#r nuget: Foo"));
    }

    [Fact]
    public async Task AskShift_library_is_referenced_by_path_as_the_notebooks_do()
    {
        var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
        var dll = Path.GetFullPath(Path.Combine(bin.FullName, "..", "..", "..", "..", "..", "lib", "AskShift", "bin", bin.Parent!.Name, bin.Name, "AskShift.Core.dll"));
        await using var s = SessionTests.NewSession();
        var r = await s.ExecuteAsync($"#r \"{dll}\"\nusing AskShift;\nnew LoadError(\"x.txt\", \"bad\")");
        Assert.True(r.Success, string.Join("\n", r.Outputs));
        Assert.Contains("x.txt", Assert.IsType<ExecuteResultOutput>(Assert.Single(r.Outputs)).Bundle.Text);
    }
}
