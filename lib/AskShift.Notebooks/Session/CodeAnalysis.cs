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

    /// <summary>
    /// Completions as an IDE offers them: after <c>Type.</c> the type's static members and nested types (never instance
    /// members that would not compile there), after <c>expr.</c> the instance members plus extension methods, after
    /// <c>Namespace.</c> its types and namespaces, and otherwise everything in scope, <c>using static</c> imports
    /// included.
    /// </summary>
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
            ExpressionSyntax? left = token.Parent switch
            {
                MemberAccessExpressionSyntax ma => ma.Expression,
                QualifiedNameSyntax qn => qn.Left,
                _ => null,
            };
            if (left is null) return [];
            symbols = MembersAfterDot(model, left, start);
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

    private static IEnumerable<ISymbol> MembersAfterDot(SemanticModel model, ExpressionSyntax left, int position)
    {
        var info = model.GetSymbolInfo(left);
        var bound = info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null);
        var valueType = model.GetTypeInfo(left).Type;
        switch (bound)
        {
            case INamespaceSymbol ns:
                return model.LookupNamespacesAndTypes(position, ns);
            case ITypeSymbol type:
                // Roslyn reports the type itself as the expression's type for "Console."; what is legal there is
                // the static side. In the "Color Color" case (a value named like its type) both sides are legal.
                var statics = model.LookupStaticMembers(position, type);
                return IsAlsoValue(model, left, position, type)
                    ? statics.Concat(InstanceMembers(model, type, position))
                    : statics;
            default:
                if (valueType is null || valueType.TypeKind == TypeKind.Error) return [];
                var instance = InstanceMembers(model, valueType, position);
                // "Color Color" again, bound to the value this time: the type's statics are legal there too.
                return left is IdentifierNameSyntax id && bound is not null && ValueType(bound) is { } vt && vt.Name == id.Identifier.ValueText
                    ? instance.Concat(model.LookupStaticMembers(position, vt))
                    : instance;
        }
    }

    private static IEnumerable<ISymbol> InstanceMembers(SemanticModel model, ITypeSymbol type, int position) =>
        model.LookupSymbols(position, type, includeReducedExtensionMethods: true)
            .Where(s => !s.IsStatic && s.Kind is not SymbolKind.NamedType);

    private static bool IsAlsoValue(SemanticModel model, ExpressionSyntax left, int position, ITypeSymbol type) =>
        left is IdentifierNameSyntax id && model.LookupSymbols(position, name: id.Identifier.ValueText)
            .Any(s => s is ILocalSymbol or IFieldSymbol or IPropertySymbol or IParameterSymbol
                      && SymbolEqualityComparer.Default.Equals(ValueType(s), type));

    private static ITypeSymbol? ValueType(ISymbol s) => s switch
    {
        ILocalSymbol l => l.Type,
        IFieldSymbol f => f.Type,
        IPropertySymbol p => p.Type,
        IParameterSymbol p => p.Type,
        _ => null,
    };

    /// <summary>
    /// The symbol at the cursor with its documentation. For a method, the overloads that fit the call as written are
    /// listed too (the one the compiler chose first), since which overload applies is what a reader is asking.
    /// </summary>
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
            var info = model.GetSymbolInfo(node);
            var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault() ?? model.GetDeclaredSymbol(node);
            if (symbol is null) continue;
            if (symbol is IMethodSymbol method && method.MethodKind is not (MethodKind.LambdaMethod or MethodKind.LocalFunction))
                return Overloads(model, node, method, info.Symbol is not null);
            return Describe(symbol);
        }
        return null;
    }

    private static string Overloads(SemanticModel model, SyntaxNode node, IMethodSymbol chosen, bool resolved)
    {
        var group = model.GetMemberGroup(node).OfType<IMethodSymbol>().ToList();
        if (group.Count == 0) group = [chosen];
        var call = node.AncestorsAndSelf().OfType<InvocationExpressionSyntax>()
            .FirstOrDefault(i => i.Expression.Span.Contains(node.Span));
        var argCount = call?.ArgumentList.Arguments.Count;
        var fitting = group
            .Where(m => argCount is null || Accepts(m, argCount.Value))
            .OrderBy(m => resolved && SymbolEqualityComparer.Default.Equals(m.OriginalDefinition, chosen.OriginalDefinition) ? 0 : 1)
            .ThenBy(m => m.Parameters.Length)
            .ToList();
        if (fitting.Count == 0) fitting = [chosen];
        if (fitting.Count == 1) return Describe(fitting[0]);
        var sb = new System.Text.StringBuilder();
        var first = resolved ? 1 : 0;
        if (resolved) sb.Append(Describe(fitting[0])).Append("\n\n");
        sb.Append(resolved ? $"{fitting.Count - 1} other overload{(fitting.Count == 2 ? "" : "s")}" : $"{fitting.Count} overloads")
          .Append(argCount is null ? ":" : $" that take {argCount} argument{(argCount == 1 ? "" : "s")}:");
        foreach (var m in fitting.Skip(first))
        {
            sb.Append('\n').Append(m.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
            if (Summary(m.GetDocumentationCommentXml()) is { } s) sb.Append("\n    ").Append(s);
        }
        return sb.ToString();
    }

    private static bool Accepts(IMethodSymbol m, int args)
    {
        var ps = m.Parameters; // a reduced extension method already omits its "this" parameter
        var required = ps.Count(p => !p.IsOptional && !p.IsParams);
        return args >= required && (args <= ps.Length || ps.Any(p => p.IsParams));
    }

    private static string Describe(ISymbol symbol)
    {
        var type = ValueType(symbol);
        var signature = symbol is IMethodSymbol ? symbol.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)
            : type is not null ? $"{symbol.ToDisplayString()} : {type.ToDisplayString()}"
            : symbol.ToDisplayString();
        var summary = Summary(symbol.GetDocumentationCommentXml());
        return summary is null ? signature : $"{signature}\n\n{summary}";
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
