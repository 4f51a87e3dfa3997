using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using AskShift.Kernel.Backend;
using AskShift.Kernel.Hosting;
using AskShift.Kernel.Tests.Support;
using AskShift.Kernel.Wire;

namespace AskShift.Kernel.Tests;

/// <summary>Hostile or broken input on the wire: the kernel answers or refuses, and keeps serving.</summary>
public class KernelHardeningTests
{
    private static JsonObject Op(string op, params (string Key, JsonNode? Value)[] args)
    {
        var o = new JsonObject { ["op"] = op };
        foreach (var (k, v) in args) o[k] = v;
        return o;
    }

    private static JsonObject Content(JsonObject step) => step["reply"]!["content"]!.AsObject();

    [Fact]
    public async Task SignedMessages_WithRepeatedKeys_GetAnErrorReply_AndTheKernelKeepsServing()
    {
        await using var kernel = new InProcessKernel();
        var result = await PythonDriver.RunAsync(kernel.Plan(
            Op("raw", ("content_json", "{\"code\": \"print a\", \"code\": \"print b\", \"silent\": false}")),
            Op("raw", ("content_json", "{\"code\": \"print c\"}"), ("duplicate_header_key", true)),
            Op("raw", ("msg_type", "shutdown_request"), ("content_json", "{\"restart\": false, \"restart\": true}")),
            Op("execute", ("code", "print still here")),
            Op("shutdown")));

        foreach (var index in new[] { 0, 1, 2 })
        {
            var step = PythonDriver.Step(result, index);
            var reply = Assert.Single(step["replies"]!.AsArray())!;
            Assert.Equal("error", (string)reply["content"]!["status"]!);
            Assert.Equal("MalformedMessage", (string)reply["content"]!["ename"]!);
            Assert.Contains("Duplicate property", (string)reply["content"]!["evalue"]!);
            Assert.Contains(step["iopub"]!.AsArray(), m => (string)m!["msg_type"]! == "status" && (string)m["content"]!["execution_state"]! == "idle");
        }
        Assert.Equal("ok", (string)Content(PythonDriver.Step(result, 3))["status"]!);
        Assert.Equal("ok", (string)Content(PythonDriver.Step(result, 4))["status"]!);
    }

    [Fact]
    public async Task AReplayedSignedRequest_RunsOnce()
    {
        await using var kernel = new InProcessKernel();
        var result = await PythonDriver.RunAsync(kernel.Plan(
            Op("replay", ("code", "print once")),
            Op("shutdown")));
        var replay = PythonDriver.Step(result, 0);
        Assert.Single(replay["replies"]!.AsArray());
        Assert.Single(replay["iopub"]!.AsArray(), m => (string)m!["msg_type"]! == "stream");
        Assert.Contains("replayed message", kernel.Log.ToString());
    }

    [Fact]
    public void ReplayMemory_IsBounded()
    {
        Assert.Equal(65_536, WireCodec.SeenSignaturesLimit); // ipykernel's digest history size
        var codec = new WireCodec(new MessageSigner("key"), seenSignaturesLimit: 100);
        var first = Frames(codec, 0);
        Assert.Equal(DecodeStatus.Ok, codec.TryDecode(first, out _, out _));
        Assert.Equal(DecodeStatus.Replayed, codec.TryDecode(first, out _, out _));
        for (var i = 1; i <= 99; i++) Assert.Equal(DecodeStatus.Ok, codec.TryDecode(Frames(codec, i), out _, out _));
        Assert.Equal(DecodeStatus.Replayed, codec.TryDecode(first, out _, out _)); // still among the newest 100
        Assert.Equal(DecodeStatus.Ok, codec.TryDecode(Frames(codec, 100), out _, out _));
        Assert.Equal(DecodeStatus.Ok, codec.TryDecode(first, out _, out _)); // forgotten once 100 newer ones filled the set
    }

    private static List<byte[]> Frames(WireCodec codec, int n) =>
        codec.Encode(new JupyterMessage([], new JsonObject { ["msg_id"] = $"m{n}", ["msg_type"] = "kernel_info_request" },
            new JsonObject(), new JsonObject(), new JsonObject(), []));

    [Fact]
    public async Task APrintLoop_ReachesTheClientWhole_InFewMessages()
    {
        await using var kernel = new InProcessKernel();
        var result = await PythonDriver.RunAsync(kernel.Plan(
            Op("execute", ("code", "lines 40000")),
            Op("shutdown")));
        var streams = PythonDriver.Step(result, 0)["iopub"]!.AsArray().Where(m => (string)m!["msg_type"]! == "stream").ToList();
        var text = string.Concat(streams.Select(m => (string)m!["content"]!["text"]!));
        Assert.Equal(40_000, text.Count(c => c == '\n'));
        Assert.StartsWith("line 0\n", text);
        Assert.EndsWith("line 39999\n", text);
        Assert.True(streams.Count < 1_000, $"{streams.Count} stream messages for 40,000 lines");
    }

    [Fact]
    public void ABusyPort_IsAClearError_NamingTheChannelAndPort()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        var info = new ConnectionInfo("tcp", "127.0.0.1", port, 0, 0, 0, 0, "k", "hmac-sha256");
        var e = Assert.Throws<InvalidDataException>(() => new KernelServer(info, new ScriptedBackend(), TextWriter.Null));
        Assert.Contains($"shell port {port} on 127.0.0.1 is already in use", e.Message);
    }

    [Fact]
    public async Task WhenTheFrontEndProcessIsGone_TheKernelStopsItself()
    {
        using var parent = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        using var stop = new CancellationTokenSource();
        var log = new StringWriter();
        using var watch = ParentWatch.Start(parent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), l => log.WriteLine(l), stop, TimeSpan.FromMilliseconds(100));
        Assert.NotNull(watch);
        await Task.Delay(300);
        Assert.False(stop.IsCancellationRequested);
        parent.Kill();
        await parent.WaitForExitAsync();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!stop.IsCancellationRequested && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.True(stop.IsCancellationRequested);
        Assert.Contains($"JPY_PARENT_PID {parent.Id}", log.ToString());
        Assert.Null(ParentWatch.Start(null, _ => { }, stop));
        Assert.Null(ParentWatch.Start("1", _ => { }, stop)); // init: the kernel was started without a front end
    }
}
