using CastTools.Vt;

namespace CastTools.Render.Tests;

public sealed class RasterizerTests
{
    private static readonly Theme T = Theme.Default;

    [Fact]
    public void Cell_backgrounds_come_from_the_palette_and_padding_from_the_theme()
    {
        using Rasterizer r = Probe.Render("\e[41m \e[42m \e[0m \e[48;5;21m \e[48;2;1;2;3m \e[?25l");
        Assert.Equal(T.Palette[1], Probe.Center(r, 0, 0));
        Assert.Equal(T.Palette[2], Probe.Center(r, 0, 1));
        Assert.Equal(T.Background, Probe.Center(r, 0, 2));
        Assert.Equal(new Rgb(0, 0, 255), Probe.Center(r, 0, 3));
        Assert.Equal(new Rgb(1, 2, 3), Probe.Center(r, 0, 4));
        Assert.Equal(T.Background, Probe.At(r, 0, 0));
        Assert.Equal(T.Background, Probe.At(r, r.Width - 1, r.Height - 1));
    }

    [Fact]
    public void The_canvas_size_is_the_grid_plus_padding()
    {
        using var r = new Rasterizer(new RenderStyle { FontSize = 16, LineHeight = 1.4 }, 80, 24);
        Assert.Equal(10, r.CellWidth);
        Assert.Equal(22, r.CellHeight);
        Assert.Equal(new Padding(11, 10, 11, 10), r.DevicePadding);
        Assert.Equal(10 + 800 + 10, r.Width);
        Assert.Equal(11 + 528 + 11, r.Height);

        using var scaled = new Rasterizer(new RenderStyle { Scale = 2, Padding = Padding.Uniform(5) }, 80, 24);
        Assert.Equal(20, scaled.CellWidth);
        Assert.Equal(44, scaled.CellHeight);
        Assert.Equal(10 + 1600 + 10, scaled.Width);
    }

    [Fact]
    public void Inverse_swaps_the_cell_colours_and_invisible_hides_the_text()
    {
        using Rasterizer r = Probe.Render("\e[7m \e[0m\e[8m█\e[0m█\e[?25l");
        Assert.Equal(T.Foreground, Probe.Center(r, 0, 0));
        Assert.Equal(0, Probe.Ink(r, 0, 1, T.Background));
        Assert.Equal(T.Foreground, Probe.Center(r, 0, 2));
    }

    [Fact]
    public void Bold_is_bright_only_when_asked()
    {
        using Rasterizer plain = Probe.Render("\e[1;31m█\e[?25l");
        Assert.Equal(T.Palette[1], Probe.Center(plain, 0, 0));
        var palette = new Rgb[16];
        for (int i = 0; i < 16; i++)
        {
            palette[i] = new Rgb((byte)(i * 10), 0, 0);
        }

        var style = new RenderStyle { Theme = new Theme("t", T.Foreground, T.Background, palette), BoldIsBright = true };
        using Rasterizer bright = Probe.Render("\e[1;31m█\e[?25l", style: style);
        Assert.Equal(palette[9], Probe.Center(bright, 0, 0));
    }

    [Fact]
    public void A_block_cursor_paints_the_cell_and_a_hidden_cursor_does_not()
    {
        var style = new RenderStyle { Theme = new Theme("t", new Rgb(200, 200, 200), new Rgb(10, 10, 10), T.Palette, new Rgb(255, 0, 0)) };
        using Rasterizer shown = Probe.Render("ab", style: style);
        Assert.Equal(new Rgb(255, 0, 0), Probe.Center(shown, 0, 2));

        using Rasterizer hidden = Probe.Render("ab\e[?25l", style: style);
        Assert.Equal(new Rgb(10, 10, 10), Probe.Center(hidden, 0, 2));
    }

    [Fact]
    public void Bar_and_underline_cursors_follow_decscusr()
    {
        var style = new RenderStyle { Theme = new Theme("t", new Rgb(200, 200, 200), new Rgb(10, 10, 10), T.Palette, new Rgb(255, 0, 0)) };
        using Rasterizer bar = Probe.Render("\e[6 q", style: style);
        Assert.Equal(new Rgb(255, 0, 0), Probe.At(bar, Probe.CellLeft(bar, 0), Probe.CellTop(bar, 0) + (bar.CellHeight / 2)));
        Assert.Equal(new Rgb(10, 10, 10), Probe.Center(bar, 0, 0));

        using Rasterizer under = Probe.Render("\e[4 q", style: style);
        Assert.Equal(new Rgb(255, 0, 0), Probe.At(under, Probe.CellLeft(under, 0) + 5, Probe.CellTop(under, 0) + under.CellHeight - 1));
        Assert.Equal(new Rgb(10, 10, 10), Probe.Center(under, 0, 0));
    }

    [Fact]
    public void Underline_uses_the_underline_colour_and_strikethrough_the_foreground()
    {
        using Rasterizer r = Probe.Render("\e[4;58;2;0;200;255m \e[0m \e[9;32m \e[0m \e[53;33m \e[?25l");
        int ul = Probe.CellTop(r, 0) + r.Fonts.UnderlineTop;
        Assert.Equal(new Rgb(0, 200, 255), Probe.At(r, Probe.CellLeft(r, 0) + 3, ul));
        Assert.Equal(T.Background, Probe.At(r, Probe.CellLeft(r, 1) + 3, ul));
        Assert.Equal(T.Palette[2], Probe.At(r, Probe.CellLeft(r, 2) + 3, Probe.CellTop(r, 0) + r.Fonts.StrikeoutTop));
        Assert.Equal(T.Palette[3], Probe.At(r, Probe.CellLeft(r, 4) + 3, Probe.CellTop(r, 0) + r.Fonts.OverlineTop));
    }

    [Theory]
    [InlineData(2, 2)] // double: two separate lines
    [InlineData(3, 1)] // curly: one wavy line
    public void Double_and_curly_underlines_draw_lines_below_the_baseline(int style, int minLines)
    {
        using Rasterizer r = Probe.Render($"\e[4:{style};31m    \e[0m\e[?25l");
        int lines = 0;
        bool inLine = false;
        int x = Probe.CellLeft(r, 1) + 2;
        for (int y = Probe.CellTop(r, 0) + r.Fonts.Baseline; y < Probe.CellTop(r, 1); y++)
        {
            bool ink = Probe.At(r, x, y) != T.Background;
            if (ink && !inLine)
            {
                lines++;
            }

            inLine = ink;
        }

        Assert.InRange(lines, minLines, 2);
    }

    [Fact]
    public void A_full_block_fills_its_whole_cell_at_any_line_height()
    {
        foreach (double lineHeight in new[] { 1.0, 1.4, 2.0 })
        {
            using Rasterizer r = Probe.Render("\e[32m█\e[?25l", style: new RenderStyle { LineHeight = lineHeight });
            Assert.Equal(r.CellWidth * r.CellHeight, Probe.Ink(r, 0, 0, T.Background));
            Assert.Equal(T.Palette[2], Probe.At(r, Probe.CellLeft(r, 0), Probe.CellTop(r, 0)));
            Assert.Equal(T.Palette[2], Probe.At(r, Probe.CellLeft(r, 0) + r.CellWidth - 1, Probe.CellTop(r, 0) + r.CellHeight - 1));
        }
    }

    [Fact]
    public void Cjk_and_emoji_land_in_two_cells()
    {
        using Rasterizer r = Probe.Render("你x\r\n😀x\e[?25l");
        for (int row = 0; row < 2; row++)
        {
            Assert.True(Probe.Ink(r, row, 0, T.Background) > 10, $"row {row} left half");
            Assert.True(Probe.Ink(r, row, 1, T.Background) > 10, $"row {row} right half");
        }

        // The emoji is in colour: some pixel is far from grey.
        bool colourful = false;
        for (int y = Probe.CellTop(r, 1); y < Probe.CellTop(r, 2); y++)
        {
            for (int x = Probe.CellLeft(r, 0); x < Probe.CellLeft(r, 2); x++)
            {
                Rgb c = Probe.At(r, x, y);
                colourful |= Math.Abs(c.R - c.B) > 80;
            }
        }

        Assert.True(colourful);
    }

    [Fact]
    public void A_zwj_family_and_a_flag_are_one_shaped_glyph_each()
    {
        using Rasterizer family = Probe.Render("👨‍👩‍👧\e[?25l");
        using Rasterizer man = Probe.Render("👨\e[?25l");
        using Rasterizer flag = Probe.Render("🇩🇪\e[?25l", columns: 4);
        Assert.NotEqual(man.Pixels.ToArray(), family.Pixels.ToArray());
        Assert.Equal(0, Probe.Ink(family, 0, 2, T.Background));
        Assert.Equal(0, Probe.Ink(flag, 0, 2, T.Background));

        // The German flag has black, red and gold stripes: find a red-ish and a yellow-ish pixel.
        bool red = false, gold = false;
        for (int y = Probe.CellTop(flag, 0); y < Probe.CellTop(flag, 1); y++)
        {
            for (int x = Probe.CellLeft(flag, 0); x < Probe.CellLeft(flag, 2); x++)
            {
                Rgb c = Probe.At(flag, x, y);
                red |= c.R > 180 && c.G < 80;
                gold |= c.R > 200 && c.G > 160 && c.B < 80;
            }
        }

        Assert.True(red && gold);
    }

    [Fact]
    public void Drawing_only_dirty_rows_gives_the_same_pixels_as_a_full_redraw()
    {
        var terminal = new Terminal(40, 10);
        string[] steps =
        [
            Screens.Demo[..200], "\e[H\e[2J", "\e[3;5H\e[1;31mhello\e[0m ╭──╮", "\e[5;1H你好😀👨‍👩‍👧 \e[4:3mcurly\e[0m",
            "\e[7;1H\e[41m      \e[0m\e[?25l", "\e[?25h\e[2 q\e[10;40H", "\e[3;1H\e[Kx", "\e]11;#203040\a", "\e[?5h", "\e[?5l\r\n\n\n\n",
        ];
        var style = new RenderStyle();
        using var incremental = new Rasterizer(style, 40, 10);
        foreach (string step in steps)
        {
            terminal.Feed(step);
            ScreenSnapshot snapshot = terminal.Snapshot();
            incremental.Draw(snapshot);
            using var fresh = new Rasterizer(style, 40, 10);
            fresh.Draw(snapshot);
            Assert.True(fresh.Pixels.SequenceEqual(incremental.Pixels), $"after step '{step}'");
        }
    }

    [Fact]
    public void Only_changed_rows_are_reported_as_changed()
    {
        var terminal = new Terminal(20, 5);
        using var r = new Rasterizer(new RenderStyle(), 20, 5);
        terminal.Feed("\e[?25lhello");
        r.Draw(terminal.Snapshot());
        Assert.Equal((0, r.Height), r.ChangedRows);
        terminal.Feed("\e[3;1Hx");
        r.Draw(terminal.Snapshot());
        Assert.Equal((Probe.CellTop(r, 2), Probe.CellTop(r, 3)), r.ChangedRows);
        r.Draw(terminal.Snapshot());
        Assert.Equal((0, 0), r.ChangedRows);
    }

    [Fact]
    public void The_same_input_gives_byte_identical_pngs()
    {
        byte[] Render()
        {
            using var r = new Rasterizer(new RenderStyle(), 80, 16);
            r.Draw(Screens.Feed(80, 16, Screens.Demo));
            using var png = new MemoryStream();
            r.SavePng(png);
            return png.ToArray();
        }

        Assert.Equal(Render(), Render());
    }

    [Fact]
    public void A_smaller_terminal_is_drawn_top_left_and_the_rest_is_background()
    {
        using var r = new Rasterizer(new RenderStyle(), 20, 6);
        r.Draw(Screens.Feed(20, 6, "\e[?25l\e[42m" + new string(' ', 20 * 6)));
        Assert.Equal(T.Palette[2], Probe.Center(r, 5, 19));
        r.Draw(Screens.Feed(10, 3, "\e[?25l\e[42m" + new string(' ', 30)));
        Assert.Equal(T.Palette[2], Probe.Center(r, 2, 9));
        Assert.Equal(T.Background, Probe.Center(r, 2, 10));
        Assert.Equal(T.Background, Probe.Center(r, 3, 0));
    }

    [Fact]
    public void Osc_11_and_reverse_video_change_the_canvas_colour()
    {
        using Rasterizer osc = Probe.Render("\e]11;#102030\a\e[?25l");
        Assert.Equal(new Rgb(0x10, 0x20, 0x30), Probe.At(osc, 0, 0));
        using Rasterizer reverse = Probe.Render("\e[?5h\e[?25l");
        Assert.Equal(T.Foreground, Probe.At(reverse, 0, 0));
        Assert.Equal(T.Foreground, Probe.Center(reverse, 1, 1));
    }

    [Fact]
    public void A_text_frame_uses_few_distinct_colours()
    {
        // Snapped coverage keeps a busy frame (no emoji) well inside one 256-colour GIF palette.
        string text = Screens.Demo.Replace("😀🎉👍🏽 👨‍👩‍👧 🇩🇪 ❤️", string.Empty, StringComparison.Ordinal);
        using var r = new Rasterizer(new RenderStyle(), 80, 16);
        r.Draw(Screens.Feed(80, 16, text));
        var colours = new HashSet<uint>();
        ReadOnlySpan<byte> p = r.Pixels;
        for (int i = 0; i < p.Length; i += 4)
        {
            colours.Add(BitConverter.ToUInt32(p.Slice(i, 4)));
        }

        Assert.InRange(colours.Count, 20, 255);
    }

    [Fact]
    public void A_nerd_icon_spreads_over_a_following_blank_cell_only()
    {
        using Rasterizer spread = Probe.Render("\uf07c x\e[?25l");
        using Rasterizer tight = Probe.Render("\uf07cxx\e[?25l");
        Assert.True(Probe.Ink(spread, 0, 1, T.Background) > 0);
        int spreadInk = Probe.Ink(spread, 0, 0, T.Background) + Probe.Ink(spread, 0, 1, T.Background);
        Assert.True(spreadInk > Probe.Ink(tight, 0, 0, T.Background), "the spread icon is drawn larger");
    }

    [Fact]
    public void Impossible_sizes_are_reported_clearly()
    {
        Assert.Contains("font size", Assert.Throws<RenderException>(() => new Rasterizer(new RenderStyle { FontSize = 0 }, 80, 24)).Message);
        Assert.Contains("line height", Assert.Throws<RenderException>(() => new Rasterizer(new RenderStyle { LineHeight = 9 }, 80, 24)).Message);
        Assert.Contains("terminal size", Assert.Throws<RenderException>(() => new Rasterizer(new RenderStyle(), 0, 24)).Message);
        Assert.Contains("too large", Assert.Throws<RenderException>(() => new Rasterizer(new RenderStyle { Scale = 8 }, 2000, 24)).Message);
    }
}
