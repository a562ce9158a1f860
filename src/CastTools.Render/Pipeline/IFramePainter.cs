using CastTools.Vt;

namespace CastTools.Render.Pipeline;

/// <summary>Turns snapshots into pixels on a fixed canvas; the pipeline's only view of the rasteriser.</summary>
internal interface IFramePainter : IDisposable
{
    int Width { get; }

    int Height { get; }

    /// <summary>Draws <paramref name="snapshot"/> (redrawing only what changed since the last call).</summary>
    void Draw(ScreenSnapshot snapshot);

    /// <summary>The canvas as opaque BGRA8888, <see cref="Stride"/> bytes per row; valid until the next draw.</summary>
    ReadOnlySpan<byte> Pixels { get; }

    int Stride { get; }

    /// <summary>Pixel rows [Top, Bottom) the last <see cref="Draw"/> changed; (0, 0) when none.</summary>
    (int Top, int Bottom) ChangedRows { get; }

    void SavePng(Stream output);
}
