using AskShift.Notebooks;

namespace AskShift.Notebooks.Tests;

public class SessionTests
{
    internal static NotebookSession NewSession(string? dir = null) =>
        new(new SessionOptions { WorkingDirectory = dir ?? AppContext.BaseDirectory, ImageRenderer = null });

    [Fact]
    public async Task State_carries_across_cells_and_trailing_expression_is_the_result()
    {
        await using var s = NewSession();
        var a = await s.ExecuteAsync("var x = 20;");
        Assert.True(a.Success);
        Assert.Empty(a.Outputs);
        var b = await s.ExecuteAsync("x * 2 + 2");
        var r = Assert.IsType<ExecuteResultOutput>(Assert.Single(b.Outputs));
        Assert.Equal("42", r.Bundle.Text);
        Assert.Equal(2, s.ExecutionCount);
    }

    [Fact]
    public async Task Statement_with_semicolon_has_no_result()
    {
        await using var s = NewSession();
        var a = await s.ExecuteAsync("var y = 1; Math.Abs(y);");
        Assert.True(a.Success, string.Join("\n", a.Outputs));
        Assert.DoesNotContain(a.Outputs, o => o is ExecuteResultOutput);
    }

    [Fact]
    public async Task Console_output_is_captured_per_cell_and_streamed()
    {
        await using var s = NewSession();
        var streamed = new List<CellOutput>();
        var r = await s.ExecuteAsync("Console.WriteLine(\"hello\"); Console.Error.WriteLine(\"warn\"); Console.Write(\"a\"); Console.WriteLine(\"b\");", streamed.Add);
        Assert.Equal([new StreamOutput("stdout", "hello\n"), new StreamOutput("stderr", "warn\n"), new StreamOutput("stdout", "ab\n")], r.Outputs);
        Assert.Equal("hello\nwarn\nab\n", string.Concat(streamed.OfType<StreamOutput>().Select(o => o.Text)));
    }

    [Fact]
    public async Task Concurrent_sessions_do_not_mix_console_output()
    {
        var tasks = Enumerable.Range(0, 4).Select(async i =>
        {
            await using var s = NewSession();
            return await s.ExecuteAsync($"for (var k = 0; k < 50; k++) {{ Console.WriteLine(\"s{i}\"); await Task.Yield(); }}");
        }).ToList();
        var results = await Task.WhenAll(tasks);
        for (var i = 0; i < 4; i++)
        {
            var text = Assert.IsType<StreamOutput>(Assert.Single(results[i].Outputs)).Text;
            Assert.Equal(string.Concat(Enumerable.Repeat($"s{i}\n", 50)), text);
        }
    }

    [Fact]
    public async Task Display_emits_mid_cell_in_order_and_update_targets_the_same_id()
    {
        await using var s = NewSession();
        var r = await s.ExecuteAsync("""
            Console.WriteLine("before");
            var h = display(1);
            "two".Display();
            h.Update(3);
            Console.WriteLine("after");
            """);
        Assert.True(r.Success, string.Join("\n", r.Outputs));
        Assert.Collection(r.Outputs,
            o => Assert.Equal(new StreamOutput("stdout", "before\n"), o),
            o => Assert.Equal("1", Assert.IsType<DisplayOutput>(o).Bundle.Text),
            o => Assert.Equal("two", Assert.IsType<DisplayOutput>(o).Bundle.Text),
            o => Assert.Equal("3", Assert.IsType<UpdateDisplayOutput>(o).Bundle.Text),
            o => Assert.Equal(new StreamOutput("stdout", "after\n"), o));
        Assert.Equal(((DisplayOutput)r.Outputs[1]).DisplayId, ((UpdateDisplayOutput)r.Outputs[3]).DisplayId);
    }

    [Fact]
    public async Task Compile_errors_carry_the_cells_own_line_numbers()
    {
        await using var s = NewSession();
        await s.ExecuteAsync("var a = 1;\nvar b = 2;\nvar c = 3;");
        var r = await s.ExecuteAsync("var ok = 1;\n\nvar bad = undefinedName;");
        Assert.False(r.Success);
        var e = Assert.IsType<ErrorOutput>(Assert.Single(r.Outputs));
        Assert.Equal("CompilationError", e.EName);
        Assert.StartsWith("(3,11): error CS0103", e.Traceback[0]);
        Assert.Contains("undefinedName", e.EValue);
    }

    [Fact]
    public async Task Exceptions_report_type_message_and_a_trace_without_scripting_internals()
    {
        await using var s = NewSession();
        var r = await s.ExecuteAsync("void Fail() => throw new InvalidOperationException(\"boom\");\nFail();");
        Assert.False(r.Success);
        var e = Assert.IsType<ErrorOutput>(Assert.Single(r.Outputs));
        Assert.Equal("InvalidOperationException", e.EName);
        Assert.Equal("boom", e.EValue);
        Assert.Equal("System.InvalidOperationException: boom", e.Traceback[0]);
        Assert.Contains(e.Traceback, l => l.Contains("Fail()"));
        Assert.DoesNotContain(e.Traceback, l => l.Contains("Microsoft.CodeAnalysis") || l.Contains("CompilerServices") || l.Contains("<Factory>"));
        Assert.Contains(e.Traceback, l => l.EndsWith("line 2"));
        // the session goes on after a failure
        Assert.True((await s.ExecuteAsync("1")).Success);
    }

    [Fact]
    public async Task A_traceback_through_two_cells_gives_each_cells_own_line()
    {
        // Cells are loaded without symbols; the lines come from symbols made when the traceback needs them.
        await using var s = NewSession();
        Assert.True((await s.ExecuteAsync("int Check(int x)\n{\n    if (x > 1) throw new ArgumentException(\"too big\");\n    return x;\n}")).Success);
        var r = await s.ExecuteAsync("var a = Check(1);\nvar b = Check(2);");
        var e = Assert.IsType<ErrorOutput>(Assert.Single(r.Outputs));
        Assert.Equal("too big", e.EValue);
        Assert.Contains(e.Traceback, l => l.StartsWith("at Check(", StringComparison.Ordinal) && l.EndsWith(", line 3", StringComparison.Ordinal));
        Assert.Contains(e.Traceback, l => l.StartsWith("at <cell>", StringComparison.Ordinal) && l.EndsWith(", line 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dotnet_interactive_notebook_idioms_run_unchanged()
    {
        await using var s = NewSession();
        Assert.True((await s.ExecuteAsync("using System.Text.RegularExpressions;\nclass Point { public int X; }\nvar p = new Point { X = 1 };")).Success);
        var redefine = await s.ExecuteAsync("class Point { public int X; public int Y; }\nvar q = new Point { X = 1, Y = 2 };\nRegex.IsMatch(\"ab\", \"b\")");
        Assert.True(redefine.Success, string.Join("\n", redefine.Outputs));
        Assert.Equal("True", ((ExecuteResultOutput)redefine.Outputs[0]).Bundle.Text);
        var awaited = await s.ExecuteAsync("await Task.Delay(10);\nvar n = await Task.FromResult(q.X + q.Y);\nn");
        Assert.Equal("3", ((ExecuteResultOutput)Assert.Single(awaited.Outputs)).Bundle.Text);
    }

    [Fact]
    public async Task Cancellation_reports_the_cell_as_cancelled_and_session_continues()
    {
        await using var s = NewSession();
        await s.ExecuteAsync("var before = 5;");
        using var cts = new CancellationTokenSource();
        var run = s.ExecuteAsync("while (!CancellationToken.IsCancellationRequested) { await Task.Delay(5); }\nvar lost = 1;", ct: cts.Token);
        await Task.Delay(300);
        cts.Cancel();
        var r = await run;
        Assert.False(r.Success);
        Assert.Equal("OperationCanceledException", Assert.IsType<ErrorOutput>(Assert.Single(r.Outputs)).EName);
        var after = await s.ExecuteAsync("before");
        Assert.Equal("5", ((ExecuteResultOutput)Assert.Single(after.Outputs)).Bundle.Text);
    }

    [Fact]
    public void IsComplete_distinguishes_open_code_from_broken_code()
    {
        var s = NewSession();
        Assert.Equal(IsCompleteResult.Complete, s.IsComplete("var x = 1;"));
        Assert.Equal(IsCompleteResult.Incomplete, s.IsComplete("if (true) {"));
        Assert.Equal(IsCompleteResult.Invalid, s.IsComplete("var = ;"));
    }

    [Fact]
    public async Task Completion_and_inspection_see_earlier_cells()
    {
        await using var s = NewSession();
        await s.ExecuteAsync("var words = new List<string>();");
        var items = await s.CompleteAsync("words.Ad", 8);
        var add = Assert.Single(items, i => i.Label == "Add");
        Assert.Equal((6, 8), (add.ReplaceStart, add.ReplaceEnd));
        var info = await s.InspectAsync("words.Count", 8);
        Assert.NotNull(info);
        Assert.Contains("Count", info);
        Assert.Contains("int", info);
    }

    [Fact]
    public async Task Display_with_mime_types_and_HTML_helper_match_dotnet_interactive()
    {
        await using var s = NewSession();
        var r = await s.ExecuteAsync("display(\"<b>hi</b>\", \"text/html\");\ndisplay(HTML(\"<i>x</i>\"));");
        Assert.True(r.Success, string.Join("\n", r.Outputs));
        var first = Assert.IsType<DisplayOutput>(r.Outputs[0]).Bundle.Data;
        Assert.Equal(["text/html"], first.Keys);
        Assert.Equal("<b>hi</b>", first["text/html"].GetValue<string>());
        Assert.Equal("<i>x</i>", Assert.IsType<DisplayOutput>(r.Outputs[1]).Bundle.Data["text/html"].GetValue<string>());
    }
}
