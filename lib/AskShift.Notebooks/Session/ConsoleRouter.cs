using System.Text;

namespace AskShift.Notebooks;

/// <summary>
/// Routes Console.Out/Console.Error to the cell running on the current async flow. Console is process-wide, so it is
/// replaced once by writers that look up the current cell through an AsyncLocal: concurrent sessions (tests, a kernel
/// and a runner in one process) never see each other's output, and code outside any cell writes to the real console.
/// </summary>
internal static class ConsoleRouter
{
    private static readonly AsyncLocal<CellContext?> current = new();
    private static int installed;

    /// <summary>The console's stderr before routing, for engine diagnostics that must not land in a cell.</summary>
    public static readonly TextWriter OriginalError = Console.Error;

    private static readonly TextWriter originalOut = Console.Out;

    public static CellContext? Current
    {
        get => current.Value;
        set => current.Value = value;
    }

    public static void Install()
    {
        if (Interlocked.Exchange(ref installed, 1) == 1) return;
        Console.SetOut(TextWriter.Synchronized(new RoutingWriter("stdout", originalOut)));
        Console.SetError(TextWriter.Synchronized(new RoutingWriter("stderr", OriginalError)));
    }

    private sealed class RoutingWriter(string name, TextWriter fallback) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => Write(value.ToString());

        public override void Write(string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            var cell = current.Value;
            if (cell is null) fallback.Write(value);
            else cell.WriteStream(name, value);
        }

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void WriteLine(string? value) => Write((value ?? "") + "\n");

        public override void WriteLine() => Write("\n");

        public override void Flush()
        {
            if (current.Value is null) fallback.Flush();
        }
    }
}
