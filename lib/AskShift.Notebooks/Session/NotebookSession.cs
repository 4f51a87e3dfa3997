using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Scripting.Hosting;

namespace AskShift.Notebooks;

/// <summary>
/// One C# notebook's running state, in the .NET Interactive dialect: each executed cell continues the previous one
/// (variables, classes, usings and references carry over). It knows nothing about files or sockets, so the headless
/// runner and the Jupyter kernel drive it the same way. Cells run one at a time; calls queue.
/// </summary>
/// <remarks>
/// Cancellation: the token stops waiting for the cell and reports it as cancelled, and is exposed to cell code as
/// <c>CancellationToken</c>. Loops written in the cell check it on every iteration (see <see cref="CellInterrupts"/>),
/// so they stop. .NET cannot abort a thread, so code that never returns to a cell loop (a long library call) keeps
/// running in the background until it ends; the error says so, its later output is dropped, and the next cell starts
/// from the state before the cancelled one.
/// </remarks>
public sealed class NotebookSession : IAsyncDisposable
{
    /// <summary>
    /// The namespaces every cell sees: exactly the ones .NET Interactive's C# kernel imports (so a notebook that runs
    /// here runs there too, and a missing <c>using System.IO;</c> fails in both), plus this engine's display helpers,
    /// which stand where .NET Interactive's <c>using static Microsoft.DotNet.Interactive.Kernel</c> does.
    /// </summary>
    internal static readonly string[] DefaultImports =
    [
        "System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks",
        "System.Linq", "AskShift.Notebooks",
    ];

    private readonly SessionOptions options;
    private readonly CellLoadContext loader = new();
    private readonly ReferenceResolver resolver;
    private readonly SubmissionChain chain;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly List<(string Name, string? Version)> packages = [];
    private readonly List<string> sources = [];
    private ScriptOptions scriptOptions;
    private bool frameworkComplete;
    private readonly ReferenceResolver.MappedMissingAssemblies missing = new(ScriptMetadataResolver.Default);

    /// <summary>The resolver of assemblies the session's references need but do not list (tests look at it).</summary>
    internal ReferenceResolver.MappedMissingAssemblies MissingAssemblies => missing;

    /// <summary>Whether the whole framework is referenced yet (see <see cref="ReferenceResolver.CoreFramework"/>).</summary>
    internal bool FrameworkComplete => frameworkComplete;
    // References #r'd since the last submission ran. A continuation is given only these: every previous submission's
    // references are inherited through the chain, and handing the whole list again made Roslyn bind all ~170
    // assemblies anew for each cell (memory grew with the square of the number of cells).
    private readonly List<MetadataReference> pendingReferences = [];
    private bool disposed;

    /// <summary>Starts an empty session; nothing is compiled until the first cell runs.</summary>
    public NotebookSession(SessionOptions? options = null)
    {
        this.options = options ?? new SessionOptions();
        ConsoleRouter.Install();
        resolver = new ReferenceResolver(loader);
        chain = new SubmissionChain(loader, new ScriptGlobals());
        var refs = ReferenceResolver.FrameworkReferences(core: true).ToList();
        foreach (var a in new[] { typeof(NotebookSession).Assembly, typeof(Formatter).Assembly, typeof(Microsoft.Data.Analysis.DataFrame).Assembly,
                     typeof(Plotly.NET.GenericChart).Assembly, typeof(Microsoft.FSharp.Core.Unit).Assembly })
            if (resolver.Host(a) is { } r) refs.Add(r);
        missing.ResolveFromStart(BaseTypeAssemblies.Needed(
            refs.OfType<PortableExecutableReference>().Select(r => r.FilePath).OfType<string>(), ReferenceResolver.MappedMissingAssemblies.Locate));
        scriptOptions = ScriptOptions.Default
            .WithReferences(refs)
            .WithMetadataResolver(missing)
            .WithImports(DefaultImports)
            .WithLanguageVersion(LanguageVersion.Preview)
            .WithFileEncoding(System.Text.Encoding.UTF8)
            .WithOptimizationLevel(OptimizationLevel.Release)
            .WithAllowUnsafe(true);
    }

    /// <summary>How many assemblies the last cell was compiled against (references and what they resolved).</summary>
    internal int BoundAssemblyCount => chain.State?.Compilation.ReferencedAssemblyNames.Count() ?? 0;

    /// <summary>How many cells were compiled on references bound while the session waited for them.</summary>
    internal int PreparedCompiles => chain.PreparedTaken;

    /// <summary>Completes when the next cell's compilation, started after the last cell, is ready.</summary>
    internal Task NextCellPrepared => chain.PreparedWork;

    /// <summary>How many cells have been executed, as Jupyter's execution_count (the first cell is 1).</summary>
    public int ExecutionCount { get; private set; }

    /// <summary>The options the session was made with.</summary>
    public SessionOptions Options => options;

    /// <summary>
    /// Runs one cell. Outputs go to <paramref name="onOutput"/> as they happen (for a live kernel) and are also
    /// returned (for the runner). Failures are outputs, not exceptions: a compile error or an exception in the cell
    /// yields <c>Success == false</c> with an <see cref="ErrorOutput"/>.
    /// </summary>
    public async Task<CellResult> ExecuteAsync(string code, Action<CellOutput>? onOutput = null, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        await gate.WaitAsync(ct);
        var cell = new CellContext(this, onOutput, ct);
        var clock = Stopwatch.StartNew();
        var ok = false;
        try
        {
            ExecutionCount++;
            ok = await RunCellAsync(code, cell, ct);
            chain.PrepareNext(pendingReferences);
        }
        catch (OperationCanceledException e) when (ct.IsCancellationRequested)
        {
            var message = e is CellStillRunningException
                ? "The cell was interrupted, but its code is still running in the background and using a core: it is inside "
                  + "a call that does not check CancellationToken (a loop in the cell itself would have stopped). It runs until "
                  + "that call returns; restart the kernel to stop it now. Its later output is dropped."
                : "The cell was interrupted.";
            cell.Emit(new ErrorOutput("OperationCanceledException", message, [$"OperationCanceledException: {message}"]));
        }
        finally
        {
            gate.Release();
        }
        return new CellResult(ok, cell.Close(), clock.Elapsed);
    }

    private async Task<bool> RunCellAsync(string code, CellContext cell, CancellationToken ct)
    {
        CellDirectives parsed;
        try { parsed = CellDirectives.Parse(code); }
        catch (DirectiveException e) { cell.Emit(ErrorReport.Directive(e)); return false; }

        var clock = Stopwatch.StartNew();
        try { await ApplyDirectivesAsync(parsed.Directives, cell, ct); }
        catch (DirectiveException e) { cell.Emit(ErrorReport.Directive(e)); return false; }

        var ok = string.IsNullOrWhiteSpace(parsed.Code) || await RunSubmissionAsync(parsed.Code, cell, null, ct);
        if (parsed.Directives.OfType<TimeDirective>().Any())
            cell.WriteStream("stdout", $"Wall time: {clock.Elapsed.TotalMilliseconds.ToString("0.##", CultureInfo.InvariantCulture)}ms\n");
        return ok;
    }

    private async Task ApplyDirectivesAsync(IReadOnlyList<Directive> directives, CellContext cell, CancellationToken ct)
    {
        var newRefs = new List<MetadataReference>();
        foreach (var s in directives.OfType<NuGetSourceDirective>())
            if (!sources.Contains(s.Source)) sources.Add(s.Source);
        var wanted = directives.OfType<NuGetPackageDirective>().ToList();
        if (wanted.Count > 0)
        {
            foreach (var p in wanted)
            {
                var existing = packages.FindIndex(x => string.Equals(x.Name, p.Name, StringComparison.OrdinalIgnoreCase));
                if (existing >= 0) packages[existing] = (p.Name, p.Version ?? packages[existing].Version);
                else packages.Add((p.Name, p.Version));
            }
            IReadOnlyList<string> dlls;
            try { dlls = await NuGetRestorer.RestoreAsync(packages, sources, ct); }
            catch (DirectiveException e) { throw new DirectiveException(wanted[0].Line, e.Message); }
            foreach (var dll in dlls) newRefs.AddRange(resolver.Add(dll));
            cell.WriteStream("stdout", string.Join("", wanted.Select(p => $"Installed package {p.Name}{(p.Version is null ? "" : " version " + p.Version)}\n")));
        }
        foreach (var a in directives.OfType<AssemblyDirective>())
        {
            var path = Path.GetFullPath(Path.Combine(options.WorkingDirectory, a.Path));
            if (!File.Exists(path))
                throw new DirectiveException(a.Line, $"#r: assembly \"{a.Path}\" not found (looked for {path}).{BuildFreshness.MissingHint(path, options.WorkingDirectory)}");
            if (BuildFreshness.StaleWarning(path, options.WorkingDirectory) is { } stale) cell.WriteStream("stderr", stale);
            newRefs.AddRange(resolver.Add(path));
        }
        if (newRefs.Count > 0)
        {
            // A library brings signatures that may need anything: the session stops leaving assemblies unresolved.
            if (!missing.IsComplete) newRefs.AddRange(missing.Complete());
            AddReferences(newRefs);
        }
        foreach (var l in directives.OfType<LoadDirective>())
        {
            var path = Path.GetFullPath(Path.Combine(options.WorkingDirectory, l.Path));
            if (!File.Exists(path))
                throw new DirectiveException(l.Line, $"#load: script \"{l.Path}\" not found (looked for {path}).");
            var loaded = CellDirectives.Parse(await File.ReadAllTextAsync(path, ct));
            await ApplyDirectivesAsync(loaded.Directives, cell, ct);
            if (!await RunSubmissionAsync(loaded.Code, cell, Path.GetFileName(path), ct))
                throw new DirectiveException(l.Line, $"#load: \"{l.Path}\" failed (see the error above).");
        }
    }

    private void AddReferences(IEnumerable<MetadataReference> references)
    {
        var list = references.ToList();
        scriptOptions = scriptOptions.AddReferences(list);
        pendingReferences.AddRange(list);
    }

    /// <summary>Compiles and runs one submission on top of the session state; reports its result or error.</summary>
    private async Task<bool> RunSubmissionAsync(string code, CellContext cell, string? file, CancellationToken ct)
    {
        // What runs has a cancellation check in every loop. It is compiled (bound and emitted) once: Script.Compile
        // would bind it a second time for warnings, which nobody sees, and that was most of a small cell's time.
        // Only when the cell does not compile is the code as written compiled, so errors point at what the user wrote.
        var polled = LoopPolling.Instrument(code);
        bool Build(out CompiledCell? built, out ImmutableArray<Diagnostic> errs) =>
            TryBuild(polled ?? code, file, ct, out built, out errs)
            || (polled is not null && TryBuild(code, file, ct, out built, out errs));
        CompiledCell? script;
        while (!Build(out script, out var errors))
        {
            // Compiled against a lean session, a cell can also fail because a signature it uses names an assembly
            // left unresolved (CS0012, or an error that follows from it): take in what was left out, for good. And
            // the cell may use a framework assembly outside the core set: add the rest, for good.
            // Each happens once per session, so a cell compiles at most three times.
            var more = new List<MetadataReference>();
            if (!frameworkComplete && ReferenceResolver.NeedsMoreFramework(errors))
            {
                frameworkComplete = true;
                more.AddRange(ReferenceResolver.FrameworkReferences(core: false));
            }
            if (!missing.IsComplete)
            {
                // A framework file taken in above keeps its plain reference (its types in scope), not the unnamed alias.
                var files = more.OfType<PortableExecutableReference>().Select(r => r.FilePath).ToHashSet(StringComparer.Ordinal);
                more.AddRange(missing.Complete().Where(r => !files.Contains(r.FilePath)));
            }
            if (more.Count == 0)
            {
                cell.Emit(ErrorReport.Compile(errors, file));
                return false;
            }
            AddReferences(more);
        }

        // Run on the pool so a cell that blocks synchronously can still be abandoned when ct fires.
        var compiled = script!;
        var run = Task.Run(async () =>
        {
            ConsoleRouter.Current = cell;
            return await chain.RunAsync(compiled);
        }, CancellationToken.None);
        CellInterrupts.Watch(run, ct);
        ChainState next;
        try { next = await run.WaitAsync(ct); }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Give the cell's loop checks a moment to stop the code, so the error can say whether it is still running.
            var stopped = await Task.WhenAny(run, Task.Delay(options.InterruptGrace, CancellationToken.None)) == run;
            if (!stopped) throw new CellStillRunningException(ct);
            throw;
        }
        chain.Advance(next);
        pendingReferences.Clear(); // now in the chain
        if (next.Exception is { } e)
        {
            cell.Emit(ErrorReport.Exception(e, chain.SourceLine));
            return false;
        }
        if (file is null && HasTrailingExpression(compiled.Compilation) && next.ReturnValue is { } value)
            cell.Emit(new ExecuteResultOutput(Format(value)));
        return true;
    }

    /// <summary>Compiles, emits and loads <paramref name="code"/> on top of the session, or gives its errors.</summary>
    private bool TryBuild(string code, string? file, CancellationToken ct, out CompiledCell? cell, out ImmutableArray<Diagnostic> errors)
    {
        var compilation = chain.Compile(code, scriptOptions.WithFilePath(file ?? $"cell{ExecutionCount}"), pendingReferences, takePrepared: true);
        return chain.TryEmit(compilation, ct, out cell, out errors);
    }

    private static bool HasTrailingExpression(Compilation compilation)
    {
        var tree = compilation.SyntaxTrees.Last();
        var last = tree.GetCompilationUnitRoot().Members.LastOrDefault();
        return last is GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } };
    }

    /// <summary>
    /// Formats a value into a MIME bundle through <see cref="Formatter"/>, adding a PNG picture to chart bundles when
    /// an image renderer is configured and works.
    /// </summary>
    public MimeBundle Format(object? value)
    {
        var bundle = Formatter.Format(value);
        if (options.ImageRenderer is { } renderer && bundle.Data.TryGetValue(Formatter.PlotlyMime, out var figure)
            && !bundle.Data.ContainsKey("image/png"))
        {
            var png = renderer.RenderPng(figure, options.ChartWidth, options.ChartHeight, options.Diagnostics);
            if (png is not null)
            {
                var data = new Dictionary<string, System.Text.Json.Nodes.JsonNode>();
                foreach (var (k, v) in bundle.Data) data[k] = v.DeepClone();
                data["image/png"] = System.Text.Json.Nodes.JsonValue.Create(Convert.ToBase64String(png));
                bundle = bundle with { Data = data };
            }
        }
        return bundle;
    }

    /// <summary>Whether <paramref name="code"/> is a whole cell yet, judged from Roslyn's script parse diagnostics.</summary>
    public IsCompleteResult IsComplete(string code) => CodeAnalysis.IsComplete(code);

    /// <summary>Completions at <paramref name="cursor"/> in the session's current state (earlier cells' symbols included).</summary>
    public Task<IReadOnlyList<CompletionItem>> CompleteAsync(string code, int cursor) =>
        Task.Run(() => CodeAnalysis.Complete(Compilation(code), code, cursor));

    /// <summary>Signature and documentation summary of the symbol at <paramref name="cursor"/>, or null if none.</summary>
    public Task<string?> InspectAsync(string code, int cursor) =>
        Task.Run(() => CodeAnalysis.Inspect(Compilation(code), code, cursor));

    private Compilation Compilation(string code)
    {
        var text = CellDirectives.Parse(SafeDirectives(code)).Code;
        return chain.Compile(text, scriptOptions, pendingReferences);
    }

    // Completion must work on cells with magics the engine would refuse; blank those lines instead of failing.
    private static string SafeDirectives(string code) =>
        string.Join('\n', code.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimStart().StartsWith("#!", StringComparison.Ordinal) ? new string(' ', l.Length) : l));

    /// <summary>Ends the session. Running background work is abandoned; the shared Chromium stays for other sessions.</summary>
    public ValueTask DisposeAsync()
    {
        disposed = true;
        return ValueTask.CompletedTask;
    }
}

/// <summary>An interrupted cell whose code did not stop within <see cref="SessionOptions.InterruptGrace"/>.</summary>
internal sealed class CellStillRunningException(CancellationToken ct) : OperationCanceledException(ct);
