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
    private static readonly ConcurrentDictionary<Type, ConcurrentDictionary<string, Func<object, string>>> byMime = new();

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

    /// <summary>
    /// .NET Interactive's form, <c>Formatter.Register&lt;T&gt;((value, writer) =&gt; ..., "text/html")</c>, so a cell
    /// written for Polyglot Notebooks runs here unchanged. Each call adds one MIME type for <typeparamref name="T"/>
    /// (a later call for the same type and MIME type replaces it); text/plain falls back to the readable text when
    /// no text/plain formatter is given. <c>application/*json</c> output is stored as JSON, as nbformat wants.
    /// </summary>
    public static void Register<T>(Action<T, TextWriter> formatter, string mimeType = "text/plain")
    {
        ArgumentNullException.ThrowIfNull(formatter);
        ArgumentException.ThrowIfNullOrWhiteSpace(mimeType);
        var perMime = byMime.GetOrAdd(typeof(T), _ => new ConcurrentDictionary<string, Func<object, string>>());
        perMime[mimeType] = o => { using var w = new StringWriter(System.Globalization.CultureInfo.InvariantCulture); formatter((T)o, w); return w.ToString(); };
        Register<T>(value =>
        {
            var data = new Dictionary<string, JsonNode>();
            foreach (var (mime, f) in perMime.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                var text = f(value!);
                data[mime] = mime.StartsWith("application/", StringComparison.Ordinal) && mime.EndsWith("json", StringComparison.Ordinal)
                    ? JsonNode.Parse(text) ?? JsonValue.Create(text)!
                    : JsonValue.Create(text)!;
            }
            if (!data.ContainsKey("text/plain")) data["text/plain"] = JsonValue.Create(PlainText.Format(value))!;
            return new MimeBundle(data, null);
        });
    }

    /// <inheritdoc cref="Register{T}(Action{T, TextWriter}, string)"/>
    public static void Register<T>(Func<T, string> formatter, string mimeType = "text/plain")
    {
        ArgumentNullException.ThrowIfNull(formatter);
        Register<T>((value, writer) => writer.Write(formatter(value)), mimeType);
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
