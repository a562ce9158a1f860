using SkiaSharp;

namespace CastTools.Render.Svg;

/// <summary>
/// Turns a Skia path (pixels, y down) into TrueType contours (font units, y up, quadratic curves only), as
/// <see cref="OutlineFont"/> stores them. Points are rounded on the absolute unit grid, as <see cref="SvgPathData"/>
/// rounds, so the font draws the same shapes as the path definitions do.
/// </summary>
internal static class QuadraticOutline
{
    /// <summary>How far (font units) a cubic may stray from the quadratics that replace it (CFF fonts are cubic).</summary>
    private const double CubicTolerance = 0.5;

    /// <summary>
    /// The contours of <paramref name="path"/>, scaled by <paramref name="unitsPerPixel"/> with the y axis flipped
    /// about <paramref name="baseline"/> (pixels from the top); null when the path holds something a TrueType
    /// outline cannot (a fill rule other than non-zero winding).
    /// </summary>
    public static List<FontPoint[]>? From(SKPath path, double unitsPerPixel, double baseline)
    {
        if (path.FillType != SKPathFillType.Winding)
        {
            return null;
        }

        var builder = new Builder(unitsPerPixel, baseline);
        PathSegments.Walk(path, builder);
        return builder.Finish();
    }

    /// <summary>Collects the contours: scaled, flipped, rounded points, each contour tidied as it ends.</summary>
    private sealed class Builder(double unitsPerPixel, double baseline) : IPathSink
    {
        private readonly List<FontPoint[]> _contours = [];
        private readonly PointBuffer _current = new();

        public void Move(SKPoint point)
        {
            End(_contours, _current);
            _current.Add(Point(point, true));
        }

        public void Line(SKPoint point) => _current.Add(Point(point, true));

        public void Quad(SKPoint control, SKPoint point)
        {
            _current.Add(Point(control, false));
            _current.Add(Point(point, true));
        }

        public void Cubic(SKPoint from, SKPoint control1, SKPoint control2, SKPoint point) =>
            AddCubic(_current, Scaled(from), Scaled(control1), Scaled(control2), Scaled(point), 0);

        public void Close() => End(_contours, _current);

        public List<FontPoint[]> Finish()
        {
            End(_contours, _current);
            return _contours;
        }

        private Point2 Scaled(SKPoint p) => new(p.X * unitsPerPixel, (baseline - p.Y) * unitsPerPixel);

        private FontPoint Point(SKPoint p, bool on)
        {
            Point2 scaled = Scaled(p);
            return new FontPoint(Round(scaled.X), Round(scaled.Y), on);
        }
    }

    private static int Round(double value) => (int)Math.Round(value, MidpointRounding.AwayFromZero);

    /// <summary>
    /// A cubic as quadratics: one quadratic whose control point is where the cubic's two tangents meet on average,
    /// when that stays within <see cref="CubicTolerance"/> of the cubic; otherwise the halves, recursively.
    /// </summary>
    private static void AddCubic(PointBuffer contour, Point2 p0, Point2 c1, Point2 c2, Point2 p3, int depth)
    {
        // The error of the single-quadratic approximation is at most sqrt(3)/36 * |p3 - 3 c2 + 3 c1 - p0|.
        double ex = p3.X - (3 * c2.X) + (3 * c1.X) - p0.X;
        double ey = p3.Y - (3 * c2.Y) + (3 * c1.Y) - p0.Y;
        double error = Math.Sqrt(3) / 36 * Math.Sqrt((ex * ex) + (ey * ey));
        if (error <= CubicTolerance || depth >= 8)
        {
            double qx = ((3 * (c1.X + c2.X)) - p0.X - p3.X) / 4;
            double qy = ((3 * (c1.Y + c2.Y)) - p0.Y - p3.Y) / 4;
            contour.Add(new FontPoint(Round(qx), Round(qy), false));
            contour.Add(new FontPoint(Round(p3.X), Round(p3.Y), true));
            return;
        }

        // De Casteljau at t = 1/2.
        Point2 ab = Mid(p0, c1), bc = Mid(c1, c2), cd = Mid(c2, p3);
        Point2 abc = Mid(ab, bc), bcd = Mid(bc, cd);
        Point2 m = Mid(abc, bcd);
        AddCubic(contour, p0, ab, abc, m, depth + 1);
        AddCubic(contour, m, bcd, cd, p3, depth + 1);

        static Point2 Mid(Point2 a, Point2 b) => new((a.X + b.X) / 2, (a.Y + b.Y) / 2);
    }

    /// <summary>
    /// Ends the contour being built: drops repeated points and the closing point that repeats the first, leaves out
    /// on-curve points that sit halfway between two control points (TrueType implies them: the usual case for
    /// outlines that came from TrueType fonts), and keeps the contour when it can enclose an area.
    /// </summary>
    private static void End(List<FontPoint[]> contours, PointBuffer points)
    {
        if (points.Count == 0)
        {
            return;
        }

        var kept = new PointBuffer();
        for (int i = 0; i < points.Count; i++)
        {
            FontPoint p = points[i];
            if (kept.Count == 0 || kept[kept.Count - 1] != p)
            {
                kept.Add(p);
            }
        }

        while (kept.Count > 1 && kept[kept.Count - 1].OnCurve && kept[kept.Count - 1].X == kept[0].X && kept[kept.Count - 1].Y == kept[0].Y)
        {
            kept.RemoveAt(kept.Count - 1);
        }

        // The first point stays explicit, so every contour starts on the curve.
        for (int i = kept.Count - 2; i >= 1; i--)
        {
            FontPoint before = kept[i - 1], p = kept[i], after = kept[i + 1];
            if (p.OnCurve && !before.OnCurve && !after.OnCurve
                && Math.Abs((2 * p.X) - before.X - after.X) <= 1 && Math.Abs((2 * p.Y) - before.Y - after.Y) <= 1)
            {
                kept.RemoveAt(i);
            }
        }

        if (kept.Count >= 3)
        {
            contours.Add(kept.ToArray());
        }

        points.Clear();
    }

    private readonly record struct Point2(double X, double Y);

    /// <summary>A growable array of points (not a List: generic code over our structs is not precompiled).</summary>
    private sealed class PointBuffer
    {
        private FontPoint[] _items = new FontPoint[64];

        public int Count { get; private set; }

        public FontPoint this[int index] => _items[index];

        public void Add(FontPoint point)
        {
            if (Count == _items.Length)
            {
                var bigger = new FontPoint[_items.Length * 2];
                Array.Copy(_items, bigger, Count);
                _items = bigger;
            }

            _items[Count++] = point;
        }

        public void RemoveAt(int index)
        {
            Array.Copy(_items, index + 1, _items, index, Count - index - 1);
            Count--;
        }

        public void Clear() => Count = 0;

        public FontPoint[] ToArray()
        {
            var result = new FontPoint[Count];
            Array.Copy(_items, result, Count);
            return result;
        }
    }
}
