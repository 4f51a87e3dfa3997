using System.Text;
using System.Text.Json.Nodes;
using AskShift.Kernel.Backend;
using AskShift.Kernel.Wire;
using NetMQ;
using NetMQ.Sockets;

namespace AskShift.Kernel.Hosting;

/// <summary>
/// A Jupyter kernel process's network side: binds the five sockets of a connection file and serves requests until a
/// shutdown_request. NetMQ sockets are not thread-safe, so one poller thread owns every socket, receives all input
/// and sends everything queued in an outbox; shell requests run one at a time on a separate execution thread (see
/// <see cref="RequestHandler"/>), which keeps control (interrupt, shutdown) and heartbeat responsive while a cell runs.
/// </summary>
public sealed class KernelServer : IDisposable
{
    private readonly NetMQPoller _poller;
    // The heartbeat has a poller (and so a thread) of its own, as in ipykernel: a burst of output queued on the main
    // poller must never make a front end think the kernel died.
    private readonly NetMQPoller _heartbeatPoller;
    private readonly RouterSocket _shell = new(), _control = new(), _stdin = new();
    private readonly PublisherSocket _iopub = new();
    private readonly ResponseSocket _heartbeat = new();
    private readonly NetMQQueue<Outgoing> _outbox = new();
    private readonly WireCodec _codec;
    private readonly TextWriter _log;
    private readonly RequestHandler _handler;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _started, _disposed;

    /// <summary>
    /// Binds all sockets immediately. Ports given as 0 are chosen by the OS; <see cref="Connection"/> then holds the
    /// real ones so they can be written back to the connection file, as ipykernel does.
    /// </summary>
    public KernelServer(ConnectionInfo connection, IKernelBackend backend, TextWriter log, KernelServerOptions? options = null)
    {
        _log = TextWriter.Synchronized(log);
        _codec = new WireCodec(new MessageSigner(connection.Key));
        foreach (var s in new NetMQSocket[] { _shell, _control, _stdin, _iopub, _heartbeat })
        {
            s.Options.Linger = TimeSpan.FromSeconds(1); // lets the shutdown_reply leave before the process exits
            if (connection.Ip.Contains(':')) s.Options.IPv4Only = false;
        }
        // Stream output arrives coalesced (see RequestHandler), but a burst of displays can still outrun a slow client:
        // iopub queues far more than ZeroMQ's default 1,000 messages before it drops any.
        _iopub.Options.SendHighWatermark = 100_000;
        try
        {
            Connection = connection with
            {
                ShellPort = Bind(_shell, connection, connection.ShellPort, "shell"),
                ControlPort = Bind(_control, connection, connection.ControlPort, "control"),
                StdinPort = Bind(_stdin, connection, connection.StdinPort, "stdin"),
                IOPubPort = Bind(_iopub, connection, connection.IOPubPort, "iopub"),
                HeartbeatPort = Bind(_heartbeat, connection, connection.HeartbeatPort, "heartbeat"),
            };
        }
        catch
        {
            foreach (var s in new NetMQSocket[] { _shell, _control, _stdin, _iopub, _heartbeat }) s.Dispose();
            _outbox.Dispose();
            throw;
        }
        Session = Guid.NewGuid().ToString("N");
        _handler = new RequestHandler(backend, this, options ?? new KernelServerOptions());

        _shell.ReceiveReady += (_, e) => Receive(KernelChannel.Shell, e.Socket);
        _control.ReceiveReady += (_, e) => Receive(KernelChannel.Control, e.Socket);
        _stdin.ReceiveReady += (_, e) => Receive(KernelChannel.Stdin, e.Socket);
        _heartbeat.ReceiveReady += (_, e) => e.Socket.SendMultipartMessage(e.Socket.ReceiveMultipartMessage());
        _outbox.ReceiveReady += (_, e) => Flush(e.Queue);
        _poller = new NetMQPoller { _shell, _control, _stdin, _outbox };
        _heartbeatPoller = new NetMQPoller { _heartbeat };
    }

    /// <summary>The connection actually bound (ports filled in when the file asked for 0).</summary>
    public ConnectionInfo Connection { get; }

    /// <summary>This kernel's session id, stamped on every message it sends.</summary>
    public string Session { get; }

    /// <summary>True when the last shutdown_request asked for a restart (the front end restarts the process).</summary>
    public bool RestartRequested { get; internal set; }

    /// <summary>Serves until a shutdown_request arrives or <paramref name="ct"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken ct = default)
    {
        if (_started) throw new InvalidOperationException("The kernel server is already running.");
        _started = true;
        _handler.Start();
        _poller.RunAsync("askshift-kernel-sockets");
        _heartbeatPoller.RunAsync("askshift-kernel-heartbeat");
        Log($"listening on {Connection.Ip} (shell {Connection.ShellPort}, control {Connection.ControlPort}, iopub {Connection.IOPubPort}, hb {Connection.HeartbeatPort})");
        await using (ct.Register(() => _outbox.Enqueue(new Outgoing(KernelChannel.IOPub, null, StopAfter: true))))
            await _stopped.Task.ConfigureAwait(false);
        _handler.Stop();
    }

    /// <summary>
    /// Interrupts the running cell without a request message, for a front end that sends SIGINT despite the
    /// kernelspec's message mode (the default SIGINT action would kill the process and lose the session).
    /// </summary>
    public void InterruptRunningCell()
    {
        Log(_handler.CancelRunningCell() ? "SIGINT: cancelling the running cell" : "SIGINT ignored: no cell is running");
    }

    internal void Log(string line) => _log.WriteLine($"[askshift-kernel {DateTime.UtcNow:HH:mm:ss.fff}] {line}");

    internal void Send(KernelChannel channel, JupyterMessage message) => _outbox.Enqueue(new Outgoing(channel, message));

    /// <summary>Queues a stop behind everything already queued, so replies sent before it still go out.</summary>
    internal void StopAfterPendingSends() => _outbox.Enqueue(new Outgoing(KernelChannel.IOPub, null, StopAfter: true));

    /// <summary>Publishes an iopub message caused by <paramref name="parent"/>.</summary>
    internal void Publish(string msgType, JsonObject content, JupyterMessage parent)
    {
        var topic = Encoding.UTF8.GetBytes($"kernel.{Session}.{msgType}");
        Send(KernelChannel.IOPub, JupyterMessage.Create(msgType, Session, content, parent, [topic]));
    }

    internal void Reply(KernelChannel channel, JupyterMessage request, JsonObject content)
    {
        var type = request.MsgType.EndsWith("_request", StringComparison.Ordinal)
            ? request.MsgType[..^"_request".Length] + "_reply"
            : request.MsgType + "_reply";
        Send(channel, JupyterMessage.Create(type, Session, content, request));
    }

    internal void Status(JupyterMessage parent, string state) =>
        Publish("status", new JsonObject { ["execution_state"] = state }, parent);

    private void Receive(KernelChannel channel, NetMQSocket socket)
    {
        var frames = socket.ReceiveMultipartMessage().Select(f => f.ToByteArray()).ToList();
        switch (_codec.TryDecode(frames, out var message, out var error))
        {
            case DecodeStatus.BadSignature or DecodeStatus.Replayed:
                Log($"dropped a message on {channel.ToString().ToLowerInvariant()}: {error}");
                return;
            case DecodeStatus.Malformed when message is not null && channel != KernelChannel.Stdin:
                // Signed, with a readable header, but the rest is not a valid message: answer it, so the client does
                // not wait for ever, and keep serving.
                Log($"malformed {message.MsgType} on {channel.ToString().ToLowerInvariant()}: {error}");
                Status(message, "busy");
                Reply(channel, message, new JsonObject
                {
                    ["status"] = "error", ["ename"] = "MalformedMessage", ["evalue"] = error,
                    ["traceback"] = new JsonArray($"MalformedMessage: {error}"),
                });
                Status(message, "idle");
                return;
            case DecodeStatus.Malformed:
                Log($"dropped a malformed message on {channel.ToString().ToLowerInvariant()}: {error}");
                return;
        }
        try
        {
            switch (channel)
            {
                case KernelChannel.Shell: _handler.EnqueueShell(message!); break;
                case KernelChannel.Control: _handler.HandleControl(message!); break;
                default: Log($"ignored {message!.MsgType} on stdin: this kernel never asks for input"); break;
            }
        }
        catch (Exception e) // one bad request must not take the socket thread, and with it the kernel, down
        {
            Log($"{message!.MsgType} on {channel.ToString().ToLowerInvariant()} failed: {e}");
        }
    }

    private void Flush(NetMQQueue<Outgoing> queue)
    {
        while (queue.TryDequeue(out var item, TimeSpan.Zero))
        {
            if (item.StopAfter)
            {
                _poller.StopAsync();
                _stopped.TrySetResult();
                return;
            }
            var socket = item.Channel switch
            {
                KernelChannel.Shell => (NetMQSocket)_shell,
                KernelChannel.Control => _control,
                KernelChannel.Stdin => _stdin,
                _ => _iopub,
            };
            var frames = new NetMQMessage(_codec.Encode(item.Message!));
            if (!socket.TrySendMultipartMessage(TimeSpan.FromSeconds(1), frames))
                Log($"could not send {item.Message!.MsgType} on {item.Channel}: peer not reachable");
        }
    }

    /// <exception cref="InvalidDataException">The port is taken (message names channel, address and port).</exception>
    private static int Bind(NetMQSocket socket, ConnectionInfo c, int port, string channel)
    {
        try
        {
            if (port != 0) { socket.Bind(c.Endpoint(port)); return port; }
            var host = c.Ip.Contains(':') ? $"[{c.Ip}]" : c.Ip;
            return socket.BindRandomPort($"{c.Transport}://{host}");
        }
        catch (AddressAlreadyInUseException)
        {
            throw new InvalidDataException(
                $"the {channel} port {port} on {c.Ip} is already in use (another kernel or program holds it); restart the kernel so the front end picks new ports");
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (_poller.IsRunning) _poller.Stop();
        if (_heartbeatPoller.IsRunning) _heartbeatPoller.Stop();
        _poller.Dispose();
        _heartbeatPoller.Dispose();
        foreach (var s in new NetMQSocket[] { _shell, _control, _stdin, _iopub, _heartbeat }) s.Dispose();
        _outbox.Dispose();
    }
}

/// <summary>Tunables of the request handling; the defaults suit interactive use.</summary>
public sealed record KernelServerOptions
{
    /// <summary>How long an interrupted cell may take to stop before the kernel reports it cannot be interrupted.</summary>
    public TimeSpan InterruptGrace { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Where input history persists across kernel sessions (JSON lines); null keeps it in memory for this process only.
    /// The kernel command passes <c>History.DefaultFile</c>; tests and embedders default to memory only.
    /// </summary>
    public string? HistoryFile { get; init; }

    /// <summary>
    /// How long console text is gathered before it is sent as one stream message (zero sends every write at once).
    /// Long enough to turn a print loop into a handful of messages, short enough to look live.
    /// </summary>
    public TimeSpan StreamInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// <c>$ASKSHIFT_KERNEL_HISTORY</c> when set (empty turns persistence off), else
    /// <c>$XDG_DATA_HOME/askshift/kernel-history.jsonl</c> (XDG_DATA_HOME defaulting to ~/.local/share).
    /// </summary>
    public static string? DefaultHistoryFile() => History.DefaultFile(Environment.GetEnvironmentVariable);
}
