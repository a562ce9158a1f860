using System.Runtime.InteropServices;
using System.Text;
using SkiaSharp;

namespace CastTools.Render.Svg;

internal sealed partial class SvgScreenPainter
{

    /// <summary>A glyph outline placed at its baseline (<see cref="PlacedGlyph.Y"/>), filled by the referencing group's colour.</summary>
    private string? DefineOutline(in PlacedGlyph glyph)
    {
        string key = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"o{glyph.FontId}:{glyph.GlyphId}:{glyph.Y}");
        if (_outlineIds.TryGetValue(key, out string? known))
        {
            return known;
        }

        using SKPath? path = glyph.Font.GetGlyphPath(glyph.GlyphId);
        string? id = null;
        if (path is not null && !path.IsEmpty)
        {
            using var placed = new SKPath(path);
            placed.Offset(0, glyph.Y);
            string data = SvgPathData.From(placed, PathUnitsPerPixel);
            id = _definitions.GetOrAdd(key, data, static (b, id, d) =>
                b.Append("<path id=\"").Append(id).Append("\" transform=\"scale(.1)\" d=\"").Append(d).Append("\"/>"), glyph: true);
            SKRect bounds = placed.Bounds;
            if (bounds.Top < 0 || bounds.Bottom > CellHeight)
            {
                _overflowing.Add(id);
            }
        }

        _outlineIds[key] = id; // null: an empty glyph (a space-like character), nothing to draw
        return id;
    }

    /// <summary>A colour glyph (emoji) as a PNG image, rendered at <see cref="EmojiImageScale"/>x and shown at cell size.</summary>
    private string? DefineColorGlyph(in PlacedGlyph glyph)
    {
        string key = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"e{glyph.FontId}:{glyph.GlyphId}:{glyph.Y}");
        if (_outlineIds.TryGetValue(key, out string? known))
        {
            return known;
        }

        SKFont font = glyph.Font;
        Span<float> widths = stackalloc float[1];
        Span<SKRect> bounds = stackalloc SKRect[1];
        ushort[] ids = [glyph.GlyphId];
        font.GetGlyphWidths(ids, widths, bounds);
        SKRect b = bounds[0];
        string? id = null;
        if (!b.IsEmpty)
        {
            int left = (int)Math.Floor(b.Left) - 1;
            int top = (int)Math.Floor(b.Top) - 1;
            int w = (int)Math.Ceiling(b.Right) + 1 - left;
            int h = (int)Math.Ceiling(b.Bottom) + 1 - top;
            string png = RenderPng(font, ids, left, top, w, h);
            id = _definitions.GetOrAdd(key, (png, left, top: top + glyph.Y, w, h), static (sb, id, s) => sb
                .Append("<image id=\"").Append(id).Append("\" x=\"").Append(s.left).Append("\" y=\"").Append(s.top)
                .Append("\" width=\"").Append(s.w).Append("\" height=\"").Append(s.h)
                .Append("\" href=\"data:image/png;base64,").Append(s.png).Append("\"/>"), glyph: true);
            if (top + glyph.Y < 0 || top + glyph.Y + h > CellHeight)
            {
                _overflowing.Add(id);
            }
        }

        _outlineIds[key] = id;
        return id;
    }

    private static string RenderPng(SKFont font, ushort[] ids, int left, int top, int w, int h)
    {
        int scale = EmojiImageScale;
        using var bitmap = new SKBitmap(new SKImageInfo(w * scale, h * scale, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true })
        using (SKTextBlob? blob = SKTextBlob.Create(MemoryMarshal.AsBytes(ids.AsSpan()), SKTextEncoding.GlyphId, font, new SKPoint(-left, -top)))
        {
            canvas.Clear(SKColors.Transparent);
            canvas.Scale(scale);
            if (blob is not null)
            {
                canvas.DrawText(blob, 0, 0, paint);
            }
        }

        using SKPixmap pixmap = bitmap.PeekPixels();
        using SKData data = pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 9))
            ?? throw new IOException("PNG encoding of an emoji failed");
        return Convert.ToBase64String(data.AsSpan());
    }

    /// <summary>
    /// Box drawing, blocks, braille and powerline as the rasteriser's own geometry (<see cref="ProceduralGlyphs.GetOutlines"/>),
    /// so both outputs have exactly the same shapes. No fill colour here: the shapes take the colour of the
    /// <c>&lt;use&gt;</c> that places them (shades keep their opacity). Shapes reaching past the cell (arcs,
    /// diagonals) are clipped to it by a nested <c>&lt;svg&gt;</c>, as the rasteriser's cell-sized mask clips them.
    /// </summary>
    private string DefineGeometry(int codePoint, int cells)
    {
        string key = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"b{codePoint}:{cells}");
        if (_outlineIds.TryGetValue(key, out string? known))
        {
            return known!;
        }

        int w = cells * CellWidth;
        var markup = new StringBuilder();
        bool overflows = false;
        foreach ((SKPath path, byte alpha) in _procedural.GetOutlines(codePoint, cells))
        {
            SKRect bounds = path.Bounds;
            overflows |= bounds.Left < 0 || bounds.Top < 0 || bounds.Right > w || bounds.Bottom > CellHeight;
            markup.Append("<path");
            if (alpha != 255)
            {
                markup.Append(" fill-opacity=\"");
                SvgMarkup.AppendNumber(markup, alpha / 255.0, 3);
                markup.Append('"');
            }

            markup.Append(" transform=\"scale(.1)\" d=\"").Append(SvgPathData.From(path, PathUnitsPerPixel)).Append("\"/>");
        }

        string id = _definitions.GetOrAdd(key, (markup.ToString(), overflows, w, CellHeight), static (b, id, s) =>
        {
            if (s.overflows)
            {
                b.Append("<svg id=\"").Append(id).Append("\" width=\"").Append(s.w).Append("\" height=\"").Append(s.CellHeight)
                    .Append("\">").Append(s.Item1).Append("</svg>");
            }
            else
            {
                b.Append("<g id=\"").Append(id).Append("\">").Append(s.Item1).Append("</g>");
            }
        }, glyph: true);
        _outlineIds[key] = id;
        return id;
    }

    /// <summary>The curly underline of a cell <paramref name="cells"/> wide: one sine period per cell, as the rasteriser draws it.</summary>
    private string DefineCurly(int cells)
    {
        string key = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"u{cells}");
        if (_outlineIds.TryGetValue(key, out string? known))
        {
            return known!;
        }

        int t = _fonts.LineThickness;
        float amplitude = Math.Max(1.5f, t * 1.2f);
        float mid = _fonts.UnderlineTop + (t / 2f);
        int w = cells * CellWidth;
        var d = new StringBuilder();
        for (int i = 0; i <= w * 2; i++)
        {
            float px = i / 2f;
            float py = mid - (amplitude * MathF.Sin(2 * MathF.PI * px / CellWidth));
            d.Append(i == 0 ? 'M' : i == 1 ? 'L' : ' ');
            SvgMarkup.AppendNumber(d, px, 1);
            d.Append(' ');
            SvgMarkup.AppendNumber(d, py, 2);
        }

        string path = d.ToString();
        // No stroke colour here: it is inherited from the <use> that places the underline.
        string id = _definitions.GetOrAdd(key, (path, t), static (b, id, s) => b
            .Append("<path id=\"").Append(id).Append("\" d=\"").Append(s.path)
            .Append("\" fill=\"none\" stroke-width=\"").Append(s.t).Append("\"/>"));
        _outlineIds[key] = id;
        return id;
    }
}
