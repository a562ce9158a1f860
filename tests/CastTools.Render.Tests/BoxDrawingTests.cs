using CastTools.Vt;

namespace CastTools.Render.Tests;

public sealed class BoxDrawingTests
{
    private static readonly Rgb Bg = Theme.Default.Background;

    [Theory]
    [InlineData(1.0)]
    [InlineData(1.4)]
    [InlineData(1.7)]
    public void Vertical_lines_continue_across_rows_and_horizontal_lines_across_columns(double lineHeight)
    {
        using Rasterizer r = Probe.Render("┌────┐\r\n│    │\r\n│    │\r\n└────┘\e[?25l", style: new RenderStyle { LineHeight = lineHeight });

        // Every pixel row from the top line to the bottom line has ink in the left border's column.
        int x = -1;
        for (int i = Probe.CellLeft(r, 0); i < Probe.CellLeft(r, 1); i++)
        {
            if (Probe.At(r, i, Probe.CellTop(r, 1) + 1) != Bg)
            {
                x = i;
                break;
            }
        }

        Assert.True(x >= 0);
        int top = Probe.CellTop(r, 0) + (r.CellHeight / 2) + 1;
        int bottom = Probe.CellTop(r, 3) + (r.CellHeight / 2) - 1;
        for (int y = top; y < bottom; y++)
        {
            Assert.NotEqual(Bg, Probe.At(r, x, y));
        }

        // Every pixel column of the top line has ink on the line's pixel row, across all six cells' joins.
        int lineY = -1;
        for (int y = Probe.CellTop(r, 0); y < Probe.CellTop(r, 1); y++)
        {
            if (Probe.At(r, Probe.CellLeft(r, 2), y) != Bg)
            {
                lineY = y;
                break;
            }
        }

        for (int px = x + 1; px < Probe.CellLeft(r, 5) + (r.CellWidth / 2); px++)
        {
            Assert.NotEqual(Bg, Probe.At(r, px, lineY));
        }
    }

    [Fact]
    public void Double_lines_are_two_strokes_and_corners_join_them()
    {
        using Rasterizer r = Probe.Render("╔══╗\r\n║  ║\r\n╚══╝\e[?25l");
        int x = Probe.CellLeft(r, 1) + (r.CellWidth / 2);
        int strokes = 0;
        bool inStroke = false;
        for (int y = Probe.CellTop(r, 0); y < Probe.CellTop(r, 1); y++)
        {
            bool ink = Probe.At(r, x, y) != Bg;
            strokes += ink && !inStroke ? 1 : 0;
            inStroke = ink;
        }

        Assert.Equal(2, strokes);

        // The corner cell ╔ has ink on its right edge (two strokes) and bottom edge (two strokes), and none in
        // its top-left quarter.
        Assert.Equal(0, CountInk(r, Probe.CellLeft(r, 0), Probe.CellTop(r, 0), r.CellWidth / 3, r.CellHeight / 3));
        Assert.Equal(2, Runs(r, Probe.CellLeft(r, 0) + r.CellWidth - 1, Probe.CellTop(r, 0), 0, 1, r.CellHeight));
        Assert.Equal(2, Runs(r, Probe.CellLeft(r, 0), Probe.CellTop(r, 0) + r.CellHeight - 1, 1, 0, r.CellWidth));
    }

    [Fact]
    public void Powerline_triangles_fill_the_full_cell_height_on_their_flat_side()
    {
        using Rasterizer r = Probe.Render("\e[34m\ue0b0\ue0b2\e[?25l");
        Rgb blue = Theme.Default.Palette[4];
        for (int y = Probe.CellTop(r, 0); y < Probe.CellTop(r, 1); y++)
        {
            Assert.Equal(blue, Probe.At(r, Probe.CellLeft(r, 0), y));
            Assert.Equal(blue, Probe.At(r, Probe.CellLeft(r, 1) + r.CellWidth - 1, y));
        }

        Assert.Equal(blue, Probe.At(r, Probe.CellLeft(r, 0) + (r.CellWidth / 2), Probe.CellTop(r, 0) + (r.CellHeight / 2)));
        Assert.Equal(Bg, Probe.At(r, Probe.CellLeft(r, 0) + r.CellWidth - 1, Probe.CellTop(r, 0)));
    }

    [Fact]
    public void Braille_draws_exactly_the_dots_that_are_set()
    {
        using Rasterizer none = Probe.Render("\u2800\e[?25l");
        using Rasterizer one = Probe.Render("\u2801\e[?25l");
        using Rasterizer all = Probe.Render("\u28ff\e[?25l");
        Assert.Equal(0, Probe.Ink(none, 0, 0, Bg));
        int dot = Probe.Ink(one, 0, 0, Bg);
        Assert.True(dot > 0);
        Assert.Equal(8 * dot, Probe.Ink(all, 0, 0, Bg));
    }

    [Fact]
    public void Shades_are_solid_tints_not_dither_patterns()
    {
        using Rasterizer r = Probe.Render("\e[37m▒\e[?25l");
        Rgb first = Probe.At(r, Probe.CellLeft(r, 0), Probe.CellTop(r, 0));
        Assert.NotEqual(Bg, first);
        Assert.NotEqual(Theme.Default.Palette[7], first);
        for (int y = Probe.CellTop(r, 0); y < Probe.CellTop(r, 1); y++)
        {
            for (int x = Probe.CellLeft(r, 0); x < Probe.CellLeft(r, 1); x++)
            {
                Assert.Equal(first, Probe.At(r, x, y));
            }
        }
    }

    private static int CountInk(Rasterizer r, int x0, int y0, int w, int h)
    {
        int n = 0;
        for (int y = y0; y < y0 + h; y++)
        {
            for (int x = x0; x < x0 + w; x++)
            {
                n += Probe.At(r, x, y) != Bg ? 1 : 0;
            }
        }

        return n;
    }

    private static int Runs(Rasterizer r, int x, int y, int dx, int dy, int length)
    {
        int runs = 0;
        bool inRun = false;
        for (int i = 0; i < length; i++)
        {
            bool ink = Probe.At(r, x + (i * dx), y + (i * dy)) != Bg;
            runs += ink && !inRun ? 1 : 0;
            inRun = ink;
        }

        return runs;
    }
}
