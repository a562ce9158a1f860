namespace CastTools.Recording;

/// <summary>
/// How the recorded process ended: an exit code, or the signal that killed it. <see cref="IsKnown"/> is false when
/// the status was lost (someone else reaped the child, as the .NET runtime does when running as PID 1).
/// </summary>
public readonly record struct PtyExitStatus(int ExitCode, int Signal, bool IsKnown)
{
    public static PtyExitStatus Unknown { get; } = new(-1, 0, false);

    public static PtyExitStatus Exited(int code) => new(code, 0, true);

    public static PtyExitStatus Signaled(int signal) => new(-1, signal, true);

    /// <summary>The status as a shell reports it in <c>$?</c>: the code, or 128 + signal; 255 when unknown.</summary>
    public int ShellStatus => !IsKnown ? 255 : Signal != 0 ? 128 + Signal : ExitCode;

    /// <summary>Decodes a <c>waitpid</c> status word.</summary>
    internal static PtyExitStatus FromWaitStatus(int status)
    {
        int low = status & 0x7f;
        if (low == 0)
        {
            return Exited((status >> 8) & 0xff);
        }

        return low != 0x7f ? Signaled(low) : Unknown;
    }

    public override string ToString() => !IsKnown ? "unknown" : Signal != 0 ? $"killed by signal {Signal}" : $"exit {ExitCode}";
}
