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
    /// The font file. <paramref name="glyphs"/> are mapped from their code points (ascending, each once); glyph 0
    /// (.notdef) is added, empty, with the advance of the first glyph.
    /// </summary>
    public static byte[] Write(Face face, IReadOnlyList<(int CodePoint, OutlineGlyph Glyph)> glyphs)
    {
        ArgumentNullException.ThrowIfNull(face);
        ArgumentNullException.ThrowIfNull(glyphs);
        var all = new List<OutlineGlyph>(glyphs.Count + 1) { new(glyphs.Count > 0 ? glyphs[0].Glyph.Advance : face.UnitsPerEm / 2, []) };
        all.AddRange(glyphs.Select(g => g.Glyph));

        // glyf and loca (long offsets; each glyph 4-byte aligned).
        var glyf = new ByteWriter();
        var loca = new ByteWriter();
        int maxPoints = 0, maxContours = 0;
        int xMin = 0, yMin = 0, xMax = 0, yMax = 0;
        bool any = false;
        foreach (OutlineGlyph glyph in all)
        {
            loca.U32((uint)glyf.Length);
            if (glyph.Contours.Count == 0)
            {
                continue;
            }

            (int gxMin, int gyMin, int gxMax, int gyMax) = glyph.Bounds;
            (xMin, yMin, xMax, yMax) = any ? (Math.Min(xMin, gxMin), Math.Min(yMin, gyMin), Math.Max(xMax, gxMax), Math.Max(yMax, gyMax)) : (gxMin, gyMin, gxMax, gyMax);
            any = true;
            maxContours = Math.Max(maxContours, glyph.Contours.Count);
            maxPoints = Math.Max(maxPoints, glyph.Contours.Sum(c => c.Length));
            WriteGlyph(glyf, glyph);
            glyf.Align4();
        }

        loca.U32((uint)glyf.Length);
        int advanceMax = all.Max(g => g.Advance);
        int minLsb = 0, minRsb = 0, maxExtent = 0;
        bool anyInk = false;
        foreach (OutlineGlyph g in all.Where(g => g.Contours.Count > 0))
        {
            (int gxMin, _, int gxMax, _) = g.Bounds;
            (minLsb, minRsb, maxExtent) = anyInk
                ? (Math.Min(minLsb, gxMin), Math.Min(minRsb, g.Advance - gxMax), Math.Max(maxExtent, gxMax))
                : (gxMin, g.Advance - gxMax, gxMax);
            anyInk = true;
        }

        var tables = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["OS/2"] = Os2(face, glyphs, all),
            ["cmap"] = Cmap(glyphs),
            ["glyf"] = glyf.ToArray(),
            ["head"] = Head(face, xMin, yMin, xMax, yMax),
            ["hhea"] = Hhea(face, all.Count, advanceMax, minLsb, minRsb, maxExtent),
            ["hmtx"] = Hmtx(all),
            ["loca"] = loca.ToArray(),
            ["maxp"] = Maxp(all.Count, maxPoints, maxContours),
            ["name"] = Name(face),
            ["post"] = Post(face),
        };

        return Assemble(tables);
    }

    private static void WriteGlyph(ByteWriter w, OutlineGlyph glyph)
    {
        (int xMin, int yMin, int xMax, int yMax) = glyph.Bounds;
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

    private static byte[] Head(Face face, int xMin, int yMin, int xMax, int yMax)
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
        w.I16(1); // indexToLocFormat: long
        w.I16(0); // glyphDataFormat
        return w.ToArray();
    }

    private static byte[] Hhea(Face face, int glyphCount, int advanceMax, int minLsb, int minRsb, int maxExtent)
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
        w.U16(glyphCount); // numberOfHMetrics: every glyph has its own
        return w.ToArray();
    }

    private static byte[] Hmtx(List<OutlineGlyph> glyphs)
    {
        var w = new ByteWriter();
        foreach (OutlineGlyph g in glyphs)
        {
            w.U16(g.Advance);
            w.I16(g.Contours.Count == 0 ? 0 : g.Bounds.XMin);
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

    private static byte[] Os2(Face face, IReadOnlyList<(int CodePoint, OutlineGlyph Glyph)> glyphs, List<OutlineGlyph> all)
    {
        int upem = face.UnitsPerEm;
        int advance = all[0].Advance;
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
        w.Bytes([2, 0, (byte)(face.Bold ? 8 : 5), 9, 0, 0, 0, 0, 0, 0]); // PANOSE: Latin text, monospaced
        w.U32(0); // ulUnicodeRange1-4
        w.U32(0);
        w.U32(0);
        w.U32(0);
        w.Bytes("CAST"u8);
        int selection = (face.Bold ? 0x20 : 0) | (face.Italic ? 0x01 : 0);
        w.U16(selection == 0 ? 0x40 : selection); // fsSelection: REGULAR when neither
        int first = glyphs.Count > 0 ? glyphs[0].CodePoint : 0x20;
        int last = glyphs.Count > 0 ? glyphs[^1].CodePoint : 0x20;
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
    private static byte[] Cmap(IReadOnlyList<(int CodePoint, OutlineGlyph Glyph)> glyphs)
    {
        // Runs of consecutive code points: (start, end, first glyph id).
        var runs = new List<(int Start, int End, int Glyph)>();
        for (int i = 0; i < glyphs.Count; i++)
        {
            int cp = glyphs[i].CodePoint;
            if (runs.Count > 0 && runs[^1].End == cp - 1)
            {
                runs[^1] = (runs[^1].Start, cp, runs[^1].Glyph);
            }
            else
            {
                runs.Add((cp, cp, i + 1));
            }
        }

        // Format 4: BMP runs (a run crossing U+FFFF is cut), then the required final 0xFFFF segment.
        var bmp = runs.Where(r => r.Start < 0xFFFF).Select(r => (r.Start, End: Math.Min(r.End, 0xFFFE), r.Glyph)).ToList();
        bmp.Add((0xFFFF, 0xFFFF, 0));
        int segments = bmp.Count;
        int searchRange = 2 * (1 << (int)Math.Floor(Math.Log2(segments)));
        var f4 = new ByteWriter();
        f4.U16(4);
        f4.U16(16 + (segments * 8)); // length
        f4.U16(0); // language
        f4.U16(segments * 2);
        f4.U16(searchRange);
        f4.U16((int)Math.Log2(searchRange / 2));
        f4.U16((segments * 2) - searchRange);
        foreach ((int _, int end, int _) in bmp)
        {
            f4.U16(end);
        }

        f4.U16(0); // reservedPad
        foreach ((int start, int _, int _) in bmp)
        {
            f4.U16(start);
        }

        foreach ((int start, int _, int glyph) in bmp)
        {
            f4.U16(start == 0xFFFF ? 1 : (glyph - start) & 0xFFFF); // idDelta (0xFFFF + 1 → glyph 0)
        }

        foreach ((int _, int _, int _) in bmp)
        {
            f4.U16(0); // idRangeOffset
        }

        bool beyondBmp = runs.Any(r => r.End > 0xFFFF);
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
            cmap.U32((uint)(16 + (runs.Count * 12)));
            cmap.U32(0); // language
            cmap.U32((uint)runs.Count);
            foreach ((int start, int end, int glyph) in runs)
            {
                cmap.U32((uint)start);
                cmap.U32((uint)end);
                cmap.U32((uint)glyph);
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
        string[] strings =
        [
            "Outlines drawn by casttools", // 0 copyright: the shapes come from the bundled fonts (see their licences)
            face.Family, // 1 family
            style, // 2 subfamily
            face.Family + " " + style, // 3 unique id
            face.Family + " " + style, // 4 full name
            "Version 1.0", // 5 version
            face.Family + "-" + style.Replace(" ", string.Empty, StringComparison.Ordinal), // 6 PostScript name
        ];
        var storage = new ByteWriter();
        var w = new ByteWriter();
        w.U16(0); // format
        w.U16(strings.Length);
        w.U16(6 + (strings.Length * 12)); // storage offset
        for (int id = 0; id < strings.Length; id++)
        {
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
    private static byte[] Assemble(SortedDictionary<string, byte[]> tables)
    {
        int count = tables.Count;
        int searchRange = 16 * (1 << (int)Math.Floor(Math.Log2(count)));
        var w = new ByteWriter();
        w.U32(0x00010000);
        w.U16(count);
        w.U16(searchRange);
        w.U16((int)Math.Log2(searchRange / 16));
        w.U16((count * 16) - searchRange);
        int offset = 12 + (16 * count);
        int headOffset = 0;
        foreach ((string tag, byte[] data) in tables)
        {
            w.Bytes(Encoding.ASCII.GetBytes(tag));
            w.U32(Checksum(data));
            w.U32((uint)offset);
            w.U32((uint)data.Length);
            if (tag == "head")
            {
                headOffset = offset;
            }

            offset += (data.Length + 3) & ~3;
        }

        foreach (byte[] data in tables.Values)
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
