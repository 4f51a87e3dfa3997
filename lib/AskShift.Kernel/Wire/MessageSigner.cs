using System.Security.Cryptography;
using System.Text;

namespace AskShift.Kernel.Wire;

/// <summary>
/// HMAC-SHA256 over the four JSON frames, as the messaging spec requires. The signature is what stops another local
/// user from running code in the kernel, so verification is constant-time and never skipped when a key is set.
/// An empty key means the front end disabled authentication (spec: the signature is then the empty string).
/// </summary>
public sealed class MessageSigner
{
    private readonly byte[] _key;

    public MessageSigner(string key) => _key = Encoding.UTF8.GetBytes(key);

    /// <summary>True when the connection file carried no key, i.e. messages are unsigned.</summary>
    public bool IsDisabled => _key.Length == 0;

    /// <summary>Lower-case hex signature of header, parent header, metadata and content (in that order).</summary>
    public string Sign(ReadOnlySpan<byte> header, ReadOnlySpan<byte> parent, ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> content)
    {
        if (IsDisabled) return "";
        return Convert.ToHexStringLower(Compute(header, parent, metadata, content));
    }

    /// <summary>Checks a received signature in constant time; any malformed signature is simply invalid.</summary>
    public bool Verify(string signature, ReadOnlySpan<byte> header, ReadOnlySpan<byte> parent, ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> content)
    {
        if (IsDisabled) return true;
        if (signature.Length != 64) return false;
        byte[] given;
        try { given = Convert.FromHexString(signature); }
        catch (FormatException) { return false; }
        return CryptographicOperations.FixedTimeEquals(given, Compute(header, parent, metadata, content));
    }

    private byte[] Compute(ReadOnlySpan<byte> header, ReadOnlySpan<byte> parent, ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> content)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData(header);
        hmac.AppendData(parent);
        hmac.AppendData(metadata);
        hmac.AppendData(content);
        return hmac.GetHashAndReset();
    }
}
