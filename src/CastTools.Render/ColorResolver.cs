using CastTools.Vt;

namespace CastTools.Render;

/// <summary>
/// The one place where a cell's colours become RGB, shared by every output so GIF, video, PNG and SVG agree.
/// Handles the theme palette, xterm's 256-colour cube and grey ramp, OSC 4 palette overrides, OSC 10/11/12 default
/// colour overrides, DECSCNM reverse video, SGR inverse, bold-is-bright, faint and invisible.
/// Call <see cref="Update"/> with each snapshot before resolving its cells.
/// </summary>
public sealed class ColorResolver
{
    private readonly Theme _theme;
    private readonly bool _boldIsBright;
    private readonly Rgb[] _palette = new Rgb[256];
    private IReadOnlyDictionary<int, Rgb>? _overrides;
    private Rgb _foreground;
    private Rgb _background;
    private Rgb? _cursor;
    private bool _reverseVideo;

    public ColorResolver(Theme theme, bool boldIsBright = false)
    {
        ArgumentNullException.ThrowIfNull(theme);
        _theme = theme;
        _boldIsBright = boldIsBright;
        ResetPalette();
        _foreground = theme.Foreground;
        _background = theme.Background;
        _cursor = theme.Cursor;
    }

    public Theme Theme => _theme;

    public bool BoldIsBright => _boldIsBright;

    /// <summary>Bumped whenever a change affects every cell (palette, defaults, reverse video); renderers redraw fully.</summary>
    public int Version { get; private set; }

    /// <summary>The default foreground after OSC 10, before reverse video.</summary>
    public Rgb DefaultForeground => _foreground;

    /// <summary>The default background after OSC 11, before reverse video.</summary>
    public Rgb DefaultBackground => _background;

    /// <summary>The colour of the area around and behind the grid: the default background, or the foreground under
    /// reverse video.</summary>
    public Rgb CanvasBackground => _reverseVideo ? _foreground : _background;

    /// <summary>The cursor colour: OSC 12, else the theme's cursor, else the default foreground (reverse-aware).</summary>
    public Rgb Cursor => _cursor ?? (_reverseVideo ? _background : _foreground);

    public bool ReverseVideo => _reverseVideo;

    /// <summary>Takes the snapshot's colour state (OSC 4/10/11/12, DECSCNM). Returns true when it changed.</summary>
    public bool Update(ScreenSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        bool changed = false;
        if (!ReferenceEquals(snapshot.PaletteOverrides, _overrides))
        {
            // Resolve a given overrides instance once; snapshots share it until the next OSC 4.
            var before = (Rgb[])_palette.Clone();
            ResetPalette();
            foreach (KeyValuePair<int, Rgb> entry in snapshot.PaletteOverrides)
            {
                if ((uint)entry.Key < 256)
                {
                    _palette[entry.Key] = entry.Value;
                }
            }

            _overrides = snapshot.PaletteOverrides;
            changed |= !before.AsSpan().SequenceEqual(_palette);
        }

        Rgb fg = snapshot.DefaultForeground ?? _theme.Foreground;
        Rgb bg = snapshot.DefaultBackground ?? _theme.Background;
        Rgb? cursor = snapshot.CursorColor ?? _theme.Cursor;
        if (fg != _foreground || bg != _background || cursor != _cursor || snapshot.ReverseVideo != _reverseVideo)
        {
            _foreground = fg;
            _background = bg;
            _cursor = cursor;
            _reverseVideo = snapshot.ReverseVideo;
            changed = true;
        }

        if (changed)
        {
            Version++;
        }

        return changed;
    }

    /// <summary>The effective colour of palette entry <paramref name="index"/> (0–255).</summary>
    public Rgb GetPaletteColor(int index) => _palette[index & 0xFF];

    /// <summary>Resolves a cell's foreground (glyphs), background and underline colour.</summary>
    public void Resolve(in Cell cell, CellExtra? extra, out Rgb foreground, out Rgb background, out Rgb underline)
    {
        CellFlags flags = cell.Flags;
        Rgb fg = ResolveForeground(cell.Foreground, (flags & CellFlags.Bold) != 0);
        Rgb bg = cell.Background.Kind switch
        {
            ColorKind.Indexed => _palette[cell.Background.Index],
            ColorKind.Rgb => cell.Background.Rgb,
            _ => _background,
        };

        // DECSCNM and SGR 7 each swap the colours; together they cancel, as in xterm and VTE.
        if (((flags & CellFlags.Inverse) != 0) != _reverseVideo)
        {
            (fg, bg) = (bg, fg);
        }

        if ((flags & CellFlags.Faint) != 0)
        {
            fg = Mix(fg, bg, 2, 3);
        }

        if ((flags & CellFlags.Invisible) != 0)
        {
            fg = bg;
        }

        foreground = fg;
        background = bg;
        underline = fg;
        if (extra is not null && !extra.UnderlineColor.IsDefault && (flags & CellFlags.Invisible) == 0)
        {
            underline = extra.UnderlineColor.Kind == ColorKind.Rgb ? extra.UnderlineColor.Rgb : _palette[extra.UnderlineColor.Index];
        }
    }

    /// <summary>xterm's colour for index 16–255 (cube levels 0, 95, 135, 175, 215, 255; grey 8 + 10n); 0–15 from the theme.</summary>
    public static Rgb XtermColor(Theme theme, int index)
    {
        ArgumentNullException.ThrowIfNull(theme);
        if (index < 16)
        {
            return theme.Palette[index];
        }

        if (index < 232)
        {
            int i = index - 16;
            return new Rgb(CubeLevel(i / 36), CubeLevel(i / 6 % 6), CubeLevel(i % 6));
        }

        byte grey = (byte)(8 + (10 * (index - 232)));
        return new Rgb(grey, grey, grey);
    }

    private Rgb ResolveForeground(Color color, bool bold)
    {
        switch (color.Kind)
        {
            case ColorKind.Indexed:
                int index = color.Index;
                if (bold && _boldIsBright && index < 8)
                {
                    index += 8;
                }

                return _palette[index];
            case ColorKind.Rgb:
                return color.Rgb;
            default:
                return _foreground;
        }
    }

    private void ResetPalette()
    {
        for (int i = 0; i < 256; i++)
        {
            _palette[i] = XtermColor(_theme, i);
        }
    }

    private static byte CubeLevel(int n) => (byte)(n == 0 ? 0 : 55 + (40 * n));

    private static Rgb Mix(Rgb a, Rgb b, int numerator, int denominator) => new(
        (byte)(((a.R * numerator) + (b.R * (denominator - numerator)) + (denominator / 2)) / denominator),
        (byte)(((a.G * numerator) + (b.G * (denominator - numerator)) + (denominator / 2)) / denominator),
        (byte)(((a.B * numerator) + (b.B * (denominator - numerator)) + (denominator / 2)) / denominator));
}
