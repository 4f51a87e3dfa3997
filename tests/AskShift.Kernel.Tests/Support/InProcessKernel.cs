using System.Text.Json.Nodes;
using AskShift.Kernel.Backend;
using AskShift.Kernel.Hosting;
using AskShift.Kernel.Wire;

namespace AskShift.Kernel.Tests.Support;

/// <summary>A <see cref="KernelServer"/> on OS-chosen loopback ports with a written connection file.</summary>
public sealed class InProcessKernel : IAsyncDisposable
{
    public StringWriter Log { get; } = new();
    public KernelServer Server { get; }
    public Task Run { get; }
    public string ConnectionFile { get; }
    private readonly string _dir = Directory.CreateTempSubdirectory("askshift-kernel-test").FullName;

    public InProcessKernel(IKernelBackend? backend = null, KernelServerOptions? options = null)
    {
        var key = Guid.NewGuid().ToString();
        var info = new ConnectionInfo("tcp", "127.0.0.1", 0, 0, 0, 0, 0, key, "hmac-sha256");
        Server = new KernelServer(info, backend ?? new ScriptedBackend(), Log, options);
        ConnectionFile = Path.Combine(_dir, "kernel.json");
        File.WriteAllText(ConnectionFile, Server.Connection.ToJson());
        Run = Server.RunAsync();
    }

    public JsonObject Plan(params JsonObject[] steps) =>
        new() { ["connection_file"] = ConnectionFile, ["steps"] = new JsonArray(steps) };

    public async ValueTask DisposeAsync()
    {
        Server.Dispose();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
        await Task.CompletedTask;
    }
}
