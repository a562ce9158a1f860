using System.Buffers;
using System.Text;
using CastTools.Asciicast;
using CastTools.Vt;

namespace CastTools.Render.Pipeline;

/// <summary>
/// Plays events through a <see cref="Terminal"/> and yields the screen after each event that can change it, at the
/// event's time: <c>o</c> is fed, <c>r</c> resizes (unless the size is fixed), other codes only move the clock.
/// While a program holds synchronized output (mode 2026) no screen is yielded, so half-drawn updates never show.
/// Holds one event and one reusable byte buffer: memory is bounded by the terminal, not the recording.
/// </summary>
public sealed class TerminalReplay
{
    private readonly Terminal _terminal;
    private readonly bool _honourResizes;
    private readonly bool _hideSynchronizedUpdates;
    private byte[] _buffer = new byte[4096];

    /// <param name="terminal">The terminal to feed, at the recording's initial size.</param>
    /// <param name="honourResizes">False when the user fixed the size: resize events are then ignored.</param>
    /// <param name="hideSynchronizedUpdates">Skip screens inside mode 2026 (for animations); false for "the state at a moment".</param>
    public TerminalReplay(Terminal terminal, bool honourResizes = true, bool hideSynchronizedUpdates = true)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        _terminal = terminal;
        _honourResizes = honourResizes;
        _hideSynchronizedUpdates = hideSynchronizedUpdates;
    }

    public Terminal Terminal => _terminal;

    /// <summary>Time of the last event read so far (of any code): the end of the timeline once the input is exhausted.</summary>
    public long EndUs { get; private set; }

    /// <summary>Events read by <see cref="Run"/> so far (callers that use <see cref="Apply"/> may count here too).</summary>
    public long EventCount { get; set; }

    /// <summary>
    /// The screens, lazily. When no event changes the screen at all, the initial screen is yielded at 0 so every
    /// recording has at least one frame.
    /// </summary>
    public IEnumerable<TimedSnapshot> Run(IEnumerable<CastEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        bool yieldedAny = false;
        foreach (CastEvent e in events)
        {
            EventCount++;
            EndUs = Math.Max(EndUs, e.Time);
            if (!Apply(e))
            {
                continue;
            }

            if (_hideSynchronizedUpdates && _terminal.IsSynchronizedOutput)
            {
                continue;
            }

            yieldedAny = true;
            yield return new TimedSnapshot(e.Time, _terminal.Snapshot());
        }

        if (!yieldedAny)
        {
            yield return new TimedSnapshot(0, _terminal.Snapshot());
        }
    }

    /// <summary>Applies one event; returns whether it may have changed the screen.</summary>
    public bool Apply(in CastEvent e)
    {
        switch (e.Code)
        {
            case CastEvent.Output:
                Feed(e.Data);
                return true;
            case CastEvent.Resize when _honourResizes && TryParseSize(e.Data, out int columns, out int rows):
                _terminal.Resize(columns, rows);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Parses a resize event's data, <c>COLSxROWS</c> (asciicast v2/v3).</summary>
    public static bool TryParseSize(string data, out int columns, out int rows)
    {
        columns = 0;
        rows = 0;
        int x = data.IndexOf('x');
        return x > 0
            && int.TryParse(data.AsSpan(0, x), System.Globalization.NumberStyles.None, null, out columns)
            && int.TryParse(data.AsSpan(x + 1), System.Globalization.NumberStyles.None, null, out rows)
            && columns is > 0 and <= Terminal.MaxDimension && rows is > 0 and <= Terminal.MaxDimension;
    }

    private void Feed(string data)
    {
        int needed = Encoding.UTF8.GetMaxByteCount(data.Length);
        if (needed > _buffer.Length)
        {
            _buffer = new byte[Math.Max(needed, _buffer.Length * 2)];
        }

        int length = Encoding.UTF8.GetBytes(data, _buffer);
        _terminal.Feed(_buffer.AsSpan(0, length));
    }
}
