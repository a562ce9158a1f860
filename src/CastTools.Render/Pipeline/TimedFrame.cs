using CastTools.Vt;

namespace CastTools.Render.Pipeline;

/// <summary>A frame of the output: the screen shown from <see cref="Time"/> for <see cref="Duration"/> microseconds.</summary>
public readonly record struct TimedFrame(long Time, long Duration, ScreenSnapshot Snapshot);
