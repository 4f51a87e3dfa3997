using AskShift.Notebooks;

namespace AskShift.Notebooks.Tests;

/// <summary>Completion, inspection and interrupts as a notebook user meets them in an editor.</summary>
public class EditorServicesTests
{
    private static async Task<List<string>> Labels(NotebookSession s, string code, int? cursor = null) =>
        (await s.CompleteAsync(code, cursor ?? code.Length)).Select(i => i.Label).ToList();

    [Theory]
    [InlineData("Console.Wr", "WriteLine")]
    [InlineData("Math.Ma", "Max")]
    [InlineData("DateTime.No", "Now")]
    [InlineData("string.Jo", "Join")]
    [InlineData("System.Text.StringB", "StringBuilder")]
    [InlineData("Environment.SpecialFolder.Des", "Desktop")]
    public async Task Completion_after_a_type_or_namespace_offers_its_static_members(string code, string expected)
    {
        await using var s = SessionTests.NewSession();
        Assert.Contains(expected, await Labels(s, code));
    }

    [Fact]
    public async Task Completion_after_a_type_offers_no_instance_members()
    {
        await using var s = SessionTests.NewSession();
        var afterType = await Labels(s, "DateTime.");
        Assert.Contains("Parse", afterType);
        Assert.Contains("UtcNow", afterType);
        Assert.DoesNotContain("AddDays", afterType);
        Assert.DoesNotContain("Year", afterType);

        var afterValue = await Labels(s, "DateTime.Now.");
        Assert.Contains("AddDays", afterValue);
        Assert.DoesNotContain("Parse", afterValue);
    }

    [Fact]
    public async Task Completion_offers_extension_methods_and_using_static_imports()
    {
        await using var s = SessionTests.NewSession();
        Assert.True((await s.ExecuteAsync("using static System.Math;\nvar xs = new List<int> { 1, 2 };")).Success);
        Assert.Contains("Where", await Labels(s, "xs.Whe"));
        Assert.Contains("Sqrt", await Labels(s, "Sq"));
    }

    [Fact]
    public async Task Completion_on_a_value_named_like_its_type_offers_both_sides()
    {
        await using var s = SessionTests.NewSession();
        Assert.True((await s.ExecuteAsync("public class Shade { public static Shade Dark = new(); public int Level; }")).Success);
        var r = await s.ExecuteAsync("Shade Shade = new();");
        Assert.True(r.Success, string.Join("\n", r.Outputs));
        var items = await Labels(s, "Shade.");
        Assert.Contains("Dark", items);
        Assert.Contains("Level", items);
    }

    [Fact]
    public async Task Inspection_lists_the_overloads_that_fit_with_their_documentation()
    {
        await using var s = SessionTests.NewSession();
        var call = "Console.WriteLine(\"hi\")";
        var info = await s.InspectAsync(call, call.IndexOf("Line", StringComparison.Ordinal));
        Assert.NotNull(info);
        var lines = info.Split('\n');
        Assert.Equal("void Console.WriteLine(string? value)", lines[0]);
        if (ReferenceResolver.ReferencePackDocs() is not null) // docs ship with the SDK's reference pack
            Assert.Contains("Writes the specified string value", info);
        Assert.Contains("other overloads that take 1 argument:", info);
        Assert.Contains("void Console.WriteLine(int value)", info);
        Assert.DoesNotContain("void Console.WriteLine()", info); // takes no argument: does not fit the call
        Assert.DoesNotContain("WriteLine(string format, object? arg0, object? arg1)", info);

        var group = await s.InspectAsync("Console.WriteLine", 12);
        Assert.NotNull(group);
        Assert.Matches(@"^\d+ overloads:", group);
        Assert.Contains("void Console.WriteLine()", group);
        Assert.Contains("void Console.WriteLine(string? value)", group);
    }

    [Fact]
    public void Loop_checks_go_into_every_loop_body_without_new_lines()
    {
        var code = "for (var i = 0; i < 3; i++)\n    x++;\nwhile (a) { b(); }\ndo y(); while (c);\nforeach (var (k, v) in d) while (e) f();";
        var polled = LoopPolling.Instrument(code)!;
        Assert.Equal(code.Count(ch => ch == '\n'), polled.Count(ch => ch == '\n'));
        Assert.Equal(5, (polled.Length - polled.Replace(LoopPolling.Call, "").Length) / LoopPolling.Call.Length);
        Assert.Null(LoopPolling.Instrument("var x = 1; // while (true) in a comment is not a loop"));
    }

    [Fact]
    public async Task Interrupting_a_tight_loop_stops_it_and_keeps_line_numbers()
    {
        await using var s = SessionTests.NewSession();
        Assert.True((await s.ExecuteAsync("public static class Spin { public static long N; }")).Success);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var r = await s.ExecuteAsync("while (true)\n    Spin.N++;", ct: cts.Token);
        var error = Assert.IsType<ErrorOutput>(Assert.Single(r.Outputs));
        Assert.Equal("The cell was interrupted.", error.EValue);

        var check = await s.ExecuteAsync("var seen = Spin.N; System.Threading.Thread.Sleep(200); seen == Spin.N");
        Assert.Equal("True", Assert.IsType<ExecuteResultOutput>(Assert.Single(check.Outputs)).Bundle.Text);

        var thrown = await s.ExecuteAsync("var i = 0;\nwhile (true)\n{\n    if (++i > 3) throw new InvalidOperationException(\"boom\");\n}");
        Assert.Contains(Assert.IsType<ErrorOutput>(Assert.Single(thrown.Outputs)).Traceback, l => l.EndsWith("line 4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Interrupting_loops_after_an_await_and_on_own_threads_never_crashes_the_process()
    {
        await using var s = SessionTests.NewSession();
        Assert.True((await s.ExecuteAsync("public static class Spin2 { public static long N; public static volatile bool Stop; }")).Success);
        using (var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(400)))
        {
            var r = await s.ExecuteAsync("await Task.Delay(1);\nwhile (true) Spin2.N++;", ct: cts.Token);
            Assert.Equal("The cell was interrupted.", Assert.IsType<ErrorOutput>(Assert.Single(r.Outputs)).EValue); // it stopped
        }
        // A thread the cell starts itself is not the cell's flow: an exception there would end the process, so its loop
        // is left alone (and stops here through its own flag).
        using (var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(400)))
        {
            var r = await s.ExecuteAsync("var t = new System.Threading.Thread(() => { while (!Spin2.Stop) { } }); t.Start(); t.Join();", ct: cts.Token);
            Assert.IsType<ErrorOutput>(Assert.Single(r.Outputs));
        }
        var after = await s.ExecuteAsync("Spin2.Stop = true; 42");
        Assert.Equal("42", Assert.IsType<ExecuteResultOutput>(Assert.Single(after.Outputs)).Bundle.Text);
    }

    [Fact]
    public async Task Interrupting_a_call_that_never_checks_says_the_code_still_runs()
    {
        await using var s = SessionTests.NewSession();
        Assert.True((await s.ExecuteAsync("var warm = 1;")).Success); // the first compile alone can outlast the interrupt
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var r = await s.ExecuteAsync("System.Threading.Thread.Sleep(4000);", ct: cts.Token);
        var error = Assert.IsType<ErrorOutput>(Assert.Single(r.Outputs));
        Assert.Contains("still running in the background", error.EValue);
        Assert.Contains("restart the kernel", error.EValue);
    }

    [Fact]
    public async Task A_print_loop_past_the_output_cap_is_cut_at_a_line_and_says_how_much_was_left_out()
    {
        await using var s = new NotebookSession(new SessionOptions
        {
            WorkingDirectory = AppContext.BaseDirectory, ImageRenderer = null, MaxCellOutputChars = 10_000,
        });
        var r = await s.ExecuteAsync("for (var i = 0; i < 200_000; i++) Console.WriteLine($\"line {i}\");");
        Assert.True(r.Success);
        var stdout = Assert.Single(r.Outputs.OfType<StreamOutput>(), o => o.Name == "stdout").Text;
        Assert.InRange(stdout.Length, 9_000, 10_000);
        Assert.EndsWith("\n", stdout);
        Assert.StartsWith("line 0\n", stdout);
        var marker = Assert.Single(r.Outputs.OfType<StreamOutput>(), o => o.Name == "stderr").Text;
        var shown = stdout.Count(c => c == '\n');
        Assert.StartsWith($"output truncated: {200_000 - shown} lines / ", marker);
        Assert.Contains("SessionOptions.MaxCellOutputChars", marker);
    }
}
