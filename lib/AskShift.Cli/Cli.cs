namespace AskShift.Cli;

/// <summary>Exit codes shared by every command, so scripts can tell bad input from a failed run.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;
}
