namespace CastTools.Render.Svg;

/// <summary>
/// One face (regular, bold, italic or bold italic) of the font an SVG embeds in its default mode: the glyph
/// outlines the document draws (the same shapes the rasteriser draws), mapped from the code points that show them.
/// A code point maps to one shape per face; a cell needing another shape for it (another width, a fallback font
/// chosen differently) is drawn as a path instead.
/// </summary>
internal sealed class OutlineFont
{
    /// <summary>Bounds a format 4 cmap (8 bytes a segment, 64 KiB at most); beyond this, cells are drawn as paths.</summary>
    private const int MaxGlyphs = 6000;

    private readonly Dictionary<int, Entry> _glyphs = [];

    /// <summary>What a code point shows in this face so far.</summary>
    public enum Lookup
    {
        /// <summary>Not mapped yet: <see cref="Add"/> it.</summary>
        New,

        /// <summary>Mapped to this shape: draw the cell as text.</summary>
        Mapped,

        /// <summary>Mapped to another shape, cannot be a glyph, or the face is full: draw the cell as a path.</summary>
        Unavailable,
    }

    /// <summary>Code points mapped to a glyph.</summary>
    public int Count { get; private set; }

    /// <summary>Whether <paramref name="codePoint"/> can show the shape known as <paramref name="source"/>.</summary>
    public Lookup Find(int codePoint, string source)
    {
        if (_glyphs.TryGetValue(codePoint, out Entry? known))
        {
            return known.Glyph is not null && string.Equals(known.Source, source, StringComparison.Ordinal) ? Lookup.Mapped : Lookup.Unavailable;
        }

        return Count >= MaxGlyphs ? Lookup.Unavailable : Lookup.New;
    }

    /// <summary>Maps a new code point to a shape, or records that the shape cannot be a glyph (null).</summary>
    public void Add(int codePoint, string source, OutlineGlyph? glyph)
    {
        _glyphs.Add(codePoint, new Entry(source, glyph));
        Count += glyph is null ? 0 : 1;
    }

    /// <summary>The face as a WOFF file.</summary>
    public byte[] ToWoff(TrueTypeWriter.Face face)
    {
        var codePoints = new int[Count];
        int n = 0;
        foreach (KeyValuePair<int, Entry> entry in _glyphs)
        {
            if (entry.Value.Glyph is not null)
            {
                codePoints[n++] = entry.Key;
            }
        }

        Array.Sort(codePoints);
        var glyphs = new OutlineGlyph[codePoints.Length];
        for (int i = 0; i < codePoints.Length; i++)
        {
            glyphs[i] = _glyphs[codePoints[i]].Glyph!;
        }

        return WoffWriter.Wrap(TrueTypeWriter.Write(face, codePoints, glyphs));
    }

    private sealed record Entry(string Source, OutlineGlyph? Glyph);
}
