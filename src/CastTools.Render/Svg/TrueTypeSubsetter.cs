using System.Buffers.Binary;

namespace CastTools.Render.Svg;

/// <summary>
/// A small TrueType (glyf) subsetter for fonts embedded in SVG text mode. .NET has no font subsetting library, so
/// this does the simplest valid thing: glyph ids stay as they are (cmap and hmtx keep working), every glyph not
/// used (and not a component of a used composite) becomes empty in <c>glyf</c>, the <c>loca</c> is rebuilt, and
/// tables a browser does not need for drawing a terminal grid are dropped (GSUB/GPOS/GDEF: no ligatures wanted
/// anyway; glyph names in <c>post</c>; DSIG, kern and the like). The result is a valid font a fraction of the size.
/// CFF-flavoured (OTF) fonts are not handled: <see cref="CanSubset"/> says false and their glyphs stay outlines.
/// </summary>
internal static class TrueTypeSubsetter
{
    private static readonly HashSet<string> KeptTables = ["cmap", "cvt ", "fpgm", "gasp", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "OS/2", "post", "prep"];

    public static bool CanSubset(ReadOnlySpan<byte> font) =>
        font.Length > 12 && BinaryPrimitives.ReadUInt32BigEndian(font) is 0x00010000 or 0x74727565 /* 'true' */
        && FindTable(font, "glyf", out _, out _) && FindTable(font, "loca", out _, out _);

    /// <summary>A copy of <paramref name="font"/> keeping only the outlines of <paramref name="glyphs"/> (and .notdef).</summary>
    public static byte[] Subset(byte[] font, IEnumerable<ushort> glyphs)
    {
        ArgumentNullException.ThrowIfNull(font);
        if (!CanSubset(font))
        {
            throw new ArgumentException("not a TrueType (glyf) font", nameof(font));
        }

        FindTable(font, "head", out int headOffset, out _);
        FindTable(font, "maxp", out int maxpOffset, out _);
        FindTable(font, "loca", out int locaOffset, out _);
        FindTable(font, "glyf", out int glyfOffset, out int glyfLength);
        bool longLoca = BinaryPrimitives.ReadInt16BigEndian(font.AsSpan(headOffset + 50)) == 1;
        int numGlyphs = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(maxpOffset + 4));
        byte[] fontBytes = font;

        (int Start, int End) GlyphRange(int id)
        {
            ReadOnlySpan<byte> font = fontBytes;
            int start, end;
            if (longLoca)
            {
                start = (int)BinaryPrimitives.ReadUInt32BigEndian(font[(locaOffset + (4 * id))..]);
                end = (int)BinaryPrimitives.ReadUInt32BigEndian(font[(locaOffset + (4 * (id + 1)))..]);
            }
            else
            {
                start = 2 * BinaryPrimitives.ReadUInt16BigEndian(font[(locaOffset + (2 * id))..]);
                end = 2 * BinaryPrimitives.ReadUInt16BigEndian(font[(locaOffset + (2 * (id + 1)))..]);
            }

            end = Math.Clamp(end, 0, glyfLength);
            start = Math.Clamp(start, 0, end);
            return (start, end);
        }

        // The used glyphs and, transitively, the components of composite glyphs.
        var keep = new bool[numGlyphs];
        var pending = new Stack<int>();
        pending.Push(0);
        foreach (ushort g in glyphs)
        {
            pending.Push(g);
        }

        while (pending.Count > 0)
        {
            int id = pending.Pop();
            if ((uint)id >= (uint)numGlyphs || keep[id])
            {
                continue;
            }

            keep[id] = true;
            (int start, int end) = GlyphRange(id);
            ReadOnlySpan<byte> glyph = font.AsSpan(glyfOffset + start, end - start);
            if (glyph.Length >= 10 && BinaryPrimitives.ReadInt16BigEndian(glyph) < 0)
            {
                int p = 10;
                ushort flags;
                do
                {
                    flags = BinaryPrimitives.ReadUInt16BigEndian(glyph[p..]);
                    pending.Push(BinaryPrimitives.ReadUInt16BigEndian(glyph[(p + 2)..]));
                    p += 4 + ((flags & 0x0001) != 0 ? 4 : 2); // ARG_1_AND_2_ARE_WORDS
                    p += (flags & 0x0008) != 0 ? 2 : (flags & 0x0040) != 0 ? 4 : (flags & 0x0080) != 0 ? 8 : 0; // scales
                }
                while ((flags & 0x0020) != 0 && p + 4 <= glyph.Length); // MORE_COMPONENTS
            }
        }

        // New glyf and (long) loca.
        using var glyf = new MemoryStream();
        byte[] loca = new byte[4 * (numGlyphs + 1)];
        for (int id = 0; id < numGlyphs; id++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(loca.AsSpan(4 * id), (uint)glyf.Length);
            if (keep[id])
            {
                (int start, int end) = GlyphRange(id);
                glyf.Write(font.AsSpan(glyfOffset + start, end - start));
                while (glyf.Length % 4 != 0)
                {
                    glyf.WriteByte(0);
                }
            }
        }

        BinaryPrimitives.WriteUInt32BigEndian(loca.AsSpan(4 * numGlyphs), (uint)glyf.Length);

        // Assemble the kept tables in tag order.
        var tables = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        int count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        for (int i = 0; i < count; i++)
        {
            ReadOnlySpan<byte> record = font.AsSpan(12 + (16 * i), 16);
            string tag = System.Text.Encoding.ASCII.GetString(record[..4]);
            if (!KeptTables.Contains(tag))
            {
                continue;
            }

            int offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            int length = (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            byte[] data = tag switch
            {
                "glyf" => glyf.ToArray(),
                "loca" => loca,
                "post" => font.AsSpan(offset, Math.Min(32, length)).ToArray(),
                _ => font.AsSpan(offset, length).ToArray(),
            };

            if (tag == "post")
            {
                BinaryPrimitives.WriteUInt32BigEndian(data, 0x00030000); // version 3: no glyph names
            }
            else if (tag == "head")
            {
                BinaryPrimitives.WriteInt16BigEndian(data.AsSpan(50), 1); // long loca
                BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(8), 0); // checkSumAdjustment, set below
            }

            tables[tag] = data;
        }

        return Assemble(tables);
    }

    private static byte[] Assemble(SortedDictionary<string, byte[]> tables)
    {
        int count = tables.Count;
        int searchRange = 1, entrySelector = 0;
        while (searchRange * 2 <= count)
        {
            searchRange *= 2;
            entrySelector++;
        }

        searchRange *= 16;
        int offset = 12 + (16 * count);
        int total = offset;
        foreach (byte[] data in tables.Values)
        {
            total += (data.Length + 3) & ~3;
        }

        byte[] output = new byte[total];
        Span<byte> o = output;
        BinaryPrimitives.WriteUInt32BigEndian(o, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(o[4..], (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(o[6..], (ushort)searchRange);
        BinaryPrimitives.WriteUInt16BigEndian(o[8..], (ushort)entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(o[10..], (ushort)((count * 16) - searchRange));
        int index = 0;
        int headOffset = -1;
        foreach ((string tag, byte[] data) in tables)
        {
            Span<byte> record = o.Slice(12 + (16 * index++), 16);
            System.Text.Encoding.ASCII.GetBytes(tag, record);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], TrueTypeWriter.Checksum(data));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)data.Length);
            data.CopyTo(o[offset..]);
            if (tag == "head")
            {
                headOffset = offset;
            }

            offset += (data.Length + 3) & ~3;
        }

        if (headOffset >= 0)
        {
            BinaryPrimitives.WriteUInt32BigEndian(o[(headOffset + 8)..], unchecked(0xB1B0AFBA - TrueTypeWriter.Checksum(output)));
        }

        return output;
    }

    private static bool FindTable(ReadOnlySpan<byte> font, string tag, out int offset, out int length)
    {
        int count = BinaryPrimitives.ReadUInt16BigEndian(font[4..]);
        for (int i = 0; i < count && 12 + (16 * (i + 1)) <= font.Length; i++)
        {
            ReadOnlySpan<byte> record = font.Slice(12 + (16 * i), 16);
            if (record[0] == tag[0] && record[1] == tag[1] && record[2] == tag[2] && record[3] == tag[3])
            {
                offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
                length = (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
                return offset >= 0 && length >= 0 && (long)offset + length <= font.Length;
            }
        }

        offset = length = 0;
        return false;
    }
}
