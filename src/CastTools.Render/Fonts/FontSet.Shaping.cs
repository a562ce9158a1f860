using System.Text;
using HarfBuzzSharp;
using SkiaSharp;

namespace CastTools.Render;

public sealed partial class FontSet
{
    // Programming ligatures would merge cells ("->" into an arrow); a terminal grid shows each cell on its own.
    // In a class of its own so that HarfBuzzSharp is loaded only when a grapheme is shaped, not with FontSet.
    private static class Ligatures
    {
        public static readonly Feature[] Off =
        [
            new(Tag.Parse("calt"), 0),
            new(Tag.Parse("liga"), 0),
            new(Tag.Parse("clig"), 0),
            new(Tag.Parse("dlig"), 0),
        ];
    }

    private PlacedGlyph[] Shape(string grapheme, GlyphStyle style, int cells)
    {
        Rune.DecodeFromUtf16(grapheme, out Rune first, out _);
        bool emoji = IsEmojiSequence(grapheme);
        int want = (int)style;

        // Try colour faces first for emoji sequences, then the chain in order.
        for (int pass = 0; pass < 2; pass++)
        {
            for (int i = 0; i < _faces.Count; i++)
            {
                FontFace face = _faces[i];
                if ((pass == 0) != (emoji && face.IsColor) || face.GlyphOf(0, first.Value) == 0)
                {
                    continue;
                }

                int slot = !face.IsColor && face.HasStyle(want) ? want : 0;
                bool bold = !face.IsColor && slot == 0 && (want & 1) != 0;
                bool italic = !face.IsColor && slot == 0 && (want & 2) != 0;
                PlacedGlyph[]? shaped = TryShape(i, slot, bold, italic, grapheme, cells);
                if (shaped is not null)
                {
                    return shaped;
                }
            }
        }

        // No font has every part: show the base character alone rather than a row of boxes.
        return [GetGlyph(first.Value, style, cells)];
    }

    private PlacedGlyph[]? TryShape(int faceIndex, int slot, bool bold, bool italic, string grapheme, int cells)
    {
        FontFace face = _faces[faceIndex];
        using var buffer = new HarfBuzzSharp.Buffer();
        buffer.AddUtf16(grapheme);
        buffer.GuessSegmentProperties();
        face.GetShaper(slot).Shape(buffer, Ligatures.Off);
        ReadOnlySpan<GlyphInfo> infos = buffer.GetGlyphInfoSpan();
        ReadOnlySpan<GlyphPosition> positions = buffer.GetGlyphPositionSpan();
        if (infos.Length == 0)
        {
            return null;
        }

        int totalAdvance = 0;
        for (int i = 0; i < infos.Length; i++)
        {
            if (infos[i].Codepoint == 0)
            {
                return null;
            }

            totalAdvance += positions[i].XAdvance;
        }

        float unit = _size / face.UnitsPerEm;
        float advance = totalAdvance * unit;
        int target = cells * CellWidth;
        float scale = advance > target + 0.5f ? target / advance : 1f;
        SKRect bounds = default;
        if (face.IsColor)
        {
            using SKFont measure = CreateFont(face.GetTypeface(slot)!, _size, false, false);
            Span<float> widths = stackalloc float[1];
            Span<SKRect> rects = stackalloc SKRect[1];
            measure.GetGlyphWidths([(ushort)infos[0].Codepoint], widths, rects);
            bounds = rects[0];
            if (bounds.Height * scale > CellHeight)
            {
                scale = CellHeight / bounds.Height;
            }
        }

        int id = GetFontId(faceIndex, slot, bold, italic, scale);
        float k = unit * scale;
        float left = (target - (advance * scale)) / 2;
        int baseline = face.IsColor
            ? (int)Math.Round(((CellHeight - (bounds.Height * scale)) / 2) - (bounds.Top * scale))
            : Baseline;
        var glyphs = new PlacedGlyph[infos.Length];
        int pen = 0;
        for (int i = 0; i < infos.Length; i++)
        {
            int x = (int)Math.Round(left + ((pen + positions[i].XOffset) * k));
            int y = baseline - (int)Math.Round(positions[i].YOffset * k);
            glyphs[i] = new PlacedGlyph(id, _fonts[id], (ushort)infos[i].Codepoint, x, y, face.IsColor);
            pen += positions[i].XAdvance;
        }

        return glyphs;
    }

    private static bool IsEmojiSequence(string grapheme)
    {
        foreach (Rune rune in grapheme.EnumerateRunes())
        {
            int v = rune.Value;
            if (v is 0xFE0F or 0x200D or 0x20E3 || v is >= 0x1F1E6 and <= 0x1F1FF || v is >= 0x1F3FB and <= 0x1F3FF
                || v is >= 0xE0020 and <= 0xE007F || v >= 0x1F000)
            {
                return true;
            }
        }

        return false;
    }
}
