using System.Buffers.Binary;
using System.IO.Compression;

namespace CastTools.Render.Svg;

/// <summary>
/// Wraps a TrueType font in WOFF 1.0: the same tables, each zlib-compressed when that makes it smaller. Every
/// browser reads WOFF; it is about half the size of the bare font, which matters once it is base64 in a data URI.
/// </summary>
internal static class WoffWriter
{
    /// <summary>Tables smaller than this stay as they are: each zlib stream costs its setup (some hundred KB of
    /// state, a millisecond on a cold process) for a few bytes saved; the font is built compact instead.</summary>
    private const int MinCompressed = 512;

    public static byte[] Wrap(ReadOnlySpan<byte> sfnt)
    {
        int count = BinaryPrimitives.ReadUInt16BigEndian(sfnt[4..]);
        var tags = new uint[count];
        var checksums = new uint[count];
        var data = new byte[count][];
        var lengths = new int[count];
        int total = 44 + (20 * count);
        int sfntSize = 12 + (16 * count);
        for (int i = 0; i < count; i++)
        {
            ReadOnlySpan<byte> record = sfnt.Slice(12 + (16 * i), 16);
            tags[i] = BinaryPrimitives.ReadUInt32BigEndian(record);
            checksums[i] = BinaryPrimitives.ReadUInt32BigEndian(record[4..]);
            int offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            int length = (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            ReadOnlySpan<byte> table = sfnt.Slice(offset, length);
            byte[]? compressed = length >= MinCompressed ? Compress(table) : null;
            data[i] = compressed is not null && compressed.Length < length ? compressed : table.ToArray();
            lengths[i] = length;
            total += (data[i].Length + 3) & ~3;
            sfntSize += (length + 3) & ~3;
        }

        int headerLength = 44 + (20 * count);
        var w = new TrueTypeWriter.ByteWriter();
        w.Bytes("wOFF"u8);
        w.U32(0x00010000); // flavor: TrueType outlines
        w.U32((uint)total);
        w.U16(count);
        w.U16(0); // reserved
        w.U32((uint)sfntSize);
        w.U16(1); // major version
        w.U16(0);
        w.U32(0); // metadata offset, length, original length
        w.U32(0);
        w.U32(0);
        w.U32(0); // private data offset, length
        w.U32(0);
        int at = headerLength;
        for (int i = 0; i < count; i++)
        {
            w.U32(tags[i]);
            w.U32((uint)at);
            w.U32((uint)data[i].Length);
            w.U32((uint)lengths[i]);
            w.U32(checksums[i]);
            at += (data[i].Length + 3) & ~3;
        }

        foreach (byte[] table in data)
        {
            w.Bytes(table);
            w.Align4();
        }

        return w.ToArray();
    }

    private static byte[] Compress(ReadOnlySpan<byte> data)
    {
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return buffer.ToArray();
    }
}
