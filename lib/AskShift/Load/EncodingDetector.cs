using System.Text;

namespace AskShift.Load;

/// <summary>
/// Chooses how to decode bytes. Web scrapes arrive in mixed encodings; guessing wrong silently corrupts quotes and
/// names, so the fallback is flagged with a warning the researcher sees.
/// </summary>
public static class EncodingDetector
{
    static EncodingDetector() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Returns the text, an optional warning, or an error (binary content).</summary>
    public static (string? Text, string? Warning, string? Error) Decode(byte[] b)
    {
        // BOMs first: they are unambiguous.
        if (b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
            return Strict(new UTF8Encoding(false, true), b, 3) is { } bomText ? (bomText, null, null) : Lenient(b, 3);
        if (b.Length >= 2 && b[0] == 0xFF && b[1] == 0xFE) return (new UnicodeEncoding(false, false).GetString(b, 2, b.Length - 2), null, null);
        if (b.Length >= 2 && b[0] == 0xFE && b[1] == 0xFF) return (new UnicodeEncoding(true, false).GetString(b, 2, b.Length - 2), null, null);

        // UTF-16 without BOM: ASCII-heavy text has NULs in every other byte, on one side only.
        var utf16 = GuessUtf16(b);
        if (utf16 != null) return (utf16.GetString(b), "encoding: no BOM; decoded as UTF-16 from the pattern of zero bytes", null);

        if (Array.IndexOf(b, (byte)0) >= 0 || ControlRatio(b) > 0.1)
            return (null, null, "binary: the file contains NUL or control bytes, not text");

        var utf8 = Strict(new UTF8Encoding(false, true), b, 0);
        if (utf8 != null) return (utf8, null, null);

        // A few bad bytes in otherwise valid UTF-8 (a truncated download, one stray byte) spoil those bytes, not the file.
        // It must show UTF-8 elsewhere (valid multi-byte characters): a Windows-1252 file's lone quote bytes are not that.
        var (lenient, replaced) = Replaced(b, 0);
        if (replaced <= Math.Max(2, lenient.Length / 200) && lenient.Any(c => c > '\u007F' && c != '\uFFFD')) return Lenient(b, 0);

        // Otherwise let a charset detector (uchardet's statistics) name the encoding: GB18030 and Big5 Chinese pages,
        // Windows-1252 English ones. What it cannot name with some confidence is not read as text.
        var detected = UtfUnknown.CharsetDetector.DetectFromBytes(b).Detected;
        if (detected?.Encoding is { } enc && detected.Confidence >= MinConfidence)
            return (enc.GetString(b), $"encoding: not valid UTF-8; decoded as {Display(detected.EncodingName)} (detected, confidence {detected.Confidence.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}), check accented letters, quotes and Chinese characters", null);
        return (null, null, "undecodable: not valid UTF-8, and no text encoding could be detected with confidence (binary, or an unusual encoding: convert it to UTF-8)");
    }

    static string Display(string name) =>
        name.StartsWith("windows-", StringComparison.OrdinalIgnoreCase) ? "Windows-" + name["windows-".Length..] : name.ToUpperInvariant();

    /// <summary>Lowest detector confidence accepted for a non-UTF-8 file.</summary>
    const float MinConfidence = 0.5f;

    static (string Text, string? Warning, string? Error) Lenient(byte[] b, int offset)
    {
        var (text, replaced) = Replaced(b, offset);
        return (text, $"encoding: UTF-8 with {replaced} invalid byte sequence(s), each shown as U+FFFD", null);
    }

    /// <summary>The bytes decoded as UTF-8 with invalid sequences replaced, and how many were.</summary>
    static (string Text, int Replaced) Replaced(byte[] b, int offset)
    {
        var text = new UTF8Encoding(false, false).GetString(b, offset, b.Length - offset);
        var strictCount = 0;
        foreach (var c in text) if (c == '\uFFFD') strictCount++;
        return (text, strictCount);
    }

    static string? Strict(Encoding e, byte[] b, int offset)
    {
        try { return e.GetString(b, offset, b.Length - offset); }
        catch (DecoderFallbackException) { return null; }
    }

    static Encoding? GuessUtf16(byte[] b)
    {
        if (b.Length < 4 || b.Length % 2 != 0) return null;
        int evenZeros = 0, oddZeros = 0, pairs = b.Length / 2;
        for (var i = 0; i + 1 < b.Length; i += 2)
        {
            if (b[i] == 0) evenZeros++;
            if (b[i + 1] == 0) oddZeros++;
        }
        if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return new UnicodeEncoding(false, false);
        if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return new UnicodeEncoding(true, false);
        return null;
    }

    static double ControlRatio(byte[] b)
    {
        var n = Math.Min(b.Length, 8192);
        var c = 0;
        for (var i = 0; i < n; i++)
            if (b[i] < 0x20 && b[i] is not (0x09 or 0x0A or 0x0D or 0x0C)) c++;
        return (double)c / n;
    }
}
