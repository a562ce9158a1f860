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
        ReflowPrimary(columns, rows);
        Array.Resize(ref _tabStops, columns);
        if (columns > _columns)
        {
            ResetTabStops(_columns);
        }

        _columns = columns;
        _rows = rows;
        _scrollTop = 0;
        _scrollBottom = rows - 1;
        _row = Math.Clamp(_row, 0, rows - 1);
        _col = Math.Clamp(_col, 0, columns - 1);
        _wrapPending = false;
        ClampSaved(ref _savedPrimary);
        ClampSaved(ref _savedAlternate);
    }

    /// <summary>
    /// Re-wraps the primary screen and its scrollback to the new width (soft-wrapped rows are joined into logical
    /// lines and split again; a wide character that no longer fits moves to the next row), then fills the new height
    /// from the bottom, keeping the cursor on the same character: lines above go to scrollback, and when the screen
    /// grows they come back from it, as in xterm.js.
    /// </summary>
    private void ReflowPrimary(int columns, int rows)
    {
        ScreenBuffer screen = _primary;
        bool active = _screen == _primary;
        List<Line> all = screen.TakeScrollback();
        int historyCount = all.Count;
        for (int row = 0; row < screen.Rows; row++)
        {
            all.Add(screen[row]);
        }

        int cursorRow = active ? _row : _savedPrimary.Row;
        int cursorCol = active ? _col : _savedPrimary.Column;
        int cursorLine = historyCount + Math.Min(cursorRow, screen.Rows - 1);

        var result = new List<Line>(all.Count + 8);
        var logical = new List<Cell>(columns * 2);
        int newCursorLine = 0;
        int newCursorCol = 0;
        int fromHistory = 0;
        int index = 0;
        while (index < all.Count)
        {
            bool startsInHistory = index < historyCount;
            logical.Clear();
            int cursorOffset = -1;
            while (true)
            {
                Line line = all[index];
                bool wrapped = line.Wrapped && index + 1 < all.Count;
                if (index == cursorLine)
                {
                    cursorOffset = logical.Count + cursorCol;
                }

                int length = wrapped ? line.Cells.Length : TrimmedLength(line.Cells);
                for (int col = 0; col < length; col++)
                {
                    logical.Add(line.Cells[col]);
                }

                index++;
                if (!wrapped)
                {
                    break;
                }
            }

            int position = 0;
            do
            {
                var cells = new Cell[columns];
                cells.AsSpan().Fill(Cell.Blank);
                int col = 0;
                while (position < logical.Count && col < columns)
                {
                    Cell cell = logical[position];
                    if (position == cursorOffset)
                    {
                        newCursorLine = result.Count;
                        newCursorCol = col;
                    }

                    if (cell.Width == 0)
                    {
                        position++;
                        continue;
                    }

                    if (cell.Width == 2)
                    {
                        if (col + 1 >= columns)
                        {
                            if (columns < 2)
                            {
                                position++;
                                continue;
                            }

                            break;
                        }

                        cells[col] = cell;
                        Cell tail = cell;
                        tail.CodePoint = 0;
                        tail.Width = 0;
                        cells[col + 1] = tail;
                        col += 2;
                        position++;
                        continue;
                    }

                    cells[col++] = cell;
                    position++;
                }

                bool more = position < logical.Count;
                if (!more && cursorOffset >= logical.Count)
                {
                    // The cursor was past the text of its line: keep its distance, within the row.
                    newCursorLine = result.Count;
                    newCursorCol = Math.Min(col + (cursorOffset - logical.Count), columns - 1);
                }

                result.Add(new Line(cells) { Wrapped = more });
            }
            while (position < logical.Count);

            if (startsInHistory)
            {
                fromHistory = result.Count;
            }
        }

        // Blank lines below the cursor are not kept: they would push text into scrollback for nothing.
        while (result.Count > newCursorLine + 1 && result.Count > rows && IsBlank(result[^1]))
        {
            result.RemoveAt(result.Count - 1);
        }

        while (result.Count < rows)
        {
            result.Add(Line.CreateBlank(columns, Cell.Blank));
        }

        int top = result.Count - rows;
        var lines = result.GetRange(top, rows).ToArray();
        var history = new List<Line>(Math.Min(top, screen.ScrollbackLimit));
        for (int i = 0; i < top; i++)
        {
            if (i >= fromHistory)
            {
                screen.LineScrolledOff?.Invoke(result[i].Cells, result[i].Wrapped);
            }

            if (top - i <= screen.ScrollbackLimit)
            {
                history.Add(result[i]);
            }
        }

        screen.Replace(columns, lines, history);
        int newRow = Math.Clamp(newCursorLine - top, 0, rows - 1);
        if (active)
        {
            _row = newRow;
            _col = Math.Min(newCursorCol, columns - 1);
        }
        else
        {
            _savedPrimary.Row = newRow;
            _savedPrimary.Column = Math.Min(newCursorCol, columns - 1);
        }
    }

    private static int TrimmedLength(Cell[] cells)
    {
        int length = cells.Length;
        while (length > 0 && cells[length - 1] == Cell.Blank)
        {
            length--;
        }

        return length;
    }

    private static bool IsBlank(Line line) => !line.Wrapped && TrimmedLength(line.Cells) == 0;

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
