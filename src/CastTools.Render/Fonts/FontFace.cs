using SkiaSharp;

namespace CastTools.Render;

/// <summary>One font family in the fallback chain: up to four style files (missing styles are synthesised from the
/// regular one) plus what HarfBuzz needs to shape graphemes with it.</summary>
internal sealed class FontFace : IDisposable
{
    private readonly HarfBuzzSharp.Font?[] _shapers = new HarfBuzzSharp.Font?[4];
    private readonly List<IDisposable> _shaperParts = [];
    private readonly SKFont?[] _lookup = new SKFont?[4];

    public FontFace(string name, string path, int index, SKTypeface regular)
    {
        Name = name;
        Path = path;
        Index = index;
        Typefaces[0] = regular;
        Paths[0] = (path, index);
        IsColor = HasColorTables(regular);
        UnitsPerEm = regular.UnitsPerEm;
    }

    public string Name { get; }

    public string Path { get; }

    public int Index { get; }

    /// <summary>Regular, bold, italic, bold italic; null where the family has no such file.</summary>
    public SKTypeface?[] Typefaces { get; } = new SKTypeface?[4];

    /// <summary>File and face index of each style in <see cref="Typefaces"/>.</summary>
    public (string Path, int Index)[] Paths { get; } = new (string, int)[4];

    /// <summary>A colour font (COLR, CBDT or sbix): its glyphs carry their own colours and are never synthesised.</summary>
    public bool IsColor { get; }

    public int UnitsPerEm { get; }

    public SKTypeface Regular => Typefaces[0]!;

    /// <summary>The glyph id of <paramref name="codePoint"/> in one style's file, 0 when absent or no such file.</summary>
    public ushort GlyphOf(int slot, int codePoint)
    {
        if (Typefaces[slot] is not { } typeface)
        {
            return 0;
        }

        SKFont font = _lookup[slot] ??= new SKFont(typeface, 12);
        return font.GetGlyph(codePoint);
    }

    /// <summary>HarfBuzz font for one style's file, scaled to font units (created on first use).</summary>
    public HarfBuzzSharp.Font GetShaper(int slot)
    {
        if (_shapers[slot] is { } shaper)
        {
            return shaper;
        }

        var blob = HarfBuzzSharp.Blob.FromFile(Paths[slot].Path);
        var face = new HarfBuzzSharp.Face(blob, Paths[slot].Index);
        var font = new HarfBuzzSharp.Font(face);
        font.SetScale(UnitsPerEm, UnitsPerEm);
        _shaperParts.Add(font);
        _shaperParts.Add(face);
        _shaperParts.Add(blob);
        return _shapers[slot] = font;
    }

    public void Dispose()
    {
        foreach (SKFont? font in _lookup)
        {
            font?.Dispose();
        }

        foreach (IDisposable part in _shaperParts)
        {
            part.Dispose();
        }

        foreach (SKTypeface? typeface in Typefaces)
        {
            typeface?.Dispose();
        }
    }

    private static bool HasColorTables(SKTypeface typeface)
    {
        foreach (uint tag in typeface.GetTableTags())
        {
            if (tag is 0x434F4C52 /* COLR */ or 0x43424454 /* CBDT */ or 0x73626978 /* sbix */)
            {
                return true;
            }
        }

        return false;
    }
}
