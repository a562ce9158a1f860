namespace CastTools.Recording;

/// <summary>How a recording ended.</summary>
/// <param name="Status">The recorded command's exit status.</param>
/// <param name="Duration">Microseconds recorded (paused time excluded).</param>
/// <param name="Interactive">Whether the user's terminal was used.</param>
public sealed record RecordResult(PtyExitStatus Status, long Duration, bool Interactive);
