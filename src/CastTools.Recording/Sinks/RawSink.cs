namespace CastTools.Recording.Sinks;

/// <summary>The output bytes exactly as read, nothing else (asciinema's <c>raw</c>).</summary>
internal sealed class RawSink : IRecordingSink
{
    private readonly Stream _stream;

    public RawSink(Stream stream)
    {
        _stream = stream;
    }

    public void Output(long time, ReadOnlySpan<byte> data)
    {
        _stream.Write(data);
        _stream.Flush();
    }

    public void Input(long time, ReadOnlySpan<byte> data)
    {
    }

    public void Resize(long time, int columns, int rows)
    {
    }

    public void Marker(long time, string label)
    {
    }

    public void Exit(long time, PtyExitStatus status)
    {
    }

    public void Complete() => _stream.Flush();

    public void Dispose() => _stream.Dispose();
}
