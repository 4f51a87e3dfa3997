using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AskShift.Notebooks;

/// <summary>Editor services over a cell compiled on top of the session: completeness, completion, inspection.</summary>
internal static class CodeAnalysis
{
    private static readonly CSharpParseOptions ScriptParse = new(LanguageVersion.Preview, kind: SourceCodeKind.Script);

    public static IsCompleteResult IsComplete(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(CellDirectives.Parse(Blank(code)).Code, ScriptParse);
        if (!SyntaxFactory.IsCompleteSubmission(tree)) return IsCompleteResult.Incomplete;
        return tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error) ? IsCompleteResult.Invalid : IsCompleteResult.Complete;
    }

    public static IReadOnlyList<CompletionItem> Complete(Compilation compilation, string code, int cursor)
    {
        var tree = compilation.SyntaxTrees.Last();
        var model = compilation.GetSemanticModel(tree);
        cursor = Math.Clamp(cursor, 0, tree.Length);
        var start = cursor;
        var text = tree.GetText().ToString();
        while (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] == '_')) start--;
        var prefix = text[start..cursor];

        IEnumerable<ISymbol> symbols;
        if (start > 0 && text[start - 1] == '.')
        {
            var token = tree.GetRoot().FindToken(start - 1);
            var left = token.Parent is MemberAccessExpressionSyntax ma ? ma.Expression : null;
            if (left is null) return [];
            var info = model.GetSymbolInfo(left).Symbol;
            if (info is INamespaceOrTypeSymbol container && model.GetTypeInfo(left).Type is null)
                symbols = model.LookupSymbols(start, container);
            else if (model.GetTypeInfo(left).Type is { } type)
                symbols = model.LookupSymbols(start, type, includeReducedExtensionMethods: true).Where(s => !s.IsStatic);
            else if (info is INamespaceOrTypeSymbol c2)
                symbols = model.LookupSymbols(start, c2);
            else return [];
        }
        else symbols = model.LookupSymbols(start);

        return symbols
            .Where(s => s.CanBeReferencedByName && s.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .GroupBy(s => s.Name)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => new CompletionItem(g.Key, g.First().Kind.ToString(), start, cursor,
                g.First().ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)))
            .ToList();
    }

    public static string? Inspect(Compilation compilation, string code, int cursor)
    {
        var tree = compilation.SyntaxTrees.Last();
        var model = compilation.GetSemanticModel(tree);
        if (tree.Length == 0) return null;
        var token = tree.GetRoot().FindToken(Math.Clamp(cursor, 0, tree.Length - 1));
        if (!token.IsKind(SyntaxKind.IdentifierToken) && cursor > 0)
            token = tree.GetRoot().FindToken(Math.Clamp(cursor - 1, 0, tree.Length - 1));
        for (var node = token.Parent; node is not null; node = node.Parent)
        {
            var symbol = model.GetSymbolInfo(node).Symbol ?? model.GetSymbolInfo(node).CandidateSymbols.FirstOrDefault()
                         ?? model.GetDeclaredSymbol(node);
            if (symbol is null) continue;
            var signature = symbol is ILocalSymbol or IFieldSymbol or IPropertySymbol or IParameterSymbol
                ? $"{symbol.ToDisplayString()} : {(symbol switch { ILocalSymbol l => l.Type, IFieldSymbol f => f.Type, IPropertySymbol p => p.Type, IParameterSymbol p => p.Type, _ => null })!.ToDisplayString()}"
                : symbol.ToDisplayString();
            var summary = Summary(symbol.GetDocumentationCommentXml());
            return summary is null ? signature : $"{signature}\n\n{summary}";
        }
        return null;
    }

    private static string? Summary(string? xml)
    {
        if (string.IsNullOrWhiteSpace(xml)) return null;
        try
        {
            var doc = System.Xml.Linq.XElement.Parse(xml.Trim().StartsWith("<member", StringComparison.Ordinal) ? xml : $"<doc>{xml}</doc>");
            var s = doc.Descendants("summary").FirstOrDefault()?.Value;
            return s is null ? null : string.Join(" ", s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }
        catch (System.Xml.XmlException) { return null; }
    }

    private static string Blank(string code) =>
        string.Join('\n', code.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimStart().StartsWith("#!", StringComparison.Ordinal) ? new string(' ', l.Length) : l));
}
