using System.Globalization;
using System.Text;
using CastTools.Asciicast;

namespace CastTools.Recording.Sinks;

/// <summary>
/// asciicast v2/v3 events through <see cref="CastWriter"/>, flushed one by one. Output and input bytes are decoded
/// with one stateful UTF-8 decoder each, because reads split multi-byte characters; a character cut by a read is
/// written with the event that completes it.
/// </summary>
internal sealed class CastSink : IRecordingSink
{
    private readonly CastWriter _writer;
    private readonly Decoder _outputDecoder = new UTF8Encoding(false, false).GetDecoder();
    private readonly Decoder _inputDecoder = new UTF8Encoding(false, false).GetDecoder();
    private readonly CastFormat _format;
    private char[] _chars = new char[64 * 1024];

    public CastSink(CastWriter writer, CastFormat format)
    {
        _writer = writer;
        _format = format;
        _writer.Flush();
    }

    public void Output(long time, ReadOnlySpan<byte> data) => WriteText(time, CastEvent.Output, _outputDecoder, data);

    public void Input(long time, ReadOnlySpan<byte> data) => WriteText(time, CastEvent.Input, _inputDecoder, data);

    public void Resize(long time, int columns, int rows)
    {
        Write(new CastEvent(time, CastEvent.Resize, string.Create(CultureInfo.InvariantCulture, $"{columns}x{rows}")));
    }

    public void Marker(long time, string label) => Write(new CastEvent(time, CastEvent.Marker, label));

    public void Exit(long time, PtyExitStatus status)
    {
        // v2 has no exit event; an unknown status (lost to another reaper) is left out rather than invented.
        if (_format == CastFormat.V3 && status.IsKnown)
        {
            Write(new CastEvent(time, CastEvent.Exit, status.ShellStatus.ToString(CultureInfo.InvariantCulture)));
        }
    }

    public void Complete() => _writer.Flush();

    public void Dispose() => _writer.Dispose();

    private void WriteText(long time, string code, Decoder decoder, ReadOnlySpan<byte> data)
    {
        int needed = decoder.GetCharCount(data, flush: false);
        if (needed > _chars.Length)
        {
            _chars = new char[Math.Max(needed, _chars.Length * 2)];
        }

        int count = decoder.GetChars(data, _chars, flush: false);
        if (count > 0)
        {
            Write(new CastEvent(time, code, new string(_chars, 0, count)));
        }
    }

    private void Write(CastEvent castEvent)
    {
        _writer.Write(castEvent);
        _writer.Flush();
    }
}
