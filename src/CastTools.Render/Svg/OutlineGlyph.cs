namespace CastTools.Render.Svg;

/// <summary>One glyph of an <see cref="OutlineFont"/>: its advance and closed quadratic contours, in font units.</summary>
internal sealed class OutlineGlyph
{
    public OutlineGlyph(int advance, IReadOnlyList<FontPoint[]> contours)
    {
        Advance = advance;
        Contours = contours;
        if (contours.Count == 0)
        {
            return;
        }

        // Measured once: the writer needs the extent for the glyph, hmtx and the font's header.
        (XMin, YMin, XMax, YMax) = (int.MaxValue, int.MaxValue, int.MinValue, int.MinValue);
        foreach (FontPoint[] contour in contours)
        {
            foreach (FontPoint p in contour)
            {
                XMin = Math.Min(XMin, p.X);
                YMin = Math.Min(YMin, p.Y);
                XMax = Math.Max(XMax, p.X);
                YMax = Math.Max(YMax, p.Y);
            }
        }
    }

    public int Advance { get; }

    public IReadOnlyList<FontPoint[]> Contours { get; }

    // The extent of every point, control points included (all zero for a glyph without contours).
    public int XMin { get; }

    public int YMin { get; }

    public int XMax { get; }

    public int YMax { get; }

    /// <summary>Whether the glyph reaches above <paramref name="top"/> or below <paramref name="bottom"/> (font units, y up).</summary>
    public bool ReachesOutside(int top, int bottom) => Contours.Count > 0 && (YMax > top || YMin < bottom);
}
