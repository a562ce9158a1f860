namespace CastTools.Recording;

/// <summary>What to record and how; the meanings follow asciinema 3's <c>rec</c> options.</summary>
public sealed record RecordOptions
{
    /// <summary>The output file.</summary>
    public required string OutputPath { get; init; }

    /// <summary>Null picks asciicast v3, txt for a <c>.txt</c> path, or the existing file's version when appending.</summary>
    public RecordingFormat? Format { get; init; }

    /// <summary>Run as <c>/bin/sh -c COMMAND</c>; null runs <c>$SHELL</c>, else <c>/bin/sh</c>.</summary>
    public string? Command { get; init; }

    /// <summary>Record keyboard input as <c>i</c> events.</summary>
    public bool CaptureInput { get; init; }

    /// <summary>Environment variables stored in the header (when set).</summary>
    public IReadOnlyList<string> CaptureEnv { get; init; } = ["SHELL"];

    public bool Append { get; init; }

    public bool Overwrite { get; init; }

    public string? Title { get; init; }

    /// <summary>Seconds; written to the header only, the timing is kept as captured.</summary>
    public double? IdleTimeLimit { get; init; }

    /// <summary>Do not use the terminal even if there is one.</summary>
    public bool Headless { get; init; }

    /// <summary>Fixed width; null takes the terminal's (80 headless).</summary>
    public int? Columns { get; init; }

    /// <summary>Fixed height; null takes the terminal's (24 headless).</summary>
    public int? Rows { get; init; }

    /// <summary>Interactive only: this key toggles pause (not passed on). Default ctrl+\ as asciinema; null disables.</summary>
    public byte? PauseKey { get; init; } = 0x1c;

    /// <summary>Interactive only: this key adds a marker (not passed on). Null (the default) disables.</summary>
    public byte? MarkerKey { get; init; }

    /// <summary>Where notices go (recording started/finished); null prints nothing.</summary>
    public TextWriter? Notices { get; init; }

    /// <summary>The environment the command starts from; null takes ours.</summary>
    public System.Collections.IDictionary? Environment { get; init; }

    /// <summary>The working directory of the command; null keeps ours.</summary>
    public string? WorkingDirectory { get; init; }
}
