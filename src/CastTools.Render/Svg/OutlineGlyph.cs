namespace CastTools.Render.Svg;

/// <summary>One glyph of an <see cref="OutlineFont"/>: its advance and closed quadratic contours, in font units.</summary>
internal sealed record OutlineGlyph(int Advance, IReadOnlyList<FontPoint[]> Contours)
{
    /// <summary>The glyph's ink extent (all zero for a glyph without contours).</summary>
    public (int XMin, int YMin, int XMax, int YMax) Bounds
    {
        get
        {
            if (Contours.Count == 0)
            {
                return default;
            }

            int xMin = int.MaxValue, yMin = int.MaxValue, xMax = int.MinValue, yMax = int.MinValue;
            foreach (FontPoint[] contour in Contours)
            {
                foreach (FontPoint p in contour)
                {
                    xMin = Math.Min(xMin, p.X);
                    yMin = Math.Min(yMin, p.Y);
                    xMax = Math.Max(xMax, p.X);
                    yMax = Math.Max(yMax, p.Y);
                }
            }

            return (xMin, yMin, xMax, yMax);
        }
    }
}
