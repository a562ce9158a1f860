using CastTools.Asciicast;
namespace CastTools.Recording;

/// <summary>What to run in a new PTY session and how.</summary>
public sealed record PtyStartInfo
{
    /// <summary>argv; <c>Arguments[0]</c> is looked up in PATH when it has no slash.</summary>
    public required IReadOnlyList<string> Arguments { get; init; }

    /// <summary>The child's whole environment, as <c>NAME=value</c> entries. See <see cref="PtyEnvironment"/>.</summary>
    public required IReadOnlyList<string> Environment { get; init; }

    public TerminalSize Size { get; init; } = WindowSize.Default;

    /// <summary>Working directory; null keeps ours.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>
    /// Terminal modes to give the child, taken from the user's terminal (interactive recording). Null keeps the new
    /// PTY's defaults. IUTF8 is turned on either way.
    /// </summary>
    internal Interop.Termios? Modes { get; init; }
}
