using System.Runtime.InteropServices;
using CastTools.Vt;
using SkiaSharp;

namespace CastTools.Render;

public sealed partial class Rasterizer
{
    private GlyphMask?[] _curly = new GlyphMask?[3];

    /// <summary>
    /// Draws <paramref name="snapshot"/>, redrawing only rows that changed since the previous call. A snapshot larger
    /// than the canvas is clipped; a smaller one leaves the rest of the canvas as background.
    /// </summary>
    public void Draw(ScreenSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _colors.Update(snapshot);
        ScreenSnapshot? previous = _previous;
        bool full = previous is null || _colors.Version != _colorVersion || previous.Columns != snapshot.Columns
            || previous.Rows != snapshot.Rows;
        _colorVersion = _colors.Version;
        int top = int.MaxValue, bottom = 0;
        if (full)
        {
            Fill(0, 0, Width, Height, Pack(_colors.CanvasBackground));
            top = 0;
            bottom = Height;
        }

        int rows = Math.Min(snapshot.Rows, Rows);
        int oldCursorRow = previous is not null && previous.Cursor != snapshot.Cursor ? CursorRow(previous) : -1;
        int newCursorRow = previous is not null && previous.Cursor != snapshot.Cursor ? CursorRow(snapshot) : -1;
        for (int row = 0; row < rows; row++)
        {
            if (full || row == oldCursorRow || row == newCursorRow || !snapshot.RowEquals(row, previous!))
            {
                DrawRow(snapshot, row);
                int y = _padTop + (row * CellHeight);
                top = Math.Min(top, y);
                bottom = Math.Max(bottom, y + CellHeight);
            }
        }

        ChangedRows = top < bottom ? (top, bottom) : (0, 0);
        _previous = snapshot;
    }

    /// <summary>Makes the next <see cref="Draw"/> redraw every row (for callers that changed the bitmap themselves).</summary>
    public void Invalidate() => _previous = null;

    // Nerd Font icon blocks (Seti, Devicons, Codicons, Font Awesome, logos, Octicons ...), not the powerline symbols.
    private static bool IsNerdIcon(int cp) => cp is >= 0xE300 and <= 0xF8FF;

    private int CursorRow(ScreenSnapshot snapshot) =>
        _style.ShowCursor && snapshot.Cursor.Visible ? snapshot.Cursor.Row : -1;

    private void DrawRow(ScreenSnapshot snapshot, int row)
    {
        int y0 = _padTop + (row * CellHeight);
        uint canvas = Pack(_colors.CanvasBackground);
        Fill(0, y0, Width, CellHeight, canvas);
        ReadOnlySpan<Cell> cells = snapshot.GetRow(row);
        int columns = Math.Min(Math.Min(cells.Length, snapshot.Columns), Columns);
        CursorState cursor = snapshot.Cursor;
        int cursorCol = -1, cursorWidth = 1;
        if (_style.ShowCursor && cursor.Visible && cursor.Row == row)
        {
            cursorCol = Math.Clamp(cursor.Column, 0, Math.Max(0, columns - 1));
            if (cursorCol > 0 && cells[cursorCol].IsWideTail)
            {
                cursorCol--;
            }

            cursorWidth = cells.Length > cursorCol && cells[cursorCol].IsWideHead ? 2 : 1;
        }

        Rgb cursorColor = _colors.Cursor;
        bool blockCursor = cursorCol >= 0 && cursor.Shape == CursorShape.Block;

        // 1. Backgrounds.
        for (int col = 0; col < columns; col++)
        {
            ref readonly Cell cell = ref cells[col];
            _colors.Resolve(in cell, cell.ExtraId != 0 ? snapshot.GetExtra(cell.ExtraId) : null, out _rowForeground[col], out _rowBackground[col], out _rowUnderline[col]);
            if (blockCursor && col >= cursorCol && col < cursorCol + cursorWidth)
            {
                _rowForeground[col] = _rowBackground[col];
                _rowBackground[col] = cursorColor;
            }

            uint bg = Pack(_rowBackground[col]);
            if (bg != canvas)
            {
                Fill(_padLeft + (col * CellWidth), y0, CellWidth, CellHeight, bg);
            }
        }

        // 2. Decorations.
        for (int col = 0; col < columns; col++)
        {
            ref readonly Cell cell = ref cells[col];
            if (cell.IsWideTail || (cell.Flags & CellFlags.Invisible) != 0)
            {
                continue;
            }

            int width = cell.IsWideHead ? 2 : 1;
            if (cell.Underline != UnderlineStyle.None || (cell.Flags & (CellFlags.Strikethrough | CellFlags.Overline)) != 0)
            {
                DrawDecorations(in cell, col, width, y0);
            }
        }

        // 3. Glyphs.
        for (int col = 0; col < columns; col++)
        {
            ref readonly Cell cell = ref cells[col];
            if (cell.IsWideTail || cell.CodePoint <= ' ' || (cell.Flags & CellFlags.Invisible) != 0)
            {
                continue;
            }

            int width = cell.IsWideHead ? 2 : 1;
            if (width == 1 && IsNerdIcon(cell.CodePoint) && col + 1 < columns && cells[col + 1].CodePoint == ' ')
            {
                // Nerd Font icons are drawn a cell and a half wide; like kitty and WezTerm, let one spread over the
                // blank cell after it instead of shrinking it into one cell.
                width = 2;
            }

            int x = _padLeft + (col * CellWidth);
            uint fg = Pack(_rowForeground[col]);
            if (ProceduralGlyphs.Handles(cell.CodePoint))
            {
                Blit(_procedural.Get(cell.CodePoint, width), x, y0, fg, y0);
                continue;
            }

            var style = (GlyphStyle)(((cell.Flags & CellFlags.Bold) != 0 ? 1 : 0) | ((cell.Flags & CellFlags.Italic) != 0 ? 2 : 0));
            if (cell.ExtraId != 0 && snapshot.GetExtra(cell.ExtraId) is { Grapheme: { } grapheme })
            {
                foreach (PlacedGlyph glyph in _fonts.GetGraphemeGlyphs(grapheme, style, width))
                {
                    Blit(GetMask(glyph), x + glyph.X, y0 + glyph.Y, fg, y0);
                }
            }
            else
            {
                PlacedGlyph glyph = _fonts.GetGlyph(cell.CodePoint, style, width);
                Blit(GetMask(glyph), x + glyph.X, y0 + glyph.Y, fg, y0);
            }
        }

        // 4. Underline and bar cursors go over the text.
        if (cursorCol >= 0 && !blockCursor)
        {
            int x = _padLeft + (cursorCol * CellWidth);
            int thickness = Math.Max(1, (int)Math.Round(CellWidth / 8.0));
            if (cursor.Shape == CursorShape.Bar)
            {
                Fill(x, y0, thickness, CellHeight, Pack(cursorColor));
            }
            else
            {
                Fill(x, y0 + CellHeight - Math.Max(thickness, _fonts.LineThickness * 2), CellWidth * cursorWidth, Math.Max(thickness, _fonts.LineThickness * 2), Pack(cursorColor));
            }
        }
    }

    private void DrawDecorations(in Cell cell, int col, int width, int y0)
    {
        int x = _padLeft + (col * CellWidth);
        int w = width * CellWidth;
        int t = _fonts.LineThickness;
        uint fg = Pack(_rowForeground[col]);
        uint ul = Pack(_rowUnderline[col]);
        int underTop = y0 + _fonts.UnderlineTop;
        switch (cell.Underline)
        {
            case UnderlineStyle.Single:
                Fill(x, underTop, w, t, ul);
                break;
            case UnderlineStyle.Double:
                int second = underTop + (2 * t);
                if (second + t > y0 + CellHeight)
                {
                    underTop = Math.Max(y0, y0 + CellHeight - (3 * t));
                    second = underTop + (2 * t);
                }

                Fill(x, underTop, w, t, ul);
                Fill(x, second, w, t, ul);
                break;
            case UnderlineStyle.Curly:
                GlyphMask curly = GetCurlyMask(width);
                Blit(curly, x, y0, ul, y0);
                break;
            case UnderlineStyle.Dotted:
                for (int i = 0; i < w; i++)
                {
                    // Phase from the grid's left edge, so dots continue evenly across cells.
                    if (((x + i - _padLeft) / t % 2) == 0)
                    {
                        Fill(x + i, underTop, 1, t, ul);
                    }
                }

                break;
            case UnderlineStyle.Dashed:
                int dash = Math.Max(2, (CellWidth * 2) / 3);
                int gap = CellWidth - dash;
                for (int c = 0; c < width; c++)
                {
                    Fill(x + (c * CellWidth) + (gap / 2), underTop, dash, t, ul);
                }

                break;
        }

        if ((cell.Flags & CellFlags.Strikethrough) != 0)
        {
            Fill(x, y0 + _fonts.StrikeoutTop, w, t, fg);
        }

        if ((cell.Flags & CellFlags.Overline) != 0)
        {
            Fill(x, y0 + _fonts.OverlineTop, w, t, fg);
        }
    }

    private GlyphMask GetCurlyMask(int width)
    {
        if (_curly[width] is { } cached)
        {
            return cached;
        }

        // One sine period per cell, so neighbouring cells continue the wave.
        int t = _fonts.LineThickness;
        float amplitude = Math.Max(1.5f, t * 1.2f);
        int top = Math.Max(0, _fonts.UnderlineTop - (int)Math.Ceiling(amplitude));
        int h = Math.Min(CellHeight - top, (int)Math.Ceiling((2 * amplitude) + t) + 2);
        int w = width * CellWidth;
        float mid = _fonts.UnderlineTop - top + (t / 2f);
        using var bitmap = new SKBitmap(new SKImageInfo(w, h, SKColorType.Alpha8, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { Color = SKColors.White, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = t })
        using (var builder = new SKPathBuilder())
        {
            canvas.Clear(SKColors.Transparent);
            for (int i = -1; i <= (w * 2) + 1; i++)
            {
                float px = i / 2f;
                float py = mid - (amplitude * MathF.Sin(2 * MathF.PI * px / CellWidth));
                if (i < 0)
                {
                    builder.MoveTo(px, py);
                }
                else
                {
                    builder.LineTo(px, py);
                }
            }

            using SKPath path = builder.Snapshot();
            canvas.DrawPath(path, paint);
        }

        GlyphMask mask = ReadMask(bitmap, 0, top, false);
        return _curly[width] = mask;
    }

    private GlyphMask GetMask(in PlacedGlyph glyph)
    {
        long key = ((long)glyph.FontId << 16) | glyph.GlyphId;
        if (!_masks.TryGetValue(key, out GlyphMask? mask))
        {
            mask = RenderGlyph(glyph);
            _masks[key] = mask;
        }

        return mask;
    }

    private GlyphMask RenderGlyph(in PlacedGlyph glyph)
    {
        SKFont font = glyph.Font;
        Span<float> widths = stackalloc float[1];
        Span<SKRect> bounds = stackalloc SKRect[1];
        ReadOnlySpan<ushort> ids = [glyph.GlyphId];
        font.GetGlyphWidths(ids, widths, bounds);
        SKRect b = bounds[0];
        if (b.IsEmpty)
        {
            return GlyphMask.Empty;
        }

        // A margin of two pixels: hinting and synthetic bold can reach past the reported bounds.
        int left = (int)Math.Floor(b.Left) - 2;
        int top = (int)Math.Floor(b.Top) - 2;
        int w = (int)Math.Ceiling(b.Right) + 2 - left;
        int h = (int)Math.Ceiling(b.Bottom) + 2 - top;
        var info = new SKImageInfo(w, h, glyph.IsColor ? SKColorType.Bgra8888 : SKColorType.Alpha8, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { Color = glyph.IsColor ? SKColors.Black : SKColors.White, IsAntialias = true })
        using (SKTextBlob? blob = SKTextBlob.Create(MemoryMarshal.AsBytes(ids), SKTextEncoding.GlyphId, font, new SKPoint(-left, -top)))
        {
            canvas.Clear(SKColors.Transparent);
            if (blob is not null)
            {
                canvas.DrawText(blob, 0, 0, paint);
            }
        }

        return ReadMask(bitmap, left, top, glyph.IsColor);
    }

    private GlyphMask ReadMask(SKBitmap bitmap, int left, int top, bool color)
    {
        int w = bitmap.Width, h = bitmap.Height;
        ReadOnlySpan<byte> pixels = bitmap.GetPixelSpan();
        if (color)
        {
            var data = new uint[w * h];
            for (int y = 0; y < h; y++)
            {
                MemoryMarshal.Cast<byte, uint>(pixels.Slice(y * bitmap.RowBytes, w * 4)).CopyTo(data.AsSpan(y * w, w));
            }

            QuantizeColorEdges(data, _style.CoverageLevels);
            return new GlyphMask(left, top, w, h, [], data);
        }

        byte[] alpha = new byte[w * h];
        for (int y = 0; y < h; y++)
        {
            pixels.Slice(y * bitmap.RowBytes, w).CopyTo(alpha.AsSpan(y * w, w));
        }

        GlyphMask.Quantize(alpha, _style.CoverageLevels);
        return new GlyphMask(left, top, w, h, alpha, null);
    }

    /// <summary>
    /// Snaps the coverage of a colour glyph's antialiased edge pixels to the same levels as text, keeping their colour:
    /// the flat fills of emoji art stay exact while their edges blend into the background in few steps (fewer GIF
    /// colours).
    /// </summary>
    private static void QuantizeColorEdges(Span<uint> premultiplied, int levels)
    {
        if (levels >= 256)
        {
            return;
        }

        Span<byte> alpha = stackalloc byte[1];
        for (int i = 0; i < premultiplied.Length; i++)
        {
            uint p = premultiplied[i];
            uint a = p >> 24;
            if (a is 0 or 255)
            {
                continue;
            }

            alpha[0] = (byte)a;
            GlyphMask.Quantize(alpha, levels);
            uint q = alpha[0];
            if (q == 0)
            {
                premultiplied[i] = 0;
                continue;
            }

            // Unpremultiply with the old alpha, premultiply with the new one.
            uint r = Math.Min(255u, ((p >> 16) & 0xFF) * q / a);
            uint g = Math.Min(255u, ((p >> 8) & 0xFF) * q / a);
            uint b = Math.Min(255u, (p & 0xFF) * q / a);
            premultiplied[i] = (q << 24) | (Math.Min(r, q) << 16) | (Math.Min(g, q) << 8) | Math.Min(b, q);
        }
    }

    private unsafe void Fill(int x, int y, int w, int h, uint color)
    {
        int x0 = Math.Max(0, x), x1 = Math.Min(Width, x + w);
        int y0 = Math.Max(0, y), y1 = Math.Min(Height, y + h);
        if (x1 <= x0 || y1 <= y0)
        {
            return;
        }

        uint* pixels = (uint*)_pixels;
        for (int row = y0; row < y1; row++)
        {
            new Span<uint>(pixels + ((long)row * Width) + x0, x1 - x0).Fill(color);
        }
    }

    /// <summary>Draws a mask at (x, y) + its offset, tinted with <paramref name="color"/> (coverage masks) or as is
    /// (colour glyphs), clipped to the row band starting at <paramref name="bandTop"/>.</summary>
    private unsafe void Blit(GlyphMask mask, int x, int y, uint color, int bandTop)
    {
        if (mask.IsEmpty)
        {
            return;
        }

        int left = x + mask.Left, top = y + mask.Top;
        int x0 = Math.Max(0, left), x1 = Math.Min(Width, left + mask.Width);
        int y0 = Math.Max(bandTop, top), y1 = Math.Min(Math.Min(Height, bandTop + CellHeight), top + mask.Height);
        if (x1 <= x0 || y1 <= y0)
        {
            return;
        }

        uint* pixels = (uint*)_pixels;
        uint cr = (color >> 16) & 0xFF, cg = (color >> 8) & 0xFF, cb = color & 0xFF;
        for (int row = y0; row < y1; row++)
        {
            uint* dst = pixels + ((long)row * Width);
            int srcRow = (row - top) * mask.Width;
            if (mask.Color is { } colored)
            {
                for (int col = x0; col < x1; col++)
                {
                    uint s = colored[srcRow + col - left];
                    uint sa = s >> 24;
                    if (sa == 0)
                    {
                        continue;
                    }

                    uint d = dst[col];
                    uint inv = 255 - sa;
                    uint r = ((s >> 16) & 0xFF) + (((((d >> 16) & 0xFF) * inv) + 127) / 255);
                    uint g = ((s >> 8) & 0xFF) + (((((d >> 8) & 0xFF) * inv) + 127) / 255);
                    uint b = (s & 0xFF) + ((((d & 0xFF) * inv) + 127) / 255);
                    dst[col] = 0xFF000000u | (Math.Min(r, 255u) << 16) | (Math.Min(g, 255u) << 8) | Math.Min(b, 255u);
                }
            }
            else
            {
                byte[] alpha = mask.Alpha;
                for (int col = x0; col < x1; col++)
                {
                    uint a = alpha[srcRow + col - left];
                    if (a == 0)
                    {
                        continue;
                    }

                    if (a == 255)
                    {
                        dst[col] = color;
                        continue;
                    }

                    uint d = dst[col];
                    uint inv = 255 - a;
                    uint r = ((((d >> 16) & 0xFF) * inv) + (cr * a) + 127) / 255;
                    uint g = ((((d >> 8) & 0xFF) * inv) + (cg * a) + 127) / 255;
                    uint b = (((d & 0xFF) * inv) + (cb * a) + 127) / 255;
                    dst[col] = 0xFF000000u | (r << 16) | (g << 8) | b;
                }
            }
        }
    }
}
