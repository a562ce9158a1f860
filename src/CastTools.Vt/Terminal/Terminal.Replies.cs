using System.Text;

namespace CastTools.Vt;

public sealed partial class Terminal
{
    private void Reply(string text)
    {
        Action<ReadOnlySpan<byte>>? reply = _options.Reply;
        if (reply is null)
        {
            return;
        }

        reply(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>DA1: a VT220-class terminal with ANSI colour (22), as pty.md section 6 recommends.</summary>
    private void ReplyPrimaryDeviceAttributes() => Reply("\u001b[?62;22c");

    /// <summary>
    /// DA2: a VT220 (1), firmware 10. Claiming xterm (0;276) makes vim send ~38 XTGETTCAP requests; this answer
    /// does not, and nothing we support depends on being taken for xterm.
    /// </summary>
    private void ReplySecondaryDeviceAttributes() => Reply("\u001b[>1;10;0c");

    private void ReplyVersion() => Reply("\u001bP>|casttools(0.1.0)\u001b\\");

    private void DeviceStatusReport(int kind, bool isPrivate)
    {
        switch (kind)
        {
            case 5 when !isPrivate:
                Reply("\u001b[0n");
                break;
            case 6:
                int row = _row + 1 - (_modes.Origin ? _scrollTop : 0);
                int col = _col + 1;
                Reply(isPrivate ? $"\u001b[?{row};{col};1R" : $"\u001b[{row};{col}R");
                break;
            case 996 when isPrivate:
                Reply("\u001b[?997;1n");
                break;
            default:
                break;
        }
    }

    private void ReplyModeReport(int mode, bool isPrivate)
    {
        int value = ModeValue(mode, isPrivate);
        Reply(isPrivate ? $"\u001b[?{mode};{value}$y" : $"\u001b[{mode};{value}$y");
    }

    /// <summary>XTWINOPS: 18 text area in cells, 14 in pixels, 16 cell size; 22/23 (title stack) are accepted silently.</summary>
    private void WindowOps(in CsiParams p)
    {
        switch (p.Get(0, 0))
        {
            case 18:
                Reply($"\u001b[8;{_rows};{_columns}t");
                break;
            case 14:
                Reply($"\u001b[4;{_rows * _options.CellHeightPixels};{_columns * _options.CellWidthPixels}t");
                break;
            case 16:
                Reply($"\u001b[6;{_options.CellHeightPixels};{_options.CellWidthPixels}t");
                break;
            case 22:
                // Push the title (vim does on start, and pops it on exit); xterm keeps at most 10.
                if (_titleStack.Count == 10)
                {
                    _titleStack.RemoveAt(0);
                }

                _titleStack.Add(_title);
                break;
            case 23:
                if (_titleStack.Count > 0)
                {
                    _title = _titleStack[^1];
                    _titleStack.RemoveAt(_titleStack.Count - 1);
                }

                break;
            default:
                _ignoredSequences++;
                break;
        }
    }
}
