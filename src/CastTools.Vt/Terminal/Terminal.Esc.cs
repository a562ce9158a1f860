namespace CastTools.Vt;

public sealed partial class Terminal
{
    private int _repeatCodePoint;

    void IVtHandler.Execute(int control)
    {
        _graphemeState = default;
        _lastCodePoint = 0;
        _repeatCodePoint = 0;
        switch (control)
        {
            case 0x08:
                CursorBack(1);
                break;
            case 0x09:
                TabForward(1);
                break;
            case 0x0A or 0x0B or 0x0C:
                LineFeed();
                break;
            case 0x0D:
                _col = 0;
                _wrapPending = false;
                break;
            case 0x0E:
                _charsets.Gl = 1;
                break;
            case 0x0F:
                _charsets.Gl = 0;
                break;
            case 0x84:
                Index();
                _wrapPending = false;
                break;
            case 0x85:
                NextLine();
                break;
            case 0x88:
                _tabStops[_col] = true;
                break;
            case 0x8D:
                ReverseIndex();
                _wrapPending = false;
                break;
            case 0x8E:
                _charsets.SingleShift = 2;
                break;
            case 0x8F:
                _charsets.SingleShift = 3;
                break;
            case 0x9A:
                ReplyPrimaryDeviceAttributes();
                break;
            default:
                // BEL, NUL, ENQ and the rest have no effect on the screen.
                break;
        }
    }

    void IVtHandler.EscDispatch(int intermediates, byte final)
    {
        _graphemeState = default;
        _lastCodePoint = 0;
        _repeatCodePoint = 0;
        if (intermediates == 0)
        {
            EscDispatchPlain(final);
            return;
        }

        int first = intermediates & 0xFF;
        if (intermediates > 0xFF)
        {
            return;
        }

        switch (first)
        {
            case '#' when final == '8':
                Decaln();
                break;
            case '(' or ')' or '*' or '+':
                Charset? charset = final switch
                {
                    (byte)'B' => Charset.Ascii,
                    (byte)'0' => Charset.DecSpecialGraphics,
                    (byte)'A' => Charset.Uk,
                    _ => null,
                };
                if (charset is { } designated)
                {
                    _charsets.Set(first - '(', designated);
                }

                break;
            default:
                _ignoredSequences++;
                break;
        }
    }

    private void EscDispatchPlain(byte final)
    {
        switch (final)
        {
            case (byte)'7':
                SaveCursor();
                break;
            case (byte)'8':
                RestoreCursor();
                break;
            case (byte)'c':
                FullReset();
                break;
            case (byte)'D':
                Index();
                _wrapPending = false;
                break;
            case (byte)'E':
                NextLine();
                break;
            case (byte)'H':
                _tabStops[_col] = true;
                break;
            case (byte)'M':
                ReverseIndex();
                _wrapPending = false;
                break;
            case (byte)'=':
                _modes.ApplicationKeypad = true;
                break;
            case (byte)'>':
                _modes.ApplicationKeypad = false;
                break;
            case (byte)'N':
                _charsets.SingleShift = 2;
                break;
            case (byte)'O':
                _charsets.SingleShift = 3;
                break;
            case (byte)'n':
                _charsets.Gl = 2;
                break;
            case (byte)'o':
                _charsets.Gl = 3;
                break;
            case (byte)'Z':
                ReplyPrimaryDeviceAttributes();
                break;
            case (byte)'\\':
                break;
            default:
                _ignoredSequences++;
                break;
        }
    }

    private void LineFeed()
    {
        Index();
        _wrapPending = false;
        if (_modes.LineFeedNewLine)
        {
            _col = 0;
        }
    }

    private void NextLine()
    {
        Index();
        _col = 0;
        _wrapPending = false;
    }

    /// <summary>BS / CUB, as xterm's CursorBack: with reverse wrap (45) and autowrap it may go up to the previous line.</summary>
    private void CursorBack(int count)
    {
        bool reverseWrap = _modes.ReverseWrap && _modes.AutoWrap;
        if (reverseWrap && _wrapPending)
        {
            count--;
        }

        int col = _col - count;
        if (col < 0)
        {
            if (reverseWrap)
            {
                // Wrap backwards through the whole screen, top to bottom, as xterm does.
                long offset = ((long)_columns * _row) + col;
                long total = (long)_columns * _rows;
                offset %= total;
                if (offset < 0)
                {
                    offset += total;
                }

                _row = (int)(offset / _columns);
                col = (int)(offset % _columns);
            }
            else
            {
                col = 0;
            }
        }

        _col = col;
        _wrapPending = false;
    }

    private void TabForward(int count)
    {
        int col = _col;
        for (int i = 0; i < count && col < _columns - 1; i++)
        {
            col++;
            while (col < _columns - 1 && !_tabStops[col])
            {
                col++;
            }
        }

        if (col != _col)
        {
            _col = col;
            _wrapPending = false;
        }
    }

    private void TabBackward(int count)
    {
        int col = _col;
        for (int i = 0; i < count && col > 0; i++)
        {
            col--;
            while (col > 0 && !_tabStops[col])
            {
                col--;
            }
        }

        // xterm moves back without leaving the pending-wrap state (xtermjs/t0084-CBT).
        _col = col;
    }

    private ref SavedCursor ActiveSavedCursor => ref (_screen == _primary ? ref _savedPrimary : ref _savedAlternate);

    private void SaveCursor()
    {
        ref SavedCursor saved = ref ActiveSavedCursor;
        saved.Row = _row;
        saved.Column = _col;
        saved.Pen = _pen;
        saved.Charsets = _charsets;
        saved.OriginMode = _modes.Origin;
    }

    /// <summary>DECRC: xterm restores position, pen, charsets and origin mode, but not the pending wrap.</summary>
    private void RestoreCursor()
    {
        ref SavedCursor saved = ref ActiveSavedCursor;
        _row = Math.Min(saved.Row, _rows - 1);
        _col = Math.Min(saved.Column, _columns - 1);
        _pen = saved.Pen;
        UpdateTemplate();
        _charsets = saved.Charsets;
        _modes.Origin = saved.OriginMode;
        _wrapPending = false;
    }

    /// <summary>DECALN: fills the screen with E, resets the margins and homes the cursor (VT510, xterm).</summary>
    private void Decaln()
    {
        _scrollTop = 0;
        _scrollBottom = _rows - 1;
        Cell e = Cell.Blank;
        e.CodePoint = 'E';
        for (int row = 0; row < _rows; row++)
        {
            Line line = _screen[row];
            line.Write().Fill(e);
            line.Wrapped = false;
        }

        _row = 0;
        _col = 0;
        _wrapPending = false;
    }

    /// <summary>RIS: back to the power-on state; the title is kept, as xterm does.</summary>
    private void FullReset()
    {
        _screen = _primary;
        for (int row = 0; row < _rows; row++)
        {
            _primary[row].Reset(_columns, Cell.Blank);
            _alternate[row].Reset(_columns, Cell.Blank);
        }

        _primary.ClearScrollback();
        _repeatCodePoint = 0;
        ResetState();
    }
}
