namespace CastTools.Asciicast;

/// <summary>
/// A growable byte window over a stream: callers look at <see cref="Available"/>, <see cref="Consume"/> what they
/// used and <see cref="Fill"/> for more. It grows only to hold the largest single line or JSON value, so memory is
/// bounded by that, not by the stream length. Counts the newlines it discards, for error line numbers.
/// </summary>
internal sealed class InputBuffer
{
    /// <summary>No line or value in a cast is this long; beyond it the input is treated as corrupt instead of eating memory.</summary>
    public const int MaxBufferSize = 256 * 1024 * 1024;

    private readonly Stream _stream;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private long _consumedBytes;

    public InputBuffer(Stream stream, int initialSize = 64 * 1024)
    {
        _stream = stream;
        _buffer = new byte[initialSize];
    }

    /// <summary>Current buffer size: grows only to fit the longest line or value.</summary>
    public int Capacity => _buffer.Length;

    public ReadOnlySpan<byte> Available => _buffer.AsSpan(_start, _end - _start);

    /// <summary>The stream has no more data (what is in <see cref="Available"/> is all that is left).</summary>
    public bool IsEndOfStream { get; private set; }

    /// <summary>Bytes consumed so far, i.e. the stream offset of <see cref="Available"/>[0].</summary>
    public long Position => _consumedBytes;

    /// <summary>Newlines in the consumed bytes: the 0-based line of <see cref="Available"/>[0].</summary>
    public long ConsumedLines { get; private set; }

    /// <summary>Set when <see cref="Fill"/> failed because one item would need more than <see cref="MaxBufferSize"/>.</summary>
    public bool Overflowed { get; private set; }

    public void Consume(int count)
    {
        ConsumedLines += _buffer.AsSpan(_start, count).Count((byte)'\n');
        _start += count;
        _consumedBytes += count;
    }

    /// <summary>Reads more data after what is available. Returns false at end of stream or when it cannot grow.</summary>
    public bool Fill()
    {
        if (IsEndOfStream)
        {
            return false;
        }

        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxBufferSize)
            {
                Overflowed = true;
                return false;
            }

            Array.Resize(ref _buffer, Math.Min(MaxBufferSize, _buffer.Length * 2));
        }

        int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            IsEndOfStream = true;
            return false;
        }

        _end += read;
        return true;
    }

    /// <summary>
    /// The next line without its '\n' (and a trailing '\r'); the span is valid until the next call. The final line may
    /// lack the newline (<paramref name="terminated"/> false). False at end of stream or on overflow.
    /// </summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line, out bool terminated)
    {
        int searched = 0;
        while (true)
        {
            ReadOnlySpan<byte> available = Available;
            int newline = available[searched..].IndexOf((byte)'\n');
            if (newline >= 0)
            {
                newline += searched;
                line = TrimCr(available[..newline]);
                terminated = true;
                _start += newline + 1;
                _consumedBytes += newline + 1;
                ConsumedLines++;
                return true;
            }

            searched = available.Length;
            if (!Fill())
            {
                if (Overflowed || Available.IsEmpty)
                {
                    line = default;
                    terminated = false;
                    return false;
                }

                line = TrimCr(Available);
                terminated = false;
                _consumedBytes += _end - _start;
                _start = _end;
                return true;
            }
        }
    }

    private static ReadOnlySpan<byte> TrimCr(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == '\r' ? line[..^1] : line;
}
