namespace CastTools.Render;

/// <summary>Where a render is: frames written so far and the position on the output timeline.</summary>
public readonly record struct RenderProgress(int Frames, long TimeUs, long TotalUs);
