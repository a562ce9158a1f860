using SkiaSharp;

namespace CastTools.Render;

/// <summary>One font family in the fallback chain: up to four style files (missing styles are synthesised from the
/// regular one) plus what HarfBuzz needs to shape graphemes with it. A face made with <see cref="Deferred"/> opens
/// each file on first use: most recordings never reach the CJK, emoji or symbol fallbacks, and opening them all
/// cost more than rendering a small recording.</summary>
internal sealed class FontFace : IDisposable
{
    private readonly SKTypeface?[] _typefaces = new SKTypeface?[4];
    private readonly (string Path, int Index)?[] _files = new (string, int)?[4];
    private readonly List<IDisposable> _shaperParts = [];
    private readonly SKFont?[] _lookup = new SKFont?[4];
    private HarfBuzzSharp.Font?[]? _shapers;
    private string? _name;
    private bool? _isColor;

    /// <summary>A face whose regular file is already open.</summary>
    public FontFace(string name, string path, int index, SKTypeface regular)
    {
        _name = name;
        _typefaces[0] = regular;
        _files[0] = (path, index);
    }

    private FontFace(string? name, string path, int index)
    {
        _name = name;
        _files[0] = (path, index);
    }

    /// <summary>A face whose files are opened when first needed; <paramref name="name"/> null means the regular
    /// file's family name (which then opens it when asked for).</summary>
    public static FontFace Deferred(string? name, string path, int index) => new(name, path, index);

    public string Name => _name ??= Regular.FamilyName;

    /// <summary>A colour font (COLR, CBDT or sbix): its glyphs carry their own colours and are never synthesised.</summary>
    public bool IsColor => _isColor ??= HasColorTables(Regular);

    public int UnitsPerEm => Regular.UnitsPerEm;

    public SKTypeface Regular => GetTypeface(0)!;

    /// <summary>Whether the family has its own file for a style (regular, bold, italic, bold italic), without opening it.</summary>
    public bool HasStyle(int slot) => _files[slot] is not null;

    /// <summary>The typeface of one style, opened on first use; null where the family has no such file.</summary>
    public SKTypeface? GetTypeface(int slot)
    {
        if (_typefaces[slot] is { } open)
        {
            return open;
        }

        return _files[slot] is { } file ? _typefaces[slot] = FontSet.OpenTypeface(file.Path, file.Index) : null;
    }

    /// <summary>Adds a style file: <paramref name="typeface"/> already open, or null to open it on first use.</summary>
    public void SetStyle(int slot, string path, int index, SKTypeface? typeface)
    {
        _files[slot] = (path, index);
        _typefaces[slot] = typeface;
    }

    /// <summary>The glyph id of <paramref name="codePoint"/> in one style's file, 0 when absent or no such file.</summary>
    public ushort GlyphOf(int slot, int codePoint)
    {
        if (GetTypeface(slot) is not { } typeface)
        {
            return 0;
        }

        SKFont font = _lookup[slot] ??= new SKFont(typeface, 12);
        return font.GetGlyph(codePoint);
    }

    /// <summary>HarfBuzz font for one style's file, scaled to font units (created on first use).</summary>
    public HarfBuzzSharp.Font GetShaper(int slot)
    {
        _shapers ??= new HarfBuzzSharp.Font?[4];
        if (_shapers[slot] is { } shaper)
        {
            return shaper;
        }

        (string path, int index) = _files[slot]!.Value;
        var blob = HarfBuzzSharp.Blob.FromFile(path);
        var face = new HarfBuzzSharp.Face(blob, index);
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

        foreach (SKTypeface? typeface in _typefaces)
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
