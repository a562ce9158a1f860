using SkiaSharp;

namespace CastTools.Render;

/// <summary>
/// The fonts of one rendering: user fonts first, then the bundled ones (JetBrains Mono, Nerd Font symbols, DejaVu
/// Sans Mono subset, Noto Sans Mono CJK subset, Twemoji), all loaded from files. Gives the cell metrics and, per code
/// point and style, the glyph to draw: found down the fallback chain once and cached (a flat array for the BMP).
/// Multi-code-point graphemes are shaped with HarfBuzz with programming ligatures off.
/// Font settings: grayscale antialiasing, no subpixel positioning, slight hinting.
/// Not thread-safe (one per rasteriser or encoder).
/// </summary>
public sealed partial class FontSet : IDisposable
{
    private static readonly string[] BundledFiles =
    [
        "NerdFontSymbols.subset.ttf",
        "DejaVuSansMono.subset.ttf",
        "NotoSansMonoCJKsc-Regular.subset.otf",
        "Twemoji.Mozilla.ttf",
    ];

    private readonly List<FontFace> _faces = [];
    private readonly List<SKFont> _fonts = [];
    // Keys are strings and ints and glyphs live in an array, not tuples and List<PlacedGlyph>: generic collections
    // over our own value types are not precompiled (ReadyToRun) and would be JIT-compiled on every run.
    private readonly Dictionary<string, int> _fontIds = new(StringComparer.Ordinal);
    private PlacedGlyph[] _placed = new PlacedGlyph[256];
    private int _placedCount;
    private readonly int[]?[] _bmpCache = new int[]?[8];
    private readonly Dictionary<int, int> _astralCache = [];
    private readonly Dictionary<string, PlacedGlyph[]> _graphemeCache = new(StringComparer.Ordinal);
    private readonly float _size;

    public FontSet(RenderStyle style)
    {
        ArgumentNullException.ThrowIfNull(style);
        style.Validate();
        _size = (float)(style.FontSize * style.Scale);
        try
        {
            LoadUserFonts(style);
            LoadBundledFonts();
            ComputeMetrics(style);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Font size in device pixels (font size x scale).</summary>
    public float SizePixels => _size;

    /// <summary>Cell width in device pixels: the primary font's advance, rounded, so every cell starts on a pixel.</summary>
    public int CellWidth { get; private set; }

    /// <summary>Cell (row) height in device pixels: font size x line height, rounded.</summary>
    public int CellHeight { get; private set; }

    /// <summary>Baseline offset from the top of a cell, in whole pixels; the primary font's ascent and descent are
    /// centred in the row.</summary>
    public int Baseline { get; private set; }

    /// <summary>Top of the underline from the top of the cell, and its thickness.</summary>
    public int UnderlineTop { get; private set; }

    public int LineThickness { get; private set; }

    /// <summary>Top of the overline from the top of the cell (the primary font's ascent line).</summary>
    public int OverlineTop { get; private set; }

    /// <summary>Top of the strikethrough line from the top of the cell.</summary>
    public int StrikeoutTop { get; private set; }

    /// <summary>The family names in fallback order, for diagnostics.</summary>
    public IReadOnlyList<string> FaceNames
    {
        get
        {
            var names = new string[_faces.Count];
            for (int i = 0; i < names.Length; i++)
            {
                names[i] = _faces[i].Name;
            }

            return names;
        }
    }

    /// <summary>The font behind <see cref="PlacedGlyph.FontId"/>.</summary>
    public SKFont GetFont(int fontId) => _fonts[fontId];

    /// <summary>
    /// The glyph for one code point in a cell <paramref name="cells"/> wide (1, or 2 for wide characters): the first
    /// font in the chain that has it, scaled down when it would not fit, centred horizontally. When no font has it,
    /// the primary font's missing-glyph box.
    /// </summary>
    public PlacedGlyph GetGlyph(int codePoint, GlyphStyle style, int cells)
    {
        int variant = ((int)style << 1) | (cells == 2 ? 1 : 0);
        if ((uint)codePoint < 0x10000)
        {
            int[] table = _bmpCache[variant] ??= new int[0x10000];
            int slot = table[codePoint];
            if (slot == 0)
            {
                slot = table[codePoint] = Place(Find(codePoint, style, cells == 2 ? 2 : 1));
            }

            return _placed[slot - 1];
        }

        int key = ((codePoint & 0x1FFFFF) << 3) | variant;
        if (!_astralCache.TryGetValue(key, out int index))
        {
            index = _astralCache[key] = Place(Find(codePoint, style, cells == 2 ? 2 : 1));
        }

        return _placed[index - 1];
    }

    // Keeps a found glyph; returns its 1-based slot.
    private int Place(PlacedGlyph glyph)
    {
        if (_placedCount == _placed.Length)
        {
            var bigger = new PlacedGlyph[_placed.Length * 2];
            Array.Copy(_placed, bigger, _placedCount);
            _placed = bigger;
        }

        _placed[_placedCount++] = glyph;
        return _placedCount;
    }

    /// <summary>
    /// The glyphs of a multi-code-point grapheme cluster (ZWJ emoji, flags, skin tones, combining marks), shaped by
    /// HarfBuzz in the first font that has every part, with positions relative to the cell. Cached.
    /// </summary>
    public PlacedGlyph[] GetGraphemeGlyphs(string grapheme, GlyphStyle style, int cells)
    {
        ArgumentNullException.ThrowIfNull(grapheme);
        cells = cells == 2 ? 2 : 1;
        string key = string.Concat(grapheme, "\u0000", ((char)('0' + (((int)style << 1) | (cells - 1)))).ToString());
        if (!_graphemeCache.TryGetValue(key, out PlacedGlyph[]? glyphs))
        {
            glyphs = Shape(grapheme, style, cells);
            _graphemeCache[key] = glyphs;
        }

        return glyphs;
    }

    public void Dispose()
    {
        foreach (SKFont font in _fonts)
        {
            font.Dispose();
        }

        _fonts.Clear();
        foreach (FontFace face in _faces)
        {
            face.Dispose();
        }

        _faces.Clear();
    }

    private void ComputeMetrics(RenderStyle style)
    {
        FontFace primary = _faces[0];
        foreach (FontFace face in _faces)
        {
            if (!face.IsColor && face.GlyphOf(0, 'M') != 0)
            {
                primary = face;
                break;
            }
        }

        using SKFont font = CreateFont(primary.Regular, _size, false, false);
        ushort m = font.GetGlyph('M');
        float advance = font.GetGlyphWidths([m])[0];
        if (advance <= 0)
        {
            advance = _size * 0.6f;
        }

        // The grid is laid out at scale 1 and then multiplied, so --scale 2 gives exactly twice the image size.
        double unscaledWidth = Math.Max(1, Math.Round(advance / style.Scale));
        CellWidth = Math.Max(1, (int)Math.Round(unscaledWidth * style.Scale));
        CellHeight = Math.Max(2, (int)Math.Round(Math.Round(style.FontSize * style.LineHeight) * style.Scale));
        font.GetFontMetrics(out SKFontMetrics metrics);
        float ascent = -metrics.Ascent;
        float descent = metrics.Descent;
        Baseline = (int)Math.Round(((CellHeight - (ascent + descent)) / 2) + ascent);
        Baseline = Math.Clamp(Baseline, 1, CellHeight - 1);
        LineThickness = Math.Max(1, (int)Math.Round(metrics.UnderlineThickness ?? (_size / 14)));
        int underline = Baseline + (int)Math.Round(metrics.UnderlinePosition ?? (_size / 10));
        UnderlineTop = Math.Clamp(underline, Baseline + 1, CellHeight - LineThickness);
        OverlineTop = Math.Max(0, Baseline - (int)Math.Round(ascent));
        float xHeight = metrics.XHeight > 0 ? metrics.XHeight : _size / 2;
        StrikeoutTop = Baseline - (int)Math.Round((metrics.StrikeoutPosition is { } s && s < 0 ? -s : xHeight / 2) + (LineThickness / 2.0));
    }

    private static SKFont CreateFont(SKTypeface typeface, float size, bool bold, bool italic) => new(typeface, size)
    {
        Edging = SKFontEdging.Antialias,
        Subpixel = false,
        Hinting = SKFontHinting.Slight,
        Embolden = bold,
        SkewX = italic ? -0.2f : 0f,
    };

    private int GetFontId(int faceIndex, int slot, bool bold, bool italic, float scale)
    {
        int scaleKey = (int)Math.Round(scale * 1024);
        string key = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{faceIndex}:{slot}:{(bold ? 1 : 0)}:{(italic ? 1 : 0)}:{scaleKey}");
        if (!_fontIds.TryGetValue(key, out int id))
        {
            FontFace face = _faces[faceIndex];
            _fonts.Add(CreateFont(face.GetTypeface(slot)!, _size * scaleKey / 1024f, bold, italic));
            id = _fontIds[key] = _fonts.Count - 1;
        }

        return id;
    }

    private PlacedGlyph Find(int codePoint, GlyphStyle style, int cells)
    {
        // Wide cells prefer colour emoji: many emoji also have a text glyph in a symbol font.
        if (cells == 2)
        {
            for (int i = 0; i < _faces.Count; i++)
            {
                if (_faces[i].IsColor && _faces[i].GlyphOf(0, codePoint) != 0)
                {
                    return Place(i, 0, _faces[i].GlyphOf(0, codePoint), false, false, cells);
                }
            }
        }

        int want = (int)style;
        for (int i = 0; i < _faces.Count; i++)
        {
            FontFace face = _faces[i];
            if (face.GlyphOf(want, codePoint) is var g and not 0)
            {
                return Place(i, want, g, false, false, cells);
            }

            ushort glyph = face.GlyphOf(0, codePoint);
            if (glyph != 0)
            {
                // Synthesise the missing style from the regular file (never for colour glyphs).
                bool bold = !face.IsColor && (want & 1) != 0;
                bool italic = !face.IsColor && (want & 2) != 0;
                return Place(i, 0, glyph, bold, italic, cells);
            }
        }

        return Place(0, 0, 0, false, false, cells);
    }

    private PlacedGlyph Place(int faceIndex, int slot, ushort glyph, bool bold, bool italic, int cells)
    {
        FontFace face = _faces[faceIndex];
        int baseId = GetFontId(faceIndex, slot, bold, italic, 1f);
        SKFont font = _fonts[baseId];
        Span<float> widths = stackalloc float[1];
        Span<SKRect> bounds = stackalloc SKRect[1];
        font.GetGlyphWidths([glyph], widths, bounds);
        float advance = widths[0];
        int target = cells * CellWidth;
        float scale = 1f;
        if (advance > target + 0.5f)
        {
            scale = target / advance;
        }

        if (face.IsColor && bounds[0].Height * scale > CellHeight)
        {
            scale = CellHeight / bounds[0].Height;
        }

        int id = scale == 1f ? baseId : GetFontId(faceIndex, slot, bold, italic, scale);
        int x = (int)Math.Round((target - (advance * scale)) / 2);
        int y = face.IsColor
            ? (int)Math.Round(((CellHeight - (bounds[0].Height * scale)) / 2) - (bounds[0].Top * scale))
            : Baseline;
        return new PlacedGlyph(id, _fonts[id], glyph, x, y, face.IsColor);
    }
}
