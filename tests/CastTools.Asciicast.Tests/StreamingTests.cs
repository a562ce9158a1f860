using System.Text;
using CastTools.Asciicast;

namespace CastTools.Asciicast.Tests;

/// <summary>Memory is bounded by the longest line, not the input length.</summary>
public class StreamingTests
{
    [Fact]
    public void Line_buffer_stays_at_its_initial_size_for_short_lines_however_long_the_input()
    {
        var text = new StringBuilder();
        for (int i = 0; i < 100_000; i++)
        {
            text.Append("[0.001, \"o\", \"line ").Append(i).Append("\"]\n");
        }

        var buffer = new InputBuffer(new MemoryStream(Encoding.UTF8.GetBytes(text.ToString())));
        int lines = 0;
        while (buffer.TryReadLine(out _, out _))
        {
            lines++;
        }

        Assert.Equal(100_000, lines);
        Assert.Equal(64 * 1024, buffer.Capacity);
        Assert.Equal(100_000, buffer.ConsumedLines);
    }

    [Fact]
    public void Line_buffer_grows_to_fit_one_long_line_and_keeps_line_boundaries()
    {
        string longLine = new('x', 300_000);
        var buffer = new InputBuffer(new MemoryStream(Encoding.UTF8.GetBytes("a\n" + longLine + "\r\nb")));
        Assert.True(buffer.TryReadLine(out ReadOnlySpan<byte> line, out bool terminated));
        Assert.Equal("a", Encoding.UTF8.GetString(line));
        Assert.True(terminated);
        Assert.True(buffer.TryReadLine(out line, out terminated));
        Assert.Equal(300_000, line.Length);
        Assert.True(buffer.TryReadLine(out line, out terminated));
        Assert.Equal("b", Encoding.UTF8.GetString(line));
        Assert.False(terminated);
        Assert.False(buffer.TryReadLine(out _, out _));
        Assert.InRange(buffer.Capacity, 300_000, 1024 * 1024);
    }

    [Fact]
    public void Events_are_produced_before_the_input_ends()
    {
        // A stream that fails if read past the first events: the reader must not read ahead of what it yields.
        byte[] head = Encoding.UTF8.GetBytes("{\"version\": 3, \"term\": {\"cols\": 80, \"rows\": 24}}\n[0.5, \"o\", \"a\"]\n");
        using var reader = new CastReader(new ThrowingAfterStream(head), "live.cast");
        using IEnumerator<CastEvent> events = reader.ReadEvents().GetEnumerator();
        Assert.True(events.MoveNext());
        Assert.Equal(new CastEvent(500_000, "o", "a"), events.Current);
    }

    [Fact]
    public void Invalid_theme_is_a_warning_and_is_kept_verbatim_for_round_trips()
    {
        string text = "{\"version\": 2, \"width\": 80, \"height\": 24, \"theme\": {\"fg\": \"#fff\", \"bg\": \"#000000\", \"palette\": \"#000000:#111111\"}}\n";
        var (header, _, warnings) = TestCast.Read(text);
        Assert.Null(header.Theme);
        Assert.Equal("t.cast:1: ignoring invalid theme (kept as written)", Assert.Single(warnings));
        string written = TestCast.Write(CastFormat.V2, header, []);
        Assert.Contains("\"theme\":{\"fg\":\"#fff\",\"bg\":\"#000000\",\"palette\":\"#000000:#111111\"}", written);
    }

    /// <summary>Serves <c>data</c>, then throws instead of reporting the end: reading ahead would fail.</summary>
    private sealed class ThrowingAfterStream(byte[] data) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position == data.Length)
            {
                throw new IOException("read past the available data");
            }

            int n = Math.Min(count, data.Length - _position);
            Array.Copy(data, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
