using SkiaSharp;

namespace CastTools.Render.Svg;

/// <summary>Receives a Skia path's segments from <see cref="PathSegments.Walk"/>, conics already made quadratics.</summary>
internal interface IPathSink
{
    void Move(SKPoint point);

    void Line(SKPoint point);

    void Quad(SKPoint control, SKPoint point);

    /// <param name="from">Where the segment starts (the previous point).</param>
    void Cubic(SKPoint from, SKPoint control1, SKPoint control2, SKPoint point);

    void Close();
}
