using System.Text.Json.Nodes;
using AskShift.Kernel.Hosting;
using AskShift.Kernel.Tests.Support;

namespace AskShift.Kernel.Tests;

/// <summary>
/// The protocol layer against Jupyter's own client (jupyter_client from Debian), with the scripted backend so the
/// behaviour under test is the kernel's, not the C# engine's.
/// </summary>
public class JupyterClientProtocolTests
{
    private static JsonObject Op(string op, params (string Key, JsonNode? Value)[] args)
    {
        var o = new JsonObject { ["op"] = op };
        foreach (var (k, v) in args) o[k] = v;
        return o;
    }

    private static List<string> Types(JsonObject step) =>
        step["iopub"]!.AsArray().Select(m => (string)m!["msg_type"]! == "status"
            ? "status:" + (string)m["content"]!["execution_state"]! : (string)m["msg_type"]!).ToList();

    private static JsonObject Content(JsonObject step) => step["reply"]!["content"]!.AsObject();

    [Fact]
    public async Task KernelInfo_AnswersOnShellAndControl_BracketedByBusyIdle()
    {
        await using var kernel = new InProcessKernel();
        var result = await PythonDriver.RunAsync(kernel.Plan(
            Op("kernel_info", ("channel", "shell")), Op("kernel_info", ("channel", "control")), Op("shutdown")));

        foreach (var (index, channel) in new[] { (0, "shell"), (1, "control") })
        {
            var step = PythonDriver.Step(result, index);
            Assert.Equal("kernel_info_reply", (string)step["reply"]!["msg_type"]!);
            var info = Content(step);
            Assert.Equal("5.3", (string)info["protocol_version"]!);
            Assert.Equal("askshift", (string)info["implementation"]!);
            Assert.Equal("C#", (string)info["language_info"]!["name"]!);
            Assert.Equal(".cs", (string)info["language_info"]!["file_extension"]!);
            Assert.Equal("csharp", (string)info["language_info"]!["pygments_lexer"]!);
            Assert.Equal("text/x-csharp", (string)info["language_info"]!["mimetype"]!);
            Assert.True(Types(step).SequenceEqual(["status:busy", "status:idle"]), $"{channel}: {string.Join(",", Types(step))}");
            Assert.All(step["iopub"]!.AsArray(), m => Assert.Equal((string)step["msg_id"]!, (string)m!["parent_msg_id"]!));
        }
        Assert.True((double)result["startup"]!["ready_seconds"]! < 30);
    }

    [Fact]
    public async Task Execute_PublishesEveryOutputKindInOrder_AndCountsOnlyStoredCells()
    {
        await using var kernel = new InProcessKernel();
        var result = await PythonDriver.RunAsync(kernel.Plan(
            Op("execute", ("code", "print hello\neprint careful\ndisplay bar 10%\nupdate bar 100%\nclear wait\nresult 42")),
            Op("execute", ("code", "print quiet"), ("silent", true)),
            Op("execute", ("code", "result unstored"), ("store_history", false)),
            Op("execute", ("code", "set x 7")),
            Op("execute", ("code", "get x")),
            Op("shutdown")));

        var first = PythonDriver.Step(result, 0);
        Assert.Equal(["status:busy", "execute_input", "stream", "stream", "display_data", "update_display_data",
            "clear_output", "execute_result", "status:idle"], Types(first));
        var io = first["iopub"]!.AsArray();
        Assert.Equal(1, (int)io[1]!["content"]!["execution_count"]!);
        Assert.Equal("stdout", (string)io[2]!["content"]!["name"]!);
        Assert.Equal("hello\n", (string)io[2]!["content"]!["text"]!);
        Assert.Equal("stderr", (string)io[3]!["content"]!["name"]!);
        Assert.Equal("bar", (string)io[4]!["content"]!["transient"]!["display_id"]!);
        Assert.Equal("<b>100%</b>", (string)io[5]!["content"]!["data"]!["text/html"]!);
        Assert.Equal("bar", (string)io[5]!["content"]!["transient"]!["display_id"]!);
        Assert.True((bool)io[6]!["content"]!["wait"]!);
        Assert.Equal("42", (string)io[7]!["content"]!["data"]!["text/plain"]!);
        Assert.Equal(1, (int)io[7]!["content"]!["execution_count"]!);
        Assert.Equal("ok", (string)Content(first)["status"]!);
        Assert.Equal(1, (int)Content(first)["execution_count"]!);

        var silent = PythonDriver.Step(result, 1);
        Assert.Equal(["status:busy", "status:idle"], Types(silent));
        Assert.Equal(1, (int)Content(silent)["execution_count"]!);

        var unstored = PythonDriver.Step(result, 2);
        Assert.Contains("execute_result", Types(unstored));
        Assert.Equal(1, (int)Content(unstored)["execution_count"]!);

        Assert.Equal(2, (int)Content(PythonDriver.Step(result, 3))["execution_count"]!);
        var get = PythonDriver.Step(result, 4);
        Assert.Equal(3, (int)Content(get)["execution_count"]!);
        Assert.Equal("7", (string)get["iopub"]!.AsArray().Single(m => (string)m!["msg_type"]! == "execute_result")!["content"]!["data"]!["text/plain"]!);
    }

    [Fact]
    public async Task Error_RepliesError_AndAbortsQueuedCellsOnlyWithStopOnError()
    {
        await using var kernel = new InProcessKernel();
        var result = await PythonDriver.RunAsync(kernel.Plan(
            Op("execute_batch", ("codes", new JsonArray("sleep 500\nfail Boom it broke", "print never", "print never again"))),
            Op("execute_batch", ("codes", new JsonArray("sleep 500\nfail Boom again", "print still runs")), ("stop_on_error", false)),
            Op("execute", ("code", "print after")),
            Op("shutdown")));

        var batch = PythonDriver.Step(result, 0)["results"]!.AsArray();
        var failed = batch[0]!.AsObject();
        Assert.Equal("error", (string)Content(failed)["status"]!);
        Assert.Equal("Boom", (string)Content(failed)["ename"]!);
        Assert.Equal("it broke", (string)Content(failed)["evalue"]!);
        var error = failed["iopub"]!.AsArray().Single(m => (string)m!["msg_type"]! == "error")!;
        Assert.Equal("Boom", (string)error["content"]!["ename"]!);
        Assert.NotEmpty(error["content"]!["traceback"]!.AsArray());
        foreach (var aborted in batch.Skip(1))
        {
            Assert.Equal("aborted", (string)Content(aborted!.AsObject())["status"]!);
            Assert.DoesNotContain("stream", Types(aborted.AsObject()));
        }

        var lenient = PythonDriver.Step(result, 1)["results"]!.AsArray();
        Assert.Equal("error", (string)Content(lenient[0]!.AsObject())["status"]!);
        Assert.Equal("ok", (string)Content(lenient[1]!.AsObject())["status"]!);

        var after = PythonDriver.Step(result, 2);
        Assert.Equal("ok", (string)Content(after)["status"]!);
        Assert.Contains("stream", Types(after));
    }

    [Fact]
    public async Task Interrupt_CancelsAWaitingCell_AndSaysWhenACellCannotBeInterrupted()
    {
        await using var kernel = new InProcessKernel(options: new KernelServerOptions { InterruptGrace = TimeSpan.FromSeconds(1) });
        var plan = kernel.Plan(
            Op("execute", ("code", "print started\nsleep 60000\nprint unreachable"), ("interrupt_after", 1.0)),
            Op("execute", ("code", "spin 5000\nprint spun"), ("interrupt_after", 1.0)),
            Op("execute", ("code", "print alive")),
            Op("execute_batch", ("codes", new JsonArray("spin 4000")), ("then", "heartbeat")),
            Op("shutdown"));
        plan["time_to_dead"] = 1.0; // jupyter_client's own deadline: the heartbeat is what this test checks
        var result = await PythonDriver.RunAsync(plan);

        var waiting = PythonDriver.Step(result, 0);
        Assert.Equal("ok", (string)waiting["interrupt_reply"]!["content"]!["status"]!);
        Assert.Equal("error", (string)Content(waiting)["status"]!);
        Assert.True((double)waiting["seconds"]! < 30, "the interrupted cell must not run its 60 s");
        Assert.DoesNotContain(waiting["iopub"]!.AsArray(), m => m!["content"]!["text"]?.ToString() == "unreachable\n");

        var spinning = PythonDriver.Step(result, 1);
        Assert.Equal("error", (string)spinning["interrupt_reply"]!["content"]!["status"]!);
        Assert.Equal("InterruptFailed", (string)spinning["interrupt_reply"]!["content"]!["ename"]!);
        Assert.Contains(spinning["iopub"]!.AsArray(), m => (string?)m!["content"]!["name"] == "stderr"
            && ((string)m["content"]!["text"]!).Contains("did not stop"));
        Assert.Equal("ok", (string)Content(spinning)["status"]!);

        Assert.Equal("ok", (string)Content(PythonDriver.Step(result, 2))["status"]!);
        // The heartbeat is answered on a thread of its own, so it keeps beating while a cell spins.
        Assert.True((bool)PythonDriver.Step(result, 3)["heartbeat"]!["beating"]!);
    }

    [Fact]
    public async Task CompleteInspectIsCompleteCommInfoHistory_Answer()
    {
        await using var kernel = new InProcessKernel();
        const string emojiLine = "print 🐉 se";
        var result = await PythonDriver.RunAsync(kernel.Plan(
            Op("execute", ("code", "set sentinel 1")),
            Op("complete", ("code", "pri"), ("cursor_pos", 3)),
            Op("complete", ("code", emojiLine), ("cursor_pos", emojiLine.EnumerateRunes().Count())),
            Op("inspect", ("code", "get sentinel"), ("cursor_pos", 6)),
            Op("inspect", ("code", "zzz"), ("cursor_pos", 1)),
            Op("is_complete", ("code", "print a \\")),
            Op("is_complete", ("code", "print a")),
            Op("is_complete", ("code", "bogus")),
            Op("comm_info"),
            Op("history"),
            Op("shutdown")));

        var complete = Content(PythonDriver.Step(result, 1));
        Assert.Equal(["print"], complete["matches"]!.AsArray().Select(m => (string)m!).ToArray());
        Assert.Equal(0, (int)complete["cursor_start"]!);
        Assert.Equal(3, (int)complete["cursor_end"]!);

        // Cursor positions are code points: the dragon is one, though two UTF-16 units.
        var emoji = Content(PythonDriver.Step(result, 2));
        Assert.Contains("sentinel", emoji["matches"]!.AsArray().Select(m => (string)m!));
        Assert.Equal(8, (int)emoji["cursor_start"]!);
        Assert.Equal(10, (int)emoji["cursor_end"]!);

        var found = Content(PythonDriver.Step(result, 3));
        Assert.True((bool)found["found"]!);
        Assert.Equal("sentinel = 1", (string)found["data"]!["text/plain"]!);
        Assert.False((bool)Content(PythonDriver.Step(result, 4))["found"]!);

        Assert.Equal("incomplete", (string)Content(PythonDriver.Step(result, 5))["status"]!);
        Assert.Equal("complete", (string)Content(PythonDriver.Step(result, 6))["status"]!);
        Assert.Equal("invalid", (string)Content(PythonDriver.Step(result, 7))["status"]!);
        Assert.Empty(Content(PythonDriver.Step(result, 8))["comms"]!.AsObject());
        var history = Content(PythonDriver.Step(result, 9))["history"]!.AsArray();
        Assert.Equal("set sentinel 1", (string)Assert.Single(history)!.AsArray()[2]!);
        Assert.True(Types(PythonDriver.Step(result, 1)).SequenceEqual(["status:busy", "status:idle"]));
    }

    [Fact]
    public async Task History_AnswersTailRangeAndSearch_AsIPythonDoes()
    {
        await using var kernel = new InProcessKernel();
        var result = await PythonDriver.RunAsync(kernel.Plan(
            Op("execute", ("code", "set a 1")),
            Op("execute", ("code", "get a")),
            Op("execute", ("code", "print hidden"), ("store_history", false)),
            Op("execute", ("code", "set a 1")),
            Op("history", ("content", new JsonObject { ["n"] = 2 })),
            Op("history", ("content", new JsonObject { ["hist_access_type"] = "range", ["session"] = 0, ["start"] = 2, ["stop"] = 3, ["output"] = true })),
            Op("history", ("content", new JsonObject { ["hist_access_type"] = "search", ["pattern"] = "set*", ["unique"] = true })),
            Op("history", ("content", new JsonObject { ["hist_access_type"] = "bogus" })),
            Op("shutdown")));

        static List<JsonArray> Items(JsonObject step) => Content(step)["history"]!.AsArray().Select(i => i!.AsArray()).ToList();
        var tail = Items(PythonDriver.Step(result, 4));
        Assert.Equal(["get a", "set a 1"], tail.Select(i => (string)i[2]!));
        Assert.Equal([2, 3], tail.Select(i => (int)i[1]!)); // line numbers are execution counts; the unstored cell took none
        var session = (int)tail[0][0]!;
        Assert.True(session >= 1);

        var range = Assert.Single(Items(PythonDriver.Step(result, 5)));
        Assert.Equal(session, (int)range[0]!);
        Assert.Equal("get a", (string)range[2]![0]!);
        Assert.Equal("1", (string)range[2]![1]!); // the cell's text/plain result

        Assert.Equal(["set a 1"], Items(PythonDriver.Step(result, 6)).Select(i => (string)i[2]!));

        var bogus = Content(PythonDriver.Step(result, 7));
        Assert.Equal("error", (string)bogus["status"]!);
        Assert.Contains("hist_access_type", (string)bogus["evalue"]!);
    }

    [Fact]
    public async Task CommOpen_ForAnUnknownTarget_IsClosedAtOnce_WithBusyAndIdle()
    {
        await using var kernel = new InProcessKernel();
        var result = await PythonDriver.RunAsync(kernel.Plan(
            Op("comm_open", ("content", new JsonObject { ["comm_id"] = "c-1", ["target_name"] = "jupyter.widget", ["data"] = new JsonObject() })),
            Op("comm_msg", ("content", new JsonObject { ["comm_id"] = "c-1", ["data"] = new JsonObject { ["x"] = 1 } })),
            Op("comm_info"),
            Op("shutdown")));

        var open = PythonDriver.Step(result, 0);
        Assert.True(Types(open).SequenceEqual(["status:busy", "comm_close", "status:idle"]), string.Join(",", Types(open)));
        Assert.Equal("c-1", (string)open["iopub"]!.AsArray()[1]!["content"]!["comm_id"]!);
        Assert.True(Types(PythonDriver.Step(result, 1)).SequenceEqual(["status:busy", "status:idle"]));
        Assert.Empty(Content(PythonDriver.Step(result, 2))["comms"]!.AsObject());
    }

    [Fact]
    public async Task ForgedSignature_GetsNoReply_IsLogged_AndKernelKeepsServing()
    {
        await using var kernel = new InProcessKernel();
        var result = await PythonDriver.RunAsync(kernel.Plan(
            Op("bad_signature"), Op("execute", ("code", "print genuine")), Op("shutdown")));

        var forged = PythonDriver.Step(result, 0);
        Assert.Empty(forged["replies"]!.AsArray());
        Assert.Empty(forged["iopub"]!.AsArray());
        Assert.Contains("invalid HMAC signature", kernel.Log.ToString());
        Assert.DoesNotContain("forged", kernel.Log.ToString());

        var genuine = PythonDriver.Step(result, 1);
        Assert.Equal("ok", (string)Content(genuine)["status"]!);
        Assert.Equal(1, (int)Content(genuine)["execution_count"]!); // the forged cell never ran
    }

    [Fact]
    public async Task Shutdown_RepliesOnControl_AndStopsTheServer()
    {
        await using var kernel = new InProcessKernel();
        var result = await PythonDriver.RunAsync(kernel.Plan(Op("shutdown", ("restart", true))));

        var step = PythonDriver.Step(result, 0);
        Assert.Equal("shutdown_reply", (string)step["reply"]!["msg_type"]!);
        Assert.True((bool)Content(step)["restart"]!);
        await kernel.Run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(kernel.Server.RestartRequested);
    }
}
