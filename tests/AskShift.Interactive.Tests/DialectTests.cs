using System.Text.Json;

namespace AskShift.Interactive.Tests;

/// <summary>
/// The cells in tests/compat/dialect.json, in .NET Interactive's C# kernel. AskShift.Notebooks.Tests runs the same
/// file through AskShift's engine; both must meet the file's expectations, so the two dialects agree.
/// </summary>
public class DialectTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Load()) data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    private static List<JsonElement> Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Paths.Repo, "tests", "compat", "dialect.json")));
        return doc.RootElement.GetProperty("cases").EnumerateArray().Select(e => e.Clone()).ToList();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Cell_behaves_as_the_shared_dialect_says(string name)
    {
        var c = Load().Single(e => e.GetProperty("name").GetString() == name);
        using var kernel = new DotNetInteractive();
        var run = await kernel.RunAsync(c.GetProperty("code").GetString()!);
        if (c.GetProperty("ok").GetBoolean())
            Assert.True(run.Failure is null, $"{name}: failed in .NET Interactive: {run.Failure}");
        else
        {
            Assert.NotNull(run.Failure);
            Assert.Contains(c.GetProperty("error").GetString()!, run.Failure);
        }
        if (c.TryGetProperty("stdout", out var stdout)) Assert.Equal(stdout.GetString(), run.Stdout.ReplaceLineEndings("\n"));
        if (c.TryGetProperty("plain", out var plain))
            Assert.True(run.Values.Any(v => v.GetValueOrDefault("text/plain") == plain.GetString()), $"{name}: no text/plain \"{plain.GetString()}\" among {string.Join(" ; ", run.Values.SelectMany(v => v.Select(p => p.Key + "=" + p.Value)))}");
    }
}
