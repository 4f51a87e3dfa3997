using System.Diagnostics;
using System.Text.Json.Nodes;

namespace AskShift.Kernel.Tests.Support;

/// <summary>Runs Interop/jupyter_driver.py with Debian's python3 (which has jupyter_client) and parses its JSON.</summary>
public static class PythonDriver
{
    public const string Python = "/usr/bin/python3";

    public static string ScriptPath => Path.Combine(AppContext.BaseDirectory, "Interop", "jupyter_driver.py");

    public static async Task<JsonObject> RunAsync(JsonObject plan, TimeSpan? timeout = null, IDictionary<string, string>? env = null)
    {
        var psi = new ProcessStartInfo(Python, [ScriptPath])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {Python}");
        await process.StandardInput.WriteAsync(plan.ToJsonString());
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        try { await process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"jupyter_driver.py timed out; stderr:\n{await stderr}");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"jupyter_driver.py exited {process.ExitCode}; stderr:\n{await stderr}");
        var result = JsonNode.Parse(await stdout)!.AsObject();
        result["driver_stderr"] = await stderr;
        return result;
    }

    /// <summary>The step results, failing with the driver's own message when a step raised.</summary>
    public static JsonObject Step(JsonObject result, int index)
    {
        var step = result["steps"]![index]!.AsObject();
        if (step["exception"] is { } ex) Assert.Fail($"step {index} ({step["op"]}) raised: {ex}\n{result["driver_stderr"]}");
        return step;
    }
}
