namespace CastTools.Vt;

/// <summary>
/// The rows of one screen (primary or alternate) in a ring: a full-screen scroll moves the start index, a scroll
/// inside margins moves row references, and cells are never copied to scroll. The primary screen also keeps a
/// bounded scrollback ring of the lines that left its top.
/// </summary>
internal sealed class ScreenBuffer
{
    private Line[] _lines;
    private int _top;
    private Line[] _scrollback;
    private int _scrollbackStart;
    private int _scrollbackCount;
    private readonly int _scrollbackLimit;

    public ScreenBuffer(int columns, int rows, int scrollbackLimit)
    {
        Columns = columns;
        Rows = rows;
        _scrollbackLimit = Math.Max(0, scrollbackLimit);
        _scrollback = [];
        _lines = new Line[rows];
        for (int i = 0; i < rows; i++)
        {
            _lines[i] = Line.CreateBlank(columns, Cell.Blank);
        }
    }

    public int Columns { get; private set; }

    public int Rows { get; private set; }

    public int ScrollbackCount => _scrollbackCount;

    public int ScrollbackLimit => _scrollbackLimit;

    /// <summary>Called with each line that leaves the top of the screen (before it is reused).</summary>
    public ScrolledLineHandler? LineScrolledOff { get; set; }

    public Line this[int row]
    {
        get
        {
            int i = _top + row;
            if (i >= _lines.Length)
            {
                i -= _lines.Length;
            }

            return _lines[i];
        }

        private set
        {
            int i = _top + row;
            if (i >= _lines.Length)
            {
                i -= _lines.Length;
            }

            _lines[i] = value;
        }
    }

    /// <summary>The scrollback line <paramref name="index"/> (0 is the oldest).</summary>
    public Line GetScrollback(int index)
    {
        int i = _scrollbackStart + index;
        if (i >= _scrollback.Length)
        {
            i -= _scrollback.Length;
        }

        return _scrollback[i];
    }

    public void ClearScrollback()
    {
        Array.Clear(_scrollback);
        _scrollbackStart = 0;
        _scrollbackCount = 0;
    }

    /// <summary>Scrolls rows <paramref name="top"/>..<paramref name="bottom"/> (inclusive) up by <paramref name="count"/>.</summary>
    /// <param name="saveLines">Whether lines leaving the top of the screen go to scrollback.</param>
    public void ScrollUp(int top, int bottom, int count, Cell blank, bool saveLines)
    {
        int height = bottom - top + 1;
        count = Math.Min(count, height);
        if (count <= 0)
        {
            return;
        }

        bool toHistory = saveLines && top == 0;
        if (top == 0 && bottom == Rows - 1)
        {
            for (int i = 0; i < count; i++)
            {
                Line leaving = this[0];
                Line fresh = toHistory ? PushScrollback(leaving) : leaving;
                fresh.Reset(Columns, blank);
                _lines[_top] = fresh;
                _top = _top + 1 == _lines.Length ? 0 : _top + 1;
            }

            return;
        }

        for (int i = 0; i < count; i++)
        {
            Line leaving = this[top];
            for (int row = top; row < bottom; row++)
            {
                this[row] = this[row + 1];
            }

            Line fresh = toHistory ? PushScrollback(leaving) : leaving;
            fresh.Reset(Columns, blank);
            this[bottom] = fresh;
        }
    }

    /// <summary>Scrolls rows <paramref name="top"/>..<paramref name="bottom"/> (inclusive) down by <paramref name="count"/>.</summary>
    public void ScrollDown(int top, int bottom, int count, Cell blank)
    {
        int height = bottom - top + 1;
        count = Math.Min(count, height);
        for (int i = 0; i < count; i++)
        {
            Line leaving = this[bottom];
            for (int row = bottom; row > top; row--)
            {
                this[row] = this[row - 1];
            }

            leaving.Reset(Columns, blank);
            this[top] = leaving;
        }
    }

    /// <summary>Replaces every row (and the scrollback) after a resize; <paramref name="lines"/> has exactly the new row count.</summary>
    public void Replace(int columns, Line[] lines, List<Line>? scrollback)
    {
        Columns = columns;
        Rows = lines.Length;
        _lines = lines;
        _top = 0;
        ClearScrollback();
        if (scrollback is not null)
        {
            foreach (Line line in scrollback)
            {
                PushScrollbackOnly(line);
            }
        }
    }

    /// <summary>The scrollback lines, oldest first (for reflow).</summary>
    public List<Line> TakeScrollback()
    {
        var list = new List<Line>(_scrollbackCount);
        for (int i = 0; i < _scrollbackCount; i++)
        {
            list.Add(GetScrollback(i));
        }

        ClearScrollback();
        return list;
    }

    /// <summary>Moves <paramref name="line"/> into scrollback; returns a line object to reuse for the new bottom row.</summary>
    private Line PushScrollback(Line line)
    {
        LineScrolledOff?.Invoke(line.Cells, line.Wrapped);
        if (_scrollbackLimit == 0)
        {
            return line;
        }

        Line? evicted = PushScrollbackOnly(line);
        return evicted ?? new Line(new Cell[Columns]);
    }

    private Line? PushScrollbackOnly(Line line)
    {
        if (_scrollbackLimit == 0)
        {
            return null;
        }

        // Snapshots may hold the array; scrollback never writes it, so sharing is safe.
        if (_scrollbackCount < _scrollbackLimit)
        {
            if (_scrollback.Length == _scrollbackCount)
            {
                GrowScrollback();
            }

            int end = (_scrollbackStart + _scrollbackCount) % _scrollback.Length;
            _scrollback[end] = line;
            _scrollbackCount++;
            return null;
        }

        Line evicted = _scrollback[_scrollbackStart];
        _scrollback[_scrollbackStart] = line;
        _scrollbackStart = _scrollbackStart + 1 == _scrollback.Length ? 0 : _scrollbackStart + 1;
        return evicted;
    }

    private void GrowScrollback()
    {
        int size = Math.Min(_scrollbackLimit, Math.Max(64, _scrollback.Length * 2));
        var grown = new Line[size];
        for (int i = 0; i < _scrollbackCount; i++)
        {
            grown[i] = GetScrollback(i);
        }

        _scrollback = grown;
        _scrollbackStart = 0;
    }
}
