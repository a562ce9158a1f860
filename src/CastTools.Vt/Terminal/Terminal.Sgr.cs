namespace CastTools.Vt;

public sealed partial class Terminal
{
    private void Sgr(in CsiParams p)
    {
        if (p.Length == 0)
        {
            ResetPen();
            UpdatePenExtra();
            return;
        }

        Color underlineColor = _pen.UnderlineColor;
        for (int i = 0; i < p.Length; i++)
        {
            int subs = p.CountSubParameters(i);
            switch (p[i])
            {
                case 0:
                    ResetPen();
                    underlineColor = default;
                    break;
                case 1:
                    _pen.Flags |= CellFlags.Bold;
                    break;
                case 2:
                    _pen.Flags |= CellFlags.Faint;
                    break;
                case 3:
                    _pen.Flags |= CellFlags.Italic;
                    break;
                case 4:
                    if (subs > 0)
                    {
                        int style = p[i + 1];
                        if (style <= (int)UnderlineStyle.Dashed)
                        {
                            _pen.Underline = (UnderlineStyle)style;
                        }
                    }
                    else
                    {
                        _pen.Underline = UnderlineStyle.Single;
                    }

                    break;
                case 5 or 6:
                    _pen.Flags |= CellFlags.Blink;
                    break;
                case 7:
                    _pen.Flags |= CellFlags.Inverse;
                    break;
                case 8:
                    _pen.Flags |= CellFlags.Invisible;
                    break;
                case 9:
                    _pen.Flags |= CellFlags.Strikethrough;
                    break;
                case 21:
                    _pen.Underline = UnderlineStyle.Double;
                    break;
                case 22:
                    _pen.Flags &= ~(CellFlags.Bold | CellFlags.Faint);
                    break;
                case 23:
                    _pen.Flags &= ~CellFlags.Italic;
                    break;
                case 24:
                    _pen.Underline = UnderlineStyle.None;
                    break;
                case 25:
                    _pen.Flags &= ~CellFlags.Blink;
                    break;
                case 27:
                    _pen.Flags &= ~CellFlags.Inverse;
                    break;
                case 28:
                    _pen.Flags &= ~CellFlags.Invisible;
                    break;
                case 29:
                    _pen.Flags &= ~CellFlags.Strikethrough;
                    break;
                case >= 30 and <= 37:
                    _pen.Foreground = Color.Indexed((byte)(p[i] - 30));
                    break;
                case 38:
                    i += ParseExtendedColor(p, i, subs, ref _pen.Foreground);
                    continue;
                case 39:
                    _pen.Foreground = Color.Default;
                    break;
                case >= 40 and <= 47:
                    _pen.Background = Color.Indexed((byte)(p[i] - 40));
                    break;
                case 48:
                    i += ParseExtendedColor(p, i, subs, ref _pen.Background);
                    continue;
                case 49:
                    _pen.Background = Color.Default;
                    break;
                case 53:
                    _pen.Flags |= CellFlags.Overline;
                    break;
                case 55:
                    _pen.Flags &= ~CellFlags.Overline;
                    break;
                case 58:
                    i += ParseExtendedColor(p, i, subs, ref underlineColor);
                    continue;
                case 59:
                    underlineColor = Color.Default;
                    break;
                case >= 90 and <= 97:
                    _pen.Foreground = Color.Indexed((byte)(p[i] - 90 + 8));
                    break;
                case >= 100 and <= 107:
                    _pen.Background = Color.Indexed((byte)(p[i] - 100 + 8));
                    break;
                default:
                    break;
            }

            i += subs;
        }

        if (underlineColor != _pen.UnderlineColor)
        {
            _pen.UnderlineColor = underlineColor;
            UpdatePenExtra();
        }
        else
        {
            UpdateTemplate();
        }
    }

    /// <summary>SGR 0 resets the rendition; the hyperlink and DECSCA protection are not part of it.</summary>
    private void ResetPen()
    {
        _pen.Foreground = default;
        _pen.Background = default;
        _pen.Flags &= CellFlags.Protected;
        _pen.Underline = UnderlineStyle.None;
        _pen.UnderlineColor = default;
    }

    /// <summary>
    /// Parses 38/48/58 at <paramref name="i"/>: colon forms <c>38:5:n</c>, <c>38:2:r:g:b</c>, <c>38:2:cs:r:g:b</c>
    /// (ITU T.416, the colour-space id ignored) or semicolon forms <c>38;5;n</c>, <c>38;2;r;g;b</c>.
    /// Returns how many parameters after <paramref name="i"/> it used.
    /// </summary>
    private static int ParseExtendedColor(in CsiParams p, int i, int subs, ref Color color)
    {
        if (subs > 0)
        {
            int kind = p[i + 1];
            if (kind == 5 && subs >= 2)
            {
                SetIndexed(p[i + 2], ref color);
            }
            else if (kind == 2 && subs >= 5)
            {
                SetRgb(p[i + 3], p[i + 4], p[i + 5], ref color);
            }
            else if (kind == 2 && subs == 4)
            {
                SetRgb(p[i + 2], p[i + 3], p[i + 4], ref color);
            }

            return subs;
        }

        if (i + 1 >= p.Length)
        {
            return 0;
        }

        switch (p[i + 1])
        {
            case 5 when i + 2 < p.Length:
                SetIndexed(p[i + 2], ref color);
                return 2;
            case 2 when i + 4 < p.Length:
                SetRgb(p[i + 2], p[i + 3], p[i + 4], ref color);
                return 4;
            case 5 or 2:
                return p.Length - i - 1;
            default:
                return 1;
        }
    }

    private static void SetIndexed(int index, ref Color color)
    {
        if (index is >= 0 and <= 255)
        {
            color = Color.Indexed((byte)index);
        }
    }

    private static void SetRgb(int r, int g, int b, ref Color color)
    {
        if (r <= 255 && g <= 255 && b <= 255)
        {
            color = Color.FromRgb((byte)r, (byte)g, (byte)b);
        }
    }

    private void UpdatePenExtra()
    {
        _pen.ExtraId = InternExtra(null, _pen.UnderlineColor, _pen.Hyperlink);
        UpdateTemplate();
    }
}
