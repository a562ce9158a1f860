using CastTools.Vt;

namespace CastTools.Render.Pipeline;

/// <summary>The screen as it is from <see cref="Time"/> (microseconds on the shaped timeline) until the next one.</summary>
public readonly record struct TimedSnapshot(long Time, ScreenSnapshot Snapshot);
