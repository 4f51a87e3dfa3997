using System.Buffers.Binary;
using System.IO.Compression;

namespace AskShift.Kernel.Spec;

/// <summary>
/// Paints the kernelspec logo (a purple tile with a white <c>#</c>) as PNG at any size, so the install needs no
/// image files or imaging library. Jupyter front ends show logo-32x32.png and logo-64x64.png in their kernel pickers.
/// </summary>
public static class Logo
{
    public static byte[] Png(int size)
    {
        if (size is < 8 or > 1024) throw new ArgumentOutOfRangeException(nameof(size), size, "Logo size must be 8-1024 pixels.");
        var rgba = new byte[size * size * 4];
        double r = size * 0.18, bar = Math.Max(1, size * 0.08);
        for (var y = 0; y < size; y++)
        for (var x = 0; x < size; x++)
        {
            var i = (y * size + x) * 4;
            if (!InsideRoundedSquare(x + 0.5, y + 0.5, size, r)) continue; // transparent corner
            var white = IsHashStroke(x + 0.5, y + 0.5, size, bar);
            rgba[i] = white ? (byte)255 : (byte)0x68;
            rgba[i + 1] = white ? (byte)255 : (byte)0x21;
            rgba[i + 2] = white ? (byte)255 : (byte)0x7A;
            rgba[i + 3] = 255;
        }
        return Encode(size, size, rgba);
    }

    private static bool InsideRoundedSquare(double x, double y, int size, double r)
    {
        var cx = Math.Clamp(x, r, size - r);
        var cy = Math.Clamp(y, r, size - r);
        return (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r;
    }

    private static bool IsHashStroke(double x, double y, int size, double bar)
    {
        double lo = size * 0.25, hi = size * 0.75;
        if (x < lo || x > hi || y < lo || y > hi) return false;
        bool Near(double v, double at) => Math.Abs(v - at) <= bar / 2;
        // Two slightly slanted verticals and two horizontals, like the C# sharp sign.
        var slant = (size * 0.5 - y) * 0.15;
        return Near(x - slant, size * 0.42) || Near(x - slant, size * 0.58) || Near(y, size * 0.42) || Near(y, size * 0.58);
    }

    /// <summary>Minimal PNG: signature, IHDR (8-bit RGBA), one zlib IDAT, IEND.</summary>
    internal static byte[] Encode(int width, int height, byte[] rgba)
    {
        using var raw = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            raw.WriteByte(0); // filter: none
            raw.Write(rgba, y * width * 4, width * 4);
        }
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) raw.WriteTo(z);

        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; ihdr[9] = 6; // bit depth 8, colour type RGBA
        Chunk(png, "IHDR", ihdr);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        var typeAndData = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type, typeAndData);
        data.CopyTo(typeAndData, 4);
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32(typeAndData));
        png.Write(word);
    }

    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    internal static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in bytes) c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFFu;
    }
}
