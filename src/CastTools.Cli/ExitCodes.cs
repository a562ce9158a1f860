namespace CastTools.Cli;

/// <summary>Process exit codes; documented in the README. Distinct per kind of failure so scripts can tell them apart.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>An unexpected internal error (a bug): reported with its type, stack trace under --verbose.</summary>
    public const int InternalError = 1;

    /// <summary>The command line was wrong: unknown option, bad value.</summary>
    public const int Usage = 2;

    /// <summary>An input recording is malformed (the message names file and line).</summary>
    public const int InvalidInput = 3;

    /// <summary>A file could not be read or written (missing, permission, refusing to overwrite).</summary>
    public const int Io = 4;

    /// <summary>A theme, font or other rendering resource is unknown or unusable.</summary>
    public const int Resource = 5;

    /// <summary>An external program casttools needs (ffmpeg) is missing or failed.</summary>
    public const int ExternalTool = 6;

    /// <summary>The recorded command could not be found (as a shell does).</summary>
    public const int CommandNotFound = 127;

    /// <summary>The recorded command was found but could not be executed (as a shell does).</summary>
    public const int CommandNotExecutable = 126;
}
