using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using AskShift.Kernel.Spec;

namespace AskShift.Kernel.Tests;

public class KernelSpecTests
{
    [Fact]
    public void Argv_UnderDotnetHost_RunsTheDllByAbsolutePath()
    {
        var argv = KernelSpecInstaller.StartArgv("/usr/share/dotnet/dotnet", "/opt/askshift/bin/");
        Assert.Equal(["/usr/share/dotnet/dotnet", "/opt/askshift/bin/askshift.dll", "kernel", "start", "--connection-file", "{connection_file}"], argv);
    }

    [Fact]
    public void Argv_UnderApphost_RunsTheExecutable()
    {
        var argv = KernelSpecInstaller.StartArgv("/opt/askshift/bin/askshift", "/opt/askshift/bin/");
        Assert.Equal(["/opt/askshift/bin/askshift", "kernel", "start", "--connection-file", "{connection_file}"], argv);
    }

    [Fact]
    public void Install_WritesASpecThatJupyterClientReads()
    {
        var prefix = Directory.CreateTempSubdirectory("askshift-spec").FullName;
        try
        {
            var dir = KernelSpecInstaller.Install(KernelSpecInstaller.PrefixKernelsDirectory(prefix), "askshift-csharp",
                KernelSpecInstaller.StartArgv("/usr/bin/dotnet", "/x/"));
            Assert.Equal(Path.Combine(prefix, "share", "jupyter", "kernels", "askshift-csharp"), dir);

            var psi = new ProcessStartInfo("/usr/bin/python3", ["-c",
                "import json; from jupyter_client.kernelspec import KernelSpecManager as M; s = M().get_kernel_spec('askshift-csharp'); " +
                "print(json.dumps({'argv': s.argv, 'display_name': s.display_name, 'language': s.language, 'interrupt_mode': s.interrupt_mode, " +
                "'resources': sorted(M().get_all_specs()['askshift-csharp']['resource_dir'] and __import__('os').listdir(s.resource_dir))}))"])
            { RedirectStandardOutput = true, RedirectStandardError = true };
            psi.Environment["JUPYTER_PATH"] = Path.Combine(prefix, "share", "jupyter");
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEnd();
            var stderr = p.StandardError.ReadToEnd();
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, stderr);
            var spec = JsonNode.Parse(stdout)!;
            Assert.Equal("C# (AskShift)", (string)spec["display_name"]!);
            Assert.Equal("C#", (string)spec["language"]!);
            Assert.Equal("message", (string)spec["interrupt_mode"]!);
            Assert.Equal("{connection_file}", (string)spec["argv"]!.AsArray().Last()!);
            Assert.Contains("logo-32x32.png", spec["resources"]!.AsArray().Select(n => (string)n!));
            Assert.Contains("logo-64x64.png", spec["resources"]!.AsArray().Select(n => (string)n!));
        }
        finally { Directory.Delete(prefix, true); }
    }

    [Fact]
    public void Install_RejectsNamesJupyterWouldNotFind()
    {
        var e = Assert.Throws<ArgumentException>(() => KernelSpecInstaller.Install(Path.GetTempPath(), "my kernel/1", ["x"]));
        Assert.Contains("my kernel/1", e.Message);
    }

    [Fact]
    public void Crc32_GivesTheStandardCheckValue() => Assert.Equal(0xCBF43926u, Logo.Crc32("123456789"u8));

    [Theory]
    [InlineData(32)]
    [InlineData(64)]
    public void Logo_IsAValidPngOfTheSizeWithTheSharpSignDrawn(int size)
    {
        var png = Logo.Png(size);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        var (w, h, pixels) = DecodeRgba(png);
        Assert.Equal((size, size), (w, h));
        var colours = Enumerable.Range(0, w * h).Select(i => BitConverter.ToUInt32(pixels, i * 4)).Distinct().ToList();
        Assert.Equal(3, colours.Count); // transparent corners, purple tile, white sign
        Assert.Equal(0u, BitConverter.ToUInt32(pixels, 0)); // top-left corner is rounded away
    }

    /// <summary>Independent reader: walks the chunks, checks every CRC, inflates IDAT and strips filter bytes.</summary>
    private static (int W, int H, byte[] Rgba) DecodeRgba(byte[] png)
    {
        int pos = 8, w = 0, h = 0;
        using var idat = new MemoryStream();
        while (pos < png.Length)
        {
            var len = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            var type = System.Text.Encoding.ASCII.GetString(png, pos + 4, 4);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(pos + 8 + len));
            Assert.Equal(crc, Logo.Crc32(png.AsSpan(pos + 4, 4 + len)));
            if (type == "IHDR") { w = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos + 8)); h = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos + 12)); }
            if (type == "IDAT") idat.Write(png, pos + 8, len);
            pos += 12 + len;
        }
        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        z.CopyTo(raw);
        var bytes = raw.ToArray();
        var rgba = new byte[w * h * 4];
        for (var y = 0; y < h; y++)
        {
            Assert.Equal(0, bytes[y * (w * 4 + 1)]);
            Array.Copy(bytes, y * (w * 4 + 1) + 1, rgba, y * w * 4, w * 4);
        }
        return (w, h, rgba);
    }
}
