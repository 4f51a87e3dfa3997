using System.Text.Json.Nodes;
using AskShift.Kernel.Tests.Support;

namespace AskShift.Kernel.Tests;

/// <summary>
/// The installed kernel as a user gets it: <c>askshift kernel install --prefix</c>, then jupyter_client's
/// KernelManager starts it from the kernelspec and runs real C# on the notebook engine.
/// </summary>
public class KernelEndToEndTests
{
    private static JsonObject Op(string op, params (string Key, JsonNode? Value)[] args)
    {
        var o = new JsonObject { ["op"] = op };
        foreach (var (k, v) in args) o[k] = v;
        return o;
    }

    private static JsonObject Content(JsonObject step) => step["reply"]!["content"]!.AsObject();

    private static IEnumerable<JsonObject> IOPub(JsonObject step, string type) =>
        step["iopub"]!.AsArray().Select(m => m!.AsObject()).Where(m => (string)m["msg_type"]! == type);

    [Fact]
    public void Install_RejectsUserTogetherWithPrefix()
    {
        var (exit, _, stderr) = CliPaths.Run("kernel", "install", "--user", "--prefix", Path.GetTempPath());
        Assert.Equal(2, exit);
        Assert.Contains("exclusive", stderr);
    }

    [Fact]
    public void Start_WithABadConnectionFile_FailsNamingIt()
    {
        var file = Path.Combine(Path.GetTempPath(), $"askshift-bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, "{\"shell_port\": 1}");
        try
        {
            var (exit, _, stderr) = CliPaths.Run("kernel", "start", "--connection-file", file);
            Assert.Equal(2, exit);
            Assert.Contains(file, stderr);
            Assert.Contains("iopub_port", stderr);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public async Task InstalledKernel_RunsCSharpThroughJupyterClient()
    {
        var prefix = Directory.CreateTempSubdirectory("askshift-kernel-e2e").FullName;
        try
        {
            var (exit, stdout, stderr) = CliPaths.Run("kernel", "install", "--prefix", prefix);
            Assert.True(exit == 0, stderr);
            var specDir = Path.Combine(prefix, "share", "jupyter", "kernels", "askshift-csharp");
            Assert.Contains(specDir, stdout);
            var argv = JsonNode.Parse(File.ReadAllText(Path.Combine(specDir, "kernel.json")))!["argv"]!.AsArray().Select(a => (string)a!).ToList();
            Assert.Equal(CliPaths.CliDll, argv[1]);
            Assert.True(Path.IsPathRooted(argv[0]));

            var plan = new JsonObject
            {
                ["kernel_name"] = "askshift-csharp",
                ["jupyter_path"] = Path.Combine(prefix, "share", "jupyter"),
                ["steps"] = new JsonArray(
                    Op("execute", ("code", "1 + 41")),
                    Op("kernel_info", ("channel", "control")),
                    Op("execute", ("code", "Console.WriteLine(\"to stdout\"); Console.Error.WriteLine(\"to stderr\");")),
                    Op("execute", ("code", "var h = display(\"10%\"); h.Update(\"100%\"); clear_output(true); var answer = 42; long spins = 0;")),
                    Op("execute", ("code", "throw new InvalidOperationException(\"boom\");")),
                    Op("execute", ("code", "int broken = \"text\";")),
                    Op("complete", ("code", "answer.ToStr"), ("cursor_pos", 12)),
                    Op("inspect", ("code", "Math.Max(1, 2)"), ("cursor_pos", 6)),
                    Op("is_complete", ("code", "if (true) {")),
                    Op("execute", ("code", "await Task.Delay(60000);"), ("interrupt_after", 2.0)),
                    Op("execute", ("code", "answer")),
                    Op("execute", ("code", "await Task.Delay(60000, CancellationToken);"), ("interrupt_after", 2.0), ("via", "sigint")),
                    Op("bad_signature"),
                    Op("execute", ("code", "answer + 1")),
                    Op("complete", ("code", "Console.Wr"), ("cursor_pos", 10)),
                    Op("complete", ("code", "DateTime."), ("cursor_pos", 9)),
                    Op("inspect", ("code", "Console.WriteLine(answer)"), ("cursor_pos", 12)),
                    Op("execute", ("code", "while (true)\n    spins++;"), ("interrupt_after", 2.0)),
                    Op("execute", ("code", "var before = spins; System.Threading.Thread.Sleep(300); before == spins")),
                    Op("shutdown")),
            };
            var result = await PythonDriver.RunAsync(plan, TimeSpan.FromMinutes(4));

            var first = PythonDriver.Step(result, 0);
            Assert.Equal("42", (string)IOPub(first, "execute_result").Single()["content"]!["data"]!["text/plain"]!);

            Assert.Equal("C#", (string)Content(PythonDriver.Step(result, 1))["language_info"]!["name"]!);

            var streams = IOPub(PythonDriver.Step(result, 2), "stream").Select(m => ((string)m["content"]!["name"]!, (string)m["content"]!["text"]!)).ToList();
            Assert.Contains(("stdout", "to stdout\n"), streams);
            Assert.Contains(("stderr", "to stderr\n"), streams);

            var display = PythonDriver.Step(result, 3);
            var shown = IOPub(display, "display_data").Single();
            var updated = IOPub(display, "update_display_data").Single();
            Assert.Equal((string)shown["content"]!["transient"]!["display_id"]!, (string)updated["content"]!["transient"]!["display_id"]!);
            Assert.Contains("100%", (string)updated["content"]!["data"]!["text/plain"]!);
            Assert.True((bool)IOPub(display, "clear_output").Single()["content"]!["wait"]!);

            Assert.True(!IOPub(display, "error").Any(), display.ToJsonString());
            var thrown = PythonDriver.Step(result, 4);
            Assert.Equal("error", (string)Content(thrown)["status"]!);
            Assert.Equal("InvalidOperationException", (string)Content(thrown)["ename"]!);
            Assert.Equal("boom", (string)IOPub(thrown, "error").Single()["content"]!["evalue"]!);

            var compile = PythonDriver.Step(result, 5);
            Assert.Equal("error", (string)Content(compile)["status"]!);
            Assert.Contains("CS0029", Content(compile).ToJsonString());

            var complete = Content(PythonDriver.Step(result, 6));
            Assert.Contains("ToString", complete["matches"]!.AsArray().Select(m => (string)m!));
            Assert.Equal(7, (int)complete["cursor_start"]!);
            Assert.Equal(12, (int)complete["cursor_end"]!);

            var inspect = Content(PythonDriver.Step(result, 7));
            Assert.True((bool)inspect["found"]!);
            Assert.Contains("Max", (string)inspect["data"]!["text/plain"]!);

            Assert.Equal("incomplete", (string)Content(PythonDriver.Step(result, 8))["status"]!);

            var interrupted = PythonDriver.Step(result, 9);
            Assert.Equal("error", (string)Content(interrupted)["status"]!);
            Assert.True((double)interrupted["seconds"]! < 20, $"interrupt took {interrupted["seconds"]} s");

            Assert.Equal("42", (string)IOPub(PythonDriver.Step(result, 10), "execute_result").Single()["content"]!["data"]!["text/plain"]!);

            var signalled = PythonDriver.Step(result, 11);
            Assert.Equal("error", (string)Content(signalled)["status"]!);
            Assert.True((double)signalled["seconds"]! < 20, $"SIGINT interrupt took {signalled["seconds"]} s");
            Assert.Contains("SIGINT: cancelling the running cell", (string)result["driver_stderr"]!);

            var forged = PythonDriver.Step(result, 12);
            Assert.Empty(forged["replies"]!.AsArray());
            Assert.Empty(forged["iopub"]!.AsArray());
            Assert.Equal("43", (string)IOPub(PythonDriver.Step(result, 13), "execute_result").Single()["content"]!["data"]!["text/plain"]!);
            Assert.Contains("invalid HMAC signature", (string)result["driver_stderr"]!);

            var writes = Content(PythonDriver.Step(result, 14))["matches"]!.AsArray().Select(m => (string)m!).ToList();
            Assert.Contains("WriteLine", writes);
            Assert.Contains("Write", writes);
            var dateTime = Content(PythonDriver.Step(result, 15))["matches"]!.AsArray().Select(m => (string)m!).ToList();
            Assert.Contains("Now", dateTime);
            Assert.DoesNotContain("AddDays", dateTime);
            var overloads = (string)Content(PythonDriver.Step(result, 16))["data"]!["text/plain"]!;
            Assert.StartsWith("void Console.WriteLine(int value)", overloads);
            Assert.Contains("other overloads that take 1 argument", overloads);

            var loop = PythonDriver.Step(result, 17);
            Assert.Equal("error", (string)Content(loop)["status"]!);
            Assert.Equal("The cell was interrupted.", (string)Content(loop)["evalue"]!);
            Assert.Equal("True", (string)IOPub(PythonDriver.Step(result, 18), "execute_result").Single()["content"]!["data"]!["text/plain"]!);

            var shutdown = PythonDriver.Step(result, 19);
            Assert.Equal("ok", (string)Content(shutdown)["status"]!);
            Assert.False((bool)shutdown["alive_after"]!);
        }
        finally { Directory.Delete(prefix, true); }
    }
}
