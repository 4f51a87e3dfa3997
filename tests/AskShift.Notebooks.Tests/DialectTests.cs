using System.Text.Json;
using AskShift.Notebooks;

namespace AskShift.Notebooks.Tests;

/// <summary>
/// The cells in tests/compat/dialect.json, in AskShift's engine. AskShift.Interactive.Tests runs the same file
/// through .NET Interactive's C# kernel; both must meet the file's expectations, so the two dialects agree (implicit
/// usings, display, console output, top-level await, how failures surface).
/// </summary>
public class DialectTests
{
    private static string File => Path.GetFullPath(Path.Combine(TestPaths.RepoNotebooks, "..", "tests", "compat", "dialect.json"));

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Load()) data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    private static List<JsonElement> Load()
    {
        using var doc = JsonDocument.Parse(System.IO.File.ReadAllText(File));
        return doc.RootElement.GetProperty("cases").EnumerateArray().Select(e => e.Clone()).ToList();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Cell_behaves_as_the_shared_dialect_says(string name)
    {
        var c = Load().Single(e => e.GetProperty("name").GetString() == name);
        await using var session = SessionTests.NewSession();
        var result = await session.ExecuteAsync(c.GetProperty("code").GetString()!);
        var error = result.Outputs.OfType<ErrorOutput>().FirstOrDefault();
        if (c.GetProperty("ok").GetBoolean())
            Assert.True(result.Success, $"{name}: failed in AskShift's engine: {error?.EValue}");
        else
        {
            Assert.False(result.Success);
            Assert.Contains(c.GetProperty("error").GetString()!, error!.EValue + "\n" + string.Join("\n", error.Traceback));
        }
        if (c.TryGetProperty("stdout", out var stdout))
            Assert.Equal(stdout.GetString(), string.Concat(result.Outputs.OfType<StreamOutput>().Where(s => s.Name == "stdout").Select(s => s.Text)));
        if (c.TryGetProperty("plain", out var plain))
        {
            var texts = result.Outputs.Select(o => o switch { DisplayOutput d => d.Bundle.Text, ExecuteResultOutput r => r.Bundle.Text, _ => null }).ToList();
            Assert.Contains(plain.GetString(), texts);
        }
    }

    [Fact]
    public async Task Formatter_register_takes_the_dotnet_interactive_form()
    {
        await using var session = SessionTests.NewSession();
        var result = await session.ExecuteAsync("""
            record Money(decimal Amount);
            Formatter.Register<Money>((m, writer) => writer.Write($"<b>{m.Amount}</b>"), "text/html");
            Formatter.Register<Money>(m => $"{m.Amount} USD", "text/plain");
            new Money(1.5m)
            """);
        Assert.True(result.Success, string.Join("\n", result.Outputs));
        var bundle = Assert.IsType<ExecuteResultOutput>(Assert.Single(result.Outputs)).Bundle;
        Assert.Equal("<b>1.5</b>", bundle.Data["text/html"].GetValue<string>());
        Assert.Equal("1.5 USD", bundle.Text);
    }
}
