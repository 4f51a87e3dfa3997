using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AskShift.Kernel.Wire;

/// <summary>Why a set of frames was not accepted as a message.</summary>
public enum DecodeStatus { Ok, Malformed, BadSignature, Replayed }

/// <summary>
/// Converts between the ZeroMQ multipart frames of the wire protocol
/// (<c>identities..., &lt;IDS|MSG&gt;, signature, header, parent_header, metadata, content, buffers...</c>) and
/// <see cref="JupyterMessage"/>. Verification runs over the exact bytes received, before any JSON is parsed.
/// </summary>
public sealed class WireCodec(MessageSigner signer, int seenSignaturesLimit = WireCodec.SeenSignaturesLimit)
{
    /// <summary>The frame that separates routing identities from the signed message.</summary>
    public static readonly byte[] Delimiter = "<IDS|MSG>"u8.ToArray();

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // A duplicate key is refused at parse time: JsonObject would otherwise throw later, wherever the key is first read.
    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false, MaxDepth = 64 };

    /// <summary>
    /// Signatures already accepted, as ipykernel keeps them: a signed message captured on the wire and sent again is
    /// refused instead of run again. Bounded; the oldest are forgotten first.
    /// </summary>
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _seenOrder = new();
    internal const int SeenSignaturesLimit = 1 << 16;

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
    /// Parses received frames. A bad or replayed signature is reported as such (the caller logs and drops it); anything
    /// else that is not a well-formed message is <see cref="DecodeStatus.Malformed"/> with a reason in
    /// <paramref name="error"/>. When the header itself parsed, <paramref name="message"/> still carries it (with empty
    /// content), so the caller can answer the request with an error reply instead of leaving the client waiting.
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
        if (!signer.IsDisabled && !Remember(signature))
        {
            error = "replayed message: this signature was already accepted once";
            return DecodeStatus.Replayed;
        }

        var identities = frames.Take(delimiter).ToArray();
        JsonObject h;
        try
        {
            h = Object(header, "header");
            if (h["msg_type"] is not JsonValue v || !v.TryGetValue<string>(out _)) { error = "header has no msg_type string"; return DecodeStatus.Malformed; }
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            error = $"header: {e.Message}";
            // A header that is valid JSON apart from a repeated key still says what to answer (last value wins).
            if (Lenient(header) is { } readable && readable["msg_type"] is JsonValue t && t.TryGetValue<string>(out _))
                message = new JupyterMessage(identities, readable, new JsonObject(), new JsonObject(), new JsonObject(), []);
            return DecodeStatus.Malformed;
        }
        try
        {
            message = new JupyterMessage(identities, h, Object(parent, "parent_header"), Object(metadata, "metadata"), Object(content, "content"),
                frames.Skip(delimiter + 6).ToArray());
            error = "";
            return DecodeStatus.Ok;
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            message = new JupyterMessage(identities, h, new JsonObject(), new JsonObject(), new JsonObject(), []);
            error = e.Message;
            return DecodeStatus.Malformed;
        }
    }

    private static JsonObject? Lenient(byte[] frame)
    {
        try
        {
            using var doc = JsonDocument.Parse(frame);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return null;
            var o = new JsonObject();
            foreach (var p in doc.RootElement.EnumerateObject())
                if (p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
                    o[p.Name] = JsonNode.Parse(p.Value.GetRawText());
            return o;
        }
        catch (JsonException) { return null; }
    }

    private bool Remember(string signature)
    {
        lock (_seen)
        {
            if (!_seen.Add(signature)) return false;
            _seenOrder.Enqueue(signature);
            if (_seenOrder.Count > seenSignaturesLimit) _seen.Remove(_seenOrder.Dequeue());
            return true;
        }
    }

    private static byte[] Bytes(JsonObject obj) => JsonSerializer.SerializeToUtf8Bytes(obj, Json);

    private static JsonObject Object(byte[] frame, string name) =>
        JsonNode.Parse(frame, documentOptions: Strict) as JsonObject ?? throw new InvalidDataException($"{name} frame is not a JSON object");
}
