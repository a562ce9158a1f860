using System.Text;

namespace CastTools.Vt;

public sealed partial class Terminal
{
    void IVtHandler.OscDispatch(ReadOnlySpan<byte> data, bool bellTerminated)
    {
        int semicolon = data.IndexOf((byte)';');
        ReadOnlySpan<byte> command = semicolon < 0 ? data : data[..semicolon];
        ReadOnlySpan<byte> rest = semicolon < 0 ? default : data[(semicolon + 1)..];
        if (!TryParseNumber(command, out int number))
        {
            return;
        }

        switch (number)
        {
            case 0 or 2:
                if (semicolon >= 0)
                {
                    _title = Encoding.UTF8.GetString(rest);
                }

                break;
            case 4:
                OscPalette(rest, bellTerminated);
                break;
            case 8:
                OscHyperlink(rest);
                break;
            case 10 or 11 or 12:
                OscDynamicColors(number, rest, bellTerminated);
                break;
            case 104:
                ResetPalette(rest);
                break;
            case 110:
                _defaultForeground = null;
                break;
            case 111:
                _defaultBackground = null;
                break;
            case 112:
                _cursorColor = null;
                break;
            default:
                _ignoredSequences++;
                break;
        }
    }

    void IVtHandler.DcsDispatch(in CsiParams parameters, byte prefix, int intermediates, byte final, ReadOnlySpan<byte> data)
    {
        // XTGETTCAP (DCS + q) and DECRQSS (DCS $ q): answer "not recognised" so programs do not wait.
        if (final == 'q' && intermediates == '+')
        {
            Reply("\u001bP0+r\u001b\\");
        }
        else if (final == 'q' && intermediates == '$')
        {
            Reply("\u001bP0$r\u001b\\");
        }
    }

    private void OscPalette(ReadOnlySpan<byte> rest, bool bellTerminated)
    {
        // OSC 4 ; index ; spec [; index ; spec ...]; spec "?" asks for the current value.
        while (!rest.IsEmpty)
        {
            int semicolon = rest.IndexOf((byte)';');
            if (semicolon < 0)
            {
                return;
            }

            ReadOnlySpan<byte> indexText = rest[..semicolon];
            rest = rest[(semicolon + 1)..];
            int end = rest.IndexOf((byte)';');
            ReadOnlySpan<byte> spec = end < 0 ? rest : rest[..end];
            rest = end < 0 ? default : rest[(end + 1)..];
            if (!TryParseNumber(indexText, out int index) || index > 255)
            {
                continue;
            }

            if (spec.SequenceEqual("?"u8))
            {
                Rgb value = GetPaletteColor(index);
                Reply($"\u001b]4;{index};{FormatX11(value)}{(bellTerminated ? "\u0007" : "\u001b\\")}");
            }
            else if (TryParseColor(spec, out Rgb rgb))
            {
                _paletteOverrides ??= [];
                _paletteOverrides[index] = rgb;
                _paletteSnapshot = null;
                _paletteChanged = true;
            }
        }
    }

    private void ResetPalette(ReadOnlySpan<byte> rest)
    {
        if (_paletteOverrides is null)
        {
            return;
        }

        if (rest.IsEmpty)
        {
            _paletteOverrides = null;
        }
        else
        {
            foreach (Range range in rest.Split((byte)';'))
            {
                if (TryParseNumber(rest[range], out int index))
                {
                    _paletteOverrides.Remove(index);
                }
            }
        }

        _paletteSnapshot = null;
        _paletteChanged = true;
    }

    private void OscDynamicColors(int number, ReadOnlySpan<byte> rest, bool bellTerminated)
    {
        // OSC 10 ; fg [; bg [; cursor]]: each further value is the next dynamic colour.
        foreach (Range range in rest.Split((byte)';'))
        {
            if (number > 12)
            {
                return;
            }

            ReadOnlySpan<byte> spec = rest[range];
            if (spec.SequenceEqual("?"u8))
            {
                Rgb value = number switch
                {
                    10 => _defaultForeground ?? _options.DefaultForeground,
                    11 => _defaultBackground ?? _options.DefaultBackground,
                    _ => _cursorColor ?? _options.CursorColor ?? _defaultForeground ?? _options.DefaultForeground,
                };
                Reply($"\u001b]{number};{FormatX11(value)}{(bellTerminated ? "\u0007" : "\u001b\\")}");
            }
            else if (TryParseColor(spec, out Rgb rgb))
            {
                switch (number)
                {
                    case 10:
                        _defaultForeground = rgb;
                        break;
                    case 11:
                        _defaultBackground = rgb;
                        break;
                    default:
                        _cursorColor = rgb;
                        break;
                }
            }

            number++;
        }
    }

    private void OscHyperlink(ReadOnlySpan<byte> rest)
    {
        // OSC 8 ; params ; URI — an empty URI ends the link.
        int semicolon = rest.IndexOf((byte)';');
        if (semicolon < 0)
        {
            return;
        }

        ReadOnlySpan<byte> uri = rest[(semicolon + 1)..];
        string? link = uri.IsEmpty ? null : Encoding.UTF8.GetString(uri);
        if (link != _pen.Hyperlink)
        {
            _pen.Hyperlink = link;
            UpdatePenExtra();
        }
    }

    private static bool TryParseNumber(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 6)
        {
            return false;
        }

        foreach (byte b in text)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }

    private static bool TryParseColor(ReadOnlySpan<byte> spec, out Rgb rgb)
    {
        rgb = default;
        if (spec.IsEmpty || spec.Length > 64)
        {
            return false;
        }

        Span<char> chars = stackalloc char[spec.Length];
        for (int i = 0; i < spec.Length; i++)
        {
            chars[i] = (char)spec[i];
        }

        return Rgb.TryParse(chars, out rgb);
    }

    private static string FormatX11(Rgb rgb) =>
        $"rgb:{rgb.R:x2}{rgb.R:x2}/{rgb.G:x2}{rgb.G:x2}/{rgb.B:x2}{rgb.B:x2}";

    private Rgb GetPaletteColor(int index)
    {
        if (_paletteOverrides is not null && _paletteOverrides.TryGetValue(index, out Rgb over))
        {
            return over;
        }

        if (index < 16 && _options.Palette is { Count: >= 16 } palette)
        {
            return palette[index];
        }

        return XtermPalette.Get(index);
    }
}
