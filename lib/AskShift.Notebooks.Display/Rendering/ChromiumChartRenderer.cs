using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace AskShift.Notebooks;

/// <summary>
/// Renders charts with Plotly.toImage inside the system Chromium (Debian's /usr/bin/chromium, never a downloaded
/// browser), driven by Playwright, using the plotly.js that ships inside Plotly.NET so no CDN is needed. One browser
/// per process is started on first use and reused by every session.
/// </summary>
public sealed class ChromiumChartRenderer : IChartImageRenderer, IAsyncDisposable
{
    /// <summary>A chart's picture size when its layout sets none: wide enough for a legend beside the plot.</summary>
    public const int DefaultWidth = 900;

    /// <inheritdoc cref="DefaultWidth"/>
    public const int DefaultHeight = 500;

    /// <summary>Where Debian and Ubuntu install Chromium.</summary>
    public const string DefaultChromium = "/usr/bin/chromium";

    private static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private readonly string executable;
    private readonly SemaphoreSlim gate = new(1, 1);
    private IPlaywright? playwright;
    private IBrowser? browser;
    private IPage? page;
    private bool warned;

    /// <summary>The renderer all sessions share by default, so a run starts Chromium at most once.</summary>
    public static ChromiumChartRenderer Shared { get; } = new(Environment.GetEnvironmentVariable("ASKSHIFT_CHROMIUM") ?? DefaultChromium);

    /// <summary>Uses the Chromium at <paramref name="executable"/>.</summary>
    public ChromiumChartRenderer(string executable) => this.executable = executable;

    /// <summary>Whether the configured Chromium exists, i.e. whether charts will get pictures.</summary>
    public bool IsAvailable => File.Exists(executable);

    /// <summary>The Chromium binary this renderer drives.</summary>
    public string Executable => executable;

    /// <inheritdoc/>
    public string MissingHint => $"no Chromium at {executable}: install it ('sudo apt-get update && sudo apt-get install -y chromium') " +
                                 "or set ASKSHIFT_CHROMIUM to a Chromium binary";

    /// <inheritdoc/>
    public byte[]? RenderPng(JsonNode figure, int width, int height, TextWriter diagnostics) =>
        Task.Run(() => RenderPngAsync(figure, width, height, diagnostics)).GetAwaiter().GetResult();

    /// <summary>Async form of <see cref="RenderPng"/>.</summary>
    public async Task<byte[]?> RenderPngAsync(JsonNode figure, int width, int height, TextWriter diagnostics)
    {
        await gate.WaitAsync();
        try
        {
            if (!IsAvailable)
            {
                Warn(diagnostics, $"askshift: no Chromium at {executable}; charts keep their interactive Plotly JSON but get no PNG picture. " +
                                  "Install it with 'sudo apt-get install chromium' (or set ASKSHIFT_CHROMIUM to a Chromium binary).");
                return null;
            }
            var p = await PageAsync();
            var layout = figure["layout"] as JsonObject;
            var w = layout?["width"]?.GetValue<double>() is { } lw ? (int)lw : width;
            var h = layout?["height"]?.GetValue<double>() is { } lh ? (int)lh : height;
            var dataUrl = await p.EvaluateAsync<string>(
                "([json, w, h]) => { const fig = JSON.parse(json); return Plotly.toImage({data: fig.data, layout: fig.layout, config: fig.config}, {format: 'png', width: w, height: h}); }",
                new object[] { figure.ToJsonString(), w, h });
            var comma = dataUrl.IndexOf(',');
            return Convert.FromBase64String(dataUrl[(comma + 1)..]);
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException or InvalidOperationException or FormatException)
        {
            Warn(diagnostics, $"askshift: rendering a chart to PNG with {executable} failed: {e.Message.Split('\n')[0]}");
            page = null; // start a fresh page (and browser if needed) next time rather than reuse a broken one
            if (browser is { IsConnected: false }) browser = null;
            return null;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<IPage> PageAsync()
    {
        if (page is not null) return page;
        playwright ??= await Playwright.CreateAsync();
        browser ??= await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable, Headless = true, Args = Args, ChromiumSandbox = false,
        });
        page = await browser.NewPageAsync();
        await page.SetContentAsync("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body></body></html>");
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = PlotlyJs() });
        return page;
    }

    /// <summary>plotly.js as embedded in Plotly.NET (resource "Plotly.NET.plotly-X.Y.Z.min.js").</summary>
    internal static string PlotlyJs()
    {
        var asm = typeof(Plotly.NET.GenericChart).Assembly;
        var name = asm.GetManifestResourceNames().FirstOrDefault(n => n.Contains("plotly", StringComparison.OrdinalIgnoreCase) && n.EndsWith(".min.js", StringComparison.Ordinal))
                   ?? throw new InvalidOperationException("Plotly.NET carries no embedded plotly.js resource; cannot render charts offline.");
        using var reader = new StreamReader(asm.GetManifestResourceStream(name)!);
        return reader.ReadToEnd();
    }

    private void Warn(TextWriter diagnostics, string message)
    {
        if (warned) return;
        warned = true;
        diagnostics.WriteLine(message);
    }

    /// <summary>Closes the browser.</summary>
    public async ValueTask DisposeAsync()
    {
        if (browser is not null) await browser.CloseAsync();
        playwright?.Dispose();
        page = null; browser = null; playwright = null;
    }
}
