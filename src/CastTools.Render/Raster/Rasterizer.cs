using CastTools.Vt;
using SkiaSharp;

namespace CastTools.Render;

/// <summary>
/// Turns <see cref="ScreenSnapshot"/>s into pixels. The canvas is sized once for the largest terminal of the recording
/// (<c>columns</c> x <c>rows</c> plus padding); each snapshot is drawn at its own size from the top-left, the rest
/// showing the background. <see cref="Draw"/> redraws only the rows that differ from the previous call (and the rows
/// the cursor left or entered); the result is pixel-identical to a full redraw because every row is drawn clipped
/// to its own band: backgrounds, then decorations, then glyphs.
/// <para>
/// Pixels: <see cref="Bitmap"/> is <see cref="SKColorType.Bgra8888"/>, <see cref="SKAlphaType.Opaque"/>, rows
/// <see cref="Width"/> x 4 bytes apart with no padding (byte order B, G, R, A; as little-endian uint 0xAARRGGBB).
/// Antialiasing coverage is snapped to <see cref="RenderStyle.CoverageLevels"/> levels, so text over one background
/// uses few distinct colours (GIF palettes stay exact).
/// </para>
/// </summary>
public sealed partial class Rasterizer : IDisposable
{
    private readonly RenderStyle _style;
    private readonly FontSet _fonts;
    private readonly bool _ownsFonts;
    private readonly ColorResolver _colors;
    private readonly ProceduralGlyphs _procedural;
    private readonly Dictionary<long, GlyphMask> _masks = [];
    private readonly SKBitmap _bitmap;
    private readonly Rgb[] _rowForeground;
    private readonly Rgb[] _rowBackground;
    private readonly Rgb[] _rowUnderline;
    private readonly int _padLeft;
    private readonly int _padTop;
    private readonly nint _pixels;
    private ScreenSnapshot? _previous;
    private int _colorVersion = -1;

    /// <summary>A rasteriser with its own <see cref="FontSet"/> for a canvas of <paramref name="columns"/> x <paramref name="rows"/> cells.</summary>
    public Rasterizer(RenderStyle style, int columns, int rows)
        : this(style, new FontSet(style), columns, rows, ownsFonts: true)
    {
    }

    /// <summary>A rasteriser sharing an existing <see cref="FontSet"/> (made from the same <paramref name="style"/>).</summary>
    public Rasterizer(RenderStyle style, FontSet fonts, int columns, int rows)
        : this(style, fonts, columns, rows, ownsFonts: false)
    {
    }

    private Rasterizer(RenderStyle style, FontSet fonts, int columns, int rows, bool ownsFonts)
    {
        ArgumentNullException.ThrowIfNull(style);
        ArgumentNullException.ThrowIfNull(fonts);
        _style = style;
        _fonts = fonts;
        _ownsFonts = ownsFonts;
        try
        {
            style.Validate();
            if (columns is < 1 or > 2000 || rows is < 1 or > 1000)
            {
                throw new RenderException($"terminal size {columns}x{rows}: must be 1-2000 columns and 1-1000 rows");
            }

            Columns = columns;
            Rows = rows;
            CellWidth = fonts.CellWidth;
            CellHeight = fonts.CellHeight;
            Padding padding = Padding.ForGrid(style, CellWidth, CellHeight);
            DevicePadding = padding;
            _padLeft = padding.Left;
            _padTop = padding.Top;
            long width = padding.Left + ((long)columns * CellWidth) + padding.Right;
            long height = padding.Top + ((long)rows * CellHeight) + padding.Bottom;
            if (width > 16384 || height > 16384)
            {
                throw new RenderException($"image size {width}x{height} pixels is too large (at most 16384x16384); use a smaller font size, scale or terminal");
            }

            Width = (int)width;
            Height = (int)height;
            _bitmap = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Bgra8888, SKAlphaType.Opaque));
            if (_bitmap.RowBytes != Width * 4)
            {
                throw new InvalidOperationException("Skia allocated a padded bitmap; the canvas assumes Width * 4 bytes a row");
            }

            // The pixel memory belongs to the bitmap and never moves; asking Skia for it on every fill costs a native call.
            _pixels = _bitmap.GetPixels();
            _colors = new ColorResolver(style.Theme, style.BoldIsBright);
            _procedural = new ProceduralGlyphs(CellWidth, CellHeight, fonts.SizePixels, style.CoverageLevels);
            _rowForeground = new Rgb[columns];
            _rowBackground = new Rgb[columns];
            _rowUnderline = new Rgb[columns];
            Fill(0, 0, Width, Height, Pack(_colors.CanvasBackground));
        }
        catch
        {
            if (ownsFonts)
            {
                fonts.Dispose();
            }

            throw;
        }
    }

    /// <summary>Canvas width in pixels.</summary>
    public int Width { get; }

    /// <summary>Canvas height in pixels.</summary>
    public int Height { get; }

    public int Columns { get; }

    public int Rows { get; }

    /// <summary>Cell size in pixels.</summary>
    public int CellWidth { get; }

    public int CellHeight { get; }

    /// <summary>The padding in device pixels (scale applied).</summary>
    public Padding DevicePadding { get; }

    public FontSet Fonts => _fonts;

    /// <summary>The colour resolver, updated from each drawn snapshot.</summary>
    public ColorResolver Colors => _colors;

    /// <summary>The canvas: opaque BGRA8888, <c>Width * 4</c> bytes a row. Valid until the next <see cref="Draw"/>.</summary>
    public SKBitmap Bitmap => _bitmap;

    /// <summary>The pixel rows changed by the last <see cref="Draw"/>: [Top, Bottom), empty when nothing changed.</summary>
    public (int Top, int Bottom) ChangedRows { get; private set; }

    /// <summary>The raw pixels (see the class remarks for the layout).</summary>
    public unsafe ReadOnlySpan<byte> Pixels => new((void*)_pixels, Width * Height * 4);

    /// <summary>Writes the canvas as PNG with Skia's encoder.</summary>
    public void SavePng(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using SKPixmap pixmap = _bitmap.PeekPixels();
        using SKData data = pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 6))
            ?? throw new IOException("PNG encoding failed");
        data.SaveTo(output);
    }

    public void Dispose()
    {
        _bitmap.Dispose();
        if (_ownsFonts)
        {
            _fonts.Dispose();
        }
    }


    private static uint Pack(Rgb c) => 0xFF000000u | ((uint)c.R << 16) | ((uint)c.G << 8) | c.B;
}
