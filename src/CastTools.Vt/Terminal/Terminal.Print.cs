namespace CastTools.Vt;

public sealed partial class Terminal
{
    private readonly Dictionary<(int ExtraId, int Base, int Added), int> _joinCache = [];

    void IVtHandler.PrintAscii(ReadOnlySpan<byte> text)
    {
        if (!_charsets.IsPlainAscii || _modes.Insert)
        {
            foreach (byte b in text)
            {
                PrintCodePoint(_charsets.Map(b), 1);
            }

            return;
        }

        byte lastByte = text.IsEmpty ? (byte)0 : text[^1];
        while (!text.IsEmpty)
        {
            if (_wrapPending)
            {
                WrapLine();
            }

            Span<Cell> cells = _screen[_row].Write();
            int room = _columns - _col;
            int count = Math.Min(room, text.Length);
            ClearBrokenWide(cells, _col, _col + count);
            Cell cell = _template;
            Span<Cell> target = cells.Slice(_col, count);
            for (int i = 0; i < target.Length; i++)
            {
                cell.CodePoint = text[i];
                target[i] = cell;
            }

            _col += count;
            text = text[count..];
            if (_col >= _columns)
            {
                _col = _columns - 1;
                if (_modes.AutoWrap)
                {
                    _wrapPending = true;
                }
                else if (!text.IsEmpty)
                {
                    // Without autowrap every further character lands on the last column; the last one stays.
                    cells[_col].CodePoint = text[^1];
                    text = default;
                }
            }
        }

        _lastCodePoint = lastByte;
        _repeatCodePoint = lastByte;
        _graphemeState = default;
    }

    void IVtHandler.Print(int codePoint)
    {
        if (codePoint < 0x7F)
        {
            PrintCodePoint(_charsets.Map(codePoint), 1);
            return;
        }

        _charsets.SingleShift = 0;
        int previous = _lastCodePoint;
        if (previous != 0 && GraphemeJoiner.Joins(ref _graphemeState, previous, codePoint))
        {
            JoinToPreviousCell(codePoint);
            _lastCodePoint = codePoint;
            return;
        }

        int width = UnicodeWidth.GetWidth(codePoint);
        if (width == 0)
        {
            // A zero-width character with nothing to join: keep it on the previous cell when there is one.
            JoinToPreviousCell(codePoint);
            _lastCodePoint = codePoint;
            return;
        }

        // The joiner has already moved its state on to this code point as the start of a new cluster: keep it.
        GraphemeState state = _graphemeState;
        PrintCodePoint(codePoint, width);
        _graphemeState = state;
    }

    private void PrintCodePoint(int codePoint, int width)
    {
        if (_wrapPending)
        {
            WrapLine();
        }

        if (width == 2 && _col == _columns - 1)
        {
            if (_columns < 2)
            {
                return;
            }

            if (_modes.AutoWrap)
            {
                // A wide character does not fit in the last column: leave it blank and wrap first.
                Span<Cell> last = _screen[_row].Write();
                ClearBrokenWide(last, _col, _col + 1);
                last[_col] = BlankCell;
                WrapLine();
            }
            else
            {
                _col--;
            }
        }

        Span<Cell> cells = _screen[_row].Write();
        if (_modes.Insert)
        {
            InsertBlanks(cells, _col, width);
        }

        ClearBrokenWide(cells, _col, _col + width);
        Cell cell = _template;
        cell.CodePoint = codePoint;
        cell.Width = (byte)width;
        cells[_col] = cell;
        if (width == 2)
        {
            cell.CodePoint = 0;
            cell.Width = 0;
            cells[_col + 1] = cell;
        }

        _lastCodePoint = codePoint;
        _repeatCodePoint = codePoint;
        _graphemeState = default;
        _col += width;
        if (_col >= _columns)
        {
            _col = _columns - 1;
            _wrapPending = _modes.AutoWrap;
        }
    }

    /// <summary>Appends a code point to the grapheme cluster of the cell before the cursor.</summary>
    private void JoinToPreviousCell(int codePoint)
    {
        int row = _row;
        int col = _wrapPending ? _col : _col - 1;
        if (col < 0)
        {
            return;
        }

        Span<Cell> cells = _screen[row].Write();
        if (cells[col].Width == 0 && col > 0)
        {
            col--;
        }

        ref Cell cell = ref cells[col];
        if (cell.Width == 0)
        {
            return;
        }

        // Compact first, if due, so that the ids used below stay valid.
        if (_extras.Count >= _extrasCompactAt)
        {
            CompactExtras();
        }

        // The same joins repeat (skin tones, flags, accents): remember their result so they cost no allocation.
        (int, int, int) key = (cell.ExtraId, cell.CodePoint, codePoint);
        if (_joinCache.TryGetValue(key, out int joinedId))
        {
            cell.ExtraId = joinedId;
        }
        else
        {
            CellExtra? extra = _extras.Get(cell.ExtraId);
            string text = extra?.Grapheme ?? char.ConvertFromUtf32(cell.CodePoint is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? cell.CodePoint : ' ');
            if (text.Length > 64)
            {
                return; // Bound pathological clusters (thousands of combining marks).
            }

            text += char.ConvertFromUtf32(codePoint);
            cell.ExtraId = InternExtra(text, extra?.UnderlineColor ?? default, extra?.Hyperlink);
            if (_joinCache.Count >= 4096)
            {
                _joinCache.Clear();
            }

            _joinCache[key] = cell.ExtraId;
        }

        // VS16 turns a narrow text-presentation base (☺, keycap digits) into a two-column emoji, when there is room.
        if (codePoint == GraphemeJoiner.EmojiPresentationSelector && cell.Width == 1 && !_wrapPending
            && col + 1 < _columns && col + 1 == _col && GraphemeJoiner.WidensToEmoji(cell.CodePoint))
        {
            ClearBrokenWide(cells, col + 1, col + 2);
            cells[col].Width = 2;
            Cell tail = cells[col];
            tail.CodePoint = 0;
            tail.Width = 0;
            tail.ExtraId = 0;
            cells[col + 1] = tail;
            _col = col + 2;
            if (_col >= _columns)
            {
                _col = _columns - 1;
                _wrapPending = _modes.AutoWrap;
            }
        }
    }

    /// <summary>Soft wrap: marks the row as continued and moves to the start of the next line (scrolling if needed).</summary>
    private void WrapLine()
    {
        _wrapPending = false;
        _screen[_row].Wrapped = true;
        Index();
        _col = 0;
    }

    /// <summary>Before cells [start, end) are overwritten: blanks the other half of any wide character cut in two.</summary>
    private void ClearBrokenWide(Span<Cell> cells, int start, int end)
    {
        if (start > 0 && start < cells.Length && cells[start].Width == 0)
        {
            cells[start - 1] = ErasedLike(cells[start - 1]);
        }

        if (end < cells.Length && end > 0 && cells[end - 1].Width == 2)
        {
            cells[end] = ErasedLike(cells[end]);
        }
    }

    private static Cell ErasedLike(Cell cell) => new() { CodePoint = ' ', Background = cell.Background, Foreground = cell.Foreground, Flags = cell.Flags & ~CellFlags.Protected, Width = 1 };

    /// <summary>IRM / ICH: shifts cells from <paramref name="col"/> right by <paramref name="count"/>, losing those pushed off.</summary>
    private void InsertBlanks(Span<Cell> cells, int col, int count)
    {
        count = Math.Min(count, _columns - col);
        if (count <= 0)
        {
            return;
        }

        if (col > 0 && cells[col].Width == 0)
        {
            cells[col - 1] = ErasedLike(cells[col - 1]);
            cells[col] = ErasedLike(cells[col]);
        }

        cells[col..(_columns - count)].CopyTo(cells[(col + count)..]);
        cells.Slice(col, count).Fill(BlankCell);
        if (cells[_columns - 1].Width == 2)
        {
            cells[_columns - 1] = ErasedLike(cells[_columns - 1]);
        }
    }

    /// <summary>IND / LF: down one line, scrolling the region when at its bottom margin.</summary>
    private void Index()
    {
        if (_row == _scrollBottom)
        {
            ScrollUp(1);
        }
        else if (_row < _rows - 1)
        {
            _row++;
        }
    }

    /// <summary>RI: up one line, scrolling the region down when at its top margin.</summary>
    private void ReverseIndex()
    {
        if (_row == _scrollTop)
        {
            ScrollDown(1);
        }
        else if (_row > 0)
        {
            _row--;
        }
    }

    private void ScrollUp(int count) =>
        _screen.ScrollUp(_scrollTop, _scrollBottom, count, BlankCell, saveLines: _screen == _primary);

    private void ScrollDown(int count) => _screen.ScrollDown(_scrollTop, _scrollBottom, count, BlankCell);
}
