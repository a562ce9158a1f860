using System.Text;

namespace CastTools.Vt;

/// <summary>
/// An immutable picture of the visible screen at one moment: what renderers, text export and tests consume.
/// Cheap to take: rows that did not change since the previous snapshot share the same array, so
/// <see cref="RowEquals"/> is usually a reference comparison and renderers redraw only rows that differ.
/// </summary>
public sealed class ScreenSnapshot
{
    private static readonly IReadOnlyDictionary<int, Rgb> NoOverrides = new Dictionary<int, Rgb>();

    private readonly Cell[][] _rows;
    private readonly bool[] _wrapped;
    private readonly CellExtra[] _extras;

    /// <param name="columns">Screen width in cells.</param>
    /// <param name="rows">One array of exactly <paramref name="columns"/> cells per screen row; not copied, never mutated later.</param>
    /// <param name="wrapped">Per row: the row was soft-wrapped into the next one (autowrap), for text export; may be null.</param>
    /// <param name="extras">The extra-data table; entry 0 is unused. Not copied: the terminal's table is append-only.</param>
    public ScreenSnapshot(
        int columns,
        Cell[][] rows,
        CursorState cursor,
        bool[]? wrapped = null,
        CellExtra[]? extras = null,
        string? title = null,
        bool isAlternateScreen = false,
        bool reverseVideo = false,
        IReadOnlyDictionary<int, Rgb>? paletteOverrides = null,
        Rgb? defaultForeground = null,
        Rgb? defaultBackground = null,
        Rgb? cursorColor = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Columns = columns;
        _rows = rows;
        _wrapped = wrapped ?? new bool[rows.Length];
        _extras = extras ?? [];
        Cursor = cursor;
        Title = title;
        IsAlternateScreen = isAlternateScreen;
        ReverseVideo = reverseVideo;
        PaletteOverrides = paletteOverrides ?? NoOverrides;
        DefaultForeground = defaultForeground;
        DefaultBackground = defaultBackground;
        CursorColor = cursorColor;
    }

    public int Columns { get; }

    public int Rows => _rows.Length;

    public CursorState Cursor { get; }

    /// <summary>Window title from OSC 0/2, for a renderer's window bar.</summary>
    public string? Title { get; }

    public bool IsAlternateScreen { get; }

    /// <summary>DECSCNM (mode 5): the whole screen is shown in reverse video.</summary>
    public bool ReverseVideo { get; }

    /// <summary>Palette entries changed by OSC 4 (index → colour). Renderers should resolve once per distinct instance.</summary>
    public IReadOnlyDictionary<int, Rgb> PaletteOverrides { get; }

    /// <summary>OSC 10 override of the default foreground, else null (use the theme).</summary>
    public Rgb? DefaultForeground { get; }

    /// <summary>OSC 11 override of the default background, else null (use the theme).</summary>
    public Rgb? DefaultBackground { get; }

    /// <summary>OSC 12 cursor colour, else null.</summary>
    public Rgb? CursorColor { get; }

    public ReadOnlySpan<Cell> GetRow(int row) => _rows[row];

    public bool IsWrapped(int row) => _wrapped[row];

    /// <summary>Whether row <paramref name="row"/> is exactly this array (the terminal's copy-on-write check).</summary>
    internal bool SharesRow(int row, Cell[] cells) => ReferenceEquals(_rows[row], cells);

    /// <summary>The out-of-line data of a cell, or null when <paramref name="extraId"/> is 0 or unknown.</summary>
    public CellExtra? GetExtra(int extraId) => (uint)extraId < (uint)_extras.Length ? _extras[extraId] : null;

    /// <summary>The full text of one cell: its grapheme cluster, or empty for the tail of a wide character.</summary>
    public string GetCellText(in Cell cell)
    {
        if (cell.Width == 0)
        {
            return string.Empty;
        }

        if (cell.ExtraId != 0 && GetExtra(cell.ExtraId) is { Grapheme: { } grapheme })
        {
            return grapheme;
        }

        return cell.CodePoint <= 0 ? " " : char.ConvertFromUtf32(cell.CodePoint);
    }

    /// <summary>Whether row <paramref name="row"/> shows the same cells here and in <paramref name="other"/>.</summary>
    public bool RowEquals(int row, ScreenSnapshot other)
    {
        Cell[] a = _rows[row];
        Cell[] b = other._rows[row];
        if (ReferenceEquals(a, b))
        {
            return ReferenceEquals(_extras, other._extras) || !HasExtras(a);
        }

        return a.AsSpan().SequenceEqual(b) && (!HasExtras(a) || ExtrasEqual(a, other));
    }

    /// <summary>Whether both snapshots would look identical on screen (cells, cursor, colours, reverse video).</summary>
    public bool LooksSameAs(ScreenSnapshot other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (Columns != other.Columns || Rows != other.Rows || Cursor != other.Cursor || ReverseVideo != other.ReverseVideo
            || DefaultForeground != other.DefaultForeground || DefaultBackground != other.DefaultBackground
            || CursorColor != other.CursorColor || !PaletteEquals(other))
        {
            return false;
        }

        for (int row = 0; row < _rows.Length; row++)
        {
            if (!RowEquals(row, other))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One row as text: blank cells are spaces, a wide character appears once, trailing spaces cut.</summary>
    public string GetRowText(int row)
    {
        var builder = new StringBuilder(Columns);
        AppendRowText(row, builder);
        return builder.ToString();
    }

    /// <summary>The visible screen as text: exactly <see cref="Rows"/> lines, each ended by <c>\n</c>.</summary>
    public string GetText()
    {
        var builder = new StringBuilder(Rows * (Columns + 1));
        for (int row = 0; row < _rows.Length; row++)
        {
            AppendRowText(row, builder);
            builder.Append('\n');
        }

        return builder.ToString();
    }

    private void AppendRowText(int row, StringBuilder builder)
    {
        int start = builder.Length;
        foreach (ref readonly Cell cell in _rows[row].AsSpan())
        {
            if (cell.Width == 0)
            {
                continue;
            }

            if (cell.ExtraId != 0 && GetExtra(cell.ExtraId) is { Grapheme: { } grapheme })
            {
                builder.Append(grapheme);
            }
            else if (cell.CodePoint <= 0)
            {
                builder.Append(' ');
            }
            else
            {
                builder.Append(new Rune(cell.CodePoint).ToString());
            }
        }

        int end = builder.Length;
        while (end > start && builder[end - 1] == ' ')
        {
            end--;
        }

        builder.Length = end;
    }

    private bool PaletteEquals(ScreenSnapshot other)
    {
        if (ReferenceEquals(PaletteOverrides, other.PaletteOverrides))
        {
            return true;
        }

        if (PaletteOverrides.Count != other.PaletteOverrides.Count)
        {
            return false;
        }

        foreach (KeyValuePair<int, Rgb> entry in PaletteOverrides)
        {
            if (!other.PaletteOverrides.TryGetValue(entry.Key, out Rgb value) || value != entry.Value)
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasExtras(Cell[] row)
    {
        foreach (ref readonly Cell cell in row.AsSpan())
        {
            if (cell.ExtraId != 0)
            {
                return true;
            }
        }

        return false;
    }

    private bool ExtrasEqual(Cell[] row, ScreenSnapshot other)
    {
        foreach (ref readonly Cell cell in row.AsSpan())
        {
            if (cell.ExtraId != 0 && !Equals(GetExtra(cell.ExtraId), other.GetExtra(cell.ExtraId)))
            {
                return false;
            }
        }

        return true;
    }
}
