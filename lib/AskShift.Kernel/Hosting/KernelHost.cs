using AskShift.Kernel.Backend;
using AskShift.Kernel.Wire;

namespace AskShift.Kernel.Hosting;

/// <summary>
/// The one entry point for a kernel process: read the connection file, serve until shutdown, release the engine.
/// Everything is logged to <c>log</c> (stderr in a real kernel), which Jupyter front ends show in their kernel log.
/// </summary>
public static class KernelHost
{
    /// <summary>
    /// Runs a kernel for <paramref name="connectionFile"/>. If the file asks for port 0 the chosen ports are written
    /// back to it, so a front end that pre-wrote a partial file can connect.
    /// </summary>
    /// <exception cref="InvalidDataException">The connection file is missing or invalid (message names it).</exception>
    public static async Task<KernelRunResult> RunAsync(string connectionFile, Func<IKernelBackend> createBackend, TextWriter log,
        KernelServerOptions? options = null, CancellationToken ct = default)
    {
        var connection = ConnectionInfo.Load(connectionFile);
        var backend = createBackend();
        try
        {
            using var server = new KernelServer(connection, backend, log, options);
            if (server.Connection != connection) File.WriteAllText(connectionFile, server.Connection.ToJson());
            using var sigint = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, signal =>
            {
                signal.Cancel = true; // keep the process (and the session's state) alive
                server.InterruptRunningCell();
            });
            await server.RunAsync(ct).ConfigureAwait(false);
            return new KernelRunResult(server.RestartRequested);
        }
        finally
        {
            // A cell that ignores cancellation must not keep the process alive after shutdown.
            await backend.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }).ConfigureAwait(false);
        }
    }
}

/// <summary>How a kernel run ended.</summary>
public sealed record KernelRunResult(bool RestartRequested);
