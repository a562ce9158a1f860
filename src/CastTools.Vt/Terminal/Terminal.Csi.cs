namespace CastTools.Vt;

public sealed partial class Terminal
{
    void IVtHandler.CsiDispatch(in CsiParams p, byte prefix, int intermediates, byte final)
    {
        int repeat = _repeatCodePoint;
        if (final != 'm')
        {
            _graphemeState = default;
            _lastCodePoint = 0;
            _repeatCodePoint = 0;
        }

        if (final == 'b' && prefix == 0 && intermediates == 0)
        {
            // REP repeats the graphic character just before it; any other control in between cancels it (xterm).
            _repeatCodePoint = repeat;
        }

        if (prefix == 0 && intermediates == 0)
        {
            CsiPlain(p, final);
        }
        else if (prefix == '?' && intermediates == 0)
        {
            CsiPrivate(p, final);
        }
        else if (prefix == 0)
        {
            CsiWithIntermediate(p, intermediates, final);
        }
        else
        {
            CsiOther(p, prefix, intermediates, final);
        }
    }

    private void CsiPlain(in CsiParams p, byte final)
    {
        switch (final)
        {
            case (byte)'@':
                Ich(p.Get(0, 1));
                break;
            case (byte)'A':
                Cuu(p.Get(0, 1));
                break;
            case (byte)'B':
                Cud(p.Get(0, 1));
                break;
            case (byte)'e':
                // VPR ignores the margins in xterm (xtermjs/t0079-DECSTBM_VPR).
                _row = Math.Min(_row + p.Get(0, 1), _rows - 1);
                _wrapPending = false;
                break;
            case (byte)'C' or (byte)'a':
                Cuf(p.Get(0, 1));
                break;
            case (byte)'D':
                CursorBack(p.Get(0, 1));
                break;
            case (byte)'E':
                Cud(p.Get(0, 1));
                _col = 0;
                break;
            case (byte)'F':
                Cuu(p.Get(0, 1));
                _col = 0;
                break;
            case (byte)'G' or (byte)'`':
                _col = Math.Min(p.Get(0, 1), _columns) - 1;
                _wrapPending = false;
                break;
            case (byte)'H' or (byte)'f':
                Cup(p.Get(0, 1) - 1, p.Get(1, 1) - 1);
                break;
            case (byte)'I':
                TabForward(p.Get(0, 1));
                break;
            case (byte)'J':
                Ed(p.Get(0, 0), selective: false);
                break;
            case (byte)'K':
                El(p.Get(0, 0), selective: false);
                break;
            case (byte)'L':
                Il(p.Get(0, 1));
                break;
            case (byte)'M':
                Dl(p.Get(0, 1));
                break;
            case (byte)'P':
                Dch(p.Get(0, 1));
                break;
            case (byte)'S':
                ScrollUp(p.Get(0, 1));
                break;
            case (byte)'T':
                // CSI Ps ; Ps ; Ps ; Ps ; Ps T (5 parameters) is xterm's mouse highlight tracking, not SD.
                if (p.Length <= 1)
                {
                    ScrollDown(p.Get(0, 1));
                }

                break;
            case (byte)'X':
                Ech(p.Get(0, 1));
                break;
            case (byte)'Z':
                TabBackward(p.Get(0, 1));
                break;
            case (byte)'b':
                Rep(p.Get(0, 1));
                break;
            case (byte)'c':
                if (p.Get(0, 0) == 0)
                {
                    ReplyPrimaryDeviceAttributes();
                }

                break;
            case (byte)'d':
                Cup(p.Get(0, 1) - 1, _col, keepColumn: true);
                break;
            case (byte)'g':
                Tbc(p.Get(0, 0));
                break;
            case (byte)'h':
                SetAnsiModes(p, true);
                break;
            case (byte)'l':
                SetAnsiModes(p, false);
                break;
            case (byte)'m':
                Sgr(p);
                break;
            case (byte)'n':
                DeviceStatusReport(p.Get(0, 0), isPrivate: false);
                break;
            case (byte)'r':
                Decstbm(p.Get(0, 1), p.Get(1, _rows));
                break;
            case (byte)'s':
                SaveCursor();
                break;
            case (byte)'t':
                WindowOps(p);
                break;
            case (byte)'u':
                RestoreCursor();
                break;
            default:
                _ignoredSequences++;
                break;
        }
    }

    private void CsiPrivate(in CsiParams p, byte final)
    {
        switch (final)
        {
            case (byte)'h':
                SetDecModes(p, true);
                break;
            case (byte)'l':
                SetDecModes(p, false);
                break;
            case (byte)'J':
                Ed(p.Get(0, 0), selective: true);
                break;
            case (byte)'K':
                El(p.Get(0, 0), selective: true);
                break;
            case (byte)'n':
                DeviceStatusReport(p.Get(0, 0), isPrivate: true);
                break;
            default:
                _ignoredSequences++;
                break;
        }
    }

    private void CsiWithIntermediate(in CsiParams p, int intermediates, byte final)
    {
        switch ((char)intermediates, (char)final)
        {
            case (' ', 'q'):
                Decscusr(p.Get(0, 0));
                break;
            case (' ', '@'):
                ScrollHorizontally(p.Get(0, 1), left: true);
                break;
            case (' ', 'A'):
                ScrollHorizontally(p.Get(0, 1), left: false);
                break;
            case ('\'', '}'):
                Decic(p.Get(0, 1));
                break;
            case ('\'', '~'):
                Decdc(p.Get(0, 1));
                break;
            case ('!', 'p'):
                SoftReset();
                break;
            case ('"', 'q'):
                // DECSCA: 1 protects what is written next from DECSED/DECSEL; 0 and 2 do not.
                SetPenFlag(CellFlags.Protected, p.Get(0, 0) == 1);
                break;
            case ('$', 'p'):
                ReplyModeReport(p.Get(0, 0), isPrivate: false);
                break;
            default:
                _ignoredSequences++;
                break;
        }
    }

    private void CsiOther(in CsiParams p, byte prefix, int intermediates, byte final)
    {
        if (prefix == '?' && intermediates == '$' && final == 'p')
        {
            ReplyModeReport(p.Get(0, 0), isPrivate: true);
        }
        else if (prefix == '>' && intermediates == 0 && final == 'c')
        {
            ReplySecondaryDeviceAttributes();
        }
        else if (prefix == '>' && intermediates == 0 && final == 'q')
        {
            ReplyVersion();
        }
        else if (prefix == '?' && intermediates == 0 && final == 'W' && p.Get(0, 0) == 5)
        {
            // DECST8C: tab stops every 8 columns.
            ResetTabStops(0);
        }
        else
        {
            _ignoredSequences++;
        }
    }

    private void Cup(int row, int col, bool keepColumn = false)
    {
        if (_modes.Origin)
        {
            row = Math.Clamp(row + _scrollTop, _scrollTop, _scrollBottom);
        }

        _row = Math.Clamp(row, 0, _rows - 1);
        if (!keepColumn)
        {
            _col = Math.Clamp(col, 0, _columns - 1);
        }

        _wrapPending = false;
    }

    private void Cuu(int count)
    {
        int limit = _row >= _scrollTop ? _scrollTop : 0;
        _row = Math.Max(_row - count, limit);
        _wrapPending = false;
    }

    private void Cud(int count)
    {
        int limit = _row <= _scrollBottom ? _scrollBottom : _rows - 1;
        _row = Math.Min(_row + count, limit);
        _wrapPending = false;
    }

    private void Cuf(int count)
    {
        _col = Math.Min(_col + count, _columns - 1);
        _wrapPending = false;
    }

    private void Decstbm(int top, int bottom)
    {
        top = Math.Max(top, 1) - 1;
        bottom = Math.Min(bottom, _rows) - 1;
        if (top >= bottom)
        {
            return;
        }

        _scrollTop = top;
        _scrollBottom = bottom;
        Cup(0, 0);
    }

    private void Tbc(int mode)
    {
        if (mode == 0)
        {
            _tabStops[_col] = false;
        }
        else if (mode == 3)
        {
            Array.Clear(_tabStops);
        }
    }

    private void Rep(int count)
    {
        if (_repeatCodePoint == 0)
        {
            return;
        }

        // Bounded so a huge count costs at most a screenful of work.
        count = Math.Min(count, _columns * _rows);
        int codePoint = _repeatCodePoint;
        int width = codePoint < 0x7F ? 1 : UnicodeWidth.GetWidth(codePoint);
        if (width == 0)
        {
            return;
        }

        for (int i = 0; i < count; i++)
        {
            PrintCodePoint(codePoint, width);
        }
    }

    private void Decscusr(int style)
    {
        _cursorShape = style switch
        {
            3 or 4 => CursorShape.Underline,
            5 or 6 => CursorShape.Bar,
            _ => CursorShape.Block,
        };
        _cursorBlinking = style is 0 or 1 or 3 or 5;
    }

    private void SetPenFlag(CellFlags flag, bool on)
    {
        _pen.Flags = on ? _pen.Flags | flag : _pen.Flags & ~flag;
        UpdateTemplate();
    }

    /// <summary>DECSTR: soft reset (modes, margins, pen, charsets, saved cursor), screen untouched.</summary>
    private void SoftReset()
    {
        _modes.CursorVisible = true;
        _modes.Insert = false;
        _modes.Origin = false;
        _modes.AutoWrap = true;
        _modes.ApplicationCursorKeys = false;
        _modes.ApplicationKeypad = false;
        _modes.ReverseWrap = false;
        _scrollTop = 0;
        _scrollBottom = _rows - 1;
        _pen = default;
        UpdateTemplate();
        _charsets = default;
        _savedPrimary = default;
        _savedAlternate = default;
        _wrapPending = false;
    }
}
