using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;

namespace AskShift.Notebooks;

/// <summary>papermill's parameters convention for C#: values become literals in an <c>injected-parameters</c> cell.</summary>
public static class ParameterInjector
{
    private static readonly Regex Identifier = new("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.Compiled);

    /// <summary>Splits <c>name=value</c>; throws ArgumentException naming the bad argument.</summary>
    public static KeyValuePair<string, string> ParseArgument(string arg)
    {
        var eq = arg.IndexOf('=');
        if (eq <= 0) throw new ArgumentException($"parameter '{arg}' must look like name=value");
        var name = arg[..eq].Trim();
        if (!Identifier.IsMatch(name)) throw new ArgumentException($"parameter name '{name}' is not a C# identifier");
        return new(name, arg[(eq + 1)..]);
    }

    /// <summary>A C# literal for a command-line value: numbers and booleans as they are, anything else a string.</summary>
    public static string Literal(string value)
    {
        if (value is "true" or "false") return value;
        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)) return value;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && !value.Contains("Infinity") && !value.Contains("NaN"))
            return value.Contains('.') || value.Contains('e') || value.Contains('E') ? value : value + ".0";
        return SymbolDisplay.FormatLiteral(value, quote: true);
    }

    /// <summary>
    /// Replaces any earlier injected cell with a new one after the <c>parameters</c> cell (at the top if there is
    /// none, as papermill does). Later declarations shadow the defaults in Roslyn scripting.
    /// </summary>
    /// <remarks>
    /// A value's C# type follows the default it replaces: <c>-p corpusPath=2024</c> stays the string "2024" when the
    /// parameters cell declares <c>var corpusPath = "../seeds";</c>. Names in <paramref name="asStrings"/> are always
    /// strings; parameters the cell does not declare are typed by their look (number, boolean, else string).
    /// </remarks>
    public static void Inject(Notebook notebook, IReadOnlyDictionary<string, string> parameters, IReadOnlySet<string>? asStrings = null)
    {
        if (parameters.Count == 0) return;
        notebook.Cells.RemoveAll(c => c.HasTag("injected-parameters"));
        var at = notebook.Cells.FindIndex(c => c.HasTag("parameters"));
        var declaredStrings = at >= 0 ? StringDefaults(notebook.Cells[at].Source) : [];
        var code = "// Parameters injected by askshift notebooks run\n" + string.Join("\n", parameters.Select(p =>
            $"var {p.Key} = {(asStrings?.Contains(p.Key) == true || declaredStrings.Contains(p.Key) ? SymbolDisplay.FormatLiteral(p.Value, quote: true) : Literal(p.Value))};"));
        notebook.Cells.Insert(at + 1, NotebookCell.Code(code, "injected-parameters"));
    }

    /// <summary>Names the parameters cell declares with a string default (<c>var x = "..."</c> or <c>string x = ...</c>).</summary>
    internal static HashSet<string> StringDefaults(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview, kind: Microsoft.CodeAnalysis.SourceCodeKind.Script));
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var decl in tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclarationSyntax>())
        {
            var typeIsString = decl.Type.ToString() is "string" or "string?" or "String" or "System.String";
            foreach (var v in decl.Variables)
                if (typeIsString || v.Initializer?.Value is Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression }
                    or Microsoft.CodeAnalysis.CSharp.Syntax.InterpolatedStringExpressionSyntax)
                    names.Add(v.Identifier.ValueText);
        }
        return names;
    }
}
