using System.Buffers.Binary;
using System.Text;

namespace CastTools.Render.Svg;

/// <summary>
/// Writes a minimal, valid TrueType font (OpenType with <c>glyf</c> outlines) from quadratic contours: the tables
/// browsers' font sanitiser (OTS) requires — cmap, glyf, head, hhea, hmtx, loca, maxp, name, OS/2, post — and
/// nothing else: no hinting, no kerning, no layout tables, so a browser places every glyph at its advance and shapes
/// nothing. Deterministic: no timestamps, fixed table order.
/// </summary>
internal static class TrueTypeWriter
{
    /// <summary>The font's face: what the name, OS/2 and head tables say about it.</summary>
    public sealed record Face(string Family, bool Bold, bool Italic, int UnitsPerEm, int Ascender, int Descender);

    /// <summary>
    /// The font file. <paramref name="glyphs"/> are mapped from <paramref name="codePoints"/> (ascending, each once);
    /// glyph 0 (.notdef) is added, empty, with the advance of the first glyph.
    /// </summary>
    /// <remarks>Loops and arrays rather than LINQ and tuples: generic code over our value types is not precompiled
    /// (ReadyToRun), and JIT-compiling it would cost more than writing a small font.</remarks>
    public static byte[] Write(Face face, int[] codePoints, OutlineGlyph[] glyphs)
    {
        ArgumentNullException.ThrowIfNull(face);
        ArgumentNullException.ThrowIfNull(codePoints);
        ArgumentNullException.ThrowIfNull(glyphs);
        var all = new OutlineGlyph[glyphs.Length + 1];
        all[0] = new OutlineGlyph(glyphs.Length > 0 ? glyphs[0].Advance : face.UnitsPerEm / 2, []);
        glyphs.CopyTo(all, 1);

        // glyf and loca (long offsets; each glyph 4-byte aligned), and the extents the other tables give.
        var glyf = new ByteWriter();
        var offsets = new int[all.Length + 1];
        int glyphIndex = 0;
        int maxPoints = 0, maxContours = 0, advanceMax = 0;
        int xMin = 0, yMin = 0, xMax = 0, yMax = 0, minLsb = 0, minRsb = 0, maxExtent = 0;
        bool any = false;
        foreach (OutlineGlyph glyph in all)
        {
            offsets[glyphIndex++] = glyf.Length;
            advanceMax = Math.Max(advanceMax, glyph.Advance);
            if (glyph.Contours.Count == 0)
            {
                continue;
            }

            (int gxMin, int gyMin, int gxMax, int gyMax) = (glyph.XMin, glyph.YMin, glyph.XMax, glyph.YMax);
            if (!any)
            {
                (xMin, yMin, xMax, yMax) = (gxMin, gyMin, gxMax, gyMax);
                (minLsb, minRsb, maxExtent) = (gxMin, glyph.Advance - gxMax, gxMax);
                any = true;
            }

            xMin = Math.Min(xMin, gxMin);
            yMin = Math.Min(yMin, gyMin);
            xMax = Math.Max(xMax, gxMax);
            yMax = Math.Max(yMax, gyMax);
            minLsb = Math.Min(minLsb, gxMin);
            minRsb = Math.Min(minRsb, glyph.Advance - gxMax);
            maxExtent = Math.Max(maxExtent, gxMax);
            maxContours = Math.Max(maxContours, glyph.Contours.Count);
            int points = 0;
            foreach (FontPoint[] contour in glyph.Contours)
            {
                points += contour.Length;
            }

            maxPoints = Math.Max(maxPoints, points);
            WriteGlyph(glyf, glyph);
            glyf.Align4();
        }

        offsets[glyphIndex] = glyf.Length;

        // Short offsets (halved, 16-bit) while they fit: glyphs are 4-byte aligned, so every offset is even.
        bool shortLoca = glyf.Length <= 0x1FFFE;
        var loca = new ByteWriter();
        foreach (int offset in offsets)
        {
            if (shortLoca)
            {
                loca.U16(offset / 2);
            }
            else
            {
                loca.U32((uint)offset);
            }
        }

        int metrics = HorizontalMetricsCount(all);

        // In tag order (ordinal: upper case first), as the table directory must list them.
        string[] tags = ["OS/2", "cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post"];
        byte[][] tables =
        [
            Os2(face, codePoints, all[0].Advance),
            Cmap(codePoints),
            glyf.ToArray(),
            Head(face, xMin, yMin, xMax, yMax, shortLoca),
            Hhea(face, metrics, advanceMax, minLsb, minRsb, maxExtent),
            Hmtx(all, metrics),
            loca.ToArray(),
            Maxp(all.Length, maxPoints, maxContours),
            Name(face),
            Post(face),
        ];

        return Assemble(tags, tables);
    }

    private static void WriteGlyph(ByteWriter w, OutlineGlyph glyph)
    {
        (int xMin, int yMin, int xMax, int yMax) = (glyph.XMin, glyph.YMin, glyph.XMax, glyph.YMax);
        w.I16(glyph.Contours.Count);
        w.I16(xMin);
        w.I16(yMin);
        w.I16(xMax);
        w.I16(yMax);
        int end = -1;
        foreach (FontPoint[] contour in glyph.Contours)
        {
            end += contour.Length;
            w.U16(end);
        }

        w.U16(0); // no instructions

        // Flags (with runs of one flag folded by the repeat bit), then x deltas, then y deltas: a delta of 0 takes no
        // byte, one under 256 takes one byte with its sign in the flag, others two.
        var flags = new List<byte>();
        var xs = new ByteWriter();
        var ys = new ByteWriter();
        int x = 0, y = 0;
        foreach (FontPoint[] contour in glyph.Contours)
        {
            foreach (FontPoint p in contour)
            {
                byte flag = p.OnCurve ? (byte)0x01 : (byte)0;
                flag |= Delta(xs, p.X - x, 0x02, 0x10);
                flag |= Delta(ys, p.Y - y, 0x04, 0x20);
                (x, y) = (p.X, p.Y);
                flags.Add(flag);
            }
        }

        for (int i = 0; i < flags.Count;)
        {
            int run = 1;
            while (i + run < flags.Count && flags[i + run] == flags[i] && run < 256)
            {
                run++;
            }

            if (run > 2)
            {
                w.U8(flags[i] | 0x08);
                w.U8(run - 1);
                i += run;
            }
            else
            {
                w.U8(flags[i]);
                i++;
            }
        }

        w.Bytes(xs.ToArray());
        w.Bytes(ys.ToArray());
    }

    private static byte Delta(ByteWriter w, int delta, byte shortBit, byte sameOrPositiveBit)
    {
        if (delta == 0)
        {
            return sameOrPositiveBit;
        }

        if (Math.Abs(delta) < 256)
        {
            w.U8(Math.Abs(delta));
            return (byte)(shortBit | (delta > 0 ? sameOrPositiveBit : 0));
        }

        w.I16(delta);
        return 0;
    }

    private static byte[] Head(Face face, int xMin, int yMin, int xMax, int yMax, bool shortLoca)
    {
        var w = new ByteWriter();
        w.U32(0x00010000); // version
        w.U32(0x00010000); // fontRevision
        w.U32(0); // checkSumAdjustment, set once the whole font is known
        w.U32(0x5F0F3CF5); // magic
        w.U16(0x0003); // baseline at y=0, left side bearing at x=0
        w.U16(face.UnitsPerEm);
        w.U32(0); // created (64-bit), zero: output must not depend on the clock
        w.U32(0);
        w.U32(0); // modified
        w.U32(0);
        w.I16(xMin);
        w.I16(yMin);
        w.I16(xMax);
        w.I16(yMax);
        w.U16((face.Bold ? 1 : 0) | (face.Italic ? 2 : 0)); // macStyle
        w.U16(8); // lowestRecPPEM
        w.I16(2); // fontDirectionHint (deprecated; 2 by convention)
        w.I16(shortLoca ? 0 : 1); // indexToLocFormat
        w.I16(0); // glyphDataFormat
        return w.ToArray();
    }

    private static byte[] Hhea(Face face, int metrics, int advanceMax, int minLsb, int minRsb, int maxExtent)
    {
        var w = new ByteWriter();
        w.U32(0x00010000);
        w.I16(face.Ascender);
        w.I16(face.Descender);
        w.I16(0); // lineGap
        w.U16(advanceMax);
        w.I16(minLsb);
        w.I16(minRsb);
        w.I16(maxExtent);
        w.I16(1); // caretSlopeRise
        w.I16(0); // caretSlopeRun
        w.I16(0); // caretOffset
        w.I16(0);
        w.I16(0);
        w.I16(0);
        w.I16(0);
        w.I16(0); // metricDataFormat
        w.U16(metrics); // numberOfHMetrics
        return w.ToArray();
    }

    /// <summary>
    /// Glyphs with an advance of their own in hmtx: the glyphs after the last change of advance share the last one
    /// and store only their left side bearing (in a monospaced font, most glyphs).
    /// </summary>
    private static int HorizontalMetricsCount(OutlineGlyph[] glyphs)
    {
        int count = glyphs.Length;
        while (count > 1 && glyphs[count - 2].Advance == glyphs[^1].Advance)
        {
            count--;
        }

        return count;
    }

    private static byte[] Hmtx(OutlineGlyph[] glyphs, int metrics)
    {
        var w = new ByteWriter();
        for (int i = 0; i < glyphs.Length; i++)
        {
            OutlineGlyph g = glyphs[i];
            if (i < metrics)
            {
                w.U16(g.Advance);
            }

            w.I16(g.XMin);
        }

        return w.ToArray();
    }

    private static byte[] Maxp(int glyphCount, int maxPoints, int maxContours)
    {
        var w = new ByteWriter();
        w.U32(0x00010000);
        w.U16(glyphCount);
        w.U16(maxPoints);
        w.U16(maxContours);
        w.U16(0); // maxCompositePoints
        w.U16(0); // maxCompositeContours
        w.U16(2); // maxZones
        w.U16(0); // maxTwilightPoints
        w.U16(0); // maxStorage
        w.U16(0); // maxFunctionDefs
        w.U16(0); // maxInstructionDefs
        w.U16(0); // maxStackElements
        w.U16(0); // maxSizeOfInstructions
        w.U16(0); // maxComponentElements
        w.U16(0); // maxComponentDepth
        return w.ToArray();
    }

    private static readonly byte[] Panose = [2, 0, 5, 9, 0, 0, 0, 0, 0, 0]; // Latin text, book weight, monospaced
    private static readonly byte[] PanoseBold = [2, 0, 8, 9, 0, 0, 0, 0, 0, 0];

    private static byte[] Os2(Face face, int[] codePoints, int advance)
    {
        int upem = face.UnitsPerEm;
        var w = new ByteWriter();
        w.U16(4); // version
        w.I16(advance); // xAvgCharWidth: a monospaced face
        w.U16(face.Bold ? 700 : 400);
        w.U16(5); // usWidthClass: normal
        w.U16(0); // fsType: installable
        w.I16(upem * 65 / 100); // ySubscriptXSize
        w.I16(upem * 60 / 100); // ySubscriptYSize
        w.I16(0);
        w.I16(upem * 7 / 100);
        w.I16(upem * 65 / 100); // ySuperscriptXSize
        w.I16(upem * 60 / 100);
        w.I16(0);
        w.I16(upem * 48 / 100);
        w.I16(upem / 20); // yStrikeoutSize
        w.I16(upem * 26 / 100); // yStrikeoutPosition
        w.I16(0); // sFamilyClass
        w.Bytes(face.Bold ? PanoseBold : Panose);
        w.U32(0); // ulUnicodeRange1-4
        w.U32(0);
        w.U32(0);
        w.U32(0);
        w.Bytes("CAST"u8);
        int selection = (face.Bold ? 0x20 : 0) | (face.Italic ? 0x01 : 0);
        w.U16(selection == 0 ? 0x40 : selection); // fsSelection: REGULAR when neither
        int first = codePoints.Length > 0 ? codePoints[0] : 0x20;
        int last = codePoints.Length > 0 ? codePoints[^1] : 0x20;
        w.U16(Math.Min(first, 0xFFFF));
        w.U16(Math.Min(last, 0xFFFF));
        w.I16(face.Ascender); // sTypoAscender
        w.I16(face.Descender); // sTypoDescender
        w.I16(0); // sTypoLineGap
        w.U16(Math.Max(0, face.Ascender)); // usWinAscent
        w.U16(Math.Max(0, -face.Descender)); // usWinDescent
        w.U32(1); // ulCodePageRange1: Latin 1
        w.U32(0);
        w.I16(0); // sxHeight
        w.I16(0); // sCapHeight
        w.U16(0); // usDefaultChar
        w.U16(0x20); // usBreakChar
        w.U16(1); // usMaxContext
        return w.ToArray();
    }

    /// <summary>
    /// Windows Unicode BMP (format 4) and, when needed, full repertoire (format 12) mappings. Glyph ids follow code
    /// point order, so each run of consecutive code points is one segment (one group) with a constant delta.
    /// </summary>
    private static byte[] Cmap(int[] codePoints)
    {
        // Runs of consecutive code points: start, end, first glyph id.
        var starts = new List<int>();
        var ends = new List<int>();
        var firstGlyphs = new List<int>();
        for (int i = 0; i < codePoints.Length; i++)
        {
            int cp = codePoints[i];
            if (ends.Count > 0 && ends[^1] == cp - 1)
            {
                ends[^1] = cp;
            }
            else
            {
                starts.Add(cp);
                ends.Add(cp);
                firstGlyphs.Add(i + 1);
            }
        }

        // Format 4: BMP runs (a run crossing U+FFFF is cut), then the required final 0xFFFF segment.
        int bmpRuns = 0;
        bool beyondBmp = false;
        for (int r = 0; r < starts.Count; r++)
        {
            bmpRuns += starts[r] < 0xFFFF ? 1 : 0;
            beyondBmp |= ends[r] > 0xFFFF;
        }

        int segments = bmpRuns + 1;
        int searchRange = 2 * (1 << (int)Math.Floor(Math.Log2(segments)));
        var f4 = new ByteWriter();
        f4.U16(4);
        f4.U16(16 + (segments * 8)); // length
        f4.U16(0); // language
        f4.U16(segments * 2);
        f4.U16(searchRange);
        f4.U16((int)Math.Log2(searchRange / 2));
        f4.U16((segments * 2) - searchRange);
        for (int r = 0; r < bmpRuns; r++)
        {
            f4.U16(Math.Min(ends[r], 0xFFFE));
        }

        f4.U16(0xFFFF);
        f4.U16(0); // reservedPad
        for (int r = 0; r < bmpRuns; r++)
        {
            f4.U16(starts[r]);
        }

        f4.U16(0xFFFF);
        for (int r = 0; r < bmpRuns; r++)
        {
            f4.U16((firstGlyphs[r] - starts[r]) & 0xFFFF); // idDelta
        }

        f4.U16(1); // 0xFFFF + 1 → glyph 0
        for (int r = 0; r < segments; r++)
        {
            f4.U16(0); // idRangeOffset
        }

        var cmap = new ByteWriter();
        cmap.U16(0);
        cmap.U16(beyondBmp ? 2 : 1);
        int offset = 4 + ((beyondBmp ? 2 : 1) * 8);
        cmap.U16(3);
        cmap.U16(1);
        cmap.U32((uint)offset);
        byte[] format4 = f4.ToArray();
        if (beyondBmp)
        {
            cmap.U16(3);
            cmap.U16(10);
            cmap.U32((uint)(offset + format4.Length));
        }

        cmap.Bytes(format4);
        if (beyondBmp)
        {
            cmap.U16(12);
            cmap.U16(0);
            cmap.U32((uint)(16 + (starts.Count * 12)));
            cmap.U32(0); // language
            cmap.U32((uint)starts.Count);
            for (int r = 0; r < starts.Count; r++)
            {
                cmap.U32((uint)starts[r]);
                cmap.U32((uint)ends[r]);
                cmap.U32((uint)firstGlyphs[r]);
            }
        }

        return cmap.ToArray();
    }

    private static byte[] Name(Face face)
    {
        string style = (face.Bold, face.Italic) switch
        {
            (true, true) => "Bold Italic",
            (true, false) => "Bold",
            (false, true) => "Italic",
            _ => "Regular",
        };
        // The names OTS and platforms expect (family, subfamily, unique, full, version, PostScript), kept short: the
        // font travels base64 in every SVG. The outlines come from the bundled fonts (their licences: fonts/).
        string postScript = face.Family + "-" + style.Replace(" ", string.Empty, StringComparison.Ordinal);
        string[] strings = [string.Empty, face.Family, style, postScript, postScript, "1.0", postScript];
        var storage = new ByteWriter();
        var w = new ByteWriter();
        int records = 0;
        foreach (string text in strings)
        {
            records += text.Length > 0 ? 1 : 0;
        }

        w.U16(0); // format
        w.U16(records);
        w.U16(6 + (records * 12)); // storage offset
        for (int id = 0; id < strings.Length; id++)
        {
            if (strings[id].Length == 0)
            {
                continue;
            }

            byte[] text = Encoding.BigEndianUnicode.GetBytes(strings[id]);
            w.U16(3); // Windows
            w.U16(1); // Unicode BMP
            w.U16(0x409); // en-US
            w.U16(id);
            w.U16(text.Length);
            w.U16(storage.Length);
            storage.Bytes(text);
        }

        w.Bytes(storage.ToArray());
        return w.ToArray();
    }

    private static byte[] Post(Face face)
    {
        var w = new ByteWriter();
        w.U32(0x00030000); // version 3: no glyph names
        w.U32(face.Italic ? unchecked((uint)(-12 << 16)) : 0); // italicAngle (16.16)
        w.I16(-face.UnitsPerEm / 10); // underlinePosition
        w.I16(face.UnitsPerEm / 20); // underlineThickness
        w.U32(1); // isFixedPitch
        w.U32(0);
        w.U32(0);
        w.U32(0);
        w.U32(0);
        return w.ToArray();
    }

    /// <summary>The table directory and tables (each 4-byte aligned), with checksums and head's adjustment.</summary>
    private static byte[] Assemble(string[] tags, byte[][] tables)
    {
        int count = tables.Length;
        int searchRange = 16 * (1 << (int)Math.Floor(Math.Log2(count)));
        var w = new ByteWriter();
        w.U32(0x00010000);
        w.U16(count);
        w.U16(searchRange);
        w.U16((int)Math.Log2(searchRange / 16));
        w.U16((count * 16) - searchRange);
        int offset = 12 + (16 * count);
        int headOffset = 0;
        for (int i = 0; i < count; i++)
        {
            byte[] data = tables[i];
            w.Bytes(Encoding.ASCII.GetBytes(tags[i]));
            w.U32(Checksum(data));
            w.U32((uint)offset);
            w.U32((uint)data.Length);
            if (tags[i] == "head")
            {
                headOffset = offset;
            }

            offset += (data.Length + 3) & ~3;
        }

        foreach (byte[] data in tables)
        {
            w.Bytes(data);
            w.Align4();
        }

        byte[] font = w.ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(headOffset + 8), unchecked(0xB1B0AFBA - Checksum(font)));
        return font;
    }

    /// <summary>The sum of the data as big-endian 32-bit words (zero-padded), as the sfnt table directory holds it.</summary>
    public static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        int i = 0;
        for (; i + 4 <= data.Length; i += 4)
        {
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(data[i..]));
        }

        if (i < data.Length)
        {
            Span<byte> last = stackalloc byte[4];
            last.Clear();
            data[i..].CopyTo(last);
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(last));
        }

        return sum;
    }

    /// <summary>Big-endian writer over a growing buffer.</summary>
    internal sealed class ByteWriter
    {
        private readonly MemoryStream _stream = new();

        public int Length => (int)_stream.Length;

        public void U8(int value) => _stream.WriteByte((byte)value);

        public void U16(int value)
        {
            _stream.WriteByte((byte)(value >> 8));
            _stream.WriteByte((byte)value);
        }

        public void I16(int value) => U16(value & 0xFFFF);

        public void U32(uint value)
        {
            Span<byte> b = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(b, value);
            _stream.Write(b);
        }

        public void Bytes(ReadOnlySpan<byte> data) => _stream.Write(data);

        public void Align4()
        {
            while ((_stream.Length & 3) != 0)
            {
                _stream.WriteByte(0);
            }
        }

        public byte[] ToArray() => _stream.ToArray();
    }
}
