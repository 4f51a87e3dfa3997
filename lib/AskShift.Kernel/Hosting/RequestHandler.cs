using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using AskShift.Kernel.Backend;
using AskShift.Kernel.Protocol;
using AskShift.Kernel.Wire;

namespace AskShift.Kernel.Hosting;

/// <summary>
/// The kernel's behaviour per message type. Shell requests are queued and run strictly in order on one execution
/// thread (cells must not overlap); control requests run on the socket thread and never wait for a cell, which is
/// what lets interrupt_request and shutdown_request act on a running cell.
/// </summary>
internal sealed class RequestHandler(IKernelBackend backend, KernelServer server, KernelServerOptions options)
{
    private readonly BlockingCollection<JupyterMessage> _shellQueue = new();
    private readonly History _history = new(options.HistoryFile, server.Log);
    private Thread? _thread;
    private RunningCell? _running;
    private int _executionCount;

    private sealed record RunningCell(JupyterMessage Request, CancellationTokenSource Cancel, Task Done);

    public void Start()
    {
        _thread = new Thread(ShellLoop) { IsBackground = true, Name = "askshift-kernel-execution" };
        _thread.Start();
    }

    public void Stop()
    {
        _shellQueue.CompleteAdding();
        Volatile.Read(ref _running)?.Cancel.Cancel();
    }

    public void EnqueueShell(JupyterMessage message)
    {
        try { _shellQueue.Add(message); }
        catch (InvalidOperationException) { server.Log($"ignored {message.MsgType}: the kernel is shutting down"); }
    }

    private void ShellLoop()
    {
        foreach (var message in _shellQueue.GetConsumingEnumerable())
        {
            try { HandleShellAsync(message).GetAwaiter().GetResult(); }
            catch (Exception e) { server.Log($"{message.MsgType} failed: {e}"); }
        }
    }

    private async Task HandleShellAsync(JupyterMessage request)
    {
        var type = request.MsgType;
        if (type == "execute_request") { await ExecuteAsync(request); return; }
        if (type == "shutdown_request") { Shutdown(KernelChannel.Shell, request); return; }
        if (type is "comm_open" or "comm_msg" or "comm_close")
        {
            Comm(request);
            return;
        }

        server.Status(request, "busy");
        try
        {
            JsonObject? reply = type switch
            {
                "kernel_info_request" => KernelInfo.Reply(),
                "complete_request" => await CompleteAsync(request.Content),
                "inspect_request" => await InspectAsync(request.Content),
                "is_complete_request" => IsComplete(request.Content),
                "comm_info_request" => new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() },
                "history_request" => new JsonObject { ["status"] = "ok", ["history"] = _history.Query(request.Content) },
                _ => null,
            };
            if (reply is null) server.Log($"ignored unknown shell message type '{type}'");
            else server.Reply(KernelChannel.Shell, request, reply);
        }
        catch (Exception e)
        {
            server.Log($"{type} failed: {e}");
            server.Reply(KernelChannel.Shell, request, ErrorReply(e.GetType().Name, e.Message, []));
        }
        finally
        {
            server.Status(request, "idle");
        }
    }

    /// <summary>
    /// Comms (messaging spec 5.x): this kernel registers no comm targets, so a front end's comm_open is answered at
    /// once with a comm_close for that comm id, as the spec asks, and the client's open completes instead of waiting.
    /// Messages for comms that do not exist are only acknowledged by the busy/idle pair.
    /// </summary>
    private void Comm(JupyterMessage request)
    {
        server.Status(request, "busy");
        var id = Str(request.Content, "comm_id");
        if (request.MsgType == "comm_open")
        {
            server.Log($"comm_open for unknown target '{Str(request.Content, "target_name")}': closing comm {id}");
            server.Publish("comm_close", new JsonObject { ["comm_id"] = id, ["data"] = new JsonObject() }, request);
        }
        else server.Log($"ignored {request.MsgType} for comm {id}: no such comm is open");
        server.Status(request, "idle");
    }

    /// <summary>Runs on the socket thread; must return quickly.</summary>
    public void HandleControl(JupyterMessage request)
    {
        switch (request.MsgType)
        {
            case "kernel_info_request":
                server.Status(request, "busy");
                server.Reply(KernelChannel.Control, request, KernelInfo.Reply());
                server.Status(request, "idle");
                break;
            case "interrupt_request":
                Interrupt(request);
                break;
            case "shutdown_request":
                Shutdown(KernelChannel.Control, request);
                break;
            default:
                server.Log($"ignored unknown control message type '{request.MsgType}'");
                break;
        }
    }

    private async Task ExecuteAsync(JupyterMessage request)
    {
        var c = request.Content;
        var code = Str(c, "code");
        var silent = Bool(c, "silent", false);
        var storeHistory = !silent && Bool(c, "store_history", true);
        var stopOnError = Bool(c, "stop_on_error", true);
        if (storeHistory) _executionCount++;
        var count = _executionCount;

        server.Status(request, "busy");
        if (!silent) server.Publish("execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count }, request);

        using var cancel = new CancellationTokenSource();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _running, new RunningCell(request, cancel, done.Task));
        ExecutionOutcome outcome;
        string? resultText = null;
        using var streams = new StreamBatch(this, request, count, options.StreamInterval);
        try
        {
            outcome = await backend.ExecuteAsync(code, output =>
            {
                if (output is ExecutionResult r && r.Data["text/plain"] is JsonValue t && t.TryGetValue<string>(out var text)) resultText = text;
                if (silent) return;
                if (output is StreamText st) streams.Add(st);
                else { streams.Flush(); Forward(output, request, count); }
            }, cancel.Token);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            outcome = Failed(request, silent, new ExecutionError("OperationCanceledException", "The cell was interrupted.", ["The cell was interrupted."]));
        }
        catch (Exception e)
        {
            server.Log($"backend failed on execute: {e}");
            outcome = Failed(request, silent, new ExecutionError(e.GetType().Name, e.Message, [e.ToString()]));
        }
        finally
        {
            streams.Flush();
            Volatile.Write(ref _running, null);
            done.TrySetResult();
        }

        if (storeHistory)
        {
            try { _history.Add(count, code, resultText); }
            catch (Exception e) { server.Log($"history: could not record cell {count}: {e.Message}"); }
        }

        var error = outcome.Success ? null
            : outcome.Error ?? new ExecutionError("Error", "The cell failed without an error message.", []);
        JsonObject reply = error is null
            ? new JsonObject { ["status"] = "ok", ["execution_count"] = count, ["user_expressions"] = new JsonObject(), ["payload"] = new JsonArray() }
            : ErrorReply(error.Name, error.Value, error.Traceback, count);
        server.Reply(KernelChannel.Shell, request, reply);
        server.Status(request, "idle");

        if (error is not null && stopOnError) AbortQueuedExecutes();
    }

    private ExecutionOutcome Failed(JupyterMessage request, bool silent, ExecutionError error)
    {
        if (!silent) Forward(error, request, _executionCount);
        return new ExecutionOutcome(false, error);
    }

    /// <summary>stop_on_error: executes that were queued behind a failed cell are answered "aborted", not run.</summary>
    private void AbortQueuedExecutes()
    {
        var keep = new List<JupyterMessage>();
        while (_shellQueue.TryTake(out var queued))
        {
            if (queued.MsgType != "execute_request") { keep.Add(queued); continue; }
            server.Status(queued, "busy");
            server.Reply(KernelChannel.Shell, queued, new JsonObject { ["status"] = "aborted", ["execution_count"] = _executionCount });
            server.Status(queued, "idle");
            server.Log($"aborted a queued execute_request after an error (stop_on_error)");
        }
        foreach (var m in keep) HandleShellAsync(m).GetAwaiter().GetResult();
    }

    private void Forward(KernelOutput output, JupyterMessage request, int count)
    {
        switch (output)
        {
            case StreamText s:
                server.Publish("stream", new JsonObject { ["name"] = s.Name, ["text"] = s.Text }, request);
                break;
            case DisplayData d:
                server.Publish("display_data", Bundle(d.Data, d.Metadata, d.DisplayId), request);
                break;
            case DisplayUpdate u:
                server.Publish("update_display_data", Bundle(u.Data, u.Metadata, u.DisplayId), request);
                break;
            case ClearDisplay cl:
                server.Publish("clear_output", new JsonObject { ["wait"] = cl.Wait }, request);
                break;
            case ExecutionResult r:
                var content = Bundle(r.Data, r.Metadata, null);
                content["execution_count"] = count;
                server.Publish("execute_result", content, request);
                break;
            case ExecutionError e:
                server.Publish("error", new JsonObject
                {
                    ["ename"] = e.Name, ["evalue"] = e.Value, ["traceback"] = new JsonArray(e.Traceback.Select(l => (JsonNode?)l).ToArray()),
                }, request);
                break;
        }
    }

    /// <summary>
    /// Coalesces a cell's console text into one stream message per interval (and per change of stream), as ipykernel
    /// does: a loop printing 40,000 lines would otherwise send 40,000 messages, more than ZeroMQ queues for a client,
    /// and lines would be lost without a word. Order with other outputs is kept: they flush the batch first.
    /// </summary>
    private sealed class StreamBatch(RequestHandler handler, JupyterMessage request, int count, TimeSpan interval) : IDisposable
    {
        private readonly object _gate = new();
        private readonly System.Text.StringBuilder _text = new();
        private string _name = "stdout";
        private bool _armed;

        public void Add(StreamText s)
        {
            lock (_gate)
            {
                if (_text.Length > 0 && s.Name != _name) FlushLocked();
                _name = s.Name;
                _text.Append(s.Text);
                if (interval <= TimeSpan.Zero) { FlushLocked(); return; }
                if (!_armed) { _armed = true; _ = Task.Delay(interval).ContinueWith(_ => Flush(), TaskScheduler.Default); }
            }
        }

        public void Flush()
        {
            lock (_gate) FlushLocked();
        }

        private void FlushLocked()
        {
            _armed = false;
            if (_text.Length == 0) return;
            handler.Forward(new StreamText(_name, _text.ToString()), request, count);
            _text.Clear();
        }

        public void Dispose() => Flush();
    }

    private static JsonObject Bundle(JsonObject data, JsonObject metadata, string? displayId) => new()
    {
        ["data"] = data.DeepClone(),
        ["metadata"] = metadata.DeepClone(),
        ["transient"] = displayId is null ? new JsonObject() : new JsonObject { ["display_id"] = displayId },
    };

    private void Interrupt(JupyterMessage request)
    {
        server.Status(request, "busy");
        var cell = Volatile.Read(ref _running);
        if (cell is null)
        {
            server.Reply(KernelChannel.Control, request, new JsonObject { ["status"] = "ok" });
            server.Status(request, "idle");
            return;
        }
        server.Log("interrupt requested: cancelling the running cell");
        CancelRunningCell();
        _ = Task.Run(async () =>
        {
            var stopped = await Task.WhenAny(cell.Done, Task.Delay(options.InterruptGrace)) == cell.Done;
            if (stopped)
            {
                server.Reply(KernelChannel.Control, request, new JsonObject { ["status"] = "ok" });
            }
            else
            {
                var why = $"The running cell did not stop within {options.InterruptGrace.TotalSeconds:0.#} s of the interrupt: " +
                          "its code does not observe cancellation (for example a loop without await). " +
                          "It keeps running; restart the kernel to stop it.";
                server.Log(why);
                server.Publish("stream", new JsonObject { ["name"] = "stderr", ["text"] = why + "\n" }, cell.Request);
                server.Reply(KernelChannel.Control, request, ErrorReply("InterruptFailed", why, []));
            }
            server.Status(request, "idle");
        });
    }

    /// <summary>Cancels the running cell, if any; true when there was one.</summary>
    public bool CancelRunningCell()
    {
        var cell = Volatile.Read(ref _running);
        if (cell is null) return false;
        try { cell.Cancel.Cancel(); } catch (ObjectDisposedException) { }
        return true;
    }

    private void Shutdown(KernelChannel channel, JupyterMessage request)
    {
        var restart = Bool(request.Content, "restart", false);
        server.RestartRequested = restart;
        server.Log($"shutdown requested (restart: {restart})");
        server.Status(request, "busy");
        var content = new JsonObject { ["status"] = "ok", ["restart"] = restart };
        server.Reply(channel, request, content);
        server.Publish("shutdown_reply", (JsonObject)content.DeepClone(), request);
        server.Status(request, "idle");
        _shellQueue.CompleteAdding();
        try { Volatile.Read(ref _running)?.Cancel.Cancel(); } catch (ObjectDisposedException) { }
        server.StopAfterPendingSends();
    }

    private async Task<JsonObject> CompleteAsync(JsonObject c)
    {
        var code = Str(c, "code");
        var cursor = CodePoints.ToUtf16Index(code, Int(c, "cursor_pos", code.Length));
        var set = await backend.CompleteAsync(code, cursor, CancellationToken.None);
        return new JsonObject
        {
            ["status"] = "ok",
            ["matches"] = new JsonArray(set.Matches.Select(m => (JsonNode?)m).ToArray()),
            ["cursor_start"] = CodePoints.FromUtf16Index(code, set.Start),
            ["cursor_end"] = CodePoints.FromUtf16Index(code, set.End),
            ["metadata"] = new JsonObject(),
        };
    }

    private async Task<JsonObject> InspectAsync(JsonObject c)
    {
        var code = Str(c, "code");
        var cursor = CodePoints.ToUtf16Index(code, Int(c, "cursor_pos", code.Length));
        var doc = await backend.InspectAsync(code, cursor, CancellationToken.None);
        return new JsonObject
        {
            ["status"] = "ok",
            ["found"] = doc is not null,
            ["data"] = doc is null ? new JsonObject() : new JsonObject { ["text/plain"] = doc },
            ["metadata"] = new JsonObject(),
        };
    }

    private JsonObject IsComplete(JsonObject c)
    {
        var result = backend.IsComplete(Str(c, "code"));
        var reply = new JsonObject { ["status"] = result.Status.ToString().ToLowerInvariant() };
        if (result.Status == CompletenessStatus.Incomplete) reply["indent"] = result.Indent;
        return reply;
    }

    private static JsonObject ErrorReply(string ename, string evalue, IReadOnlyList<string> traceback, int? count = null)
    {
        var reply = new JsonObject
        {
            ["status"] = "error", ["ename"] = ename, ["evalue"] = evalue,
            ["traceback"] = new JsonArray(traceback.Select(l => (JsonNode?)l).ToArray()),
        };
        if (count is not null) reply["execution_count"] = count;
        return reply;
    }

    private static string Str(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
    private static bool Bool(JsonObject o, string name, bool fallback) => o[name] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : fallback;
    private static int Int(JsonObject o, string name, int fallback) => o[name] is JsonValue v && v.TryGetValue<int>(out var i) ? i : fallback;
}
