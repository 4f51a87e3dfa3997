using System.CommandLine;
using AskShift.Kernel.Backend;
using AskShift.Kernel.Hosting;
using AskShift.Kernel.Spec;
using AskShift.Notebooks;

namespace AskShift.Cli;

/// <summary>
/// <c>askshift kernel start|install</c>: the Jupyter kernel that lets VS Code, JupyterLab and nbconvert run the C#
/// notebooks on the AskShift engine.
/// </summary>
public static class KernelCommand
{
    public static Command Create()
    {
        var kernel = new Command("kernel", "Run or install the AskShift C# Jupyter kernel (for VS Code, JupyterLab, nbconvert).");
        kernel.Subcommands.Add(StartCommand());
        kernel.Subcommands.Add(InstallCommand());
        return kernel;
    }

    private static Command StartCommand()
    {
        var file = new Option<FileInfo>("--connection-file", "-f")
        {
            Description = "Connection file written by the Jupyter front end (ports, ip, HMAC key).", Required = true,
        };
        var start = new Command("start", "Serve the Jupyter messaging protocol for one connection file (what kernel.json runs).") { file };
        start.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!.FullName;
            try
            {
                var options = new KernelServerOptions { HistoryFile = KernelServerOptions.DefaultHistoryFile() };
                await KernelHost.RunAsync(path, () => new EngineBackend(new SessionOptions()), Console.Error, options, ct);
                return ExitCodes.Ok;
            }
            catch (InvalidDataException e)
            {
                Console.Error.WriteLine($"askshift kernel: {e.Message}");
                return ExitCodes.BadInput;
            }
            finally
            {
                // Charts were pictured by one shared Chromium; it must not outlive the kernel process.
                await ChromiumChartRenderer.Shared.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { });
            }
        });
        return start;
    }

    private static Command InstallCommand()
    {
        var user = new Option<bool>("--user") { Description = "Install for the current user (~/.local/share/jupyter/kernels). The default." };
        var prefix = new Option<DirectoryInfo?>("--prefix") { Description = "Install under PREFIX/share/jupyter/kernels (e.g. a virtualenv or a CI temp dir)." };
        var name = new Option<string>("--name")
        {
            Description = "Kernel name; the notebooks' metadata uses the default.", DefaultValueFactory = _ => KernelSpecInstaller.DefaultName,
        };
        var install = new Command("install", "Write a kernelspec that starts this askshift as the C# kernel.") { user, prefix, name };
        install.SetAction(parse =>
        {
            var prefixDir = parse.GetValue(prefix);
            if (parse.GetValue(user) && prefixDir is not null)
            {
                Console.Error.WriteLine("askshift kernel install: --user and --prefix are exclusive; pick one.");
                return ExitCodes.BadInput;
            }
            var processPath = Environment.ProcessPath
                ?? throw new InvalidOperationException("Cannot tell which executable is running, so kernel.json cannot point at it.");
            var kernels = prefixDir is null ? KernelSpecInstaller.UserKernelsDirectory() : KernelSpecInstaller.PrefixKernelsDirectory(prefixDir.FullName);
            try
            {
                var dir = KernelSpecInstaller.Install(kernels, parse.GetValue(name)!, KernelSpecInstaller.StartArgv(processPath, AppContext.BaseDirectory));
                Console.WriteLine($"Installed kernelspec {parse.GetValue(name)} in {dir}");
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"askshift kernel install: {e.Message}");
                return ExitCodes.BadInput;
            }
        });
        return install;
    }
}
