namespace CastTools.Render;

/// <summary>What a render produced.</summary>
/// <param name="Format">The output format used (gif, png, txt, json, ...).</param>
/// <param name="Frames">Unique frames handed to the encoder (1 for stills).</param>
/// <param name="DurationUs">Length of the output timeline in microseconds, including the last frame's hold.</param>
/// <param name="Width">Canvas width in pixels (0 for text outputs).</param>
/// <param name="Height">Canvas height in pixels (0 for text outputs).</param>
/// <param name="Warnings">Non-fatal problems met while reading the recording (a cut-off last line).</param>
public sealed record RenderResult(string Format, int Frames, long DurationUs, int Width, int Height, IReadOnlyList<string> Warnings);
