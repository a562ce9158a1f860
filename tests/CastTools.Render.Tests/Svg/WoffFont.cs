using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace CastTools.Render.Tests.Svg;

/// <summary>
/// Reads what the tests check in an embedded WOFF font, independently of the writer: the tables (checksums
/// verified), units per em, the character map (formats 4 and 12) and each glyph's advance and contour count.
/// </summary>
internal sealed class WoffFont
{
    public WoffFont(byte[] woff)
    {
        Assert.Equal("wOFF", Encoding.ASCII.GetString(woff, 0, 4));
        Assert.Equal(woff.Length, (int)BinaryPrimitives.ReadUInt32BigEndian(woff.AsSpan(8)));
        int count = BinaryPrimitives.ReadUInt16BigEndian(woff.AsSpan(12));
        for (int i = 0; i < count; i++)
        {
            ReadOnlySpan<byte> entry = woff.AsSpan(44 + (20 * i), 20);
            string tag = Encoding.ASCII.GetString(entry[..4]);
            int offset = (int)BinaryPrimitives.ReadUInt32BigEndian(entry[4..]);
            int compressed = (int)BinaryPrimitives.ReadUInt32BigEndian(entry[8..]);
            int length = (int)BinaryPrimitives.ReadUInt32BigEndian(entry[12..]);
            uint checksum = BinaryPrimitives.ReadUInt32BigEndian(entry[16..]);
            byte[] data = woff.AsSpan(offset, compressed).ToArray();
            if (compressed < length)
            {
                using var zlib = new ZLibStream(new MemoryStream(data), CompressionMode.Decompress);
                using var plain = new MemoryStream();
                zlib.CopyTo(plain);
                data = plain.ToArray();
            }

            Assert.Equal(length, data.Length);
            if (tag != "head")
            {
                Assert.Equal(checksum, Checksum(data));
            }

            Tables[tag] = data;
        }

        UnitsPerEm = U16(Tables["head"], 18);
        GlyphCount = U16(Tables["maxp"], 4);
        ReadCmap(Tables["cmap"]);
        int metrics = U16(Tables["hhea"], 34);
        byte[] hmtx = Tables["hmtx"];
        byte[] loca = Tables["loca"];
        byte[] glyf = Tables["glyf"];
        bool shortLoca = U16(Tables["head"], 50) == 0;
        for (int g = 0; g < GlyphCount; g++)
        {
            Advances.Add(U16(hmtx, 4 * Math.Min(g, metrics - 1)));
            int start = shortLoca ? 2 * U16(loca, 2 * g) : (int)BinaryPrimitives.ReadUInt32BigEndian(loca.AsSpan(4 * g));
            int end = shortLoca ? 2 * U16(loca, 2 * (g + 1)) : (int)BinaryPrimitives.ReadUInt32BigEndian(loca.AsSpan(4 * (g + 1)));
            Contours.Add(end > start ? (short)U16(glyf, start) : 0);
        }
    }

    public Dictionary<string, byte[]> Tables { get; } = new(StringComparer.Ordinal);

    public int UnitsPerEm { get; }

    public int GlyphCount { get; }

    /// <summary>Code point → glyph id.</summary>
    public Dictionary<int, int> Cmap { get; } = [];

    public List<int> Advances { get; } = [];

    public List<int> Contours { get; } = [];

    private void ReadCmap(byte[] cmap)
    {
        int tables = U16(cmap, 2);
        for (int i = 0; i < tables; i++)
        {
            int offset = (int)BinaryPrimitives.ReadUInt32BigEndian(cmap.AsSpan(4 + (8 * i) + 4));
            int format = U16(cmap, offset);
            if (format == 4)
            {
                int segments = U16(cmap, offset + 6) / 2;
                int ends = offset + 14, starts = ends + (2 * segments) + 2, deltas = starts + (2 * segments), ranges = deltas + (2 * segments);
                for (int s = 0; s < segments; s++)
                {
                    int start = U16(cmap, starts + (2 * s)), end = U16(cmap, ends + (2 * s));
                    Assert.Equal(0, U16(cmap, ranges + (2 * s)));
                    for (int cp = start; cp <= end && cp != 0xFFFF; cp++)
                    {
                        Cmap[cp] = (cp + U16(cmap, deltas + (2 * s))) & 0xFFFF;
                    }
                }
            }
            else if (format == 12)
            {
                int groups = (int)BinaryPrimitives.ReadUInt32BigEndian(cmap.AsSpan(offset + 12));
                for (int g = 0; g < groups; g++)
                {
                    ReadOnlySpan<byte> group = cmap.AsSpan(offset + 16 + (12 * g), 12);
                    uint start = BinaryPrimitives.ReadUInt32BigEndian(group), end = BinaryPrimitives.ReadUInt32BigEndian(group[4..]);
                    uint glyph = BinaryPrimitives.ReadUInt32BigEndian(group[8..]);
                    for (uint cp = start; cp <= end; cp++)
                    {
                        Cmap[(int)cp] = (int)(glyph + cp - start);
                    }
                }
            }
        }
    }

    private static int U16(byte[] data, int offset) => BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(offset));

    private static uint Checksum(byte[] data)
    {
        uint sum = 0;
        byte[] padded = new byte[(data.Length + 3) & ~3];
        data.CopyTo(padded, 0);
        for (int i = 0; i < padded.Length; i += 4)
        {
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(padded.AsSpan(i)));
        }

        return sum;
    }
}
