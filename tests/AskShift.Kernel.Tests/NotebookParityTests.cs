using System.Diagnostics;
using AskShift.Kernel.Tests.Support;
using AskShift.Notebooks;

namespace AskShift.Kernel.Tests;

/// <summary>
/// A notebook executed by nbconvert through this kernel must show the same text outputs as the headless runner
/// (<c>askshift notebooks run</c>), since researchers switch between the two. Runs the parity notebook shipped with
/// these tests and every notebook committed under <c>notebooks/</c>.
/// </summary>
public class NotebookParityTests
{
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string> { Path.Combine(AppContext.BaseDirectory, "Interop", "parity.ipynb") };
        var repoNotebooks = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(CliPaths.CliDll)!, "..", "..", "..", "..", "..", "notebooks"));
        if (Directory.Exists(repoNotebooks))
            foreach (var nb in Directory.EnumerateFiles(repoNotebooks, "*.ipynb").Order()) data.Add(nb);
        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task NbconvertThroughTheKernel_MatchesTheRunner(string notebook)
    {
        var work = Directory.CreateTempSubdirectory("askshift-parity").FullName;
        try
        {
            var (exit, _, installErr) = CliPaths.Run("kernel", "install", "--prefix", work);
            Assert.True(exit == 0, installErr);

            var runnerOut = Path.Combine(work, "runner.ipynb");
            // In its own process, in the notebook's folder, as `askshift notebooks run` does: cells use relative paths.
            var run = await new NotebookRunner(new RunnerOptions { ImageRenderer = null, ChildCommand = [Path.GetFullPath(CliPaths.Dotnet), CliPaths.CliDll] })
                .RunAsync(notebook, runnerOut);
            Assert.True(run.Success, $"runner failed on {notebook}: {run.Failure}");

            var psi = new ProcessStartInfo(PythonDriver.Python, ["-m", "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.kernel_name=askshift-csharp", "--ExecutePreprocessor.timeout=600",
                "--output-dir", work, "--output", "kernel.ipynb", notebook]) { RedirectStandardError = true, RedirectStandardOutput = true };
            psi.Environment["JUPYTER_PATH"] = Path.Combine(work, "share", "jupyter");
            using (var p = Process.Start(psi)!)
            {
                var stderr = p.StandardError.ReadToEndAsync();
                await p.StandardOutput.ReadToEndAsync();
                await p.WaitForExitAsync();
                Assert.True(p.ExitCode == 0, $"nbconvert failed on {notebook}:\n{await stderr}");
            }

            var fromRunner = Notebook.Load(runnerOut).Cells.Where(c => c.IsCode).ToList();
            var fromKernel = Notebook.Load(Path.Combine(work, "kernel.ipynb")).Cells.Where(c => c.IsCode).ToList();
            Assert.Equal(fromRunner.Count, fromKernel.Count);
            Assert.Contains(fromKernel, c => c.Outputs.Count > 0);
            for (var i = 0; i < fromRunner.Count; i++)
                Assert.True(Describe(fromRunner[i]) == Describe(fromKernel[i]),
                    $"{Path.GetFileName(notebook)} code cell {i + 1} differs.\nrunner:\n{Describe(fromRunner[i])}\nkernel:\n{Describe(fromKernel[i])}");
        }
        finally { Directory.Delete(work, true); }
    }

    /// <summary>Text outputs as the checker compares them: streams merged, timings and pictures left out, JSON by content.</summary>
    private static string Describe(NotebookCell cell) => NotebookChecker.Describe(cell);
}
