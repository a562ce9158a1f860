namespace CastTools.Recording;

/// <summary>
/// Receives output on the session's reader thread, in order, as it is read from the PTY. <paramref name="time"/> is
/// microseconds since the session started. The span is only valid during the call. Blocking here blocks the reader,
/// which (through the kernel's PTY buffer) slows the child down rather than buffering without bound.
/// </summary>
public delegate void PtyOutputHandler(long time, ReadOnlySpan<byte> data);
