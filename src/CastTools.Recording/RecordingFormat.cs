namespace CastTools.Recording;

/// <summary>What <c>rec</c> writes, as asciinema 3's <c>--output-format</c>.</summary>
public enum RecordingFormat
{
    /// <summary>asciicast v3 (the default).</summary>
    AsciicastV3,

    /// <summary>asciicast v2 (asciinema 2.x).</summary>
    AsciicastV2,

    /// <summary>The output bytes only, no timing or metadata.</summary>
    Raw,

    /// <summary>The final screen and scrollback as plain text, through the terminal emulator.</summary>
    Txt,
}
