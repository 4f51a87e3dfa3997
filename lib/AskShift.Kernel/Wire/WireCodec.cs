using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AskShift.Kernel.Wire;

/// <summary>Why a set of frames was not accepted as a message.</summary>
public enum DecodeStatus { Ok, Malformed, BadSignature }

/// <summary>
/// Converts between the ZeroMQ multipart frames of the wire protocol
/// (<c>identities..., &lt;IDS|MSG&gt;, signature, header, parent_header, metadata, content, buffers...</c>) and
/// <see cref="JupyterMessage"/>. Verification runs over the exact bytes received, before any JSON is parsed.
/// </summary>
public sealed class WireCodec(MessageSigner signer)
{
    /// <summary>The frame that separates routing identities from the signed message.</summary>
    public static readonly byte[] Delimiter = "<IDS|MSG>"u8.ToArray();

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public MessageSigner Signer => signer;

    /// <summary>Frames for sending, with a fresh signature.</summary>
    public List<byte[]> Encode(JupyterMessage message)
    {
        var header = Bytes(message.Header);
        var parent = Bytes(message.ParentHeader);
        var metadata = Bytes(message.Metadata);
        var content = Bytes(message.Content);
        var frames = new List<byte[]>(message.Identities.Count + 6 + message.Buffers.Count);
        frames.AddRange(message.Identities);
        frames.Add(Delimiter);
        frames.Add(Encoding.ASCII.GetBytes(signer.Sign(header, parent, metadata, content)));
        frames.Add(header);
        frames.Add(parent);
        frames.Add(metadata);
        frames.Add(content);
        frames.AddRange(message.Buffers);
        return frames;
    }

    /// <summary>
    /// Parses received frames. A bad signature is reported as such (the caller logs and drops it); anything else
    /// that is not a well-formed message is <see cref="DecodeStatus.Malformed"/> with a reason in <paramref name="error"/>.
    /// </summary>
    public DecodeStatus TryDecode(IReadOnlyList<byte[]> frames, out JupyterMessage? message, out string error)
    {
        message = null;
        var delimiter = -1;
        for (var i = 0; i < frames.Count; i++)
            if (frames[i].AsSpan().SequenceEqual(Delimiter)) { delimiter = i; break; }
        if (delimiter < 0) { error = "no <IDS|MSG> delimiter frame"; return DecodeStatus.Malformed; }
        if (frames.Count - delimiter - 1 < 5)
        {
            error = $"expected signature and 4 JSON frames after the delimiter, got {frames.Count - delimiter - 1} frames";
            return DecodeStatus.Malformed;
        }

        var signature = Encoding.ASCII.GetString(frames[delimiter + 1]);
        byte[] header = frames[delimiter + 2], parent = frames[delimiter + 3], metadata = frames[delimiter + 4], content = frames[delimiter + 5];
        if (!signer.Verify(signature, header, parent, metadata, content))
        {
            error = "invalid HMAC signature";
            return DecodeStatus.BadSignature;
        }

        try
        {
            var h = Object(header, "header");
            if (h["msg_type"] is not JsonValue) { error = "header has no msg_type"; return DecodeStatus.Malformed; }
            message = new JupyterMessage(
                frames.Take(delimiter).ToArray(),
                h, Object(parent, "parent_header"), Object(metadata, "metadata"), Object(content, "content"),
                frames.Skip(delimiter + 6).ToArray());
            error = "";
            return DecodeStatus.Ok;
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            error = e.Message;
            return DecodeStatus.Malformed;
        }
    }

    private static byte[] Bytes(JsonObject obj) => JsonSerializer.SerializeToUtf8Bytes(obj, Json);

    private static JsonObject Object(byte[] frame, string name) =>
        JsonNode.Parse(frame) as JsonObject ?? throw new InvalidDataException($"{name} frame is not a JSON object");
}
