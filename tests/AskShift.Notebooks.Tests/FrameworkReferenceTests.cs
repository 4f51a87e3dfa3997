using AskShift.Notebooks;

namespace AskShift.Notebooks.Tests;

/// <summary>
/// Sessions start against a core set of framework assemblies (each submission binds every reference, so fewer make
/// every cell faster) and take in the rest the first time a cell needs it: any BCL API works without a #r.
/// </summary>
public class FrameworkReferenceTests
{
    [Fact]
    public async Task A_type_outside_the_core_set_works_without_a_reference_and_later_cells_keep_it()
    {
        await using var s = SessionTests.NewSession();
        Assert.True((await s.ExecuteAsync("var n = 1;")).Success);
        Assert.False(s.FrameworkComplete);
        Assert.DoesNotContain("System.Xml.Linq", ReferenceResolver.CoreFramework);

        var xml = await s.ExecuteAsync("using System.Xml.Linq;\nnew XElement(\"ask\", n).ToString()");
        Assert.True(xml.Success, string.Join("\n", xml.Outputs));
        Assert.Equal("<ask>1</ask>", Assert.IsType<ExecuteResultOutput>(Assert.Single(xml.Outputs)).Bundle.Text);
        Assert.True(s.FrameworkComplete);

        var later = await s.ExecuteAsync("System.Security.Cryptography.SHA256.HashData(new byte[1]).Length + n");
        Assert.Equal("33", Assert.IsType<ExecuteResultOutput>(Assert.Single(later.Outputs)).Bundle.Text);
    }

    [Fact]
    public async Task A_misspelt_name_is_reported_without_taking_in_the_whole_framework()
    {
        await using var s = SessionTests.NewSession();
        var r = await s.ExecuteAsync("for (var i = 0; i < 2; i++) { }\nvar total = undefinedThing + 1;");
        Assert.False(r.Success);
        var error = Assert.IsType<ErrorOutput>(Assert.Single(r.Outputs));
        Assert.Contains("(2,13): error CS0103: The name 'undefinedThing' does not exist", error.EValue); // as written, not as instrumented
        Assert.False(s.FrameworkComplete);
    }

    [Fact]
    public async Task A_missing_namespace_that_no_framework_assembly_has_still_fails_with_its_error()
    {
        await using var s = SessionTests.NewSession();
        var r = await s.ExecuteAsync("using No.Such.Namespace;\n1");
        Assert.False(r.Success);
        Assert.Contains("CS0246", Assert.IsType<ErrorOutput>(Assert.Single(r.Outputs)).EValue);
    }

    [Fact]
    public void Missing_assemblies_resolve_once_to_mapped_references_of_the_running_framework()
    {
        var resolver = new ReferenceResolver.MappedMissingAssemblies(Microsoft.CodeAnalysis.Scripting.ScriptMetadataResolver.Default);
        var definition = Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(object).Assembly.Location);
        var wanted = new Microsoft.CodeAnalysis.AssemblyIdentity("System.Xml.ReaderWriter", new Version(4, 0, 0, 0));

        // Until the session completes it, the resolver leaves assemblies unresolved and notes them.
        Assert.Null(resolver.ResolveMissingAssembly(definition, wanted));
        Assert.Equal(1, resolver.DeferredCount);
        var noted = Assert.Single(resolver.Complete());

        var first = resolver.ResolveMissingAssembly(definition, wanted);
        Assert.NotNull(first);
        Assert.Same(noted, first);
        Assert.Equal(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "System.Xml.ReaderWriter.dll"), first.FilePath);
        Assert.Same(first, resolver.ResolveMissingAssembly(definition, wanted)); // one reference per file, whoever asks
        Assert.Equal("System.Xml.ReaderWriter", ((Microsoft.CodeAnalysis.AssemblyMetadata)first.GetMetadata()).GetModules()[0].Name.Replace(".dll", ""));
        Assert.Equal(["<implicit>"], first.Properties.Aliases.ToArray()); // completes signatures; its types stay out of scope
        Assert.Null(resolver.ResolveMissingAssembly(definition, new Microsoft.CodeAnalysis.AssemblyIdentity("No.Such.Assembly.Anywhere")));
    }

    [Fact]
    public async Task A_fresh_session_binds_only_the_assemblies_it_names_not_their_dependencies()
    {
        await using var s = SessionTests.NewSession();
        Assert.True((await s.ExecuteAsync("1 + 1")).Success);
        // The core framework set and the host assemblies, not the ~100 that netstandard, Plotly.NET and the engine
        // itself reference (each one bound again for every cell).
        Assert.False(s.MissingAssemblies.IsComplete);
        Assert.True(s.MissingAssemblies.DeferredCount > 20, $"deferred {s.MissingAssemblies.DeferredCount}");
        // (Plus the ~15 that hold base types or interfaces of the referenced types: see the next tests.)
        Assert.True(s.BoundAssemblyCount <= ReferenceResolver.CoreFramework.Count + 25, $"bound {s.BoundAssemblyCount}");
    }

    [Fact]
    public async Task A_member_inherited_from_another_assemblys_base_type_is_found_in_a_lean_session()
    {
        await using var s = SessionTests.NewSession();
        Assert.True((await s.ExecuteAsync("var n = 2;")).Success);
        // Plotly.NET's Layout derives from DynamicObj, which the session names no reference to. Left unresolved, the
        // member Layout inherits would not be found (CS1061), and a cell could bind something else of that name; an
        // assembly that holds a base type is therefore resolved from the start, and the session stays lean.
        var r = await s.ExecuteAsync("var layout = new Plotly.NET.Layout();\nlayout.SetProperty(\"title\", \"t\");\nlayout.GetType().Name + n");
        Assert.True(r.Success, string.Join("\n", r.Outputs));
        Assert.Equal("Layout2", Assert.IsType<ExecuteResultOutput>(Assert.Single(r.Outputs)).Bundle.Text);
        Assert.False(s.MissingAssemblies.IsComplete);
    }

    [Fact]
    public async Task A_signature_that_needs_an_unresolved_assembly_takes_it_in_and_the_cell_runs()
    {
        await using var s = SessionTests.NewSession();
        Assert.True((await s.ExecuteAsync("var n = 2;")).Success);
        Assert.False(s.MissingAssemblies.IsComplete);
        // DataFrame.FromArrowRecordBatch takes an Apache.Arrow RecordBatch, an assembly the session left unresolved:
        // the first compile fails, the session takes in what it left out, and the cell compiles and runs.
        var r = await s.ExecuteAsync("Func<Microsoft.Data.Analysis.DataFrame> make = () => Microsoft.Data.Analysis.DataFrame.FromArrowRecordBatch(null);\nmake is null ? 0 : n");
        Assert.True(r.Success, string.Join("\n", r.Outputs));
        Assert.Equal("2", Assert.IsType<ExecuteResultOutput>(Assert.Single(r.Outputs)).Bundle.Text);
        Assert.True(s.MissingAssemblies.IsComplete);
    }

    [Fact]
    public async Task A_library_referenced_with_r_ends_the_lean_session_before_its_first_cell_compiles()
    {
        await using var s = SessionTests.NewSession();
        Assert.True((await s.ExecuteAsync("1")).Success);
        Assert.False(s.MissingAssemblies.IsComplete);
        // A library's signatures may need anything its dependencies name, so nothing is left unresolved after a #r.
        var dll = typeof(Xunit.Assert).Assembly.Location;
        var r = await s.ExecuteAsync($"#r \"{dll}\"\nXunit.Assert.Equal(1, 1);\n2");
        Assert.True(r.Success, string.Join("\n", r.Outputs));
        Assert.True(s.MissingAssemblies.IsComplete);
        Assert.False(s.FrameworkComplete);
        Assert.True(s.BoundAssemblyCount > ReferenceResolver.CoreFramework.Count + 20, $"bound {s.BoundAssemblyCount}");
    }

    [Fact]
    public void Base_type_assemblies_are_found_through_type_forwarders_to_where_the_types_are_defined()
    {
        // FSharp.Core is built for .NET Standard: its types implement [netstandard]IStructuralEquatable and the like,
        // which netstandard forwards to System.Runtime and System.Runtime to System.Private.CoreLib.
        var fsharp = typeof(Microsoft.FSharp.Core.Unit).Assembly.Location;
        var needed = BaseTypeAssemblies.Needed([fsharp], ReferenceResolver.MappedMissingAssemblies.Locate);
        Assert.Contains("System.Private.CoreLib", needed);
        Assert.DoesNotContain("netstandard", needed);
        Assert.DoesNotContain("FSharp.Core", needed); // the given assemblies are not counted

        // Plotly.NET's chart objects derive from DynamicObj's DynamicObj, itself from System.Dynamic.DynamicObject.
        var plotly = BaseTypeAssemblies.Needed([typeof(Plotly.NET.GenericChart).Assembly.Location], ReferenceResolver.MappedMissingAssemblies.Locate);
        Assert.Contains("DynamicObj", plotly);
        Assert.Contains("System.Linq.Expressions", plotly);
    }
}
