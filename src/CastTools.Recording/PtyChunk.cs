namespace CastTools.Recording;

/// <summary>A piece of output with the time it was read, in microseconds since the session started.</summary>
public readonly record struct PtyChunk(long Time, byte[] Data);
