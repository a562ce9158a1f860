using System.Text;

namespace CastTools.Vt;

/// <summary>
/// A whole session as plain text, as asciinema's <c>convert -f txt</c> makes it: every line that scrolls off the top
/// of the primary screen, then the final screen, with soft-wrapped lines joined, trailing spaces cut and trailing
/// empty lines dropped. Lines are written as they leave the screen, so memory stays bounded by the screen size.
/// </summary>
public sealed class SessionTextExporter
{
    private readonly TextWriter _writer;
    private readonly StringBuilder _line = new();
    private readonly Func<int, CellExtra?> _getExtra;
    private bool _finished;

    public SessionTextExporter(TextWriter writer, int columns, int rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
        Terminal = new Terminal(columns, rows, new TerminalOptions { LineScrolledOff = OnLineScrolledOff });
        _getExtra = Terminal.GetExtra;
    }

    /// <summary>The terminal the session is replayed in (feed output and resizes here, or through this class).</summary>
    public Terminal Terminal { get; }

    public void Feed(ReadOnlySpan<byte> utf8) => Terminal.Feed(utf8);

    public void Resize(int columns, int rows) => Terminal.Resize(columns, rows);

    /// <summary>Writes the final screen; call once at the end of the session.</summary>
    public void Finish()
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        ScreenSnapshot snapshot = Terminal.Snapshot();
        var lines = new List<string>();
        for (int row = 0; row < snapshot.Rows; row++)
        {
            bool continues = snapshot.IsWrapped(row) && row < snapshot.Rows - 1;
            ScreenTextExporter.AppendRow(snapshot.GetRow(row), snapshot.GetExtra, _line, trimTrailing: !continues);
            if (!continues)
            {
                lines.Add(TakeLine());
            }
        }

        int count = lines.Count;
        while (count > 0 && lines[count - 1].Length == 0)
        {
            count--;
        }

        for (int i = 0; i < count; i++)
        {
            _writer.Write(lines[i]);
            _writer.Write('\n');
        }

        _writer.Flush();
    }

    private void OnLineScrolledOff(ReadOnlySpan<Cell> cells, bool wrapped)
    {
        // A wrapped row continues on the next one: its trailing blanks are part of the text, so keep them.
        ScreenTextExporter.AppendRow(cells, _getExtra, _line, trimTrailing: !wrapped);
        if (!wrapped)
        {
            _writer.Write(TakeLine());
            _writer.Write('\n');
        }
    }

    private string TakeLine()
    {
        int end = _line.Length;
        while (end > 0 && _line[end - 1] == ' ')
        {
            end--;
        }

        string text = _line.ToString(0, end);
        _line.Clear();
        return text;
    }
}
