namespace CastTools.Recording;

/// <summary>
/// The PTY could not be set up or the command could not be started. <see cref="ShellStatus"/> is what a shell would
/// exit with for the same failure (127 not found, 126 not executable), or 1 for anything else.
/// </summary>
public sealed class PtyException : Exception
{
    public PtyException(string message, int errorNumber, int shellStatus = 1)
        : base(message)
    {
        ErrorNumber = errorNumber;
        ShellStatus = shellStatus;
    }

    /// <summary>The errno behind the failure, or 0.</summary>
    public int ErrorNumber { get; }

    public int ShellStatus { get; }
}
