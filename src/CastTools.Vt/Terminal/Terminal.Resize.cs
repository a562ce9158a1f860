namespace CastTools.Vt;

public sealed partial class Terminal
{
    /// <summary>Changes the screen size; wrapped lines of the primary screen are re-wrapped, as xterm.js does.</summary>
    public void Resize(int columns, int rows)
    {
        columns = Math.Clamp(columns, 1, MaxDimension);
        rows = Math.Clamp(rows, 1, MaxDimension);
        if (columns == _columns && rows == _rows)
        {
            return;
        }

        ResizeSimple(_alternate, columns, rows, followCursor: _screen == _alternate);
        ResizeSimple(_primary, columns, rows, followCursor: _screen == _primary);
        Array.Resize(ref _tabStops, columns);
        if (columns > _columns)
        {
            ResetTabStops(_columns);
        }

        _columns = columns;
        _rows = rows;
        _scrollTop = 0;
        _scrollBottom = rows - 1;
        _row = Math.Min(_row, rows - 1);
        _col = Math.Min(_col, columns - 1);
        _wrapPending = false;
        ClampSaved(ref _savedPrimary);
        ClampSaved(ref _savedAlternate);
    }

    private void ClampSaved(ref SavedCursor saved)
    {
        saved.Row = Math.Min(saved.Row, _rows - 1);
        saved.Column = Math.Min(saved.Column, _columns - 1);
    }

    /// <summary>Resize without reflow: rows keep their cells (cut or padded); shrinking drops lines from the top
    /// when the cursor would fall off the bottom.</summary>
    private void ResizeSimple(ScreenBuffer screen, int columns, int rows, bool followCursor)
    {
        int oldRows = screen.Rows;
        int drop = followCursor ? Math.Max(0, _row - (rows - 1)) : Math.Max(0, oldRows - rows);
        drop = Math.Min(drop, Math.Max(0, oldRows - rows));
        var lines = new Line[rows];
        for (int row = 0; row < rows; row++)
        {
            int from = row + drop;
            lines[row] = from < oldRows ? Fit(screen[from], columns) : Line.CreateBlank(columns, Cell.Blank);
        }

        List<Line>? history = screen.ScrollbackLimit > 0 ? screen.TakeScrollback() : null;
        if (history is not null)
        {
            for (int row = 0; row < drop; row++)
            {
                history.Add(screen[row]);
            }
        }

        screen.Replace(columns, lines, history);
        if (followCursor)
        {
            _row -= drop;
        }
    }

    private static Line Fit(Line line, int columns)
    {
        if (line.Cells.Length == columns)
        {
            return line;
        }

        var cells = new Cell[columns];
        int keep = Math.Min(columns, line.Cells.Length);
        line.Cells.AsSpan(0, keep).CopyTo(cells);
        if (keep < columns)
        {
            cells.AsSpan(keep).Fill(Cell.Blank);
        }
        else if (cells[columns - 1].Width == 2)
        {
            cells[columns - 1] = Cell.Blank;
        }

        return new Line(cells) { Wrapped = line.Wrapped && keep == line.Cells.Length };
    }
}
