namespace CastTools.Render.Pipeline;

/// <summary>What an encoder learns before the first frame.</summary>
/// <param name="Width">Canvas width in pixels (the largest terminal of the recording, plus padding).</param>
/// <param name="Height">Canvas height in pixels.</param>
/// <param name="Columns">Terminal columns the canvas is sized for (the largest in the recording).</param>
/// <param name="Rows">Terminal rows the canvas is sized for.</param>
/// <param name="LoopCount">How many times the animation plays in total; 0 means forever.</param>
/// <param name="OutputPath">The file behind the output stream, for encoders that hand a path to an external tool; may be null.</param>
/// <param name="Options">All render options, for encoders that need the look (SVG) or their own settings.</param>
public sealed record FrameStreamInfo(
    int Width,
    int Height,
    int Columns,
    int Rows,
    int LoopCount,
    string? OutputPath,
    RenderOptions Options);
