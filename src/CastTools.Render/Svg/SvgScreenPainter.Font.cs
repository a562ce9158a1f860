using System.Globalization;
using System.Text;
using CastTools.Vt;
using SkiaSharp;

namespace CastTools.Render.Svg;

/// <summary>
/// The default mode: the document embeds a font made of the very outlines the path mode would define (the shapes
/// the rasteriser draws: bundled fonts with fallback, scaling, synthetic bold and italic, box drawing from geometry),
/// and rows are <c>&lt;text&gt;</c> in it. A character then costs about a byte instead of a <c>&lt;use&gt;</c>
/// element, it looks the same in every browser (nothing comes from the viewer's fonts), and the text can be
/// selected and searched. The font has no kerning, ligatures or layout tables, so browsers put each glyph at its
/// advance: exactly its cells. Cells a font cannot show faithfully (emoji, stacked graphemes, shaded blocks, complex
/// scripts that browsers would reorder or join) stay paths and images, as in <c>--svg-paths</c>.
/// </summary>
internal sealed partial class SvgScreenPainter
{
    /// <summary>Blank cells between two pieces of text written as spaces; longer gaps move the pen with x.</summary>
    private const int MaxSpaceGap = 5;

    private const string FontFamily = "t";

    // Class names: one letter (a-z, A-Z, without 's', the animation strip's class), then letter pairs.
    private const string ClassLetters = "abcdefghijklmnopqrtuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private readonly bool _fontMode;
    private readonly OutlineFont[] _faces = [new(), new(), new(), new()];
    private readonly Dictionary<int, int> _classIds = []; // colour (24 bits) and face (2 bits) → class number
    private readonly List<TextClass> _classes = [];
    private readonly Dictionary<int, int> _textVerdicts = []; // code point, face, width → NotText, Text or TallText
    private bool[] _inText = [];
    private int[] _textClass = [];
    private int[] _textCodePoint = [];

    /// <summary>Font units per pixel: glyphs are on the same 1/10 px grid as the path definitions.</summary>
    private int UnitsPerEm => Math.Clamp((int)Math.Round(_fonts.SizePixels * PathUnitsPerPixel), 16, 16384);

    /// <summary>
    /// Writes the cells of [from, to) that the font can show as one <c>&lt;text&gt;</c> element (pieces in other
    /// colours or faces as <c>&lt;tspan&gt;</c>s) and marks them drawn, for <see cref="DrawCells"/> to skip.
    /// </summary>
    private void DrawText(ScreenSnapshot snapshot, ReadOnlySpan<Cell> cells, int from, int to)
    {
        if (_inText.Length < Columns)
        {
            _inText = new bool[Columns];
            _textClass = new int[Columns];
            _textCodePoint = new int[Columns];
        }

        Array.Clear(_inText);
        int count = 0;
        for (int col = from; col < to; col++)
        {
            ref readonly Cell cell = ref cells[col];
            if (IsBlank(in cell) || cell.IsWideTail || !TryFontCell(snapshot, in cell, col))
            {
                continue;
            }

            _inText[col] = true;
            count++;
        }

        if (count == 0)
        {
            return;
        }

        // The element's own class is the one most pieces have; the others are tspans.
        int textClass = MostCommonPieceClass(cells, from, to);
        int pen = -1;
        for (int col = from; col < to; col++)
        {
            if (!_inText[col])
            {
                continue;
            }

            int cls = _textClass[col];
            int x = (col * CellWidth) - _originX;
            if (pen < 0)
            {
                _glyphs.Append("<text");
                if (x != 0)
                {
                    _glyphs.Append(" x=\"").Append(x).Append('"');
                }

                _glyphs.Append(" y=\"").Append(_fonts.Baseline).Append('"');
                AppendClass(_glyphs, textClass);
                _glyphs.Append('>');
                pen = col;
            }

            int gap = col - pen;
            bool moveTo = gap > MaxSpaceGap;
            if (!moveTo)
            {
                _glyphs.Append(' ', gap);
            }

            // One piece: cells of one class, through short gaps.
            bool span = moveTo || cls != textClass;
            if (span)
            {
                _glyphs.Append("<tspan");
                if (moveTo)
                {
                    _glyphs.Append(" x=\"").Append(x).Append('"');
                }

                if (cls != textClass)
                {
                    // The default look inside text of another class has to be named, or it would inherit that one.
                    AppendClass(_glyphs, cls == 0 ? DefaultClass() : cls);
                }

                _glyphs.Append('>');
            }

            pen = col;
            while (true)
            {
                AppendCodePoint(_glyphs, _textCodePoint[pen]);
                pen += cells[pen].IsWideHead ? 2 : 1;
                int next = pen;
                while (next < to && next - pen <= MaxSpaceGap && !_inText[next])
                {
                    next++;
                }

                if (next >= to || next - pen > MaxSpaceGap || _textClass[next] != cls)
                {
                    break;
                }

                _glyphs.Append(' ', next - pen);
                pen = next;
            }

            if (span)
            {
                _glyphs.Append("</tspan>");
            }

            col = pen - 1;
        }

        _glyphs.Append("</text>");
    }

    /// <summary>The class of the most pieces of text in the row (pieces as <see cref="DrawText"/> forms them).</summary>
    private int MostCommonPieceClass(ReadOnlySpan<Cell> cells, int from, int to)
    {
        Span<int> counts = stackalloc int[Math.Min(_classes.Count + 1, 256)];
        counts.Clear();
        int previous = -1, best = 0, bestCount = 0;
        for (int col = from; col < to; col++)
        {
            if (!_inText[col] || _textClass[col] == previous)
            {
                continue;
            }

            previous = _textClass[col];
            if (previous < counts.Length && ++counts[previous] > bestCount)
            {
                (best, bestCount) = (previous, counts[previous]);
            }
        }

        return best;
    }

    private void AppendClass(StringBuilder builder, int cls)
    {
        if (cls > 0)
        {
            builder.Append(" class=\"").Append(_classes[cls - 1].Name).Append('"');
        }
    }

    private static void AppendCodePoint(StringBuilder builder, int codePoint)
    {
        Span<char> utf16 = stackalloc char[2];
        int length = new Rune(codePoint).EncodeToUtf16(utf16);
        SvgMarkup.AppendEscaped(builder, utf16[..length], quotes: false);
    }

    /// <summary>Whether the cell goes into the text (its shape put in the font); sets its class and code point.</summary>
    private bool TryFontCell(ScreenSnapshot snapshot, in Cell cell, int col)
    {
        if (cell.ExtraId != 0 && snapshot.GetExtra(cell.ExtraId) is { Grapheme: not null })
        {
            return false;
        }

        int codePoint = cell.CodePoint;
        int width = cell.IsWideHead ? 2 : 1;
        int style = ((cell.Flags & CellFlags.Bold) != 0 ? 1 : 0) | ((cell.Flags & CellFlags.Italic) != 0 ? 2 : 0);

        // The verdict for a code point, face and width never changes once made (the font keeps the first shape it
        // maps a code point to), so it is decided once, not per cell of every row drawn.
        int key = ((codePoint & 0x1FFFFF) << 3) | (style << 1) | (width - 1);
        if (!_textVerdicts.TryGetValue(key, out int verdict))
        {
            verdict = DecideFontCell(codePoint, style, width);
            _textVerdicts.Add(key, verdict);
        }

        if (verdict == NotText)
        {
            return false;
        }

        _rowNeedsClip |= verdict == TallText;
        _textCodePoint[col] = codePoint;
        _textClass[col] = ClassOf(_foreground[col], style);
        return true;
    }

    private const int NotText = 0;
    private const int Text = 1;
    private const int TallText = 2; // text whose glyph reaches out of the row band: the row is clipped

    /// <summary>Whether a code point in a face and width can be text, mapping its shape into the face if so.</summary>
    private int DecideFontCell(int codePoint, int style, int width)
    {
        if (!IsPlainText(codePoint))
        {
            return NotText;
        }

        bool geometry = ProceduralGlyphs.Handles(codePoint);
        PlacedGlyph glyph = default;
        string source;
        if (geometry)
        {
            source = string.Create(CultureInfo.InvariantCulture, $"b{codePoint}:{width}");
        }
        else
        {
            glyph = _fonts.GetGlyph(codePoint, (GlyphStyle)style, width);
            if (glyph.IsColor)
            {
                return NotText;
            }

            source = string.Create(CultureInfo.InvariantCulture, $"o{glyph.FontId}:{glyph.GlyphId}:{glyph.X}:{glyph.Y}:{width}");
        }

        OutlineFont face = _faces[style];
        switch (face.Find(codePoint, source))
        {
            case OutlineFont.Lookup.Unavailable:
                return NotText;
            case OutlineFont.Lookup.New:
                OutlineGlyph? made = geometry ? GeometryGlyph(codePoint, width) : FontGlyph(glyph, width);
                face.Add(codePoint, source, made);
                if (made is null)
                {
                    return NotText;
                }

                if (face.Find(' ', "space") == OutlineFont.Lookup.New)
                {
                    // Every face used has a space, for the gaps written between pieces of text.
                    face.Add(' ', "space", new OutlineGlyph(CellWidth * (int)PathUnitsPerPixel, []));
                }

                return made.ReachesOutside(_fonts.Baseline * (int)PathUnitsPerPixel, (_fonts.Baseline - CellHeight) * (int)PathUnitsPerPixel)
                    ? TallText : Text;
            default:
                // Already mapped to this very shape (decided before under another key): text.
                return Text;
        }
    }

    /// <summary>The class of text in the default colour and face, or 0 (no class): text without a class has that look.</summary>
    private int ClassOf(Rgb color, int style) => style == 0 && color == InheritedFill ? 0 : NamedClass(color, style);

    /// <summary>A class naming the default look, for a tspan inside text of another class.</summary>
    private int DefaultClass() => NamedClass(InheritedFill ?? DefaultForeground, 0);

    private int NamedClass(Rgb color, int style)
    {
        int key = (color.R << 16) | (color.G << 8) | color.B | (style << 24);
        if (!_classIds.TryGetValue(key, out int id))
        {
            int index = _classes.Count;
            string name = index < ClassLetters.Length
                ? ClassLetters[index].ToString()
                : string.Concat(ClassLetters[index % ClassLetters.Length].ToString(), ClassLetters[index / ClassLetters.Length % ClassLetters.Length].ToString(), index >= ClassLetters.Length * ClassLetters.Length ? (index / (ClassLetters.Length * ClassLetters.Length)).ToString(CultureInfo.InvariantCulture) : string.Empty);
            _classes.Add(new TextClass(name, color, style));
            id = _classes.Count;
            _classIds.Add(key, id);
        }

        return id;
    }

    /// <summary>
    /// Whether browsers draw the code point as one glyph at its advance, untouched: not a mark, format or control
    /// character, separator, unassigned or noncharacter, and not in a script whose shaping reorders or joins
    /// characters (those would be changed by the browser's shaper even without layout tables in the font).
    /// </summary>
    internal static bool IsPlainText(int codePoint)
    {
        if (codePoint <= ' ' || codePoint > 0x10FFFF || (codePoint & 0xFFFE) == 0xFFFE || codePoint is >= 0xFDD0 and <= 0xFDEF)
        {
            return false;
        }

        if (codePoint is (>= 0x0590 and <= 0x08FF) // Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic
            or (>= 0x0900 and <= 0x109F) // Indic, Sinhala, Thai, Lao, Tibetan, Myanmar
            or (>= 0x1100 and <= 0x11FF) // conjoining Hangul jamo
            or (>= 0x1700 and <= 0x1CFF) // Philippine, Khmer, Mongolian, Limbu, Tai, Balinese, Javanese and others
            or (>= 0xA800 and <= 0xABFF) // Syloti Nagri, Phags-pa, Saurashtra, jamo extended A, Cham, Meetei Mayek
            or (>= 0xD7B0 and <= 0xD7FF) // jamo extended B
            or (>= 0xFB1D and <= 0xFDFF) // Hebrew and Arabic presentation forms
            or (>= 0xFE70 and <= 0xFEFF) // Arabic presentation forms B, byte order mark
            or 0x3164 or 0xFFA0 // Hangul fillers
            or (>= 0x10800 and <= 0x11FFF) // right-to-left and Brahmic scripts of the SMP
            or (>= 0x1E800 and <= 0x1EFFF) // Mende Kikakui, Adlam, Arabic mathematical
            or >= 0xE0000) // tags, variation selectors supplement
        {
            return false;
        }

        return CharUnicodeInfo.GetUnicodeCategory(codePoint) switch
        {
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                or UnicodeCategory.Format or UnicodeCategory.Control or UnicodeCategory.Surrogate
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator => false,
            _ => true,
        };
    }

    /// <summary>A glyph of the bundled fonts as a font glyph: its outline as placed in the cell.</summary>
    private OutlineGlyph? FontGlyph(PlacedGlyph glyph, int width)
    {
        using SKPath? path = glyph.Font.GetGlyphPath(glyph.GlyphId);
        int advance = width * CellWidth * (int)PathUnitsPerPixel;
        if (path is null || path.IsEmpty)
        {
            return new OutlineGlyph(advance, []);
        }

        using var placed = new SKPath(path);
        placed.Offset(glyph.X, glyph.Y);
        return ToGlyph(placed, advance);
    }

    /// <summary>
    /// Box drawing, blocks, braille or powerline geometry as a font glyph: its shapes merged into one outline (so
    /// overlaps fill as the separate shapes do). Null for shades (partly transparent) and shapes reaching past the
    /// cell (the path mode clips those to it).
    /// </summary>
    private OutlineGlyph? GeometryGlyph(int codePoint, int width)
    {
        int w = width * CellWidth;
        SKPath merged = new();
        try
        {
            foreach ((SKPath path, byte alpha) in _procedural.GetOutlines(codePoint, width))
            {
                SKRect bounds = path.Bounds;
                if (alpha != 255 || bounds.Left < 0 || bounds.Top < 0 || bounds.Right > w || bounds.Bottom > CellHeight)
                {
                    return null;
                }

                SKPath? union = merged.Op(path, SKPathOp.Union);
                if (union is null)
                {
                    return null;
                }

                merged.Dispose();
                merged = union;
            }

            if (merged.FillType != SKPathFillType.Winding)
            {
                // Path operations may answer in even-odd; TrueType fills non-zero.
                SKPath? winding = merged.ToWinding();
                if (winding is null)
                {
                    return null;
                }

                merged.Dispose();
                merged = winding;
            }

            return ToGlyph(merged, w * (int)PathUnitsPerPixel);
        }
        finally
        {
            merged.Dispose();
        }
    }

    private OutlineGlyph? ToGlyph(SKPath placed, int advance)
    {
        List<FontPoint[]>? contours = QuadraticOutline.From(placed, PathUnitsPerPixel, _fonts.Baseline);
        return contours is null ? null : new OutlineGlyph(advance, contours);
    }

    /// <summary>The text rule, the text classes, and the faces used, as WOFF data URIs.</summary>
    private void WriteFontStyles(TextWriter writer)
    {
        int used = 0;
        foreach (OutlineFont face in _faces)
        {
            used += face.Count;
        }

        if (used == 0)
        {
            return;
        }

        int upem = UnitsPerEm;
        writer.Write("text{font:");
        writer.Write(SvgMarkup.Number(upem / PathUnitsPerPixel));
        writer.Write("px " + FontFamily + ";white-space:pre;unicode-bidi:bidi-override;font-synthesis:none;text-rendering:geometricPrecision}");
        // Each class sets the whole look (colour and face), as a tspan of one class may sit in text of another.
        bool anyBold = false, anyItalic = false;
        foreach (TextClass c in _classes)
        {
            anyBold |= (c.Style & 1) != 0;
            anyItalic |= (c.Style & 2) != 0;
        }

        foreach ((string name, Rgb color, int style) in _classes)
        {
            writer.Write('.');
            writer.Write(name);
            writer.Write("{fill:");
            writer.Write(Hex(color));
            if (anyBold)
            {
                writer.Write((style & 1) != 0 ? ";font-weight:700" : ";font-weight:400");
            }

            if (anyItalic)
            {
                writer.Write((style & 2) != 0 ? ";font-style:italic" : ";font-style:normal");
            }

            writer.Write('}');
        }

        int ascender = _fonts.Baseline * (int)PathUnitsPerPixel;
        int descender = (_fonts.Baseline - CellHeight) * (int)PathUnitsPerPixel;
        for (int style = 0; style < _faces.Length; style++)
        {
            if (_faces[style].Count == 0)
            {
                continue;
            }

            bool bold = (style & 1) != 0, italic = (style & 2) != 0;
            byte[] woff = _faces[style].ToWoff(new TrueTypeWriter.Face("ct", bold, italic, upem, ascender, descender));
            writer.Write("@font-face{font-family:" + FontFamily + ";");
            if (bold)
            {
                writer.Write("font-weight:700;");
            }

            if (italic)
            {
                writer.Write("font-style:italic;");
            }

            writer.Write("src:url(data:font/woff;base64,");
            writer.Write(Convert.ToBase64String(woff));
            writer.Write(")}");
        }
    }

    /// <summary>A class of text: its name in the document, colour and face (bit 0 bold, bit 1 italic).</summary>
    private sealed record TextClass(string Name, Rgb Color, int Style);
}
