using System.Text.Json;
using System.Text.Json.Nodes;

namespace AskShift.Kernel.Wire;

/// <summary>
/// The connection file a Jupyter front end writes before starting the kernel: where to bind and which key signs
/// messages. Parsed strictly, because a kernel that binds the wrong address or ignores the key is a security hole.
/// </summary>
public sealed record ConnectionInfo(
    string Transport,
    string Ip,
    int ShellPort,
    int IOPubPort,
    int StdinPort,
    int ControlPort,
    int HeartbeatPort,
    string Key,
    string SignatureScheme,
    string KernelName = "")
{
    /// <summary>Reads and validates a connection file; errors name the file and the field at fault.</summary>
    public static ConnectionInfo Load(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"Cannot read connection file '{path}': {e.Message}", e);
        }
        return Parse(text, path);
    }

    /// <summary>Parses connection-file JSON; <paramref name="source"/> names the file in error messages.</summary>
    public static ConnectionInfo Parse(string json, string source)
    {
        JsonObject obj;
        try
        {
            obj = JsonNode.Parse(json) as JsonObject
                  ?? throw new InvalidDataException($"Connection file '{source}' is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Connection file '{source}' is not valid JSON: {e.Message}", e);
        }

        string Str(string name, string? fallback = null)
        {
            var node = obj[name];
            if (node is null)
                return fallback ?? throw new InvalidDataException($"Connection file '{source}' lacks \"{name}\".");
            if (node is JsonValue v && v.TryGetValue<string>(out var s)) return s;
            throw new InvalidDataException($"Connection file '{source}': \"{name}\" must be a string.");
        }

        int Port(string name)
        {
            var node = obj[name] ?? throw new InvalidDataException($"Connection file '{source}' lacks \"{name}\".");
            if (node is JsonValue v && v.TryGetValue<int>(out var p) && p is >= 0 and <= 65535) return p;
            throw new InvalidDataException($"Connection file '{source}': \"{name}\" must be a port number 0-65535, got {node.ToJsonString()}.");
        }

        var transport = Str("transport", "tcp");
        if (transport != "tcp")
            throw new InvalidDataException(
                $"Connection file '{source}': transport \"{transport}\" is not supported; NetMQ speaks only \"tcp\" with libzmq peers.");
        var scheme = Str("signature_scheme", "hmac-sha256");
        var key = Str("key", "");
        if (key.Length > 0 && scheme != "hmac-sha256")
            throw new InvalidDataException(
                $"Connection file '{source}': signature_scheme \"{scheme}\" is not supported; use \"hmac-sha256\".");
        var ip = Str("ip", "127.0.0.1");
        if (ip.Length == 0) throw new InvalidDataException($"Connection file '{source}': \"ip\" is empty.");

        return new ConnectionInfo(transport, ip, Port("shell_port"), Port("iopub_port"), Port("stdin_port"),
            Port("control_port"), Port("hb_port"), key, scheme, Str("kernel_name", ""));
    }

    /// <summary>The ZeroMQ endpoint for one port, bracketing IPv6 literals.</summary>
    public string Endpoint(int port) =>
        Ip.Contains(':') ? $"{Transport}://[{Ip}]:{port}" : $"{Transport}://{Ip}:{port}";

    /// <summary>Serialises back to the connection-file format (used when ports were chosen by the kernel).</summary>
    public string ToJson() => new JsonObject
    {
        ["transport"] = Transport,
        ["ip"] = Ip,
        ["shell_port"] = ShellPort,
        ["iopub_port"] = IOPubPort,
        ["stdin_port"] = StdinPort,
        ["control_port"] = ControlPort,
        ["hb_port"] = HeartbeatPort,
        ["key"] = Key,
        ["signature_scheme"] = SignatureScheme,
        ["kernel_name"] = KernelName,
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
