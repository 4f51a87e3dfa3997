using System.CommandLine;
using AskShift.Cli;

// Each pipeline stage contributes its own command (one file per command), so the CLI grows by addition.
var root = new RootCommand("AskShift: study how human-rights advocacy asks on China policy change across US administrations.");
// Commands are registered here, one line each:
root.Subcommands.Add(ExtractCommand.Create());
root.Subcommands.Add(TextCommand.Create());
root.Subcommands.Add(ClusterCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(AgreeCommand.Create());
root.Subcommands.Add(ReviewCommand.Create());
root.Subcommands.Add(KernelCommand.Create());
root.Subcommands.Add(NotebooksCommand.Create());

// A Native AOT build (README: "A native build for extraction") has no JIT: the notebook kernel's Roslyn, clustering's
// ML.NET and the other commands' reflection-based JSON cannot run there. It says so instead of failing part-way.
if (!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported && args.Length > 0 && !args[0].StartsWith('-') && args[0] != "extract")
{
    Console.Error.WriteLine($"askshift: this native build runs 'extract' only; '{args[0]}' needs the .NET runtime's JIT. " +
                            $"Run it from the ordinary build: dotnet run --project lib/AskShift.Cli -- {args[0]} ...");
    return 2;
}

return await root.Parse(args).InvokeAsync();
