using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Text;

namespace AskShift.Notebooks;

/// <summary>
/// A notebook's C# script submissions: each cell compiled as Roslyn's script submission on top of the previous one,
/// emitted, loaded and run here. It replaces Roslyn scripting's <c>Script.ContinueWith</c>/<c>RunFromAsync</c> on the
/// per-cell path because that path cost more than the compile itself needs (issue 12's warm round trip):
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>The compilation options are the ones Roslyn scripting derives from <see cref="ScriptOptions"/> (taken from
/// a first, never-emitted scripting compilation, so its internal binder flags come too), with one change: no
/// concurrent build. A cell is one small method, and scripting's fixed <c>concurrentBuild: true</c> handed it to the
/// thread pool and waited; on 2 cores that wait was about 2 ms of a 7-9 ms trivial cell (Roslyn 5.12).</item>
/// <item>The emitted cell goes into one load context for the session (<see cref="CellLoadContext"/>), which finds
/// earlier cells, the host's own assemblies and <c>#r</c>'d files, as scripting's loader did.</item>
/// <item>What a cell left behind is an array of submission objects, slot 0 the globals, as in scripting. A run works
/// on a copy, so a cell that is interrupted and abandoned leaves the state before it intact.</item>
/// <item>No PDB is emitted with a cell: writing it (the list of every reference, the options, the import scopes) was
/// about a sixth of a trivial cell's compile. When a cell throws, <see cref="SourceLine"/> emits that cell's PDB then
/// (the same compilation gives the same method tokens) and reads the line from it, so tracebacks keep their lines.</item>
/// <item>Cells are compiled optimised (<c>OptimizationLevel.Release</c>, set in the session's options): in the Debug
/// mode scripting examples use, a trivial cell took about 1.5 ms more to compile and emit. A small method defined in a
/// cell may then be inlined by the JIT once hot, and be missing from a traceback.</item>
/// <item>While the notebook waits for its next cell, <see cref="PrepareNext"/> builds that cell's compilation with no
/// code yet and binds its references (the earlier cells and every assembly), which was about a fifth of a trivial
/// cell's compile. The cell's code then replaces the empty tree (<see cref="CSharpCompilation.ReplaceSyntaxTree"/>),
/// and Roslyn reuses the bound references when neither tree has <c>#r</c> or <c>#load</c> in it.</item>
/// </list>
/// </remarks>
internal sealed class SubmissionChain
{
    private static readonly CSharpParseOptions ScriptParse = new(LanguageVersion.Preview, kind: SourceCodeKind.Script);
    private static readonly EmitOptions WithPdb = new(debugInformationFormat: DebugInformationFormat.PortablePdb);
    private static int submissions;

    private readonly string sessionId = Guid.NewGuid().ToString("N");
    private readonly CellLoadContext assemblies;
    private readonly object globals;
    private readonly Type globalsType;

    public SubmissionChain(CellLoadContext assemblies, object globals)
    {
        this.assemblies = assemblies;
        this.globals = globals;
        globalsType = globals.GetType();
    }

    /// <summary>The state the next cell builds on: the last cell that ran (whether or not it threw), or null.</summary>
    public ChainState? State { get; private set; }

    private Prepared? prepared;

    /// <summary>How many cells were compiled on a prepared compilation (tests look at it).</summary>
    public int PreparedTaken { get; private set; }

    /// <summary>The preparation in progress or done, if any, so a test can wait until it is ready.</summary>
    public Task PreparedWork => prepared?.Work ?? Task.CompletedTask;

    /// <summary>
    /// Starts building, on the thread pool, the compilation of the cell after the current state, without its code, and
    /// binds its references, so that work is done while the notebook waits for the cell. It is used by the next
    /// <see cref="Compile"/> that asks for it, if nothing changed in between (the state, the references); otherwise it
    /// is dropped, and the cell is compiled as if nothing had been prepared.
    /// </summary>
    /// <param name="added">The references the next cell will be given beyond the chain's (those added by a cell that
    /// then failed to compile, say).</param>
    public void PrepareNext(IReadOnlyList<MetadataReference> added)
    {
        if (State is not { } basis) return;
        var refs = added.ToArray();
        if (prepared is { } p && p.Basis == basis && p.Added.SequenceEqual(refs)) return;
        var placeholder = CSharpSyntaxTree.ParseText(SourceText.From("", Encoding.UTF8), ScriptParse);
        var work = Task.Run(() =>
        {
            var next = Submission(placeholder, refs, basis.Compilation.Options, basis.Compilation);
            _ = next.Assembly; // binds the references: the part a cell's tree does not change
            return next;
        });
        prepared = new Prepared(basis, refs, placeholder, work);
    }

    /// <summary>
    /// The submission compilation for <paramref name="code"/> on top of the current state, not yet emitted.
    /// The first cell takes every reference in <paramref name="options"/>; a later one only <paramref name="added"/>,
    /// those added since the last cell ran (every previous submission's references are inherited through the chain).
    /// </summary>
    /// <param name="code">The cell's code, directives already taken out.</param>
    /// <param name="options">The session's options; their file path names the cell in tracebacks.</param>
    /// <param name="added">References added since the last cell ran.</param>
    /// <param name="takePrepared">Whether this compile may use (and so use up) what <see cref="PrepareNext"/> built:
    /// true for the cell itself, false for a completion or an inspection, which must leave it to the cell.</param>
    public CSharpCompilation Compile(string code, ScriptOptions options, IEnumerable<MetadataReference> added, bool takePrepared = false)
    {
        var tree = CSharpSyntaxTree.ParseText(SourceText.From(code, Encoding.UTF8), ScriptParse, options.FilePath);
        if (takePrepared && TakePrepared(added) is { } ready)
        {
            PreparedTaken++;
            return ready.Compilation.ReplaceSyntaxTree(ready.Placeholder, tree);
        }
        if (State is not null) return Submission(tree, added, State.Compilation.Options, State.Compilation);
        // Scripting's own first compilation gives its options and the references it adds (corlib, the globals'
        // assembly under its host alias); it is only created, never bound or emitted.
        var first = CSharpScript.Create("", options, globalsType).GetCompilation();
        return Submission(tree, first.References, (CSharpCompilationOptions)first.Options, null);
    }

    /// <summary>A new submission (its own id, class and assembly name) of <paramref name="tree"/> on <paramref name="previous"/>.</summary>
    private CSharpCompilation Submission(SyntaxTree tree, IEnumerable<MetadataReference> references, CSharpCompilationOptions options,
        CSharpCompilation? previous)
    {
        var id = Interlocked.Increment(ref submissions);
        return CSharpCompilation.CreateScriptCompilation($"askshift-cell-{sessionId}-{id}", tree, references,
            options.WithScriptClassName($"Submission#{id}").WithConcurrentBuild(false), previous, typeof(object), globalsType);
    }

    private (CSharpCompilation Compilation, SyntaxTree Placeholder)? TakePrepared(IEnumerable<MetadataReference> added)
    {
        var p = prepared;
        prepared = null;
        if (p is null || !ReferenceEquals(p.Basis, State) || !added.SequenceEqual(p.Added)) return null;
        try
        {
            // Usually done by now; if the cell came quickly, waiting for the rest of the same work is never slower.
            return (p.Work.GetAwaiter().GetResult(), p.Placeholder);
        }
        catch (Exception)
        {
            return null; // the cell's own compile reports whatever is wrong, against the cell's code
        }
    }

    private sealed record Prepared(ChainState Basis, MetadataReference[] Added, SyntaxTree Placeholder, Task<CSharpCompilation> Work);

    /// <summary>Emits and loads <paramref name="compilation"/>; on failure gives its errors instead.</summary>
    public bool TryEmit(CSharpCompilation compilation, CancellationToken ct, out CompiledCell? cell, out ImmutableArray<Diagnostic> errors)
    {
        cell = null;
        var entryPoint = compilation.GetEntryPoint(ct);
        using var pe = new MemoryStream();
        var result = compilation.Emit(pe, cancellationToken: ct);
        errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        if (!errors.IsEmpty) return false;
        // A submission with nothing to run (only usings, say) "fails" to emit without an error, as in scripting.
        Func<object?[], Task<object?>>? run = null;
        if (result.Success && entryPoint is not null)
        {
            pe.Position = 0;
            var assembly = assemblies.LoadCell(pe, compilation);
            var type = assembly.GetType(entryPoint.ContainingType.MetadataName, throwOnError: true)!;
            var method = type.GetMethod(entryPoint.MetadataName, BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
                         ?? throw new InvalidOperationException($"The compiled cell has no {entryPoint.MetadataName} method.");
            run = method.CreateDelegate<Func<object?[], Task<object?>>>();
        }
        cell = new CompiledCell(compilation, run);
        return true;
    }

    /// <summary>
    /// Runs a compiled cell on a copy of the current state. Its exception, if any, is caught and kept in the state, as
    /// scripting's <c>RunFromAsync(catchException: _ => true)</c> did: the next cell still sees what this one declared.
    /// </summary>
    public async Task<ChainState> RunAsync(CompiledCell cell)
    {
        var previous = State;
        // A cell's object takes the slot after the last cell that had code, so one more slot than before is enough.
        var slots = new object?[Math.Max(16, (previous?.Slots.Length ?? 0) + 1)];
        if (previous is null) slots[0] = globals;
        else Array.Copy(previous.Slots, slots, previous.Slots.Length);
        object? value = null;
        Exception? error = null;
        if (cell.Run is not null)
        {
            try { value = await cell.Run(slots).ConfigureAwait(false); }
            catch (Exception e) { error = e; }
        }
        return new ChainState(cell.Compilation, slots, value, error);
    }

    /// <summary>
    /// The file and line of <paramref name="ilOffset"/> in <paramref name="method"/> when the method is in a cell, or
    /// null. The cell's PDB is emitted on the first question about it and kept.
    /// </summary>
    public (string File, int Line)? SourceLine(MethodBase method, int ilOffset)
    {
        if (assemblies.Symbols(method.Module.Assembly, PdbOf) is not { } pdb) return null;
        var reader = pdb.GetMetadataReader();
        var handle = System.Reflection.Metadata.Ecma335.MetadataTokens.MethodDefinitionHandle(method.MetadataToken & 0xFFFFFF);
        (string, int)? found = null;
        foreach (var point in reader.GetMethodDebugInformation(handle).GetSequencePoints())
        {
            if (point.Offset > ilOffset) break;
            if (!point.IsHidden) found = (reader.GetString(reader.GetDocument(point.Document).Name), point.StartLine);
        }
        return found;
    }

    private static System.Reflection.Metadata.MetadataReaderProvider? PdbOf(CSharpCompilation compilation)
    {
        var pdb = new MemoryStream();
        var result = compilation.Emit(Stream.Null, pdb, options: WithPdb);
        if (!result.Success) return null;
        pdb.Position = 0;
        return System.Reflection.Metadata.MetadataReaderProvider.FromPortablePdbStream(pdb);
    }

    /// <summary>Makes <paramref name="state"/> (what <see cref="RunAsync"/> returned) the one the next cell builds on.</summary>
    public void Advance(ChainState state) => State = state;
}

/// <summary>A cell compiled and loaded; <see cref="Run"/> is null when it has no code to run (only usings, say).</summary>
internal sealed record CompiledCell(CSharpCompilation Compilation, Func<object?[], Task<object?>>? Run);

/// <summary>The chain after one cell: its compilation, the submission objects, and what the cell returned or threw.</summary>
internal sealed record ChainState(CSharpCompilation Compilation, object?[] Slots, object? ReturnValue, Exception? Exception);

/// <summary>
/// Where a session's cells and the files they <c>#r</c> are loaded. Earlier cells are found by name; an assembly the
/// host process has (the formatters' DataFrame and Plotly.NET types) resolves to the host's own copy, so the types
/// are the same ones; a <c>#r</c>'d file and the dependencies found beside it load from their paths; anything else
/// (the framework) falls through to the default context.
/// </summary>
internal sealed class CellLoadContext() : AssemblyLoadContext("AskShift notebook cells", isCollectible: false)
{
    private readonly object gate = new();
    private readonly Dictionary<string, Assembly> cells = new(StringComparer.Ordinal);
    private readonly Dictionary<Assembly, CSharpCompilation> compilations = [];
    private readonly Dictionary<Assembly, System.Reflection.Metadata.MetadataReaderProvider?> symbols = [];
    private readonly Dictionary<string, Assembly> host = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> files = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> folders = [];

    /// <summary>Cells that name <paramref name="assembly"/> get the host's own copy.</summary>
    public void RegisterHost(Assembly assembly)
    {
        lock (gate) host.TryAdd(assembly.GetName().Name!, assembly);
    }

    /// <summary>Cells that name the assembly in <paramref name="path"/> get it loaded from there.</summary>
    public void RegisterFile(string path)
    {
        var name = AssemblyName.GetAssemblyName(path).Name!;
        lock (gate)
        {
            files.TryAdd(name, path);
            var folder = Path.GetDirectoryName(path)!;
            if (!folders.Contains(folder, StringComparer.Ordinal)) folders.Add(folder);
        }
    }

    /// <summary>Loads one emitted cell; its compilation is kept to make its symbols when a traceback needs them.</summary>
    public Assembly LoadCell(Stream pe, CSharpCompilation compilation)
    {
        var assembly = LoadFromStream(pe);
        lock (gate)
        {
            cells[assembly.GetName().Name!] = assembly;
            compilations[assembly] = compilation;
        }
        return assembly;
    }

    /// <summary>The symbols of a cell's assembly, made by <paramref name="make"/> the first time; null for others.</summary>
    public System.Reflection.Metadata.MetadataReaderProvider? Symbols(Assembly assembly, Func<CSharpCompilation, System.Reflection.Metadata.MetadataReaderProvider?> make)
    {
        lock (gate)
        {
            if (symbols.TryGetValue(assembly, out var known)) return known;
            if (!compilations.TryGetValue(assembly, out var compilation)) return null;
            return symbols[assembly] = make(compilation);
        }
    }

    protected override Assembly? Load(AssemblyName name)
    {
        string? path;
        lock (gate)
        {
            if (cells.TryGetValue(name.Name!, out var cell)) return cell;
            if (host.TryGetValue(name.Name!, out var hosted)) return hosted;
            // A framework assembly copied beside a #r'd file is not loaded from there: the default context has it.
            if (!files.TryGetValue(name.Name!, out path) && ReferenceResolver.MappedMissingAssemblies.Locate(name.Name!) is null)
                path = folders.Select(f => Path.Combine(f, name.Name + ".dll")).FirstOrDefault(File.Exists);
        }
        return path is null ? null : LoadFromAssemblyPath(path);
    }
}
