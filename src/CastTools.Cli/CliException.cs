namespace CastTools.Cli;

/// <summary>A failure the CLI reports as one line with a chosen exit code.</summary>
public sealed class CliException : Exception
{
    public CliException(string message, int exitCode, Exception? inner = null)
        : base(message, inner)
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; }
}
