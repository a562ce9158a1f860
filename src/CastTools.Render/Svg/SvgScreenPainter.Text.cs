using System.Text;
using SkiaSharp;

namespace CastTools.Render.Svg;

/// <summary>
/// Text mode (<c>--svg-text</c>): glyphs from TrueType fonts become real <c>&lt;text&gt;</c> in the embedded font,
/// selectable and searchable. Each run of cells is one element whose <c>textLength</c> pins it to the grid, so it
/// lines up with the cells however the viewer lays text out. The fonts are embedded at the end as
/// <c>@font-face</c> data URIs, subset to the glyphs used (<see cref="TrueTypeSubsetter"/>). Glyphs from CFF fonts
/// (the CJK font), scaled or synthetic glyphs, emoji and geometry stay outlines/images as in the default mode.
/// </summary>
internal sealed partial class SvgScreenPainter
{
    private readonly StringBuilder _run = new(256);
    private readonly Dictionary<int, TextFont?> _textFonts = [];
    private int _runFont = -1;
    private int _runStart;
    private int _runEnd;
    private int _runY;

    // The regular primary font: its runs need no class (the default family of every text element).
    private int DefaultTextFontId() => _fonts.GetGlyph('a', GlyphStyle.Regular, 1).FontId;

    private int _defaultTextFont => _defaultTextFontId ??= DefaultTextFontId();

    private int? _defaultTextFontId;

    /// <summary>The styles of the text (default mode: <see cref="WriteFontStyles"/>; text mode: the font files used, subset to their used glyphs).</summary>
    public void WriteFontFaces(TextWriter writer)
    {
        if (_fontMode)
        {
            WriteFontStyles(writer);
            return;
        }

        if (!_text)
        {
            return;
        }

        writer.Write("text{font-size:");
        writer.Write(SvgMarkup.Number(_fonts.SizePixels));
        writer.Write("px;white-space:pre;font-family:f");
        writer.Write(_defaultTextFont);
        writer.Write('}');
        foreach ((int fontId, TextFont? font) in _textFonts.OrderBy(f => f.Key))
        {
            if (font is null || font.Used.Count == 0)
            {
                continue;
            }

            byte[] subset = TrueTypeSubsetter.Subset(font.Data, font.Used);
            writer.Write("@font-face{font-family:f");
            writer.Write(fontId);
            writer.Write(";src:url(data:font/ttf;base64,");
            writer.Write(Convert.ToBase64String(subset));
            writer.Write(")}.f");
            writer.Write(fontId);
            writer.Write("{font-family:f");
            writer.Write(fontId);
            writer.Write('}');
        }
    }

    private bool AddToTextRun(in PlacedGlyph glyph, int codePoint, int col, int width)
    {
        if (width != 1 || glyph.IsColor || glyph.X != 0 || glyph.GlyphId == 0 || codePoint > 0xFFFF
            || glyph.Font.Size != _fonts.SizePixels || glyph.Font.Embolden || glyph.Font.SkewX != 0 || GetTextFont(glyph.FontId) is not { } font)
        {
            return false;
        }

        // Continue the run across a few blank cells (written as spaces); otherwise start a new one.
        if (_runFont != glyph.FontId || _runY != glyph.Y || col < _runEnd || col - _runEnd > 3)
        {
            FlushTextRun();
            _runFont = glyph.FontId;
            _runStart = col;
            _runEnd = col;
            _runY = glyph.Y;
        }

        _run.Append(' ', col - _runEnd);
        SvgMarkup.AppendEscaped(_run, [(char)codePoint]);
        _runEnd = col + 1;
        font.Used.Add(glyph.GlyphId);
        return true;
    }

    private void FlushTextRun()
    {
        if (_runFont < 0)
        {
            return;
        }

        _glyphs.Append("<text");
        if (_runStart != 0)
        {
            _glyphs.Append(" x=\"").Append(_runStart * CellWidth).Append('"');
        }

        _glyphs.Append(" y=\"").Append(_runY).Append('"');
        if (_runEnd - _runStart > 1)
        {
            _glyphs.Append(" textLength=\"").Append((_runEnd - _runStart) * CellWidth).Append('"');
        }

        if (_runFont != _defaultTextFont)
        {
            _glyphs.Append(" class=\"f").Append(_runFont).Append('"');
        }

        _glyphs.Append('>').Append(_run).Append("</text>");
        _groupElements++;

        // Text is not measured here; it can only leave its row when rows are tighter than the font's line.
        _rowNeedsClip |= CellHeight < _fonts.SizePixels * 1.25;
        _run.Clear();
        _runFont = -1;
    }

    private TextFont? GetTextFont(int fontId)
    {
        if (_textFonts.TryGetValue(fontId, out TextFont? known))
        {
            return known;
        }

        TextFont? font = null;
        SKTypeface typeface = _fonts.GetFont(fontId).Typeface;
        using (SKStreamAsset? stream = typeface.OpenStream(out int index))
        {
            if (stream is not null && index == 0 && stream.Length > 0)
            {
                byte[] data = new byte[stream.Length];
                int read = stream.Read(data, data.Length);
                if (read == data.Length && TrueTypeSubsetter.CanSubset(data))
                {
                    font = new TextFont(data);
                    font.Used.Add(_fonts.GetGlyph(' ', GlyphStyle.Regular, 1) is { } space && space.FontId == fontId ? space.GlyphId : (ushort)0);
                }
            }
        }

        _textFonts[fontId] = font;
        return font;
    }

    private sealed class TextFont(byte[] data)
    {
        public byte[] Data { get; } = data;

        public HashSet<ushort> Used { get; } = [];
    }
}
