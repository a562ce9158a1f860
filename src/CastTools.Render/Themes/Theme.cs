using CastTools.Asciicast;
using CastTools.Vt;

namespace CastTools.Render;

/// <summary>
/// A colour theme: default foreground and background, optional cursor colour and the 16 ANSI colours. Indexes
/// 16–255 always follow xterm's 6x6x6 cube and grey ramp (see <see cref="ColorResolver"/>).
/// </summary>
public sealed partial class Theme
{
    private readonly Rgb[] _palette;

    public Theme(string name, Rgb foreground, Rgb background, IReadOnlyList<Rgb> palette, Rgb? cursor = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(palette);
        if (palette.Count is not (8 or 16))
        {
            throw new ThemeException($"theme '{name}': the palette needs 8 or 16 colours, not {palette.Count}");
        }

        Name = name;
        Foreground = foreground;
        Background = background;
        Cursor = cursor;
        _palette = new Rgb[16];
        for (int i = 0; i < 16; i++)
        {
            // With 8 colours the bright half repeats the normal half, as agg and asciinema's player do.
            _palette[i] = palette[i % palette.Count];
        }
    }

    /// <summary>asciinema's default theme, built in so rendering never depends on a file being present.</summary>
    public static Theme Default { get; } = new(
        "asciinema",
        new Rgb(0xcc, 0xcc, 0xcc),
        new Rgb(0x12, 0x13, 0x14),
        [
            new(0x00, 0x00, 0x00), new(0xdd, 0x3c, 0x69), new(0x4e, 0xbf, 0x22), new(0xdd, 0xaf, 0x3c),
            new(0x26, 0xb0, 0xd7), new(0xb9, 0x54, 0xe1), new(0x54, 0xe1, 0xb9), new(0xd9, 0xd9, 0xd9),
            new(0x4d, 0x4d, 0x4d), new(0xdd, 0x3c, 0x69), new(0x4e, 0xbf, 0x22), new(0xdd, 0xaf, 0x3c),
            new(0x26, 0xb0, 0xd7), new(0xb9, 0x54, 0xe1), new(0x54, 0xe1, 0xb9), new(0xff, 0xff, 0xff),
        ]);

    public string Name { get; }

    public Rgb Foreground { get; }

    public Rgb Background { get; }

    /// <summary>The cursor colour, or null to use the foreground.</summary>
    public Rgb? Cursor { get; }

    /// <summary>The 16 ANSI colours (0–7 normal, 8–15 bright).</summary>
    public IReadOnlyList<Rgb> Palette => _palette;

    /// <summary>The theme embedded in a cast header (asciicast v2/v3 <c>theme</c>).</summary>
    public static Theme FromCast(CastTheme castTheme)
    {
        ArgumentNullException.ThrowIfNull(castTheme);
        Rgb fg = ParseColor(castTheme.Foreground, "the recording's theme foreground");
        Rgb bg = ParseColor(castTheme.Background, "the recording's theme background");
        if (castTheme.Palette.Count is not (8 or 16))
        {
            throw new ThemeException($"the recording's theme has {castTheme.Palette.Count} palette colours; expected 8 or 16");
        }

        var palette = new Rgb[castTheme.Palette.Count];
        for (int i = 0; i < palette.Length; i++)
        {
            palette[i] = ParseColor(castTheme.Palette[i], $"the recording's theme palette colour {i}");
        }

        return new Theme("cast", fg, bg, palette);
    }

    private static Rgb ParseColor(string? text, string what)
    {
        if (text is null || !Rgb.TryParse(text, out Rgb rgb))
        {
            throw new ThemeException($"{what}: '{text}' is not a colour (expected #rrggbb)");
        }

        return rgb;
    }

    public override string ToString() => Name;
}
