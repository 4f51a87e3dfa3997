using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace AskShift;

/// <summary>
/// Loads AskShift's .NET Interactive extension (AskShift.Interactive.dll, beside this assembly) when the library is
/// used inside a .NET Interactive kernel, so <c>#r "AskShift.Core.dll"</c> in Polyglot Notebooks gives the same
/// tables and charts as AskShift's own kernel. .NET Interactive itself loads extensions only from NuGet packages;
/// this is the <c>#r</c> path's equivalent. Anywhere else (AskShift's kernel, the CLI, tests) it does nothing.
/// </summary>
internal static class InteractiveHost
{
    internal const string ExtensionFile = "AskShift.Interactive.dll";

#pragma warning disable CA2255 // a library module initializer is the point: it runs when a notebook first uses the library
    [ModuleInitializer]
    internal static void OnLibraryLoaded()
#pragma warning restore CA2255
    {
        if (!AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == "Microsoft.DotNet.Interactive")) return;
        try
        {
            var message = Load(typeof(InteractiveHost).Assembly);
            if (message is not null) Console.Error.WriteLine(message);
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or TargetInvocationException or TypeLoadException or MissingMethodException)
        {
            Console.Error.WriteLine($"AskShift: could not load its .NET Interactive extension ({e.GetBaseException().Message}); " +
                                    "tables and charts fall back to .NET Interactive's own formatting.");
        }
    }

    /// <summary>Loads the extension beside <paramref name="library"/>, into the same load context; null on success, else why not.</summary>
    internal static string? Load(Assembly library)
    {
        var folder = Path.GetDirectoryName(library.Location);
        var path = folder is null ? null : Path.Combine(folder, ExtensionFile);
        if (path is null || !File.Exists(path))
            return $"AskShift: {ExtensionFile} is not beside {library.Location}, so tables and charts use .NET Interactive's own " +
                   "formatting. Build it once: dotnet build lib/AskShift.Interactive (or dotnet build Notebooks.sln).";
        // The same load context as this library, so the extension's DataFrame and GenericChart are the types the
        // notebook's values have.
        var context = AssemblyLoadContext.GetLoadContext(library) ?? AssemblyLoadContext.Default;
        var extension = context.LoadFromAssemblyPath(path);
        var type = extension.GetType("AskShift.Interactive.AskShiftKernelExtension", throwOnError: true)!;
        type.GetMethod("Load", BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes)!.Invoke(null, null);
        return null;
    }
}
