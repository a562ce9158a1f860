using CastTools.Asciicast;

namespace CastTools.Render.Pipeline;

/// <summary>The terminal size a canvas must hold: the largest width and height a recording ever had.</summary>
public static class RecordingSize
{
    /// <summary>Scans the resize events (one cheap streaming pass) for the largest size, starting from the header's.</summary>
    public static (int Columns, int Rows) Largest(int columns, int rows, IEnumerable<CastEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (CastEvent e in events)
        {
            if (e.Code == CastEvent.Resize && TerminalReplay.TryParseSize(e.Data, out int c, out int r))
            {
                columns = Math.Max(columns, c);
                rows = Math.Max(rows, r);
            }
        }

        return (columns, rows);
    }
}
