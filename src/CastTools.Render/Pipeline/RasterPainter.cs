using CastTools.Vt;

namespace CastTools.Render.Pipeline;

/// <summary>The pipeline's painter: the Skia <see cref="Rasterizer"/> (dirty-row redraw, exact BGRA canvas).</summary>
internal sealed class RasterPainter : IFramePainter
{
    private readonly Rasterizer _rasterizer;

    public RasterPainter(RenderStyle style, int columns, int rows) => _rasterizer = new Rasterizer(style, columns, rows);

    public int Width => _rasterizer.Width;

    public int Height => _rasterizer.Height;

    public ReadOnlySpan<byte> Pixels => _rasterizer.Pixels;

    public int Stride => _rasterizer.Width * 4;

    public (int Top, int Bottom) ChangedRows => _rasterizer.ChangedRows;

    public void Draw(ScreenSnapshot snapshot) => _rasterizer.Draw(snapshot);

    public void SavePng(Stream output) => _rasterizer.SavePng(output);

    public void Dispose() => _rasterizer.Dispose();
}
