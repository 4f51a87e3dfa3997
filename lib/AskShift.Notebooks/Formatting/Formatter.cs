using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Data.Analysis;
using Plotly.NET;

namespace AskShift.Notebooks;

/// <summary>
/// Turns cell values into MIME bundles. Notebooks and libraries register formatters for their own types; the most
/// specific registration for a value's runtime type wins (class chain first, then interfaces, latest first).
/// Built in: DataFrame (bare HTML table + fixed-width text), Plotly.NET GenericChart (Plotly JSON + text; the session
/// adds a PNG), and readable text for everything else.
/// </summary>
public static class Formatter
{
    /// <summary>The MIME type VS Code's Jupyter renderer draws as an interactive, offline Plotly chart.</summary>
    public const string PlotlyMime = "application/vnd.plotly.v1+json";

    private static readonly ConcurrentDictionary<Type, Func<object, MimeBundle>> registry = new();
    private static readonly List<Type> order = [];

    /// <summary>Rows of a table shown before the rest is summarised as "N more rows" (keeps notebooks diffable).</summary>
    public static int MaxRows { get; set; } = 20;

    static Formatter()
    {
        Register<DataFrame>(TableFormatter.Format);
        Register<GenericChart>(ChartFormatter.Format);
        Register<HtmlContent>(h => Bundle(("text/html", JsonValue.Create(h.Html)), ("text/plain", JsonValue.Create(h.Html))));
    }

    /// <summary>Registers (or replaces) the formatter used for values of type <typeparamref name="T"/> and subtypes.</summary>
    public static void Register<T>(Func<T, MimeBundle> format)
    {
        ArgumentNullException.ThrowIfNull(format);
        registry[typeof(T)] = o => format((T)o);
        lock (order) { order.Remove(typeof(T)); order.Add(typeof(T)); }
    }

    /// <summary>The bundle for <paramref name="value"/>: a registered formatter's, or text/plain.</summary>
    public static MimeBundle Format(object? value)
    {
        if (value is null) return MimeBundle.PlainText("null");
        var f = Find(value.GetType());
        return f is null ? MimeBundle.PlainText(PlainText.Format(value)) : f(value);
    }

    private static Func<object, MimeBundle>? Find(Type type)
    {
        for (var t = type; t is not null; t = t.BaseType)
            if (registry.TryGetValue(t, out var f)) return f;
        Type[] snapshot;
        lock (order) snapshot = [.. order];
        for (var i = snapshot.Length - 1; i >= 0; i--)
            if (snapshot[i].IsInterface && snapshot[i].IsAssignableFrom(type)) return registry[snapshot[i]];
        return null;
    }

    internal static MimeBundle Bundle(params (string Mime, JsonNode Value)[] items) =>
        new(items.ToDictionary(i => i.Mime, i => i.Value), null);
}
