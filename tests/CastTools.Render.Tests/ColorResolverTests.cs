using CastTools.Vt;

namespace CastTools.Render.Tests;

public sealed class ColorResolverTests
{
    private static readonly Theme T = Theme.Default;

    private static (Rgb Fg, Rgb Bg, Rgb Ul) ResolveFirst(string text, bool boldIsBright = false)
    {
        ScreenSnapshot s = Screens.Feed(10, 2, text);
        var resolver = new ColorResolver(T, boldIsBright);
        resolver.Update(s);
        Cell cell = s.GetRow(0)[0];
        resolver.Resolve(in cell, s.GetExtra(cell.ExtraId), out Rgb fg, out Rgb bg, out Rgb ul);
        return (fg, bg, ul);
    }

    [Theory]
    [InlineData(16, 0x00, 0x00, 0x00)]
    [InlineData(21, 0x00, 0x00, 0xff)]
    [InlineData(67, 0x5f, 0x87, 0xaf)]
    [InlineData(196, 0xff, 0x00, 0x00)]
    [InlineData(231, 0xff, 0xff, 0xff)]
    [InlineData(232, 0x08, 0x08, 0x08)]
    [InlineData(255, 0xee, 0xee, 0xee)]
    public void The_256_colour_cube_and_grey_ramp_follow_xterm(int index, int r, int g, int b)
    {
        Assert.Equal(new Rgb((byte)r, (byte)g, (byte)b), ColorResolver.XtermColor(T, index));
        Assert.Equal(new Rgb((byte)r, (byte)g, (byte)b), ResolveFirst($"\e[38;5;{index}mx").Fg);
    }

    [Fact]
    public void Defaults_inverse_and_invisible()
    {
        Assert.Equal((T.Foreground, T.Background), (ResolveFirst("x").Fg, ResolveFirst("x").Bg));
        var inverse = ResolveFirst("\e[7mx");
        Assert.Equal((T.Background, T.Foreground), (inverse.Fg, inverse.Bg));
        var inverseColoured = ResolveFirst("\e[7;31;42mx");
        Assert.Equal((T.Palette[2], T.Palette[1]), (inverseColoured.Fg, inverseColoured.Bg));
        var invisible = ResolveFirst("\e[8;31;42mx");
        Assert.Equal(T.Palette[2], invisible.Fg);
    }

    [Fact]
    public void Bold_is_bright_maps_0_to_7_only_when_enabled()
    {
        Assert.Equal(T.Palette[1], ResolveFirst("\e[1;31mx").Fg);
        Assert.Equal(T.Palette[9], ResolveFirst("\e[1;31mx", boldIsBright: true).Fg);
        Assert.Equal(T.Palette[9], ResolveFirst("\e[1;91mx", boldIsBright: true).Fg);
        Assert.Equal(T.Foreground, ResolveFirst("\e[1mx", boldIsBright: true).Fg);
        Assert.Equal(new Rgb(1, 2, 3), ResolveFirst("\e[1;38;2;1;2;3mx", boldIsBright: true).Fg);
    }

    [Fact]
    public void Faint_blends_the_foreground_two_thirds_toward_the_background()
    {
        Rgb faint = ResolveFirst("\e[2mx").Fg;
        Rgb expected = new(
            (byte)(((T.Foreground.R * 2) + T.Background.R + 1) / 3),
            (byte)(((T.Foreground.G * 2) + T.Background.G + 1) / 3),
            (byte)(((T.Foreground.B * 2) + T.Background.B + 1) / 3));
        Assert.Equal(expected, faint);
    }

    [Fact]
    public void Underline_colour_defaults_to_the_foreground()
    {
        Assert.Equal(T.Palette[2], ResolveFirst("\e[4;32mx").Ul);
        Assert.Equal(new Rgb(9, 8, 7), ResolveFirst("\e[4;32;58;2;9;8;7mx").Ul);
        Assert.Equal(ColorResolver.XtermColor(T, 196), ResolveFirst("\e[4;58;5;196mx").Ul);
    }

    [Fact]
    public void Osc_overrides_and_reverse_video_apply()
    {
        var osc4 = ResolveFirst("\e]4;1;#123456\a\e[31mx");
        Assert.Equal(new Rgb(0x12, 0x34, 0x56), osc4.Fg);
        var osc1011 = ResolveFirst("\e]10;#010203\a\e]11;#040506\ax");
        Assert.Equal((new Rgb(1, 2, 3), new Rgb(4, 5, 6)), (osc1011.Fg, osc1011.Bg));
        var reverse = ResolveFirst("\e[?5hx");
        Assert.Equal((T.Background, T.Foreground), (reverse.Fg, reverse.Bg));
        var reverseInverse = ResolveFirst("\e[?5h\e[7mx");
        Assert.Equal((T.Foreground, T.Background), (reverseInverse.Fg, reverseInverse.Bg));
    }

    [Fact]
    public void Update_reports_changes_once()
    {
        var resolver = new ColorResolver(T);
        var terminal = new Terminal(10, 2);
        Assert.False(resolver.Update(terminal.Snapshot()));
        terminal.Feed("\e]11;#000001\a");
        Assert.True(resolver.Update(terminal.Snapshot()));
        Assert.False(resolver.Update(terminal.Snapshot()));
        Assert.Equal(new Rgb(0, 0, 1), resolver.CanvasBackground);
    }
}
