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
            using var orphaned = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var watch = ParentWatch.Start(Environment.GetEnvironmentVariable("JPY_PARENT_PID"), line => log.WriteLine(line), orphaned);
            await server.RunAsync(orphaned.Token).ConfigureAwait(false);
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

/// <summary>
/// ipykernel's parent poller: a front end that starts a kernel sets <c>JPY_PARENT_PID</c>; when that process is gone
/// (killed without a shutdown_request) nobody will ever ask this kernel to stop, so it stops itself.
/// </summary>
internal sealed class ParentWatch : IDisposable
{
    private readonly Timer _timer;

    private ParentWatch(int pid, Action<string> log, CancellationTokenSource stop, TimeSpan every)
    {
        _timer = new Timer(_ =>
        {
            if (IsAlive(pid)) return;
            log($"[askshift-kernel] the front end (JPY_PARENT_PID {pid}) is gone: shutting down");
            try { stop.Cancel(); } catch (ObjectDisposedException) { }
        }, null, every, every);
    }

    /// <summary>Watches the process named by <paramref name="parentPid"/> (ignored when unset or not a pid above 1).</summary>
    public static IDisposable? Start(string? parentPid, Action<string> log, CancellationTokenSource stop, TimeSpan? every = null) =>
        int.TryParse(parentPid, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid) && pid > 1
            ? new ParentWatch(pid, log, stop, every ?? TimeSpan.FromSeconds(1))
            : null;

    internal static bool IsAlive(int pid)
    {
        try
        {
            using var p = System.Diagnostics.Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException) { return false; }
    }

    public void Dispose() => _timer.Dispose();
}
