using System.Text;
using SkiaSharp;

namespace CastTools.Render.Svg;

/// <summary>
/// Compact SVG path data from an <see cref="SKPath"/>: coordinates on an integer grid of 1/<c>unitsPerPixel</c> px,
/// written relative to the previous point (short numbers, no repeated command letters), so a glyph outline costs a
/// fraction of <c>SKPath.ToSvgPathData()</c>'s absolute float form. Rounding happens on the absolute grid, so
/// relative steps never accumulate error.
/// </summary>
internal static class SvgPathData
{
    public static string From(SKPath path, double unitsPerPixel)
    {
        var builder = new StringBuilder(256);
        using SKPath.RawIterator iterator = path.CreateRawIterator();
        var points = new SKPoint[4];
        long x = 0;
        long y = 0;
        long startX = 0;
        long startY = 0;
        char last = '\0';
        SKPathVerb verb;
        while ((verb = iterator.Next(points)) != SKPathVerb.Done)
        {
            switch (verb)
            {
                case SKPathVerb.Move:
                    Command('m', points.AsSpan(0, 1));
                    startX = x;
                    startY = y;
                    break;
                case SKPathVerb.Line:
                    Command('l', points.AsSpan(1, 1));
                    break;
                case SKPathVerb.Quad:
                    Command('q', points.AsSpan(1, 2));
                    break;
                case SKPathVerb.Conic:
                    // Rare in fonts; approximate each conic with quads (exact for the glyph sizes involved).
                    SKPoint[] quads = SKPath.ConvertConicToQuads(points[0], points[1], points[2], iterator.ConicWeight(), 2);
                    for (int i = 1; i + 1 < quads.Length; i += 2)
                    {
                        Command('q', quads.AsSpan(i, 2));
                    }

                    break;
                case SKPathVerb.Cubic:
                    Command('c', points.AsSpan(1, 3));
                    break;
                case SKPathVerb.Close:
                    builder.Append('z');
                    last = 'z';
                    x = startX;
                    y = startY;
                    break;
            }
        }

        return builder.ToString();

        void Command(char command, ReadOnlySpan<SKPoint> target)
        {
            // After a move, further pairs would be implicit line-tos, so a repeated 'm' must stay explicit.
            bool first = command != last || command == 'm';
            if (first)
            {
                builder.Append(command);
            }

            long baseX = x;
            long baseY = y;
            foreach (SKPoint point in target)
            {
                long px = (long)Math.Round(point.X * unitsPerPixel, MidpointRounding.AwayFromZero);
                long py = (long)Math.Round(point.Y * unitsPerPixel, MidpointRounding.AwayFromZero);
                AppendValue(px - baseX, ref first);
                AppendValue(py - baseY, ref first);
                x = px;
                y = py;
            }

            last = command;
        }

        void AppendValue(long value, ref bool first)
        {
            // Numbers after the first need a separator unless the next one starts with '-'.
            if (!first && value >= 0)
            {
                builder.Append(' ');
            }

            builder.Append(value);
            first = false;
        }
    }
}
