using System.Text.RegularExpressions;

namespace AskShift.Notebooks;

/// <summary>A directive line taken out of a cell before Roslyn compiles it.</summary>
internal abstract record Directive(int Line);
internal sealed record NuGetPackageDirective(int Line, string Name, string? Version) : Directive(Line);
internal sealed record NuGetSourceDirective(int Line, string Source) : Directive(Line);
internal sealed record AssemblyDirective(int Line, string Path) : Directive(Line);
internal sealed record LoadDirective(int Line, string Path) : Directive(Line);
internal sealed record TimeDirective(int Line) : Directive(Line);

/// <summary>A cell split into its directives and the C# left for Roslyn.</summary>
/// <param name="Code">The cell with directive lines blanked (spaces, same length) so Roslyn's lines and offsets are the cell's.</param>
internal sealed record CellDirectives(string Code, IReadOnlyList<Directive> Directives)
{
    private static readonly Regex Quoted = new("^\"(?<v>[^\"]*)\"\\s*(//.*)?$", RegexOptions.Compiled);

    /// <summary>
    /// Splits <paramref name="cell"/>. Throws <see cref="DirectiveException"/> naming the line for a malformed directive
    /// or an unknown <c>#!</c> magic command, so the user sees what is unsupported instead of a C# syntax error.
    /// </summary>
    public static CellDirectives Parse(string cell)
    {
        var lines = cell.Replace("\r\n", "\n").Split('\n');
        var found = new List<Directive>();
        for (var i = 0; i < lines.Length; i++)
        {
            var t = lines[i].Trim();
            var n = i + 1;
            Directive? d;
            if (t.StartsWith("#!", StringComparison.Ordinal))
            {
                var magic = t.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries)[0];
                d = magic switch
                {
                    "#!csharp" or "#!c#" or "#!C#" => null,
                    "#!time" => new TimeDirective(n),
                    _ => throw new DirectiveException(n,
                        $"Unsupported magic command '{magic}': the AskShift engine supports only #!csharp and #!time."),
                };
                lines[i] = new string(' ', lines[i].Length);
                if (d is not null) found.Add(d);
                continue;
            }
            if (t.StartsWith("#r ", StringComparison.Ordinal) || t.StartsWith("#i ", StringComparison.Ordinal))
            {
                var arg = Argument(t[3..], n, t[..2]);
                if (t[1] == 'i')
                {
                    if (!arg.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
                        throw new DirectiveException(n, $"#i expects \"nuget: SOURCE\", got \"{arg}\".");
                    found.Add(new NuGetSourceDirective(n, arg[6..].Trim()));
                }
                else if (arg.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
                {
                    var parts = arg[6..].Split(',', StringSplitOptions.TrimEntries);
                    if (parts[0].Length == 0 || parts.Length > 2)
                        throw new DirectiveException(n, $"#r expects \"nuget: Name\" or \"nuget: Name, Version\", got \"{arg}\".");
                    found.Add(new NuGetPackageDirective(n, parts[0], parts.Length == 2 && parts[1].Length > 0 ? parts[1] : null));
                }
                else found.Add(new AssemblyDirective(n, arg));
                lines[i] = new string(' ', lines[i].Length);
            }
            else if (t.StartsWith("#load ", StringComparison.Ordinal))
            {
                found.Add(new LoadDirective(n, Argument(t[6..], n, "#load")));
                lines[i] = new string(' ', lines[i].Length);
            }
        }
        return new CellDirectives(string.Join('\n', lines), found);
    }

    private static string Argument(string rest, int line, string directive)
    {
        var m = Quoted.Match(rest.Trim());
        if (!m.Success) throw new DirectiveException(line, $"{directive} expects a quoted argument, e.g. {directive} \"...\".");
        return m.Groups["v"].Value.Trim();
    }
}

/// <summary>A directive the engine cannot carry out; the message names the directive and what went wrong.</summary>
public sealed class DirectiveException(int line, string message) : Exception(message)
{
    /// <summary>1-based line of the directive in its cell.</summary>
    public int Line { get; } = line;
}
