using System.Buffers.Binary;
using System.Runtime.InteropServices;
using CastTools.Render.Pipeline;

namespace CastTools.Render.Encoders.Gif;

/// <summary>
/// Animated GIF with exact colours, written in one pass over the frame stream with memory bounded by the canvas.
/// <list type="bullet">
/// <item>The global colour table is filled as colours first appear and patched into the header at the end (the
/// output must be seekable); a frame needing colours beyond it gets a local table; only a rectangle with more
/// than 255 colours of its own falls back to nearest colours.</item>
/// <item>Each frame is cropped to the rectangle that changed since the previous one, with unchanged pixels written
/// as the transparent index (disposal 1, "do not dispose").</item>
/// <item>Delays are centiseconds rounded on the cumulative timeline, so the total duration is exact; never below
/// 2 cs (browsers show 0–1 cs as 10 cs). A frame whose pixels did not change extends the previous one.</item>
/// </list>
/// </summary>
public sealed class GifEncoder : IFrameEncoder
{
    private const int MinDelayCs = 2;
    private const int MaxDelayCs = ushort.MaxValue;
    private const int NoTransparency = -1;

    // Global index 0 is never a colour: every frame drawn with the global table uses it for unchanged pixels, so
    // mapping is a single pass (255 colours remain; local tables take over beyond them).
    private const byte GlobalTransparentIndex = 0;

    private readonly uint[] _globalColors = new uint[256];
    private readonly ColorIndexMap _globalMap = new(256);
    private readonly ColorIndexMap _frameColors = new(512);
    private readonly ColorIndexMap _localMap = new(512);
    private readonly uint[] _localColors = new uint[256];
    private readonly GifLzwEncoder _lzw = new();

    // The last frame's image descriptor and data; written after its graphic control extension once the next frame
    // (or the end) fixes its delay.
    private readonly MemoryStream _pendingImage = new();

    private Stream _output = Stream.Null;
    private int _width;
    private int _height;
    private uint[] _shown = [];
    private byte[] _indices = [];
    private int _globalCount = 1;
    private long _globalTablePosition;
    private bool _hasPending;
    private int _pendingTransparent;
    private long _pendingEndUs;
    private long _totalUs;
    private long _writtenCs;
    private int _framesWritten;

    public bool NeedsPixels => true;

    /// <summary>GIF frames written so far (after merging frames whose pixels did not change).</summary>
    public int FramesWritten => _framesWritten;

    /// <summary>Frames that needed a local colour table.</summary>
    public int LocalTables { get; private set; }

    /// <summary>Frames whose changed rectangle had more than 255 colours, so some pixels got the nearest colour.</summary>
    public int ApproximatedFrames { get; private set; }

    public void Begin(Stream output, FrameStreamInfo info)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(info);
        if (!output.CanSeek)
        {
            throw new ArgumentException("The GIF encoder needs a seekable output stream.", nameof(output));
        }

        if (info.Width is < 1 or > ushort.MaxValue || info.Height is < 1 or > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(info), $"GIF canvas {info.Width}x{info.Height} is outside 1..65535.");
        }

        _output = output;
        _width = info.Width;
        _height = info.Height;
        _shown = new uint[_width * _height];
        _indices = new byte[_width * _height];

        Span<byte> header = stackalloc byte[13];
        "GIF89a"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], (ushort)_width);
        BinaryPrimitives.WriteUInt16LittleEndian(header[8..], (ushort)_height);
        header[10] = 0x80 | (7 << 4) | 7; // global table of 256 entries, 8 bits per primary
        header[11] = 0; // background colour index
        header[12] = 0; // no aspect ratio
        output.Write(header);
        _globalTablePosition = output.Position;
        output.Write(new byte[256 * 3]);

        // NETSCAPE2.0 counts repetitions after the first play; without it a GIF plays once.
        if (info.LoopCount != 1)
        {
            int repeats = info.LoopCount == 0 ? 0 : Math.Min(info.LoopCount - 1, ushort.MaxValue);
            output.Write([0x21, 0xFF, 0x0B]);
            output.Write("NETSCAPE2.0"u8);
            output.Write([0x03, 0x01, (byte)repeats, (byte)(repeats >> 8), 0x00]);
        }
    }

    public void AddFrame(in FrameData frame)
    {
        if (frame.DurationUs <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(frame), "Frame duration must be positive.");
        }

        if (frame.Pixels.Length < ((_height - 1) * frame.Stride) + (_width * 4))
        {
            throw new ArgumentException("Frame pixels are smaller than the canvas.", nameof(frame));
        }

        _totalUs += frame.DurationUs;
        ReadOnlySpan<byte> pixels = frame.Pixels;
        int stride = frame.Stride;
        bool first = _framesWritten == 0 && !_hasPending;
        int left = 0, top = 0, right = _width, bottom = _height;
        if (!first && !FindChangedRectangle(pixels, stride, Math.Max(0, frame.ChangedTop), Math.Min(_height, frame.ChangedBottom), out left, out top, out right, out bottom))
        {
            _pendingEndUs = _totalUs;
            return;
        }

        FlushPending();
        _pendingImage.SetLength(0);
        _pendingTransparent = EncodeRectangle(pixels, stride, left, top, right, bottom, first, _pendingImage);
        _pendingEndUs = _totalUs;
        _hasPending = true;

        for (int y = top; y < bottom; y++)
        {
            ReadOnlySpan<uint> row = Row(pixels, stride, y);
            row[left..right].CopyTo(_shown.AsSpan((y * _width) + left, right - left));
        }
    }

    public void Finish()
    {
        FlushPending();
        _output.WriteByte(0x3B);

        long end = _output.Position;
        _output.Position = _globalTablePosition;
        Span<byte> table = stackalloc byte[256 * 3];
        WriteColorTable(_globalColors.AsSpan(0, _globalCount), table);
        _output.Write(table);
        _output.Position = end;
        _output.Flush();
    }

    public void Dispose() => _pendingImage.Dispose();

    private ReadOnlySpan<uint> Row(ReadOnlySpan<byte> pixels, int stride, int y) =>
        MemoryMarshal.Cast<byte, uint>(pixels.Slice(y * stride, _width * 4));

    private bool FindChangedRectangle(ReadOnlySpan<byte> pixels, int stride, int fromRow, int toRow, out int left, out int top, out int right, out int bottom)
    {
        left = _width;
        right = 0;
        top = -1;
        bottom = -1;
        for (int y = fromRow; y < toRow; y++)
        {
            ReadOnlySpan<uint> row = Row(pixels, stride, y);
            ReadOnlySpan<uint> shown = _shown.AsSpan(y * _width, _width);
            int prefix = row.CommonPrefixLength(shown);
            if (prefix == _width)
            {
                continue;
            }

            if (top < 0)
            {
                top = y;
            }

            bottom = y + 1;
            left = Math.Min(left, prefix);
            int last = _width - 1;
            while (row[last] == shown[last])
            {
                last--;
            }

            right = Math.Max(right, last + 1);
        }

        return top >= 0;
    }

    /// <summary>Writes the image descriptor, any local table and the LZW data; returns the transparent index or -1.</summary>
    private int EncodeRectangle(ReadOnlySpan<byte> pixels, int stride, int left, int top, int right, int bottom, bool first, Stream output)
    {
        int width = right - left;
        int height = bottom - top;
        if (TryMapToGlobalTable(pixels, stride, left, top, right, bottom, first, out bool anyUnchanged))
        {
            WriteImageDescriptor(output, left, top, width, height, localTableBits: 0);
            _lzw.Encode(_indices.AsSpan(0, width * height), 8, output);
            return anyUnchanged ? GlobalTransparentIndex : NoTransparency;
        }

        return EncodeWithLocalTable(pixels, stride, left, top, right, bottom, first, output);
    }

    /// <summary>
    /// One pass over the rectangle: unchanged pixels become the reserved transparent index, every other pixel its
    /// global index, adding colours seen for the first time. False when the table runs out (the frame then gets a
    /// local table; colours already added stay, they are real colours of the recording).
    /// </summary>
    private bool TryMapToGlobalTable(ReadOnlySpan<byte> pixels, int stride, int left, int top, int right, int bottom, bool first, out bool anyUnchanged)
    {
        int width = right - left;
        int output = 0;
        uint last = 0;
        int lastIndex = -1;
        anyUnchanged = false;
        for (int y = top; y < bottom; y++)
        {
            ReadOnlySpan<uint> row = Row(pixels, stride, y)[left..right];
            ReadOnlySpan<uint> shown = _shown.AsSpan((y * _width) + left, width);
            for (int x = 0; x < row.Length; x++)
            {
                uint color = row[x];
                if (!first && color == shown[x])
                {
                    _indices[output++] = GlobalTransparentIndex;
                    anyUnchanged = true;
                    continue;
                }

                if (lastIndex < 0 || color != last)
                {
                    if (!_globalMap.TryGetValue(color, out lastIndex))
                    {
                        if (_globalCount == 256)
                        {
                            return false;
                        }

                        lastIndex = _globalCount++;
                        _globalColors[lastIndex] = color;
                        _globalMap.GetOrAdd(color, lastIndex);
                    }

                    last = color;
                }

                _indices[output++] = (byte)lastIndex;
            }
        }

        return true;
    }

    private int EncodeWithLocalTable(ReadOnlySpan<byte> pixels, int stride, int left, int top, int right, int bottom, bool first, Stream output)
    {
        LocalTables++;
        int width = right - left;
        int height = bottom - top;

        // The distinct colours of the changed pixels, in order of appearance.
        _frameColors.Clear();
        bool anyUnchanged = false;
        for (int y = top; y < bottom; y++)
        {
            ReadOnlySpan<uint> row = Row(pixels, stride, y)[left..right];
            ReadOnlySpan<uint> shown = _shown.AsSpan((y * _width) + left, width);
            uint last = 0;
            bool hasLast = false;
            for (int x = 0; x < row.Length; x++)
            {
                uint color = row[x];
                if (!first && color == shown[x])
                {
                    anyUnchanged = true;
                    continue;
                }

                if (!hasLast || color != last)
                {
                    _frameColors.GetOrAdd(color, 0);
                    last = color;
                    hasLast = true;
                }
            }
        }

        int reserved = anyUnchanged ? 1 : 0;
        int count = _frameColors.Count;
        _localMap.Clear();
        if (count + reserved <= 256)
        {
            for (int i = 0; i < count; i++)
            {
                uint color = _frameColors.KeyAt(i);
                _localColors[i] = color;
                _localMap.GetOrAdd(color, i);
            }
        }
        else
        {
            ApproximatedFrames++;
            count = ChooseApproximatePalette(pixels, stride, left, top, right, bottom, first, 256 - reserved);
        }

        int transparent = anyUnchanged ? count : NoTransparency;
        int entries = count + reserved;
        int bits = 1;
        while ((1 << bits) < entries)
        {
            bits++;
        }

        WriteImageDescriptor(output, left, top, width, height, bits);
        Span<byte> table = stackalloc byte[(1 << bits) * 3];
        WriteColorTable(_localColors.AsSpan(0, count), table);
        output.Write(table);
        MapIndices(pixels, stride, left, top, right, bottom, first, _localMap, transparent);
        _lzw.Encode(_indices.AsSpan(0, width * height), Math.Max(2, bits), output);
        return transparent;
    }

    /// <summary>
    /// The rare rectangle with more colours than a table holds (photos, large colour emoji): keep the most frequent
    /// colours exactly and give every other colour its nearest kept one.
    /// </summary>
    private int ChooseApproximatePalette(ReadOnlySpan<byte> pixels, int stride, int left, int top, int right, int bottom, bool first, int size)
    {
        int distinct = _frameColors.Count;
        var counts = new long[distinct];
        for (int y = top; y < bottom; y++)
        {
            ReadOnlySpan<uint> row = Row(pixels, stride, y)[left..right];
            ReadOnlySpan<uint> shown = _shown.AsSpan((y * _width) + left, right - left);
            for (int x = 0; x < row.Length; x++)
            {
                if (first || row[x] != shown[x])
                {
                    _frameColors.TryGetValue(row[x], out int slot);
                    counts[slot]++;
                }
            }
        }

        // Order of appearance breaks ties, so the choice is deterministic.
        var order = new int[distinct];
        for (int i = 0; i < distinct; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => counts[a] != counts[b] ? counts[b].CompareTo(counts[a]) : a.CompareTo(b));
        for (int i = 0; i < size; i++)
        {
            uint color = _frameColors.KeyAt(order[i]);
            _localColors[i] = color;
            _localMap.GetOrAdd(color, i);
        }

        for (int i = size; i < distinct; i++)
        {
            uint color = _frameColors.KeyAt(order[i]);
            _localMap.GetOrAdd(color, Nearest(color, _localColors.AsSpan(0, size)));
        }

        return size;
    }

    private static int Nearest(uint color, ReadOnlySpan<uint> palette)
    {
        int best = 0;
        int bestDistance = int.MaxValue;
        for (int i = 0; i < palette.Length; i++)
        {
            int db = (int)(color & 0xFF) - (int)(palette[i] & 0xFF);
            int dg = (int)((color >> 8) & 0xFF) - (int)((palette[i] >> 8) & 0xFF);
            int dr = (int)((color >> 16) & 0xFF) - (int)((palette[i] >> 16) & 0xFF);
            int distance = (dr * dr) + (dg * dg) + (db * db);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = i;
            }
        }

        return best;
    }

    private void MapIndices(ReadOnlySpan<byte> pixels, int stride, int left, int top, int right, int bottom, bool first, ColorIndexMap map, int transparent)
    {
        int width = right - left;
        int output = 0;
        uint last = 0;
        int lastIndex = -1;
        for (int y = top; y < bottom; y++)
        {
            ReadOnlySpan<uint> row = Row(pixels, stride, y)[left..right];
            ReadOnlySpan<uint> shown = _shown.AsSpan((y * _width) + left, width);
            for (int x = 0; x < row.Length; x++)
            {
                uint color = row[x];
                if (!first && color == shown[x])
                {
                    _indices[output++] = (byte)transparent;
                    continue;
                }

                if (lastIndex < 0 || color != last)
                {
                    map.TryGetValue(color, out lastIndex);
                    last = color;
                }

                _indices[output++] = (byte)lastIndex;
            }
        }
    }

    private static void WriteImageDescriptor(Stream output, int left, int top, int width, int height, int localTableBits)
    {
        Span<byte> descriptor = stackalloc byte[10];
        descriptor[0] = 0x2C;
        BinaryPrimitives.WriteUInt16LittleEndian(descriptor[1..], (ushort)left);
        BinaryPrimitives.WriteUInt16LittleEndian(descriptor[3..], (ushort)top);
        BinaryPrimitives.WriteUInt16LittleEndian(descriptor[5..], (ushort)width);
        BinaryPrimitives.WriteUInt16LittleEndian(descriptor[7..], (ushort)height);
        descriptor[9] = localTableBits == 0 ? (byte)0 : (byte)(0x80 | (localTableBits - 1));
        output.Write(descriptor);
    }

    private static void WriteColorTable(ReadOnlySpan<uint> colors, Span<byte> table)
    {
        table.Clear();
        for (int i = 0; i < colors.Length; i++)
        {
            uint color = colors[i];
            table[i * 3] = (byte)(color >> 16);
            table[(i * 3) + 1] = (byte)(color >> 8);
            table[(i * 3) + 2] = (byte)color;
        }
    }

    /// <summary>Writes the pending frame now that its end is known, splitting delays longer than GIF can hold.</summary>
    private void FlushPending()
    {
        if (!_hasPending)
        {
            return;
        }

        _hasPending = false;
        long targetCs = (_pendingEndUs + 5_000) / 10_000;
        long delay = Math.Max(MinDelayCs, targetCs - _writtenCs);
        _writtenCs += delay;

        long first = Math.Min(delay, MaxDelayCs);
        if (delay - first is > 0 and < MinDelayCs)
        {
            first -= MinDelayCs;
        }

        WriteGraphicControl((int)first, _pendingTransparent);
        _pendingImage.Position = 0;
        _pendingImage.CopyTo(_output);
        _framesWritten++;

        // Pauses beyond 655 s continue as invisible 1x1 frames (pixel = transparent index 0).
        for (long remaining = delay - first; remaining > 0;)
        {
            long chunk = Math.Min(remaining, MaxDelayCs);
            if (remaining - chunk is > 0 and < MinDelayCs)
            {
                chunk -= MinDelayCs;
            }

            WriteGraphicControl((int)chunk, 0);
            WriteImageDescriptor(_output, 0, 0, 1, 1, 0);
            _lzw.Encode([0], 8, _output);
            remaining -= chunk;
        }
    }

    private void WriteGraphicControl(int delayCs, int transparent)
    {
        Span<byte> gce = stackalloc byte[8];
        gce[0] = 0x21;
        gce[1] = 0xF9;
        gce[2] = 4;
        gce[3] = (byte)((1 << 2) | (transparent >= 0 ? 1 : 0)); // disposal 1: leave the frame in place
        BinaryPrimitives.WriteUInt16LittleEndian(gce[4..], (ushort)delayCs);
        gce[6] = transparent >= 0 ? (byte)transparent : (byte)0;
        gce[7] = 0;
        _output.Write(gce);
    }
}
