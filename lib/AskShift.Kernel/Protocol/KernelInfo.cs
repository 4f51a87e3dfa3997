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
    public static JsonObject LanguageInfo()
    {
        // One source of truth with the notebook files the runner writes, plus the editor mode for classic front ends.
        var info = AskShift.Notebooks.Notebook.LanguageInfo();
        info["codemirror_mode"] = "text/x-csharp";
        return info;
    }

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
