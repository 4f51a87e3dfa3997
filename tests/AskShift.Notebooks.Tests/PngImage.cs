using System.Buffers.Binary;
using System.IO.Compression;

namespace AskShift.Notebooks.Tests;

/// <summary>
/// A minimal PNG decoder (8-bit RGB/RGBA, non-interlaced: what Chromium writes) so tests can look at the pixels of a
/// chart picture; System.Drawing does not exist on Linux.
/// </summary>
internal sealed record PngImage(int Width, int Height, int Channels, byte[] Pixels)
{
    public static PngImage Decode(byte[] png)
    {
        byte[] signature = [137, 80, 78, 71, 13, 10, 26, 10];
        if (!png.AsSpan(0, 8).SequenceEqual(signature)) throw new InvalidDataException("not a PNG");
        int width = 0, height = 0, channels = 0;
        var idat = new MemoryStream();
        for (var pos = 8; pos < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            var type = System.Text.Encoding.ASCII.GetString(png, pos + 4, 4);
            var data = png.AsSpan(pos + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                if (data[8] != 8 || data[12] != 0) throw new InvalidDataException("only 8-bit non-interlaced PNGs");
                channels = data[9] switch { 2 => 3, 6 => 4, _ => throw new InvalidDataException($"colour type {data[9]}") };
            }
            else if (type == "IDAT") idat.Write(data);
            else if (type == "IEND") break;
            pos += 12 + length;
        }
        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        var raw = new MemoryStream();
        z.CopyTo(raw);
        return new PngImage(width, height, channels, Unfilter(raw.ToArray(), width, height, channels));
    }

    private static byte[] Unfilter(byte[] raw, int width, int height, int bpp)
    {
        var stride = width * bpp;
        var result = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            for (var x = 0; x < stride; x++)
            {
                int a = x >= bpp ? result[y * stride + x - bpp] : 0;
                int b = y > 0 ? result[(y - 1) * stride + x] : 0;
                int c = x >= bpp && y > 0 ? result[(y - 1) * stride + x - bpp] : 0;
                int v = raw[y * (stride + 1) + 1 + x];
                result[y * stride + x] = (byte)(filter switch
                {
                    0 => v,
                    1 => v + a,
                    2 => v + b,
                    3 => v + (a + b) / 2,
                    4 => v + Paeth(a, b, c),
                    _ => throw new InvalidDataException($"filter {filter}"),
                });
            }
        }
        return result;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    /// <summary>Pixels whose RGB colour satisfies <paramref name="match"/>.</summary>
    public int Count(Func<byte, byte, byte, bool> match)
    {
        var count = 0;
        for (var i = 0; i < Width * Height; i++)
            if (match(Pixels[i * Channels], Pixels[i * Channels + 1], Pixels[i * Channels + 2])) count++;
        return count;
    }

    /// <summary>Pixels whose colour differs from the top-left corner (the background).</summary>
    public int CountNonBackground()
    {
        var count = 0;
        for (var i = 0; i < Width * Height; i++)
            for (var ch = 0; ch < 3; ch++)
                if (Pixels[i * Channels + ch] != Pixels[ch]) { count++; break; }
        return count;
    }
}
