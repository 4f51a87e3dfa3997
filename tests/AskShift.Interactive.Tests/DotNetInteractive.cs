using System.Text;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.PackageManagement;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace AskShift.Interactive.Tests;

/// <summary>What one cell did in .NET Interactive's C# kernel, reduced to what a notebook keeps.</summary>
internal sealed record CellRun(IReadOnlyList<IReadOnlyDictionary<string, string>> Values, string Stdout, string Stderr, string? Failure);

/// <summary>
/// .NET Interactive's C# kernel set up as Polyglot Notebooks sets it up (NuGet directives, kernel helpers such as
/// <c>display</c>), one kernel per notebook, as a front end starts one per document.
/// </summary>
internal sealed class DotNetInteractive : IDisposable
{
    private readonly CompositeKernel kernel;

    public DotNetInteractive()
    {
        kernel = new CompositeKernel { new CSharpKernel()
            .UseNugetDirective((csharp, packages) =>
            {
                // What the dotnet-interactive tool does with restored packages: reference their assemblies.
                csharp.AddAssemblyReferences(packages.SelectMany(p => p.AssemblyPaths));
                return Task.CompletedTask;
            })
            .UseKernelHelpers()
            .UseValueSharing() };
        kernel.DefaultKernelName = "csharp";
        // A Jupyter front end gets text/plain beside the HTML for every value (nbformat wants a plain fallback);
        // the library kernel alone gives HTML only.
        Microsoft.DotNet.Interactive.Formatting.Formatter.SetPreferredMimeTypesFor(typeof(object), "text/html", "text/plain");
    }

    public async Task<CellRun> RunAsync(string code)
    {
        var result = await kernel.SendAsync(new SubmitCode(code, "csharp"));
        var values = new List<IReadOnlyDictionary<string, string>>();
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        string? failure = null;
        foreach (var e in result.Events)
        {
            switch (e)
            {
                case StandardOutputValueProduced o:
                    stdout.Append(Text(o));
                    break;
                case StandardErrorValueProduced o:
                    stderr.Append(Text(o));
                    break;
                case ErrorProduced err:
                    failure ??= err.Message;
                    break;
                case DisplayEvent d: // DisplayedValueProduced, ReturnValueProduced, DisplayedValueUpdated
                    values.Add(d.FormattedValues.GroupBy(v => v.MimeType).ToDictionary(g => g.Key, g => g.Last().Value));
                    break;
                case CommandFailed f:
                    failure = f.Message;
                    break;
            }
        }
        return new CellRun(values, stdout.ToString(), stderr.ToString(), failure);
    }

    private static string Text(DisplayEvent e) => e.FormattedValues.FirstOrDefault(v => v.MimeType == "text/plain")?.Value ?? "";

    public void Dispose() => kernel.Dispose();
}
