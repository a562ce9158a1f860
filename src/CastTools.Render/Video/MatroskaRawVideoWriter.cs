using System.Buffers.Binary;

namespace CastTools.Render.Video;

/// <summary>
/// A minimal Matroska muxer for uncompressed BGRA video, written to a forward-only stream (ffmpeg's stdin).
/// Raw video piped as <c>-f rawvideo</c> carries no timestamps, so it forces a constant frame rate; a Matroska
/// stream gives every frame its own timestamp, so the encoder sees the cast's timing exactly and no duplicate frames
/// are sent. Only the elements ffmpeg's demuxer needs are written: EBML header, one Segment of unknown size (the
/// stream is not seekable), Info, one video track (<c>V_UNCOMPRESSED</c>, colour space <c>BGRA</c>) and one Cluster
/// per frame holding one SimpleBlock.
/// </summary>
internal sealed class MatroskaRawVideoWriter
{
    // Element IDs from the Matroska specification (RFC 9559), with their marker bits.
    private const uint EbmlId = 0x1A45DFA3;
    private const uint EbmlVersionId = 0x4286;
    private const uint EbmlReadVersionId = 0x42F7;
    private const uint EbmlMaxIdLengthId = 0x42F2;
    private const uint EbmlMaxSizeLengthId = 0x42F3;
    private const uint DocTypeId = 0x4282;
    private const uint DocTypeVersionId = 0x4287;
    private const uint DocTypeReadVersionId = 0x4285;
    private const uint SegmentId = 0x18538067;
    private const uint InfoId = 0x1549A966;
    private const uint TimestampScaleId = 0x2AD7B1;
    private const uint MuxingAppId = 0x4D80;
    private const uint WritingAppId = 0x5741;
    private const uint TracksId = 0x1654AE6B;
    private const uint TrackEntryId = 0xAE;
    private const uint TrackNumberId = 0xD7;
    private const uint TrackUidId = 0x73C5;
    private const uint TrackTypeId = 0x83;
    private const uint DefaultDurationId = 0x23E383;
    private const uint CodecIdId = 0x86;
    private const uint VideoId = 0xE0;
    private const uint PixelWidthId = 0xB0;
    private const uint PixelHeightId = 0xBA;
    private const uint ColourSpaceId = 0x2EB524;
    private const uint ClusterId = 0x1F43B675;
    private const uint ClusterTimestampId = 0xE7;
    private const uint SimpleBlockId = 0xA3;

    /// <summary>Timestamps are written in microseconds (TimestampScale is in nanoseconds).</summary>
    private const ulong TimestampScaleNs = 1000;

    private readonly Stream _output;
    private readonly int _frameBytes;
    private readonly byte[] _scratch = new byte[64];

    /// <param name="defaultDurationUs">
    /// The track's nominal frame duration. ffmpeg gives the last frame this duration, so the caller can end the
    /// video exactly by repeating the last frame at <c>end - defaultDurationUs</c>.
    /// </param>
    public MatroskaRawVideoWriter(Stream output, int width, int height, long defaultDurationUs)
    {
        _output = output;
        Width = width;
        Height = height;
        _frameBytes = checked(width * height * 4);
        WriteHeader(defaultDurationUs);
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Writes one frame of <c>Width*Height</c> BGRA pixels (tightly packed) shown from <paramref name="timeUs"/>.</summary>
    public void WriteFrame(ReadOnlySpan<byte> bgra, long timeUs)
    {
        if (bgra.Length != _frameBytes)
        {
            throw new ArgumentException($"expected {_frameBytes} bytes of pixels, got {bgra.Length}", nameof(bgra));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(timeUs);

        // SimpleBlock payload: track number (vint 0x81), relative timestamp (int16 = 0), flags (0x80 = keyframe).
        const int BlockHeader = 4;
        int timestampPayload = UnsignedLength((ulong)timeUs);
        long clusterSize = ElementSize(ClusterTimestampId, timestampPayload) + ElementSize(SimpleBlockId, BlockHeader + _frameBytes);

        Span<byte> head = _scratch;
        int n = 0;
        n += WriteId(head[n..], ClusterId);
        n += WriteSize(head[n..], (ulong)clusterSize);
        n += WriteUnsignedElement(head[n..], ClusterTimestampId, (ulong)timeUs);
        n += WriteId(head[n..], SimpleBlockId);
        n += WriteSize(head[n..], (ulong)(BlockHeader + _frameBytes));
        head[n++] = 0x81;
        head[n++] = 0;
        head[n++] = 0;
        head[n++] = 0x80;
        _output.Write(head[..n]);
        _output.Write(bgra);
    }

    private void WriteHeader(long defaultDurationUs)
    {
        using var buffer = new MemoryStream();
        WriteMaster(buffer, EbmlId, b =>
        {
            WriteUnsigned(b, EbmlVersionId, 1);
            WriteUnsigned(b, EbmlReadVersionId, 1);
            WriteUnsigned(b, EbmlMaxIdLengthId, 4);
            WriteUnsigned(b, EbmlMaxSizeLengthId, 8);
            WriteBinary(b, DocTypeId, "matroska"u8);
            WriteUnsigned(b, DocTypeVersionId, 4);
            WriteUnsigned(b, DocTypeReadVersionId, 2);
        });

        // Segment of unknown size: all-ones 8-byte size.
        Span<byte> id = stackalloc byte[4];
        buffer.Write(id[..WriteId(id, SegmentId)]);
        buffer.Write([0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);

        WriteMaster(buffer, InfoId, b =>
        {
            WriteUnsigned(b, TimestampScaleId, TimestampScaleNs);
            WriteBinary(b, MuxingAppId, "casttools"u8);
            WriteBinary(b, WritingAppId, "casttools"u8);
        });
        WriteMaster(buffer, TracksId, tracks => WriteMaster(tracks, TrackEntryId, b =>
        {
            WriteUnsigned(b, TrackNumberId, 1);
            WriteUnsigned(b, TrackUidId, 1);
            WriteUnsigned(b, TrackTypeId, 1); // video
            WriteUnsigned(b, DefaultDurationId, (ulong)defaultDurationUs * 1000); // nanoseconds
            WriteBinary(b, CodecIdId, "V_UNCOMPRESSED"u8);
            WriteMaster(b, VideoId, v =>
            {
                WriteUnsigned(v, PixelWidthId, (ulong)Width);
                WriteUnsigned(v, PixelHeightId, (ulong)Height);
                WriteBinary(v, ColourSpaceId, "BGRA"u8); // FourCC; ffmpeg maps it to AV_PIX_FMT_BGRA
            });
        }));

        buffer.WriteTo(_output);
    }

    private static void WriteMaster(Stream output, uint id, Action<Stream> body)
    {
        using var inner = new MemoryStream();
        body(inner);
        WriteBinary(output, id, inner.GetBuffer().AsSpan(0, (int)inner.Length));
    }

    private static void WriteUnsigned(Stream output, uint id, ulong value)
    {
        Span<byte> bytes = stackalloc byte[16];
        output.Write(bytes[..WriteUnsignedElement(bytes, id, value)]);
    }

    private static void WriteBinary(Stream output, uint id, ReadOnlySpan<byte> payload)
    {
        Span<byte> head = stackalloc byte[12];
        int n = WriteId(head, id);
        n += WriteSize(head[n..], (ulong)payload.Length);
        output.Write(head[..n]);
        output.Write(payload);
    }

    private static int WriteUnsignedElement(Span<byte> destination, uint id, ulong value)
    {
        int n = WriteId(destination, id);
        int length = UnsignedLength(value);
        n += WriteSize(destination[n..], (ulong)length);
        for (int i = length - 1; i >= 0; i--)
        {
            destination[n + i] = (byte)value;
            value >>= 8;
        }

        return n + length;
    }

    private static int UnsignedLength(ulong value)
    {
        int length = 1;
        while (length < 8 && value >> (8 * length) != 0)
        {
            length++;
        }

        return length;
    }

    // IDs already carry their length marker, so they are written as their big-endian bytes without leading zeros.
    private static int IdLength(uint id) => id > 0xFFFFFF ? 4 : id > 0xFFFF ? 3 : id > 0xFF ? 2 : 1;

    private static int WriteId(Span<byte> destination, uint id)
    {
        int length = IdLength(id);
        for (int i = length - 1; i >= 0; i--)
        {
            destination[i] = (byte)id;
            id >>= 8;
        }

        return length;
    }

    // Sizes are always written as 8-byte vints: simple, and large enough for any frame.
    private static int WriteSize(Span<byte> destination, ulong size)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, size | 0x0100_0000_0000_0000UL);
        return 8;
    }

    private static long ElementSize(uint id, long payload) => IdLength(id) + 8 + payload;
}
