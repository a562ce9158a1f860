namespace CastTools.Recording.Sinks;

/// <summary>
/// Where a recording's events go. Calls are serialised by the recorder and times never go backwards. Every call
/// leaves the file valid up to that event (written and flushed), so a recorder killed at any moment leaves a
/// readable recording.
/// </summary>
internal interface IRecordingSink : IDisposable
{
    void Output(long time, ReadOnlySpan<byte> data);

    void Input(long time, ReadOnlySpan<byte> data);

    void Resize(long time, int columns, int rows);

    void Marker(long time, string label);

    void Exit(long time, PtyExitStatus status);

    /// <summary>Called once after the last event: finish the file (txt renders here).</summary>
    void Complete();
}
