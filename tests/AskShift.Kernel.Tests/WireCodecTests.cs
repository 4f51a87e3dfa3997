using System.Text;
using System.Text.Json.Nodes;
using AskShift.Kernel.Wire;
using CsCheck;

namespace AskShift.Kernel.Tests;

public class WireCodecTests
{
    private static readonly WireCodec Codec = new(new MessageSigner("secret-key"));

    private static JupyterMessage Sample(params byte[][] identities) => new(
        identities, JupyterMessage.NewHeader("execute_request", "s1"), new JsonObject(), new JsonObject(),
        new JsonObject { ["code"] = "Console.WriteLine(\"中文 🐉\");" }, []);

    [Fact]
    public void Signature_MatchesPythonHmacSha256OverTheFourFrames()
    {
        // hmac.new(b'secret-key', b'{"msg_type":"x"}' + b'{}' + b'{}' + b'{"a":1}', hashlib.sha256).hexdigest()
        var signer = new MessageSigner("secret-key");
        var sig = signer.Sign("{\"msg_type\":\"x\"}"u8, "{}"u8, "{}"u8, "{\"a\":1}"u8);
        Assert.Equal("8a0d749a431a924a2389012e9a0b36e668495d75e4e01c71869a435d06ce3fd9", sig);
    }

    [Fact]
    public void Encode_ThenDecode_KeepsIdentitiesContentAndBuffers()
    {
        var msg = Sample([1, 2, 3], "client-b"u8.ToArray()) with { Buffers = [[9, 9]] };
        var frames = Codec.Encode(msg);
        Assert.Equal(DecodeStatus.Ok, Codec.TryDecode(frames, out var back, out var error));
        Assert.Equal("", error);
        Assert.Equal(msg.Identities, back!.Identities);
        Assert.Equal("execute_request", back.MsgType);
        Assert.Equal("Console.WriteLine(\"中文 🐉\");", (string)back.Content["code"]!);
        Assert.Equal([9, 9], back.Buffers.Single());
    }

    [Fact]
    public void AnyChangeToASignedFrame_IsRejectedAsBadSignature()
    {
        var frames = Codec.Encode(Sample("id"u8.ToArray()));
        // frames: id, delimiter, signature, header, parent, metadata, content
        for (var i = 3; i <= 6; i++)
        {
            var tampered = frames.Select(f => (byte[])f.Clone()).ToList();
            tampered[i] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(tampered[i]).Replace("}", ",\"x\":1}"));
            Assert.Equal(DecodeStatus.BadSignature, Codec.TryDecode(tampered, out _, out _));
        }
    }

    [Fact]
    public void MessageSignedWithAnotherKey_IsRejected()
    {
        var forged = new WireCodec(new MessageSigner("other-key")).Encode(Sample());
        Assert.Equal(DecodeStatus.BadSignature, Codec.TryDecode(forged, out var msg, out var error));
        Assert.Null(msg);
        Assert.Contains("signature", error);
    }

    [Fact]
    public void SignatureCheck_HoldsForArbitraryContent()
    {
        Gen.String.Sample(text =>
        {
            var msg = Sample() with { Content = new JsonObject { ["code"] = text } };
            var frames = Codec.Encode(msg);
            Assert.Equal(DecodeStatus.Ok, Codec.TryDecode(frames, out var back, out _));
            Assert.Equal(text, (string)back!.Content["code"]!);
            frames[2] = Encoding.ASCII.GetBytes(new string('0', 64));
            Assert.Equal(DecodeStatus.BadSignature, Codec.TryDecode(frames, out _, out _));
        }, iter: 200);
    }

    [Fact]
    public void MissingDelimiterOrFrames_IsMalformed_WithAReason()
    {
        Assert.Equal(DecodeStatus.Malformed, Codec.TryDecode([[1], [2]], out _, out var noDelimiter));
        Assert.Contains("<IDS|MSG>", noDelimiter);
        Assert.Equal(DecodeStatus.Malformed, Codec.TryDecode([WireCodec.Delimiter, [1], [2]], out _, out var short_));
        Assert.Contains("4 JSON frames", short_);
    }

    [Fact]
    public void ValidSignatureOverNonJson_IsMalformedNotACrash()
    {
        var signer = new MessageSigner("secret-key");
        byte[] header = "not json"u8.ToArray(), empty = "{}"u8.ToArray();
        var sig = Encoding.ASCII.GetBytes(signer.Sign(header, empty, empty, empty));
        Assert.Equal(DecodeStatus.Malformed, Codec.TryDecode([WireCodec.Delimiter, sig, header, empty, empty, empty], out _, out _));
    }

    [Fact]
    public void EmptyKey_MeansUnsignedMessages()
    {
        var open = new WireCodec(new MessageSigner(""));
        var frames = open.Encode(Sample());
        Assert.Empty(frames[1]); // no identities, so frame 1 (after the delimiter) is the signature
        Assert.Equal(DecodeStatus.Ok, open.TryDecode(frames, out _, out _));
    }

    [Fact]
    public void Replies_CarryTheRequestHeaderAsParent_AndItsIdentities()
    {
        var request = Sample("router-id"u8.ToArray());
        var reply = JupyterMessage.Create("execute_reply", "kernel-session", new JsonObject(), request);
        Assert.Equal(request.MsgId, (string)reply.ParentHeader["msg_id"]!);
        Assert.Equal(request.Identities, reply.Identities);
        Assert.Equal("5.3", (string)reply.Header["version"]!);
        Assert.NotEqual(request.MsgId, reply.MsgId);
        Assert.True(DateTime.TryParse((string)reply.Header["date"]!, out _));
    }

    [Theory]
    [InlineData("th-TH")]
    [InlineData("fi-FI")]
    [InlineData("de-DE")]
    public void Header_dates_are_iso_8601_under_every_culture(string culture)
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo(culture);
        try
        {
            var date = (string)JupyterMessage.Create("status", "s", new JsonObject(), null).Header["date"]!;
            Assert.Matches(@"^20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$", date); // not 2568-... (th-TH), not 12.30.00 (fi-FI)
        }
        finally { System.Globalization.CultureInfo.CurrentCulture = previous; }
    }
}
