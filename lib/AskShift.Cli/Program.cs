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

return await root.Parse(args).InvokeAsync();
