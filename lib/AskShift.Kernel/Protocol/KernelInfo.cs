using System.Reflection;
using System.Text.Json.Nodes;
using AskShift.Kernel.Wire;

namespace AskShift.Kernel.Protocol;

/// <summary>
/// The kernel_info_reply content. Front ends pick syntax highlighting and the notebook's <c>language_info</c> metadata
/// from it, so the values match what .NET Interactive notebooks carry (language name <c>C#</c>).
/// </summary>
public static class KernelInfo
{
    public const string LanguageName = "C#";
    public const string Implementation = "askshift";

    /// <summary>The <c>language_info</c> dictionary, also written into notebook metadata.</summary>
    public static JsonObject LanguageInfo() => new()
    {
        ["name"] = LanguageName,
        ["version"] = "14.0",
        ["mimetype"] = "text/x-csharp",
        ["file_extension"] = ".cs",
        ["pygments_lexer"] = "csharp",
        ["codemirror_mode"] = "text/x-csharp",
    };

    public static JsonObject Reply() => new()
    {
        ["status"] = "ok",
        ["protocol_version"] = JupyterMessage.ProtocolVersion,
        ["implementation"] = Implementation,
        ["implementation_version"] = typeof(KernelInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
        ["language_info"] = LanguageInfo(),
        ["banner"] = $"AskShift C# kernel (Roslyn scripting) on .NET {Environment.Version}",
        ["help_links"] = new JsonArray(),
        ["debugger"] = false,
    };
}
