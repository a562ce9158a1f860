using SkiaSharp;

namespace CastTools.Render.Svg;

/// <summary>Walks a Skia path's verbs once for the writers that turn outlines into SVG path data or font contours.</summary>
internal static class PathSegments
{
    public static void Walk(SKPath path, IPathSink sink)
    {
        using SKPath.RawIterator iterator = path.CreateRawIterator();
        var points = new SKPoint[4];
        SKPathVerb verb;
        while ((verb = iterator.Next(points)) != SKPathVerb.Done)
        {
            switch (verb)
            {
                case SKPathVerb.Move:
                    sink.Move(points[0]);
                    break;
                case SKPathVerb.Line:
                    sink.Line(points[1]);
                    break;
                case SKPathVerb.Quad:
                    sink.Quad(points[1], points[2]);
                    break;
                case SKPathVerb.Conic:
                    // Rare in fonts (arcs of the procedural geometry); two levels of quads are exact at cell sizes.
                    SKPoint[] quads = SKPath.ConvertConicToQuads(points[0], points[1], points[2], iterator.ConicWeight(), 2);
                    for (int i = 1; i + 1 < quads.Length; i += 2)
                    {
                        sink.Quad(quads[i], quads[i + 1]);
                    }

                    break;
                case SKPathVerb.Cubic:
                    sink.Cubic(points[0], points[1], points[2], points[3]);
                    break;
                case SKPathVerb.Close:
                    sink.Close();
                    break;
            }
        }
    }
}
