using System.Text.Json.Nodes;
using AskShift.Notebooks;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive;
using Plotly.NET;
using DniFormatter = Microsoft.DotNet.Interactive.Formatting.Formatter;

namespace AskShift.Interactive;

/// <summary>
/// Makes a .NET Interactive kernel (Polyglot Notebooks, <c>dotnet interactive</c>) show AskShift's values as AskShift's
/// own kernel does: DataFrames as the same bare HTML table and text grid (GitHub shows them), Plotly.NET charts as
/// the same Plotly figure JSON plus a PNG picture drawn by the system Chromium (for viewers without JavaScript).
/// Without it .NET Interactive lists a DataFrame's properties and a chart's F# internals.
/// </summary>
/// <remarks>
/// .NET Interactive loads <see cref="IKernelExtension"/>s from NuGet packages only; a notebook that <c>#r</c>'s
/// AskShift.Core.dll gets this one from AskShift.Core itself, which calls <see cref="Load"/> when it finds itself
/// inside a .NET Interactive process. Registration is global and idempotent, as .NET Interactive's formatters are.
/// </remarks>
public sealed class AskShiftKernelExtension : IKernelExtension
{
    private static int loaded;

    /// <inheritdoc/>
    public Task OnLoadAsync(Kernel kernel)
    {
        Load();
        return Task.CompletedTask;
    }

    /// <summary>Registers the formatters once per process; later calls do nothing.</summary>
    public static void Load()
    {
        if (Interlocked.Exchange(ref loaded, 1) == 1) return;

        DniFormatter.Register<DataFrame>((df, w) => w.Write(TableFormatter.Html(df)), "text/html");
        DniFormatter.Register<DataFrame>((df, w) => w.Write(TableFormatter.Text(df)), "text/plain");
        DniFormatter.SetPreferredMimeTypesFor(typeof(DataFrame), "text/html", "text/plain");

        DniFormatter.Register<GenericChart>((c, w) => w.Write(ChartFormatter.Figure(c).ToJsonString()), Formatter.PlotlyMime);
        DniFormatter.Register<GenericChart>((c, w) => w.Write(ChartFormatter.Text(ChartFormatter.Figure(c))), "text/plain");
        var renderer = ChromiumChartRenderer.Shared;
        if (renderer.IsAvailable)
        {
            DniFormatter.Register<GenericChart>((c, w) => w.Write(Png(renderer, ChartFormatter.Figure(c))), "image/png");
            DniFormatter.SetPreferredMimeTypesFor(typeof(GenericChart), Formatter.PlotlyMime, "image/png", "text/plain");
        }
        else
        {
            // Said once, where the user sees it; the charts stay interactive in VS Code.
            Console.Error.WriteLine($"AskShift: charts get no PNG picture: {renderer.MissingHint}.");
            DniFormatter.SetPreferredMimeTypesFor(typeof(GenericChart), Formatter.PlotlyMime, "text/plain");
        }
    }

    private static string Png(ChromiumChartRenderer renderer, JsonObject figure) =>
        renderer.RenderPng(figure, ChromiumChartRenderer.DefaultWidth, ChromiumChartRenderer.DefaultHeight, Console.Error) is { } png
            ? Convert.ToBase64String(png)
            : ""; // the renderer has already said why, once, on stderr
}
