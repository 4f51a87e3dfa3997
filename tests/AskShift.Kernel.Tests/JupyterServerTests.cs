using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using AskShift.Kernel.Tests.Support;

namespace AskShift.Kernel.Tests;

/// <summary>
/// The kernel as JupyterLab sees it: installed as a kernelspec, started by a real Jupyter Server (Debian's
/// python3-jupyter-server) and driven over its websocket by @jupyterlab/services, the client library JupyterLab and
/// VS Code's remote-server mode use. Interop/js holds the client script; .ci/run installs its node_modules.
/// </summary>
public class JupyterServerTests
{
    private static string JsDir
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Notebooks.sln")))
                    return Path.Combine(dir.FullName, "tests", "AskShift.Kernel.Tests", "Interop", "js");
            throw new DirectoryNotFoundException("Notebooks.sln not found above the test binaries.");
        }
    }

    [Fact]
    public async Task JupyterLabClient_GetsCompletionInspectionCommsAndHistory()
    {
        var js = JsDir;
        Assert.True(Directory.Exists(Path.Combine(js, "node_modules", "@jupyterlab", "services")),
            $"@jupyterlab/services is not installed: run 'npm ci' in {js} (.ci/run does)");
        var root = Directory.CreateTempSubdirectory("askshift-jupyter-server").FullName;
        Process? server = null;
        try
        {
            var prefix = Path.Combine(root, "prefix");
            var (exit, _, stderr) = CliPaths.Run("kernel", "install", "--prefix", prefix);
            Assert.True(exit == 0, stderr);

            var port = FreePort();
            var token = Guid.NewGuid().ToString("N");
            var psi = new ProcessStartInfo(PythonDriver.Python,
            [
                "-m", "jupyter_server", "--no-browser", "--allow-root", $"--port={port}", "--ip=127.0.0.1",
                "--ServerApp.port_retries=0", $"--ServerApp.token={token}", $"--ServerApp.root_dir={root}",
            ])
            { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.Environment["JUPYTER_PATH"] = Path.Combine(prefix, "share", "jupyter");
            foreach (var (name, sub) in new[] { ("JUPYTER_RUNTIME_DIR", "runtime"), ("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_DATA_DIR", "data") })
                psi.Environment[name] = Directory.CreateDirectory(Path.Combine(root, sub)).FullName;
            psi.Environment["ASKSHIFT_KERNEL_HISTORY"] = Path.Combine(root, "history.jsonl");
            server = Process.Start(psi)!;
            var serverLog = new System.Text.StringBuilder();
            server.OutputDataReceived += (_, e) => { lock (serverLog) serverLog.AppendLine(e.Data); };
            server.ErrorDataReceived += (_, e) => { lock (serverLog) serverLog.AppendLine(e.Data); };
            server.BeginOutputReadLine();
            server.BeginErrorReadLine();
            var baseUrl = $"http://127.0.0.1:{port}";
            await WaitForServer(baseUrl, token, server, serverLog);

            var node = new ProcessStartInfo("node", [Path.Combine(js, "lab_client.js"), baseUrl, token, "askshift-csharp"])
            { WorkingDirectory = js, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var client = Process.Start(node)!;
            var stdout = client.StandardOutput.ReadToEndAsync();
            var clientErr = client.StandardError.ReadToEndAsync();
            using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await client.WaitForExitAsync(cts.Token);
            Assert.True(client.ExitCode == 0, $"lab_client.js exited {client.ExitCode}:\n{await clientErr}\nserver:\n{serverLog}");
            var r = JsonNode.Parse(await stdout)!.AsObject();

            Assert.Equal("C#", (string)r["language"]!);
            Assert.Equal("43", (string)r["second"]!["outputs"]![0]!["content"]!["data"]!["text/plain"]!);

            static List<string> Matches(JsonNode n) => n["matches"]!.AsArray().Select(m => (string)m!).ToList();
            Assert.Equal(["Write", "WriteLine"], Matches(r["completeType"]!));
            Assert.Equal(8, (int)r["completeType"]!["cursor_start"]!);
            var dateTime = Matches(r["completeDateTime"]!);
            Assert.Contains("Now", dateTime);
            Assert.DoesNotContain("AddDays", dateTime);
            Assert.Contains("ToString", Matches(r["completeInstance"]!));

            var inspect = (string)r["inspect"]!["data"]!["text/plain"]!;
            Assert.StartsWith("void Console.WriteLine(int value)", inspect);
            Assert.Contains("void Console.WriteLine(string? value)", inspect);

            Assert.Equal("comm_close", (string?)r["comm"]!["closedBy"]);
            Assert.True((double)r["comm"]!["openSeconds"]! < 10);
            Assert.Empty(r["commInfo"]!["comms"]!.AsObject());

            var history = r["history"]!["history"]!.AsArray().Select(h => (string)h![2]!).ToList();
            Assert.Equal(["var answer = 42;", "answer + 1"], history);
            Assert.Equal(2, File.ReadAllLines(Path.Combine(root, "history.jsonl")).Length);
        }
        finally
        {
            if (server is { HasExited: false }) server.Kill(entireProcessTree: true);
            server?.Dispose();
            try { Directory.Delete(root, true); } catch (IOException) { }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForServer(string baseUrl, string token, Process server, System.Text.StringBuilder log)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("token", token);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (server.HasExited) Assert.Fail($"jupyter server exited {server.ExitCode}:\n{log}");
            try
            {
                if ((await http.GetAsync($"{baseUrl}/api")).IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(200);
        }
        Assert.Fail($"jupyter server did not answer on {baseUrl} within 60 s:\n{log}");
    }
}
