namespace AskShift.Cli;

/// <summary>Exit codes shared by every command, so scripts can tell bad input from a failed run.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;
}

/// <summary>How the scoring commands print an ask in their per-document lists.</summary>
internal static class AskLines
{
    /// <summary>The ask on one line (whitespace collapsed), cut at 140 characters.</summary>
    public static string Shorten(string s)
    {
        s = string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return s.Length <= 140 ? s : s[..139] + "…";
    }
}
