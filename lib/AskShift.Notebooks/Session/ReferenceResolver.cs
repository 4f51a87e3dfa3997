using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting.Hosting;

namespace AskShift.Notebooks;

/// <summary>
/// Turns a <c>#r</c>'d DLL into compile references for it and its dependencies, unifying with the host: a dependency
/// the host process can load itself (Microsoft.Data.Analysis, Plotly.NET, FSharp.Core...) is taken from the host and
/// registered with Roslyn's loader, so a DataFrame made by the notebook's library is the same type the formatters
/// know. Other dependencies are taken from the DLL's own folder (where CopyLocalLockFileAssemblies puts them).
/// </summary>
internal sealed class ReferenceResolver(InteractiveAssemblyLoader loader)
{
    private static readonly string FrameworkDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
    private readonly HashSet<string> seen = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> registered = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The framework's own assemblies, so cells can use any BCL API without a #r, as in .NET Interactive.</summary>
    public static IEnumerable<MetadataReference> FrameworkReferences() =>
        Directory.EnumerateFiles(FrameworkDir, "*.dll").Where(IsManaged).Select(p => MetadataReference.CreateFromFile(p));

    /// <summary>Makes a host assembly visible to cells, compiled against and loaded as the host's own copy.</summary>
    public MetadataReference? Host(Assembly assembly)
    {
        if (assembly.IsDynamic || string.IsNullOrEmpty(assembly.Location)) return null;
        if (registered.Add(assembly.GetName().Name!)) loader.RegisterDependency(assembly);
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
    private static MetadataReference WithDocs(string path)
    {
        var xml = Path.ChangeExtension(path, ".xml");
        return MetadataReference.CreateFromFile(path, documentation: File.Exists(xml) ? new XmlDocs(xml) : null);
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
