using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace AskShift.Notebooks;

/// <summary>
/// Turns a <c>#r</c>'d DLL into compile references for it and its dependencies, unifying with the host: a dependency
/// the host process can load itself (Microsoft.Data.Analysis, Plotly.NET, FSharp.Core...) is taken from the host and
/// registered with the cells' load context, so a DataFrame made by the notebook's library is the same type the formatters
/// know. Other dependencies are taken from the DLL's own folder (where CopyLocalLockFileAssemblies puts them).
/// </summary>
internal sealed class ReferenceResolver(CellLoadContext loader)
{
    private static readonly string FrameworkDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
    private readonly HashSet<string> seen = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> registered = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The framework assemblies every session starts with: what ordinary cells use (collections, LINQ, text, regular
    /// expressions, JSON, files, tasks, HTTP) and the netstandard facade that libraries built for .NET Standard need.
    /// </summary>
    /// <remarks>
    /// Not all ~170: Roslyn binds every reference again for each submission, so a trivial cell took about 10 ms against
    /// all of them and about 4 ms against a few (measured with Roslyn scripting 5.12 on the 2-core dev machine), and
    /// each submission kept in the chain holds that binding. The rest is added, once, the first time a cell needs a
    /// type from it (<see cref="NeedsMoreFramework"/>), so every BCL API still works without a #r, as in .NET Interactive.
    /// </remarks>
    internal static readonly HashSet<string> CoreFramework = new(StringComparer.OrdinalIgnoreCase)
    {
        "System.Private.CoreLib", "System.Runtime", "netstandard", "mscorlib", "System.Console", "System.Collections",
        "System.Collections.Concurrent", "System.Collections.Immutable", "System.Linq", "System.Linq.Expressions",
        "System.Memory", "System.ObjectModel", "System.Private.Uri", "System.Runtime.Numerics",
        "System.Text.RegularExpressions", "System.Text.Json", "System.Text.Encodings.Web", "System.Threading",
        "System.Threading.Tasks.Parallel", "System.ComponentModel.Primitives", "System.Net.Http", "System.Net.Primitives",
        "System.Diagnostics.Process",
    };

    /// <summary>
    /// The framework's own assemblies, so cells can use any BCL API without a #r, as in .NET Interactive:
    /// <paramref name="core"/> true gives <see cref="CoreFramework"/>, false the rest.
    /// </summary>
    /// <remarks>Documentation comes from the SDK's reference pack when it is installed: the runtime folder ships no XML docs.</remarks>
    public static IEnumerable<MetadataReference> FrameworkReferences(bool core)
    {
        var docs = ReferencePackDocs();
        return Directory.EnumerateFiles(FrameworkDir, "*.dll").Order(StringComparer.Ordinal)
            .Where(p => CoreFramework.Contains(Path.GetFileNameWithoutExtension(p)) == core).Where(IsManaged).Select(p =>
        {
            var name = Path.GetFileNameWithoutExtension(p);
            // CoreLib's public surface is documented under the facade that exposes it.
            var docName = name is "System.Private.CoreLib" or "System.Private.Uri" ? "System.Runtime" : name;
            var xml = docs is null ? null : Path.Combine(docs, docName + ".xml");
            return Mapped(p, xml is not null && File.Exists(xml) ? new XmlDocs(xml) : null);
        });
    }

    /// <summary>
    /// The resolver for assemblies the session's references need but do not list (through netstandard, mscorlib,
    /// Plotly.NET, the engine itself and the rest: over a hundred assemblies). Until <see cref="Complete"/> is called
    /// it resolves none of them; it notes each one and answers "missing".
    /// </summary>
    /// <remarks>
    /// Roslyn binds every resolved assembly again for each cell, and the list of them goes into each cell's PDB: with
    /// the ~100 a fresh session pulled in, a trivial cell cost several milliseconds more than with the ~30 it names
    /// (issue 12's warm round trip). An unresolved assembly only completes other assemblies' signatures (these
    /// references carry an alias no code can name, so none of their types is in a cell's scope), and a cell that
    /// touches such a signature fails with CS0012; the session then calls <see cref="Complete"/>, adds what was
    /// noted, and compiles the cell again (<see cref="NeedsMoreFramework"/>). Each file is mapped
    /// (<see cref="Mapped"/>) once per session: the default resolver copied every whole image into memory.
    /// </remarks>
    internal sealed class MappedMissingAssemblies(MetadataReferenceResolver inner) : MetadataReferenceResolver
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, PortableExecutableReference> mapped = new(StringComparer.Ordinal);
        // As Roslyn's own resolver marks them: under an alias no code can name, an implicit reference serves only to
        // complete other assemblies' signatures, and its types stay out of the cells' scope (so binding a cell does
        // not search a hundred assemblies, and a type outside the core set still takes the framework retry).
        private static readonly System.Collections.Immutable.ImmutableArray<string> Implicit = ["<implicit>"];
        private readonly System.Collections.Concurrent.ConcurrentDictionary<AssemblyIdentity, PortableExecutableReference?> answers = new();
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, PortableExecutableReference> deferred = new(StringComparer.OrdinalIgnoreCase);
        private volatile bool complete;

        private static readonly Lazy<Dictionary<string, string>> Trusted = new(() =>
        {
            var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var p in (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
                if (p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)) byName.TryAdd(Path.GetFileNameWithoutExtension(p), p);
            return byName;
        });

        private readonly HashSet<string> fromStart = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// Assemblies resolved even while the session is lean: those holding base types and interfaces of the
        /// referenced types (<see cref="BaseTypeAssemblies"/>), without which member lookup would quietly find less.
        /// </summary>
        public void ResolveFromStart(IEnumerable<string> names)
        {
            lock (fromStart) fromStart.UnionWith(names);
        }

        /// <summary>The file of a trusted platform assembly (the framework or the host application's folder), by simple name.</summary>
        public static string? Locate(string name) => Trusted.Value.GetValueOrDefault(name);

        /// <summary>Whether <see cref="Complete"/> has been called: assemblies are resolved as they are asked for.</summary>
        public bool IsComplete => complete;

        /// <summary>How many assemblies have been left unresolved so far (one per name).</summary>
        public int DeferredCount => deferred.Count;

        /// <summary>
        /// Resolves from now on, and returns what was left unresolved so far, for the session to add as references of
        /// its own (they keep the alias no code can name).
        /// </summary>
        public IReadOnlyList<PortableExecutableReference> Complete()
        {
            complete = true;
            return deferred.Values.Distinct().ToList();
        }

        public override bool ResolveMissingAssemblies => inner.ResolveMissingAssemblies;

        public override System.Collections.Immutable.ImmutableArray<PortableExecutableReference> ResolveReference(
            string reference, string? baseFilePath, MetadataReferenceProperties properties) =>
            inner.ResolveReference(reference, baseFilePath, properties);

        public override PortableExecutableReference? ResolveMissingAssembly(MetadataReference definition, AssemblyIdentity referenceIdentity)
        {
            // Where the default resolver looks too: the process's trusted platform assemblies (the framework and the
            // host application's own folder). Each identity is looked up once per session.
            var found = answers.GetOrAdd(referenceIdentity, id =>
                Trusted.Value.TryGetValue(id.Name, out var path) && IsManaged(path) && AssemblyName.GetAssemblyName(path).Version >= id.Version
                    ? mapped.GetOrAdd(path, p => Mapped(p, null, Implicit))
                    : null);
            found ??= inner.ResolveMissingAssembly(definition, referenceIdentity); // marked "<implicit>" by Roslyn too
            bool early;
            lock (fromStart) early = fromStart.Contains(referenceIdentity.Name);
            if (found is null || complete || early) return found;
            deferred.TryAdd(referenceIdentity.Name, found);
            return null;
        }

        public override bool Equals(object? other) => ReferenceEquals(this, other);

        public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
    }

    /// <summary>
    /// Whether a failed compile may only lack framework references: a type or namespace not found (CS0246, CS0234),
    /// or a type from an assembly that is not referenced (CS0012). A misspelt variable (CS0103) is not.
    /// </summary>
    internal static bool NeedsMoreFramework(IEnumerable<Diagnostic> errors) =>
        errors.Any(d => d.Id is "CS0246" or "CS0234" or "CS0012" or "CS0518" or "CS1069");

    /// <summary>
    /// The reference pack folder of the running framework (dotnet/packs/Microsoft.NETCore.App.Ref/VERSION/ref/netX.Y),
    /// the same major.minor as the runtime, newest patch first; null on a runtime-only install.
    /// </summary>
    internal static string? ReferencePackDocs()
    {
        try
        {
            var version = new DirectoryInfo(FrameworkDir).Name;
            var root = Path.GetFullPath(Path.Combine(FrameworkDir, "..", "..", ".."));
            var packs = Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref");
            if (!Directory.Exists(packs) || !Version.TryParse(version, out var runtime)) return null;
            var tfm = $"net{runtime.Major}.{runtime.Minor}";
            return Directory.EnumerateDirectories(packs)
                .Select(d => (Dir: d, Ok: Version.TryParse(Path.GetFileName(d), out var v), V: v))
                .Where(x => x.Ok && x.V!.Major == runtime.Major && x.V.Minor == runtime.Minor)
                .OrderByDescending(x => x.V!.Equals(runtime)).ThenByDescending(x => x.V)
                .Select(x => Path.Combine(x.Dir, "ref", tfm))
                .FirstOrDefault(Directory.Exists);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>Makes a host assembly visible to cells, compiled against and loaded as the host's own copy.</summary>
    public MetadataReference? Host(Assembly assembly)
    {
        if (assembly.IsDynamic || string.IsNullOrEmpty(assembly.Location)) return null;
        if (registered.Add(assembly.GetName().Name!)) loader.RegisterHost(assembly);
        return seen.Add(assembly.Location) ? WithDocs(assembly.Location) : null;
    }

    /// <summary>References for <paramref name="path"/> and the dependency closure it brings from its folder.</summary>
    public List<MetadataReference> Add(string path)
    {
        var result = new List<MetadataReference>();
        Walk(Path.GetFullPath(path), result);
        return result;
    }

    private void Walk(string path, List<MetadataReference> result)
    {
        if (!seen.Add(path)) return;
        result.Add(WithDocs(path));
        loader.RegisterFile(path);
        var dir = Path.GetDirectoryName(path)!;
        foreach (var name in ReferencedNames(path))
        {
            if (File.Exists(Path.Combine(FrameworkDir, name + ".dll"))) continue;
            var host = TryHost(name);
            if (host is not null)
            {
                var r = Host(host);
                if (r is not null) result.Add(r);
                continue;
            }
            var local = Path.Combine(dir, name + ".dll");
            if (File.Exists(local) && IsManaged(local)) Walk(local, result);
        }
    }

    // The XML doc file beside a DLL (GenerateDocumentationFile) gives InspectAsync its summaries.
    private static PortableExecutableReference WithDocs(string path)
    {
        var xml = Path.ChangeExtension(path, ".xml");
        return Mapped(path, File.Exists(xml) ? new XmlDocs(xml) : null);
    }

    /// <summary>
    /// A reference whose metadata is read through a memory map, not copied into the process.
    /// </summary>
    /// <remarks>
    /// <see cref="MetadataReference.CreateFromFile"/> reads the whole image into native memory: about 70 MB for the
    /// framework and the host libraries a session starts with (System.Private.CoreLib alone is some 15 MB of
    /// ReadyToRun code that the compiler never looks at). Mapped, only the metadata pages the compiler reads become
    /// resident, and the kernel shares them with other processes. The file stays open (read sharing) for the session.
    /// </remarks>
    internal static PortableExecutableReference Mapped(string path, DocumentationProvider? documentation, System.Collections.Immutable.ImmutableArray<string> aliases = default)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        var module = ModuleMetadata.CreateFromStream(stream, PEStreamOptions.Default);
        return AssemblyMetadata.Create(module).GetReference(documentation, aliases, filePath: path, display: path);
    }

    private static Assembly? TryHost(string simpleName)
    {
        var loaded = AppDomain.CurrentDomain.GetAssemblies()
            .FirstOrDefault(a => !a.IsDynamic && a.GetName().Name == simpleName && AssemblyLoadContext.GetLoadContext(a) == AssemblyLoadContext.Default);
        if (loaded is not null) return loaded;
        try { return AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName(simpleName)); }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException) { return null; }
    }

    private static IEnumerable<string> ReferencedNames(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        if (!pe.HasMetadata) return [];
        var md = pe.GetMetadataReader();
        return md.AssemblyReferences.Select(h => md.GetString(md.GetAssemblyReference(h).Name)).ToList();
    }

    private static bool IsManaged(string path)
    {
        try
        {
            using var pe = new PEReader(File.OpenRead(path));
            return pe.HasMetadata && pe.GetMetadataReader().IsAssembly;
        }
        catch (BadImageFormatException) { return false; }
    }
}
