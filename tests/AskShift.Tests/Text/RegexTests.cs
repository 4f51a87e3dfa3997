using System.Text.RegularExpressions;
using AskShift.Text;

namespace AskShift.Tests.Text;

public class RegexTests
{
    [Theory]
    [InlineData("urge  the\tSecretary\r\nto act", "urge the Secretary to act")]
    [InlineData("no runs", "no runs")]
    [InlineData("\u00a0lead and trail\u2003", " lead and trail ")]
    public void Spaces_collapse_every_run_of_whitespace_to_one_space(string text, string expected) =>
        Assert.Equal(expected, Spaces.Collapse(text));

    /// <summary>
    /// The source generator quietly falls back to Regex's interpreter for patterns it cannot compile (a
    /// case-insensitive backreference, for one); the method then returns a plain <see cref="Regex"/> instead of its
    /// generated subclass. Five date patterns ran interpreted that way, about 2% of loading's time.
    /// </summary>
    [Fact]
    public void Every_generated_regex_in_the_library_is_compiled_by_the_generator()
    {
        var interpreted = typeof(AskShift.Corpus).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttributes(typeof(GeneratedRegexAttribute), false).Length > 0)
            .Where(m => m.Invoke(null, null)!.GetType() == typeof(Regex))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToList();
        Assert.True(interpreted.Count == 0, "interpreted: " + string.Join(", ", interpreted));
    }

    /// <summary>
    /// The library reads groups by name only. A bracket without a name would still capture, and every match would
    /// record it and hand out a <see cref="Group"/> for it when any group is read: about 3% of loading's allocation
    /// before every generated pattern took <see cref="RegexOptions.ExplicitCapture"/> (issue 13). A new pattern must too.
    /// </summary>
    [Fact]
    public void Every_generated_regex_in_the_library_captures_only_named_groups()
    {
        var capturing = typeof(AskShift.Corpus).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttributes(typeof(GeneratedRegexAttribute), false).Length > 0)
            .Where(m => !((Regex)m.Invoke(null, null)!).Options.HasFlag(RegexOptions.ExplicitCapture))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToList();
        Assert.True(capturing.Count == 0, "without ExplicitCapture: " + string.Join(", ", capturing));
    }

    [Theory]
    [InlineData(@"\b(should|must)\b", "The US should act and must not wait; it should.")]
    [InlineData(@"\b(should|must)\b", "No marker here.")]
    [InlineData(@"(?<=\d)x", "1x 2x x")]
    [InlineData(@"a*", "baaa")]
    public void Matches_or_none_gives_the_same_matches_as_matches(string pattern, string text)
    {
        var rx = new Regex(pattern);
        Assert.Equal(rx.Matches(text).Select(m => (m.Index, m.Value)), rx.MatchesOrNone(text).Select(m => (m.Index, m.Value)));
    }

    /// <summary>
    /// Issue 13 asks for source-generated regular expressions on the loading path: a pattern written inline
    /// (<c>Regex.IsMatch(text, @"...")</c>) runs in Regex's interpreter, several times slower per match. Patterns
    /// known at compile time belong in a <c>[GeneratedRegex]</c> method; only a pattern built at run time may be inline.
    /// </summary>
    [Fact]
    public void Library_patterns_known_at_compile_time_are_source_generated()
    {
        var inline = new Regex(@"\bRegex\.(IsMatch|Match|Matches|Replace|Split|Count|EnumerateMatches)\(\s*[^,()]+(\([^()]*\))?[^,()]*,\s*\$?@?""|new\s+Regex\(\s*\$?@?""");
        var lib = Path.Combine(RepoPaths.Root, "lib", "AskShift");
        var found = Directory.EnumerateFiles(lib, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => inline.IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(lib, x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.True(found.Count == 0, "inline regular expressions:\n" + string.Join("\n", found));
    }
}
