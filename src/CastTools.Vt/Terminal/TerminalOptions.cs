namespace CastTools.Vt;

/// <summary>Options of a <see cref="Terminal"/>; the defaults suit replaying a recording for rendering.</summary>
public sealed class TerminalOptions
{
    /// <summary>Lines kept after they leave the top of the primary screen. 0 (the default) keeps none.</summary>
    public int ScrollbackLimit { get; init; }

    /// <summary>
    /// Receives what a real terminal would answer to queries (DA1, DA2, DSR, CPR, DECRQM, OSC 4/10/11/12 queries,
    /// XTVERSION, XTWINOPS 14/16/18, ...), in order, at once. Null: queries are ignored, as in replay.
    /// Called from inside <see cref="Terminal.Feed(ReadOnlySpan{byte})"/>: write the answer out, do not feed the same
    /// terminal from the callback.
    /// </summary>
    public Action<ReadOnlySpan<byte>>? Reply { get; init; }

    /// <summary>Receives every line leaving the top of the primary screen (see <see cref="ScrolledLineHandler"/>).</summary>
    public ScrolledLineHandler? LineScrolledOff { get; init; }

    /// <summary>Default foreground reported to OSC 10 queries (the theme's), unless a program changed it.</summary>
    public Rgb DefaultForeground { get; init; } = new(0xE5, 0xE5, 0xE5);

    /// <summary>Default background reported to OSC 11 queries.</summary>
    public Rgb DefaultBackground { get; init; } = new(0x00, 0x00, 0x00);

    /// <summary>Cursor colour reported to OSC 12 queries; null means the default foreground.</summary>
    public Rgb? CursorColor { get; init; }

    /// <summary>The 16 base colours reported to OSC 4 queries (null: xterm's defaults); 16–255 are xterm's cube and greys.</summary>
    public IReadOnlyList<Rgb>? Palette { get; init; }

    /// <summary>Cell size in pixels, for XTWINOPS 14/16 answers.</summary>
    public int CellWidthPixels { get; init; } = 8;

    public int CellHeightPixels { get; init; } = 16;
}
