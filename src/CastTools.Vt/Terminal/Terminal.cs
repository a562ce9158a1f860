using System.Text;

namespace CastTools.Vt;

/// <summary>
/// An xterm-compatible terminal in memory: feed it the bytes a program writes, read the screen back as
/// <see cref="ScreenSnapshot"/>s. Never throws on any input; unknown sequences are ignored.
/// </summary>
public sealed partial class Terminal : IVtHandler
{
    private readonly VtParser _parser;
    private readonly TerminalOptions _options;
    private readonly ExtraTable _extras = new();

    private ScreenBuffer _primary;
    private ScreenBuffer _alternate;
    private ScreenBuffer _screen;
    private int _columns;
    private int _rows;

    // Cursor: zero-based; _wrapPending is xterm's "do_wrap": the last column was written and the next printable
    // character wraps first.
    private int _row;
    private int _col;
    private bool _wrapPending;
    private Pen _pen;
    private Cell _template;
    private CharsetState _charsets;
    private SavedCursor _savedPrimary;
    private SavedCursor _savedAlternate;

    private int _scrollTop;
    private int _scrollBottom;
    private bool[] _tabStops;

    // Grapheme clustering and REP need the last printed code point.
    private int _lastCodePoint;
    private GraphemeState _graphemeState;

    private string? _title;
    private Dictionary<int, Rgb>? _paletteOverrides;
    private IReadOnlyDictionary<int, Rgb>? _paletteSnapshot;
    private bool _paletteChanged;
    private Rgb? _defaultForeground;
    private Rgb? _defaultBackground;
    private Rgb? _cursorColor;
    private CursorShape _cursorShape;
    private bool _cursorBlinking;

    private ScreenSnapshot? _lastSnapshot;
    private readonly List<string?> _titleStack = [];
    private long _ignoredSequences;
    private TerminalModes _modes;

    public Terminal(int columns, int rows, TerminalOptions? options = null)
    {
        _options = options ?? new TerminalOptions();
        _columns = Math.Clamp(columns, 1, MaxDimension);
        _rows = Math.Clamp(rows, 1, MaxDimension);
        _parser = new VtParser(this);
        _primary = new ScreenBuffer(_columns, _rows, _options.ScrollbackLimit) { LineScrolledOff = _options.LineScrolledOff };
        _alternate = new ScreenBuffer(_columns, _rows, 0);
        _screen = _primary;
        _tabStops = new bool[_columns];
        ResetState();
    }

    /// <summary>Largest accepted width or height; larger values are clamped.</summary>
    public const int MaxDimension = 1024;

    public int Columns => _columns;

    public int Rows => _rows;

    /// <summary>Mode 2026 (synchronized output) is set: a renderer must not show frames until it is reset.</summary>
    public bool IsSynchronizedOutput => _modes.SynchronizedOutput;

    /// <summary>Window title from OSC 0/2, or null.</summary>
    public string? Title => _title;

    public bool IsAlternateScreen => _screen == _alternate;

    /// <summary>Cursor row, zero-based.</summary>
    public int CursorRow => _row;

    /// <summary>Cursor column, zero-based, always inside the screen.</summary>
    public int CursorColumn => _col;

    public bool CursorVisible => _modes.CursorVisible;

    /// <summary>Lines kept in the primary screen's scrollback (see <see cref="TerminalOptions.ScrollbackLimit"/>).</summary>
    public int ScrollbackCount => _primary.ScrollbackCount;

    /// <summary>Scrollback line <paramref name="index"/>, 0 being the oldest; its width is the width it had when it left.</summary>
    public ReadOnlySpan<Cell> GetScrollbackRow(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _primary.ScrollbackCount);
        return _primary.GetScrollback(index).Cells;
    }

    /// <summary>Whether scrollback line <paramref name="index"/> soft-wraps into the next.</summary>
    public bool IsScrollbackRowWrapped(int index) => _primary.GetScrollback(index).Wrapped;

    /// <summary>The extra data of a cell (grapheme cluster, underline colour, hyperlink), or null.</summary>
    public CellExtra? GetExtra(int extraId) => _extras.Get(extraId);

    /// <summary>Mouse tracking mode requested by the program (9, 1000, 1002, 1003) or 0.</summary>
    public int MouseTrackingMode => _modes.MouseTracking;

    public bool BracketedPaste => _modes.BracketedPaste;

    /// <summary>Control sequences seen but not implemented (ignored), for diagnostics under <c>--verbose</c>.</summary>
    public long IgnoredSequenceCount => _ignoredSequences;

    public bool ApplicationCursorKeys => _modes.ApplicationCursorKeys;

    public void Feed(ReadOnlySpan<byte> utf8) => _parser.Feed(utf8);

    /// <summary>Feeds a string (encoded as UTF-8); for tests and scripted input.</summary>
    public void Feed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        _parser.Feed(bytes);
    }

    /// <summary>
    /// The screen now, immutable. Rows that did not change since the previous snapshot share its cell arrays; when
    /// nothing changed at all, the previous snapshot itself is returned.
    /// </summary>
    public ScreenSnapshot Snapshot()
    {
        CursorState cursor = new(_row, Math.Min(_col, _columns - 1), _modes.CursorVisible, _cursorShape, _cursorBlinking);
        ScreenSnapshot? last = _lastSnapshot;
        if (last is not null && IsUnchangedSince(last, cursor))
        {
            return last;
        }

        var rows = new Cell[_rows][];
        var wrapped = new bool[_rows];
        for (int row = 0; row < _rows; row++)
        {
            Line line = _screen[row];
            line.Shared = true;
            rows[row] = line.Cells;
            wrapped[row] = line.Wrapped;
        }

        if (_paletteSnapshot is null && _paletteOverrides is { Count: > 0 })
        {
            _paletteSnapshot = new Dictionary<int, Rgb>(_paletteOverrides);
        }

        _paletteChanged = false;
        _lastSnapshot = new ScreenSnapshot(
            _columns,
            rows,
            cursor,
            wrapped,
            _extras.Items,
            _title,
            IsAlternateScreen,
            _modes.ReverseVideo,
            _paletteSnapshot,
            _defaultForeground,
            _defaultBackground,
            _cursorColor);
        return _lastSnapshot;
    }

    private bool IsUnchangedSince(ScreenSnapshot last, CursorState cursor)
    {
        if (last.Rows != _rows || last.Columns != _columns || last.Cursor != cursor || !ReferenceEquals(last.Title, _title)
            || last.IsAlternateScreen != IsAlternateScreen || last.ReverseVideo != _modes.ReverseVideo
            || last.DefaultForeground != _defaultForeground || last.DefaultBackground != _defaultBackground
            || last.CursorColor != _cursorColor || _paletteChanged)
        {
            return false;
        }

        for (int row = 0; row < _rows; row++)
        {
            Line line = _screen[row];
            if (!line.Shared || last.IsWrapped(row) != line.Wrapped || !last.SharesRow(row, line.Cells))
            {
                return false;
            }
        }

        return true;
    }

    private void ResetState()
    {
        _row = 0;
        _col = 0;
        _wrapPending = false;
        _pen = default;
        UpdateTemplate();
        _charsets = default;
        _savedPrimary = default;
        _savedAlternate = default;
        _scrollTop = 0;
        _scrollBottom = _rows - 1;
        ResetTabStops(0);
        _lastCodePoint = 0;
        _graphemeState = default;
        _modes = TerminalModes.Initial;
        _paletteOverrides = null;
        _paletteSnapshot = null;
        _paletteChanged = true;
        _defaultForeground = null;
        _defaultBackground = null;
        _cursorColor = null;
        _cursorShape = CursorShape.Block;
        _cursorBlinking = true;
    }

    private void ResetTabStops(int from)
    {
        for (int col = from; col < _tabStops.Length; col++)
        {
            _tabStops[col] = col % 8 == 0 && col != 0;
        }
    }

    /// <summary>Rebuilds the cell that printing copies, after the pen changed.</summary>
    private void UpdateTemplate()
    {
        _template = new Cell
        {
            CodePoint = ' ',
            Foreground = _pen.Foreground,
            Background = _pen.Background,
            Flags = _pen.Flags,
            Underline = _pen.Underline,
            ExtraId = _pen.ExtraId,
            Width = 1,
        };
    }

    /// <summary>What erasing writes: a blank with the current background (xterm's BCE), nothing else.</summary>
    private Cell BlankCell => new() { CodePoint = ' ', Background = _pen.Background, Width = 1 };
}
