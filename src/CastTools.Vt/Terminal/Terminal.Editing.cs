namespace CastTools.Vt;

public sealed partial class Terminal
{
    private void Ich(int count)
    {
        Span<Cell> cells = _screen[_row].Write();
        InsertBlanks(cells, _col, count);
        _wrapPending = false;
    }

    private void Dch(int count)
    {
        Span<Cell> cells = _screen[_row].Write();
        DeleteCells(cells, _col, count);
        _wrapPending = false;
    }

    private void DeleteCells(Span<Cell> cells, int col, int count)
    {
        count = Math.Min(count, _columns - col);
        if (count <= 0)
        {
            return;
        }

        ClearBrokenWide(cells, col, col + count);
        cells[(col + count)..].CopyTo(cells[col..]);
        cells[(_columns - count)..].Fill(BlankCell);
    }

    private void Ech(int count)
    {
        count = Math.Min(count, _columns - _col);
        Erase(_row, _col, _col + count, selective: false);
        _wrapPending = false;
    }

    private void Il(int count)
    {
        if (_row < _scrollTop || _row > _scrollBottom)
        {
            return;
        }

        _screen.ScrollDown(_row, _scrollBottom, count, BlankCell);
        _col = 0;
        _wrapPending = false;
    }

    private void Dl(int count)
    {
        if (_row < _scrollTop || _row > _scrollBottom)
        {
            return;
        }

        _screen.ScrollUp(_row, _scrollBottom, count, BlankCell, saveLines: false);
        _col = 0;
        _wrapPending = false;
    }

    /// <summary>ED (and DECSED when <paramref name="selective"/>): 0 below, 1 above, 2 all, 3 scrollback.</summary>
    private void Ed(int mode, bool selective)
    {
        switch (mode)
        {
            case 0:
                Erase(_row, _col, _columns, selective);
                for (int row = _row + 1; row < _rows; row++)
                {
                    Erase(row, 0, _columns, selective);
                }

                break;
            case 1:
                for (int row = 0; row < _row; row++)
                {
                    Erase(row, 0, _columns, selective);
                }

                Erase(_row, 0, _col + 1, selective);
                break;
            case 2:
                for (int row = 0; row < _rows; row++)
                {
                    Erase(row, 0, _columns, selective);
                }

                break;
            case 3:
                if (!selective)
                {
                    _primary.ClearScrollback();
                }

                break;
            default:
                return;
        }

        // As xterm: only erasing to the right ends the pending wrap; the line no longer continues.
        if (mode == 0)
        {
            _wrapPending = false;
        }
    }

    /// <summary>EL (and DECSEL): 0 right of the cursor, 1 left, 2 the whole line.</summary>
    private void El(int mode, bool selective)
    {
        switch (mode)
        {
            case 0:
                Erase(_row, _col, _columns, selective);
                break;
            case 1:
                Erase(_row, 0, _col + 1, selective);
                break;
            case 2:
                Erase(_row, 0, _columns, selective);
                break;
            default:
                return;
        }

        if (mode == 0)
        {
            _wrapPending = false;
        }
    }

    /// <summary>Erases cells [start, end) of a row with the current background; a cut wide character goes entirely.</summary>
    private void Erase(int row, int start, int end, bool selective)
    {
        if (start >= end)
        {
            return;
        }

        Line line = _screen[row];
        Span<Cell> cells = line.Write();
        if (end == _columns)
        {
            line.Wrapped = false;
        }

        ClearBrokenWide(cells, start, end);
        Cell blank = BlankCell;
        if (!selective)
        {
            cells[start..end].Fill(blank);
            return;
        }

        for (int col = start; col < end; col++)
        {
            if ((cells[col].Flags & CellFlags.Protected) == 0)
            {
                cells[col] = blank;
            }
        }
    }

    /// <summary>SL / SR: shifts every line of the scroll region left or right by <paramref name="count"/> columns.</summary>
    private void ScrollHorizontally(int count, bool left)
    {
        if (_row < _scrollTop || _row > _scrollBottom)
        {
            return;
        }

        for (int row = _scrollTop; row <= _scrollBottom; row++)
        {
            Span<Cell> cells = _screen[row].Write();
            if (left)
            {
                DeleteCells(cells, 0, count);
            }
            else
            {
                InsertBlanks(cells, 0, count);
            }
        }
    }

    /// <summary>DECIC: inserts blank columns at the cursor column in every line of the scroll region.</summary>
    private void Decic(int count)
    {
        if (_row < _scrollTop || _row > _scrollBottom)
        {
            return;
        }

        for (int row = _scrollTop; row <= _scrollBottom; row++)
        {
            InsertBlanks(_screen[row].Write(), _col, count);
        }
    }

    /// <summary>DECDC: deletes columns at the cursor column in every line of the scroll region.</summary>
    private void Decdc(int count)
    {
        if (_row < _scrollTop || _row > _scrollBottom)
        {
            return;
        }

        for (int row = _scrollTop; row <= _scrollBottom; row++)
        {
            DeleteCells(_screen[row].Write(), _col, count);
        }
    }
}
