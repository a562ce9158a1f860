namespace CastTools.Vt;

public sealed partial class Terminal
{
    private void SetAnsiModes(in CsiParams p, bool on)
    {
        for (int i = 0; i < p.Length; i++)
        {
            switch (p[i])
            {
                case 4:
                    _modes.Insert = on;
                    break;
                case 20:
                    _modes.LineFeedNewLine = on;
                    break;
                default:
                    break;
            }
        }
    }

    private void SetDecModes(in CsiParams p, bool on)
    {
        for (int i = 0; i < p.Length; i++)
        {
            SetDecMode(p[i], on);
        }
    }

    private void SetDecMode(int mode, bool on)
    {
        switch (mode)
        {
            case 1:
                _modes.ApplicationCursorKeys = on;
                break;
            case 3:
                // DECCOLM: xterm ignores it unless allowColumnMode is set, which is off by default.
                _modes.Column132 = on;
                break;
            case 5:
                _modes.ReverseVideo = on;
                break;
            case 6:
                _modes.Origin = on;
                Cup(0, 0);
                break;
            case 7:
                _modes.AutoWrap = on;
                if (!on)
                {
                    _wrapPending = false;
                }

                break;
            case 12:
                _modes.CursorBlink = on;
                _cursorBlinking = on;
                break;
            case 25:
                _modes.CursorVisible = on;
                break;
            case 45:
                _modes.ReverseWrap = on;
                break;
            case 9 or 1000 or 1001 or 1002 or 1003:
                _modes.MouseTracking = on ? mode : 0;
                break;
            case 1004:
                _modes.FocusEvents = on;
                break;
            case 1005 or 1006 or 1015 or 1016:
                _modes.MouseEncoding = on ? mode : 0;
                break;
            case 1007:
                _modes.AlternateScroll = on;
                break;
            case 47:
                SwitchScreen(on, clearOnLeave: false);
                break;
            case 1047:
                SwitchScreen(on, clearOnLeave: true);
                break;
            case 1048:
                if (on)
                {
                    SaveCursor();
                }
                else
                {
                    RestoreCursor();
                }

                break;
            case 1049:
                if (on)
                {
                    if (_screen == _primary)
                    {
                        SaveCursor();
                        SwitchScreen(true, clearOnLeave: false);
                        ClearScreen(_alternate);
                    }
                }
                else if (_screen == _alternate)
                {
                    SwitchScreen(false, clearOnLeave: false);
                    RestoreCursor();
                }

                break;
            case 2004:
                _modes.BracketedPaste = on;
                break;
            case 2026:
                _modes.SynchronizedOutput = on;
                break;
            default:
                break;
        }
    }

    private void SwitchScreen(bool alternate, bool clearOnLeave)
    {
        if (alternate == (_screen == _alternate))
        {
            return;
        }

        if (!alternate && clearOnLeave)
        {
            ClearScreen(_alternate);
        }

        _screen = alternate ? _alternate : _primary;
    }

    private void ClearScreen(ScreenBuffer screen)
    {
        Cell blank = BlankCell;
        for (int row = 0; row < screen.Rows; row++)
        {
            screen[row].Reset(screen.Columns, blank);
        }
    }

    /// <summary>DECRQM value: 1 set, 2 reset, 0 unknown, 4 permanently reset.</summary>
    private int ModeValue(int mode, bool isPrivate)
    {
        if (!isPrivate)
        {
            return mode switch
            {
                4 => _modes.Insert ? 1 : 2,
                20 => _modes.LineFeedNewLine ? 1 : 2,
                _ => 0,
            };
        }

        bool? value = mode switch
        {
            1 => _modes.ApplicationCursorKeys,
            3 => _modes.Column132,
            5 => _modes.ReverseVideo,
            6 => _modes.Origin,
            7 => _modes.AutoWrap,
            12 => _modes.CursorBlink,
            25 => _modes.CursorVisible,
            45 => _modes.ReverseWrap,
            9 or 1000 or 1001 or 1002 or 1003 => _modes.MouseTracking == mode,
            1004 => _modes.FocusEvents,
            1005 or 1006 or 1015 or 1016 => _modes.MouseEncoding == mode,
            1007 => _modes.AlternateScroll,
            47 or 1047 or 1049 => IsAlternateScreen,
            1048 => false,
            2004 => _modes.BracketedPaste,
            2026 => _modes.SynchronizedOutput,
            _ => null,
        };
        return value switch
        {
            true => 1,
            false => 2,
            null => 0,
        };
    }
}
