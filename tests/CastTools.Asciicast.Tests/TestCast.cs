using System.IO.Compression;
using System.Text;
using CastTools.Asciicast;

namespace CastTools.Asciicast.Tests;

/// <summary>Helpers: read a cast from text or bytes, fully.</summary>
internal static class TestCast
{
    public static (CastHeader Header, List<CastEvent> Events, IReadOnlyList<string> Warnings) Read(string text, string name = "t.cast")
        => Read(Encoding.UTF8.GetBytes(text), name);

    public static (CastHeader Header, List<CastEvent> Events, IReadOnlyList<string> Warnings) Read(byte[] bytes, string name = "t.cast", bool seekable = true)
    {
        Stream stream = seekable ? new MemoryStream(bytes) : new UnseekableStream(bytes);
        using var reader = new CastReader(stream, name);
        List<CastEvent> events = reader.ReadEvents().ToList();
        return (reader.Header, events, reader.Warnings);
    }

    public static AsciicastFormatException Fail(string text) => Fail(Encoding.UTF8.GetBytes(text));

    public static AsciicastFormatException Fail(byte[] bytes) =>
        Assert.Throws<AsciicastFormatException>(() => Read(bytes));

    public static byte[] Gzip(byte[] bytes)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    public static string Write(CastFormat format, CastHeader header, IEnumerable<CastEvent> events)
    {
        var output = new MemoryStream();
        using (var writer = new CastWriter(output, format, header, leaveOpen: true))
        {
            foreach (CastEvent e in events)
            {
                writer.Write(e);
            }
        }

        return Encoding.UTF8.GetString(output.ToArray());
    }

    /// <summary>Like stdin: no seeking, reads come in small pieces.</summary>
    private sealed class UnseekableStream(byte[] data) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = Math.Min(Math.Min(count, 7), data.Length - _position);
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
