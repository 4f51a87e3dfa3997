namespace AskShift.Notebooks;

/// <summary>
/// Members every cell can call unqualified, as in .NET Interactive: <c>display(x)</c> shows a value mid-cell.
/// Public because cells are compiled against it as Roslyn's script globals type.
/// </summary>
public class ScriptGlobals
{
    /// <summary>Shows <paramref name="value"/> now, through the formatters, and returns a handle to update it in place.</summary>
    public DisplayHandle display(object? value) => DisplayExtensions.Show(value);

    /// <summary>
    /// .NET Interactive's <c>display(value, "text/html")</c>: only the listed MIME types are shown; a string value is
    /// taken as the content itself for a listed type its formatter does not produce.
    /// </summary>
    public DisplayHandle display(object? value, params string[] mimeTypes) => DisplayExtensions.Show(value, mimeTypes);

    /// <summary>Raw HTML to display, as .NET Interactive's <c>HTML("...")</c>.</summary>
    public HtmlContent HTML(string html) => new(html);

    /// <summary>Clears the outputs the cell has shown so far (e.g. before redrawing a progress line).</summary>
    public void clear_output(bool wait = false) => DisplayExtensions.Current().Emit(new ClearOutput(wait));

    /// <summary>
    /// Signalled when the running cell is cancelled (kernel interrupt or runner timeout). .NET cannot abort running
    /// code, so long loops that want to be interruptible check this token.
    /// </summary>
    public CancellationToken CancellationToken => ConsoleRouter.Current?.Cancellation ?? CancellationToken.None;
}

/// <summary>A displayed value that can be redrawn in place (Jupyter's display_id / update_display_data).</summary>
public sealed class DisplayHandle
{
    internal DisplayHandle(string displayId) => DisplayId = displayId;

    /// <summary>The Jupyter display id that front ends use to find the output to replace.</summary>
    public string DisplayId { get; }

    /// <summary>Replaces the displayed value with <paramref name="value"/>.</summary>
    public void Update(object? value)
    {
        var cell = DisplayExtensions.Current();
        cell.Emit(new UpdateDisplayOutput(cell.Session.Format(value), DisplayId));
    }
}

/// <summary><c>x.Display()</c>, the .NET Interactive extension form of <c>display(x)</c>; imported into every cell.</summary>
public static class DisplayExtensions
{
    /// <summary>Shows <paramref name="value"/> now and returns a handle to update it in place.</summary>
    public static DisplayHandle Display<T>(this T value) => Show(value);

    internal static DisplayHandle Show(object? value, string[]? mimeTypes = null)
    {
        var cell = Current();
        var handle = new DisplayHandle(Guid.NewGuid().ToString("N"));
        var bundle = cell.Session.Format(value);
        if (mimeTypes is { Length: > 0 })
        {
            var data = new Dictionary<string, System.Text.Json.Nodes.JsonNode>();
            foreach (var m in mimeTypes)
                if (bundle.Data.TryGetValue(m, out var v)) data[m] = v;
                else if (value is string s) data[m] = System.Text.Json.Nodes.JsonValue.Create(s);
            bundle = bundle with { Data = data };
        }
        cell.Emit(new DisplayOutput(bundle, handle.DisplayId));
        return handle;
    }

    internal static CellContext Current() =>
        ConsoleRouter.Current ?? throw new InvalidOperationException("display() can only be called while a notebook cell is running.");
}
