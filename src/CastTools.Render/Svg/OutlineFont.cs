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

    private readonly Dictionary<int, (string Source, OutlineGlyph? Glyph)> _glyphs = [];

    /// <summary>Code points mapped to a glyph.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Maps <paramref name="codePoint"/> to the shape known as <paramref name="source"/> (made by
    /// <paramref name="make"/> the first time; null when it cannot be a font glyph). False when the code point
    /// already shows another shape, or this one cannot be in the font.
    /// </summary>
    public bool TryAdd<TState>(int codePoint, string source, TState state, Func<TState, OutlineGlyph?> make)
    {
        if (_glyphs.TryGetValue(codePoint, out (string Source, OutlineGlyph? Glyph) known))
        {
            return known.Glyph is not null && string.Equals(known.Source, source, StringComparison.Ordinal);
        }

        if (Count >= MaxGlyphs)
        {
            return false;
        }

        OutlineGlyph? glyph = make(state);
        _glyphs.Add(codePoint, (source, glyph));
        Count += glyph is null ? 0 : 1;
        return glyph is not null;
    }

    /// <summary>The face as a WOFF file.</summary>
    public byte[] ToWoff(TrueTypeWriter.Face face)
    {
        var glyphs = _glyphs.Where(g => g.Value.Glyph is not null).OrderBy(g => g.Key).Select(g => (g.Key, g.Value.Glyph!)).ToList();
        return WoffWriter.Wrap(TrueTypeWriter.Write(face, glyphs));
    }
}
