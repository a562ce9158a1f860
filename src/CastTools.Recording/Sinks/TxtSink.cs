using System.Text;
using CastTools.Vt;

namespace CastTools.Recording.Sinks;

/// <summary>
/// Plain text, as asciinema's <c>txt</c>: the output is replayed through the terminal emulator; lines that scroll off
/// are written as they leave the screen, the final screen at the end.
/// </summary>
internal sealed class TxtSink : IRecordingSink
{
    private readonly StreamWriter _writer;
    private readonly SessionTextExporter _exporter;

    public TxtSink(Stream stream, int columns, int rows)
    {
        _writer = new StreamWriter(stream, new UTF8Encoding(false));
        _exporter = new SessionTextExporter(_writer, columns, rows);
    }

    public void Output(long time, ReadOnlySpan<byte> data) => _exporter.Feed(data);

    public void Input(long time, ReadOnlySpan<byte> data)
    {
    }

    public void Resize(long time, int columns, int rows) => _exporter.Resize(columns, rows);

    public void Marker(long time, string label)
    {
    }

    public void Exit(long time, PtyExitStatus status)
    {
    }

    public void Complete() => _exporter.Finish();

    public void Dispose() => _writer.Dispose();
}
