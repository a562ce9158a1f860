using SkiaSharp;

namespace CastTools.Render;

/// <summary>
/// Box drawing (U+2500–257F), block elements (U+2580–259F), braille (U+2800–28FF) and the powerline separators
/// (U+E0B0–E0B7) drawn from geometry as cell-sized coverage masks, so neighbouring cells join without seams at any
/// line height. Straight lines are whole-pixel rectangles; only arcs, diagonals and triangles are antialiased.
/// The same geometry is available as fill outlines (<see cref="GetOutlines"/>) for vector output such as SVG.
/// </summary>
public sealed class ProceduralGlyphs
{
    // Arms of U+2500–257F in the order up, down, left, right: 0 none, 1 light, 2 heavy, 3 double. "x" = special
    // (dashes, arcs, diagonals), handled in code. Read off the Unicode character names.
    private static readonly string[] Arms =
    [
        "0011", "0022", "1100", "2200", "x", "x", "x", "x", "x", "x", "x", "x", "0101", "0102", "0201", "0202",
        "0110", "0120", "0210", "0220", "1001", "1002", "2001", "2002", "1010", "1020", "2010", "2020", "1101", "1102", "2101", "1201",
        "2201", "2102", "1202", "2202", "1110", "1120", "2110", "1210", "2210", "2120", "1220", "2220", "0111", "0121", "0112", "0122",
        "0211", "0221", "0212", "0222", "1011", "1021", "1012", "1022", "2011", "2021", "2012", "2022", "1111", "1121", "1112", "1122",
        "2111", "1211", "2211", "2121", "2112", "1221", "1212", "2122", "1222", "2221", "2212", "2222", "x", "x", "x", "x",
        "0033", "3300", "0103", "0301", "0303", "0130", "0310", "0330", "1003", "3001", "3003", "1030", "3010", "3030", "1103", "3301",
        "3303", "1130", "3310", "3330", "0133", "0311", "0333", "1033", "3011", "3033", "1133", "3311", "3333", "x", "x", "x",
        "x", "x", "x", "x", "0010", "1000", "0001", "0100", "0020", "2000", "0002", "0200", "0012", "1200", "0021", "2100",
    ];

    private readonly int _cellWidth;
    private readonly int _cellHeight;
    private readonly int _light;
    private readonly int _heavy;
    private readonly int _levels;
    private readonly Dictionary<int, GlyphMask> _cache = [];
    private readonly Dictionary<int, (SKPath Path, byte Alpha)[]> _outlines = [];

    /// <summary>Geometry for cells of the given size in device pixels (<see cref="FontSet.CellWidth"/>,
    /// <see cref="FontSet.CellHeight"/>, <see cref="FontSet.SizePixels"/>); coverage snapped to <paramref name="coverageLevels"/>.</summary>
    public ProceduralGlyphs(int cellWidth, int cellHeight, float fontSizePixels, int coverageLevels)
    {
        _cellWidth = cellWidth;
        _cellHeight = cellHeight;
        _light = Math.Max(1, (int)Math.Round(fontSizePixels / 15));
        _heavy = Math.Max(_light + 1, _light * 2);
        _levels = coverageLevels;
    }

    public static bool Handles(int codePoint) =>
        codePoint is >= 0x2500 and <= 0x259F or >= 0x2800 and <= 0x28FF or >= 0xE0B0 and <= 0xE0B7;

    /// <summary>
    /// The shape of a code point <see cref="Handles"/> accepts as fill outlines in cell coordinates (origin at the
    /// cell's top-left, <paramref name="cells"/> cells wide), each to be filled with the text colour at the given alpha
    /// (255 except for the shades ░▒▓). Arcs and diagonals reach a pixel past the cell: clip to it, as the rasteriser
    /// does. Cached; the paths belong to this object.
    /// </summary>
    public IReadOnlyList<(SKPath Path, byte Alpha)> GetOutlines(int codePoint, int cells)
    {
        int key = (codePoint << 2) | cells;
        if (!_outlines.TryGetValue(key, out (SKPath Path, byte Alpha)[]? outlines))
        {
            var sink = new List<(SKPath Path, byte Alpha)>();
            var painter = new Painter(null, cells * _cellWidth, _cellHeight, sink);
            Draw(painter, codePoint, cells * _cellWidth, _cellHeight);
            painter.Dispose();
            outlines = [.. sink];
            _outlines[key] = outlines;
        }

        return outlines;
    }

    /// <summary>The mask for a code point <see cref="Handles"/> accepts, covering <paramref name="cells"/> cells.</summary>
    internal GlyphMask Get(int codePoint, int cells)
    {
        int key = (codePoint << 2) | cells;
        if (!_cache.TryGetValue(key, out GlyphMask? mask))
        {
            mask = Render(codePoint, cells * _cellWidth, _cellHeight);
            _cache[key] = mask;
        }

        return mask;
    }

    private GlyphMask Render(int cp, int w, int h)
    {
        var info = new SKImageInfo(w, h, SKColorType.Alpha8, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Transparent);
            var painter = new Painter(canvas, w, h, null);
            Draw(painter, cp, w, h);
            painter.Dispose();
        }

        byte[] alpha = new byte[w * h];
        ReadOnlySpan<byte> pixels = bitmap.GetPixelSpan();
        for (int y = 0; y < h; y++)
        {
            pixels.Slice(y * bitmap.RowBytes, w).CopyTo(alpha.AsSpan(y * w, w));
        }

        GlyphMask.Quantize(alpha, _levels);
        return new GlyphMask(0, 0, w, h, alpha, null);
    }

    private void Draw(Painter painter, int cp, int w, int h)
    {
        if (cp is >= 0x2500 and <= 0x257F)
        {
            DrawBox(painter, cp, w, h);
        }
        else if (cp is >= 0x2580 and <= 0x259F)
        {
            DrawBlock(painter, cp, w, h);
        }
        else if (cp is >= 0x2800 and <= 0x28FF)
        {
            DrawBraille(painter, cp - 0x2800, w, h);
        }
        else
        {
            DrawPowerline(painter, cp, w, h);
        }
    }

    private void DrawBox(Painter p, int cp, int w, int h)
    {
        string arms = Arms[cp - 0x2500];
        if (arms != "x")
        {
            DrawArms(p, arms[0] - '0', arms[1] - '0', arms[2] - '0', arms[3] - '0', w, h);
            return;
        }

        switch (cp)
        {
            case 0x2504: Dashes(p, w, h, 3, _light, true); break;
            case 0x2505: Dashes(p, w, h, 3, _heavy, true); break;
            case 0x2506: Dashes(p, w, h, 3, _light, false); break;
            case 0x2507: Dashes(p, w, h, 3, _heavy, false); break;
            case 0x2508: Dashes(p, w, h, 4, _light, true); break;
            case 0x2509: Dashes(p, w, h, 4, _heavy, true); break;
            case 0x250A: Dashes(p, w, h, 4, _light, false); break;
            case 0x250B: Dashes(p, w, h, 4, _heavy, false); break;
            case 0x254C: Dashes(p, w, h, 2, _light, true); break;
            case 0x254D: Dashes(p, w, h, 2, _heavy, true); break;
            case 0x254E: Dashes(p, w, h, 2, _light, false); break;
            case 0x254F: Dashes(p, w, h, 2, _heavy, false); break;
            case >= 0x256D and <= 0x2570: Arc(p, cp, w, h); break;
            case 0x2571: p.Line(w + 0.5f, -0.5f * h / w, -0.5f, h + (0.5f * h / w), _light); break;
            case 0x2572: p.Line(-0.5f, -0.5f * h / w, w + 0.5f, h + (0.5f * h / w), _light); break;
            case 0x2573:
                p.Line(w + 0.5f, -0.5f * h / w, -0.5f, h + (0.5f * h / w), _light);
                p.Line(-0.5f, -0.5f * h / w, w + 0.5f, h + (0.5f * h / w), _light);
                break;
        }
    }

    private int Thickness(int weight) => weight == 2 ? _heavy : _light;

    // Start of a band of thickness t centred in a span of length n; every cell uses the same rounding, so lines
    // continue exactly across cell borders.
    private static int Band(int n, int t) => (n - t) / 2;

    private void DrawArms(Painter p, int up, int down, int left, int right, int w, int h)
    {
        int l = _light;
        int vd = Band(w, 3 * l); // double vertical: lines at [vd, vd+l) and [vd+2l, vd+3l)
        int hd = Band(h, 3 * l);
        int vSingle = Math.Max(up is 1 or 2 ? Thickness(up) : 0, down is 1 or 2 ? Thickness(down) : 0);
        int hSingle = Math.Max(left is 1 or 2 ? Thickness(left) : 0, right is 1 or 2 ? Thickness(right) : 0);
        bool vDouble = up == 3 || down == 3;
        bool hDouble = left == 3 || right == 3;

        // Horizontal arms: [from the cell edge, to where they meet the vertical stroke).
        for (int side = 0; side < 2; side++)
        {
            int weight = side == 0 ? left : right;
            int opposite = side == 0 ? right : left;
            if (weight == 0)
            {
                continue;
            }

            if (weight != 3)
            {
                int t = Thickness(weight);
                int y = Band(h, t);
                int end; // extent toward the centre, measured from the left (mirrored for the right arm)
                int start;
                if (vDouble && vSingle == 0)
                {
                    if (opposite != 0)
                    {
                        (start, end) = (Band(w, t), Band(w, t) + t);
                    }
                    else if (up == 3 && down == 3)
                    {
                        (start, end) = (vd + (2 * l), vd + l); // near line
                    }
                    else
                    {
                        (start, end) = (vd, vd + (3 * l)); // far line (a corner)
                    }
                }
                else
                {
                    int tv = vSingle > 0 ? vSingle : t;
                    (start, end) = (Band(w, tv), Band(w, tv) + tv);
                }

                if (side == 0)
                {
                    p.Rect(0, y, end, y + t);
                }
                else
                {
                    p.Rect(start, y, w, y + t);
                }
            }
            else
            {
                for (int k = 0; k < 2; k++)
                {
                    int y = hd + (k * 2 * l);
                    int adjacent = k == 0 ? up : down;
                    int start, end;
                    if (vSingle > 0)
                    {
                        (start, end) = (Band(w, vSingle), Band(w, vSingle) + vSingle);
                    }
                    else if (vDouble && adjacent == 3)
                    {
                        (start, end) = (vd + (2 * l), vd + l); // inner corner
                    }
                    else
                    {
                        (start, end) = (vd, vd + (3 * l)); // outer corner, or straight through
                    }

                    if (side == 0)
                    {
                        p.Rect(0, y, end, y + l);
                    }
                    else
                    {
                        p.Rect(start, y, w, y + l);
                    }
                }
            }
        }

        // Vertical arms: the same rules with the axes swapped.
        for (int side = 0; side < 2; side++)
        {
            int weight = side == 0 ? up : down;
            int opposite = side == 0 ? down : up;
            if (weight == 0)
            {
                continue;
            }

            if (weight != 3)
            {
                int t = Thickness(weight);
                int x = Band(w, t);
                int start, end;
                if (hDouble && hSingle == 0)
                {
                    if (opposite != 0)
                    {
                        (start, end) = (Band(h, t), Band(h, t) + t);
                    }
                    else if (left == 3 && right == 3)
                    {
                        (start, end) = (hd + (2 * l), hd + l);
                    }
                    else
                    {
                        (start, end) = (hd, hd + (3 * l));
                    }
                }
                else
                {
                    int th = hSingle > 0 ? hSingle : t;
                    (start, end) = (Band(h, th), Band(h, th) + th);
                }

                if (side == 0)
                {
                    p.Rect(x, 0, x + t, end);
                }
                else
                {
                    p.Rect(x, start, x + t, h);
                }
            }
            else
            {
                for (int k = 0; k < 2; k++)
                {
                    int x = vd + (k * 2 * l);
                    int adjacent = k == 0 ? left : right;
                    int start, end;
                    if (hSingle > 0)
                    {
                        (start, end) = (Band(h, hSingle), Band(h, hSingle) + hSingle);
                    }
                    else if (hDouble && adjacent == 3)
                    {
                        (start, end) = (hd + (2 * l), hd + l);
                    }
                    else
                    {
                        (start, end) = (hd, hd + (3 * l));
                    }

                    if (side == 0)
                    {
                        p.Rect(x, 0, x + l, end);
                    }
                    else
                    {
                        p.Rect(x, start, x + l, h);
                    }
                }
            }
        }
    }

    private static void Dashes(Painter p, int w, int h, int count, int t, bool horizontal)
    {
        int length = horizontal ? w : h;
        int gap = Math.Max(1, (int)Math.Round(length / (double)count / 3));
        for (int i = 0; i < count; i++)
        {
            // The gap is split over both ends of each dash, so dashes of neighbouring cells are evenly spaced too.
            int a = (i * length / count) + (gap / 2);
            int b = ((i + 1) * length / count) - (gap - (gap / 2));
            if (horizontal)
            {
                int y = Band(h, t);
                p.Rect(a, y, b, y + t);
            }
            else
            {
                int x = Band(w, t);
                p.Rect(x, a, x + t, b);
            }
        }
    }

    private void Arc(Painter p, int cp, int w, int h)
    {
        int t = _light;
        float cx = Band(w, t) + (t / 2f);
        float cy = Band(h, t) + (t / 2f);
        float r = Math.Min(w, h) / 2f;
        bool down = cp is 0x256D or 0x256E;
        bool right = cp is 0x256D or 0x2570;
        using var path = new SKPathBuilder();
        path.MoveTo(cx, down ? h + 1 : -1);
        path.ArcTo(new SKPoint(cx, cy), new SKPoint(right ? w + 1 : -1, cy), r);
        path.LineTo(right ? w + 1 : -1, cy);
        p.Stroke(path, t);
    }

    private static void DrawBlock(Painter p, int cp, int w, int h)
    {
        int hw = w / 2, hh = h / 2;
        switch (cp)
        {
            case 0x2580: p.Rect(0, 0, w, hh); break;
            case >= 0x2581 and <= 0x2588: p.Rect(0, h - Eighths(h, cp - 0x2580), w, h); break;
            case >= 0x2589 and <= 0x258F: p.Rect(0, 0, Eighths(w, 0x2590 - cp), h); break;
            case 0x2590: p.Rect(hw, 0, w, h); break;
            case 0x2591: p.Rect(0, 0, w, h, 64); break;
            case 0x2592: p.Rect(0, 0, w, h, 128); break;
            case 0x2593: p.Rect(0, 0, w, h, 191); break;
            case 0x2594: p.Rect(0, 0, w, Eighths(h, 1)); break;
            case 0x2595: p.Rect(w - Eighths(w, 1), 0, w, h); break;
            default:
                // Quadrants U+2596–259F as bits: upper-left 1, upper-right 2, lower-left 4, lower-right 8.
                int bits = cp switch
                {
                    0x2596 => 4, 0x2597 => 8, 0x2598 => 1, 0x2599 => 1 | 4 | 8, 0x259A => 1 | 8,
                    0x259B => 1 | 2 | 4, 0x259C => 1 | 2 | 8, 0x259D => 2, 0x259E => 2 | 4, _ => 2 | 4 | 8,
                };
                if ((bits & 1) != 0) p.Rect(0, 0, hw, hh);
                if ((bits & 2) != 0) p.Rect(hw, 0, w, hh);
                if ((bits & 4) != 0) p.Rect(0, hh, hw, h);
                if ((bits & 8) != 0) p.Rect(hw, hh, w, h);
                break;
        }
    }

    private static int Eighths(int n, int k) => (int)Math.Round(n * k / 8.0);

    private static void DrawBraille(Painter p, int bits, int w, int h)
    {
        // Dots 1-2-3-7 in the left column, 4-5-6-8 in the right; bit n-1 is dot n.
        ReadOnlySpan<(int Col, int Row)> dots = [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2), (0, 3), (1, 3)];
        int size = Math.Max(1, (int)Math.Round(Math.Min(w / 4.0, h / 8.0) * 1.1));
        for (int i = 0; i < 8; i++)
        {
            if ((bits & (1 << i)) == 0)
            {
                continue;
            }

            int x = (int)Math.Round(w * ((2 * dots[i].Col) + 1) / 4.0) - (size / 2);
            int y = (int)Math.Round(h * ((2 * dots[i].Row) + 1) / 8.0) - (size / 2);
            if (size >= 4)
            {
                p.Circle(x + (size / 2f), y + (size / 2f), size / 2f);
            }
            else
            {
                p.Rect(x, y, x + size, y + size);
            }
        }
    }

    private void DrawPowerline(Painter p, int cp, int w, int h)
    {
        using var path = new SKPathBuilder();
        bool leftPointing = cp is 0xE0B2 or 0xE0B3 or 0xE0B6 or 0xE0B7;
        float x0 = leftPointing ? w : 0, x1 = leftPointing ? 0 : w;
        switch (cp)
        {
            case 0xE0B0 or 0xE0B2:
                path.MoveTo(x0, 0);
                path.LineTo(x1, h / 2f);
                path.LineTo(x0, h);
                path.Close();
                p.Fill(path);

                // The flat side is solid, so the separator meets the neighbouring segment without a seam.
                p.Rect(leftPointing ? w - 1 : 0, 0, leftPointing ? w : 1, h);
                break;
            case 0xE0B1 or 0xE0B3:
                path.MoveTo(x0, 0);
                path.LineTo(x1, h / 2f);
                path.LineTo(x0, h);
                p.Stroke(path, _light);
                break;
            case 0xE0B4 or 0xE0B6:
                path.AddOval(new SKRect(x0 - w, 0, x0 + w, h));
                p.Fill(path);
                p.Rect(leftPointing ? w - 1 : 0, 0, leftPointing ? w : 1, h);
                break;
            default:
                path.AddArc(new SKRect(x0 - w + (_light / 2f), _light / 2f, x0 + w - (_light / 2f), h - (_light / 2f)), leftPointing ? 90 : -90, 180);
                p.Stroke(path, _light);
                break;
        }
    }

    /// <summary>Draws onto the mask canvas (exact rectangles without antialiasing, antialiased paths), or, with a
    /// sink, records the same shapes as fill outlines.</summary>
    private readonly struct Painter(SKCanvas? canvas, int w, int h, List<(SKPath Path, byte Alpha)>? sink) : IDisposable
    {
        private readonly SKPaint _solid = new() { Color = SKColors.White, IsAntialias = false, Style = SKPaintStyle.Fill };
        private readonly SKPaint _smooth = new() { Color = SKColors.White, IsAntialias = true, Style = SKPaintStyle.Fill };

        public void Rect(int left, int top, int right, int bottom, byte alpha = 255)
        {
            left = Math.Clamp(left, 0, w);
            right = Math.Clamp(right, 0, w);
            top = Math.Clamp(top, 0, h);
            bottom = Math.Clamp(bottom, 0, h);
            if (right <= left || bottom <= top)
            {
                return;
            }

            var rect = SKRect.Create(left, top, right - left, bottom - top);
            if (sink is not null)
            {
                using var builder = new SKPathBuilder();
                builder.AddRect(rect);
                sink.Add((builder.Detach(), alpha));
                return;
            }

            _solid.Color = SKColors.White.WithAlpha(alpha);
            canvas!.DrawRect(rect, _solid);
        }

        public void Fill(SKPathBuilder builder)
        {
            SKPath path = builder.Snapshot();
            if (sink is not null)
            {
                sink.Add((path, 255));
                return;
            }

            _smooth.Style = SKPaintStyle.Fill;
            canvas!.DrawPath(path, _smooth);
            path.Dispose();
        }

        public void Stroke(SKPathBuilder builder, float width)
        {
            using SKPath path = builder.Snapshot();
            _smooth.Style = SKPaintStyle.Stroke;
            _smooth.StrokeWidth = width;
            _smooth.StrokeCap = SKStrokeCap.Butt;
            if (sink is not null)
            {
                using var outline = new SKPathBuilder();
                _smooth.GetFillPath(path, outline);
                sink.Add((outline.Detach(), 255));
                return;
            }

            canvas!.DrawPath(path, _smooth);
        }

        public void Line(float x0, float y0, float x1, float y1, float width)
        {
            using var path = new SKPathBuilder();
            path.MoveTo(x0, y0);
            path.LineTo(x1, y1);
            Stroke(path, width);
        }

        public void Circle(float cx, float cy, float r)
        {
            using var builder = new SKPathBuilder();
            builder.AddCircle(cx, cy, r, SKPathDirection.Clockwise);
            Fill(builder);
        }

        public void Dispose()
        {
            _solid.Dispose();
            _smooth.Dispose();
        }
    }
}
