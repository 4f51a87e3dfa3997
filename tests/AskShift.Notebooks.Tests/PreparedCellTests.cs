using AskShift.Notebooks;
using Xunit;

namespace AskShift.Notebooks.Tests;

/// <summary>
/// Between cells the session builds the next cell's compilation without its code (references bound), and the cell's
/// code then takes the place of the empty tree. A cell compiled that way must behave exactly as one compiled afresh,
/// and anything that changes what the next cell builds on must make the session compile afresh instead.
/// </summary>
public class PreparedCellTests
{
    private static string Text(CellResult r) =>
        Assert.IsType<ExecuteResultOutput>(Assert.Single(r.Outputs, o => o is ExecuteResultOutput)).Bundle.Text ?? "";

    [Fact]
    public async Task A_cell_compiled_on_the_prepared_compilation_sees_earlier_cells_and_its_own_line_numbers()
    {
        await using var s = SessionTests.NewSession();
        Assert.True((await s.ExecuteAsync("var a = 40;\nint Twice(int x) => 2 * x;")).Success);
        await s.NextCellPrepared;
        var r = await s.ExecuteAsync("a + Twice(1)");
        Assert.Equal("42", Text(r));
        Assert.Equal(1, s.PreparedCompiles);
        await s.NextCellPrepared;
        var thrown = await s.ExecuteAsync("var b = a;\nthrow new InvalidOperationException(\"x\" + b);");
        var e = Assert.IsType<ErrorOutput>(Assert.Single(thrown.Outputs));
        Assert.Equal("x40", e.EValue);
        Assert.Contains(e.Traceback, l => l.Contains("line 2", StringComparison.Ordinal));
        Assert.Equal(2, s.PreparedCompiles);
    }

    [Fact]
    public async Task A_completion_between_cells_leaves_the_prepared_compilation_to_the_cell()
    {
        await using var s = SessionTests.NewSession();
        Assert.True((await s.ExecuteAsync("var words = new List<string>();")).Success);
        await s.NextCellPrepared;
        Assert.Contains("Add", (await s.CompleteAsync("words.Ad", 8)).Select(i => i.Label));
        Assert.Equal("0", Text(await s.ExecuteAsync("words.Count")));
        Assert.Equal(1, s.PreparedCompiles);
    }

    [Fact]
    public async Task A_failed_cell_leaves_the_state_and_the_next_cell_is_prepared_on_it_again()
    {
        await using var s = SessionTests.NewSession();
        Assert.True((await s.ExecuteAsync("var a = 1;")).Success);
        await s.NextCellPrepared;
        Assert.False((await s.ExecuteAsync("int b = \"not a number\";")).Success);
        await s.NextCellPrepared;
        Assert.Equal("2", Text(await s.ExecuteAsync("a + 1")));
        // The failed cell used one; its compile failure also ended the lean session (references added, not yet in the
        // chain), and the next cell was prepared with those.
        Assert.Equal(2, s.PreparedCompiles);
    }

    [Fact]
    public async Task A_reference_added_by_a_cell_is_not_compiled_on_the_compilation_prepared_without_it()
    {
        var dir = Path.GetDirectoryName(TestPaths.TestLib)!;
        await using var s = SessionTests.NewSession(Path.Combine(dir, "sub"));
        Assert.True((await s.ExecuteAsync("var a = 1;")).Success);
        await s.NextCellPrepared;
        var r = await s.ExecuteAsync("#r \"../NotebookTestLib.dll\"\nusing NotebookTestLib;\nFrames.Numbers(3).Rows.Count + a");
        Assert.True(r.Success, string.Join("\n", r.Outputs));
        Assert.Equal("4", Text(r));
        Assert.Equal(0, s.PreparedCompiles);
        await s.NextCellPrepared;
        Assert.Equal("3", Text(await s.ExecuteAsync("Frames.Numbers(2).Rows.Count + a")));
        Assert.Equal(1, s.PreparedCompiles);
    }
}
