using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace AskShift.Notebooks;

/// <summary>
/// The assemblies that hold the base types and interfaces of the public types in a set of assemblies, and theirs in turn,
/// following type forwarders (netstandard's, mscorlib's) to where each type is defined.
/// </summary>
/// <remarks>
/// A lean session (<see cref="ReferenceResolver.MappedMissingAssemblies"/>) leaves unresolved the assemblies its
/// references name but do not list. For one that is only named in signatures that is safe: a cell that touches such a
/// signature fails to compile (CS0012) and the session then resolves everything. But when a base type or an interface
/// is missing, Roslyn's member lookup quietly finds less (a member inherited from it is "not found", CS1061), and a
/// cell could compile against something else of the same name, an extension method say. So these assemblies are
/// resolved from the start. Only metadata is read (System.Reflection.Metadata), each file once.
/// </remarks>
internal static class BaseTypeAssemblies
{
    /// <summary>
    /// Simple names of the assemblies, outside <paramref name="paths"/> themselves, that define a base type or an
    /// interface of a type in <paramref name="paths"/> or, transitively, in those assemblies;
    /// <paramref name="locate"/> finds an assembly's file by simple name (null when it cannot).
    /// </summary>
    public static IReadOnlySet<string> Needed(IEnumerable<string> paths, Func<string, string?> locate)
    {
        var files = new Dictionary<string, Reader?>(StringComparer.OrdinalIgnoreCase);
        try
        {
            var given = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var queue = new Queue<string>();
            foreach (var path in paths)
            {
                var reader = Open(files, path);
                if (reader is null) continue;
                if (given.Add(reader.Name)) queue.Enqueue(path);
            }
            var needed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            while (queue.Count > 0)
            {
                var reader = Open(files, queue.Dequeue())!;
                foreach (var (assembly, ns, name) in reader.BaseTypeReferences())
                {
                    var defining = Follow(files, locate, assembly, ns, name);
                    if (given.Contains(defining) || !needed.Add(defining)) continue;
                    if (locate(defining) is { } path && Open(files, path) is not null) queue.Enqueue(path);
                }
            }
            return needed;
        }
        finally
        {
            foreach (var r in files.Values) r?.Dispose();
        }
    }

    /// <summary>Where <paramref name="ns"/>.<paramref name="name"/> is defined, starting from the assembly a reference names.</summary>
    private static string Follow(Dictionary<string, Reader?> files, Func<string, string?> locate, string assembly, string ns, string name)
    {
        for (var hop = 0; hop < 8; hop++)
        {
            if (locate(assembly) is not { } path || Open(files, path) is not { } reader) return assembly;
            if (reader.ForwardedTo(ns, name) is not { } next) return assembly;
            assembly = next;
        }
        return assembly;
    }

    private static Reader? Open(Dictionary<string, Reader?> files, string path)
    {
        if (files.TryGetValue(path, out var known)) return known;
        Reader? reader = null;
        try
        {
            var pe = new PEReader(File.OpenRead(path));
            if (pe.HasMetadata && pe.GetMetadataReader() is { IsAssembly: true }) reader = new Reader(pe);
            else pe.Dispose();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException) { }
        return files[path] = reader;
    }

    private sealed class Reader(PEReader pe) : IDisposable
    {
        private readonly MetadataReader md = pe.GetMetadataReader();
        private Dictionary<(string, string), string>? forwards;

        public string Name => md.GetString(md.GetAssemblyDefinition().Name);

        /// <summary>(assembly, namespace, name) of every base type and interface its public types name in another assembly.</summary>
        public IEnumerable<(string Assembly, string Namespace, string Name)> BaseTypeReferences()
        {
            foreach (var handle in md.TypeDefinitions)
            {
                var type = md.GetTypeDefinition(handle);
                if (!Visible(type)) continue;
                if (Outside(type.BaseType) is { } b) yield return b;
                foreach (var i in type.GetInterfaceImplementations())
                    if (Outside(md.GetInterfaceImplementation(i).Interface) is { } r) yield return r;
            }
        }

        /// <summary>Whether cell code can name the type: public, and nested only in types it can name.</summary>
        private bool Visible(TypeDefinition type)
        {
            while (true)
            {
                var visibility = type.Attributes & System.Reflection.TypeAttributes.VisibilityMask;
                if (visibility == System.Reflection.TypeAttributes.Public) return true;
                if (visibility is not (System.Reflection.TypeAttributes.NestedPublic or System.Reflection.TypeAttributes.NestedFamily
                    or System.Reflection.TypeAttributes.NestedFamORAssem)) return false;
                type = md.GetTypeDefinition(type.GetDeclaringType());
            }
        }

        /// <summary>The assembly a forwarder of <paramref name="ns"/>.<paramref name="name"/> points to, if this one forwards it.</summary>
        public string? ForwardedTo(string ns, string name)
        {
            if (forwards is null)
            {
                forwards = [];
                foreach (var h in md.ExportedTypes)
                {
                    var exported = md.GetExportedType(h);
                    if (exported.Implementation.Kind == HandleKind.AssemblyReference)
                        forwards.TryAdd((md.GetString(exported.Namespace), md.GetString(exported.Name)),
                            md.GetString(md.GetAssemblyReference((AssemblyReferenceHandle)exported.Implementation).Name));
                }
            }
            return forwards.GetValueOrDefault((ns, name));
        }

        private (string, string, string)? Outside(EntityHandle handle)
        {
            if (handle.IsNil) return null;
            if (handle.Kind == HandleKind.TypeSpecification)
            {
                // A generic base (List<T>, IEnumerable<T>): the generic type itself.
                var blob = md.GetBlobReader(md.GetTypeSpecification((TypeSpecificationHandle)handle).Signature);
                if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance) return null;
                blob.ReadSignatureTypeCode(); // class or value type
                handle = blob.ReadTypeHandle();
            }
            if (handle.Kind != HandleKind.TypeReference) return null;
            var reference = md.GetTypeReference((TypeReferenceHandle)handle);
            // A nested type's scope is its enclosing type: the outermost one names the assembly.
            while (reference.ResolutionScope.Kind == HandleKind.TypeReference)
                reference = md.GetTypeReference((TypeReferenceHandle)reference.ResolutionScope);
            if (reference.ResolutionScope.Kind != HandleKind.AssemblyReference) return null;
            var assembly = md.GetString(md.GetAssemblyReference((AssemblyReferenceHandle)reference.ResolutionScope).Name);
            return (assembly, md.GetString(reference.Namespace), md.GetString(reference.Name));
        }

        public void Dispose() => pe.Dispose();
    }
}
