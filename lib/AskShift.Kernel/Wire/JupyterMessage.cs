using System.Text.Json.Nodes;

namespace AskShift.Kernel.Wire;

/// <summary>
/// One Jupyter message as it travels on a socket: the ZeroMQ routing identities (so replies reach the right front
/// end) plus the four JSON dictionaries and any binary buffers.
/// </summary>
public sealed record JupyterMessage(
    IReadOnlyList<byte[]> Identities,
    JsonObject Header,
    JsonObject ParentHeader,
    JsonObject Metadata,
    JsonObject Content,
    IReadOnlyList<byte[]> Buffers)
{
    /// <summary>The protocol version this kernel speaks and stamps on every header.</summary>
    public const string ProtocolVersion = "5.3";

    public string MsgType => Str(Header, "msg_type");
    public string MsgId => Str(Header, "msg_id");
    public string Session => Str(Header, "session");

    /// <summary>A new header; dates are UTC ISO 8601 with microseconds, as jupyter_client writes them.</summary>
    public static JsonObject NewHeader(string msgType, string session) => new()
    {
        ["msg_id"] = Guid.NewGuid().ToString("N"),
        ["session"] = session,
        ["username"] = "kernel",
        ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture),
        ["msg_type"] = msgType,
        ["version"] = ProtocolVersion,
    };

    /// <summary>A message caused by <paramref name="parent"/> (reply or iopub side effect), carrying its header as parent.</summary>
    public static JupyterMessage Create(string msgType, string session, JsonObject content, JupyterMessage? parent,
        IReadOnlyList<byte[]>? identities = null) =>
        new(identities ?? parent?.Identities ?? [],
            NewHeader(msgType, session),
            parent is null ? new JsonObject() : (JsonObject)parent.Header.DeepClone(),
            new JsonObject(),
            content,
            []);

    private static string Str(JsonObject obj, string name) =>
        obj[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
}
