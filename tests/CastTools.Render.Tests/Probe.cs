using CastTools.Vt;

namespace CastTools.Render.Tests;

/// <summary>Reads pixels of a rasteriser's canvas by cell position.</summary>
internal static class Probe
{
    public static Rgb At(Rasterizer r, int x, int y)
    {
        int i = ((y * r.Width) + x) * 4;
        ReadOnlySpan<byte> p = r.Pixels;
        return new Rgb(p[i + 2], p[i + 1], p[i]);
    }

    public static int CellLeft(Rasterizer r, int col) => r.DevicePadding.Left + (col * r.CellWidth);

    public static int CellTop(Rasterizer r, int row) => r.DevicePadding.Top + (row * r.CellHeight);

    public static Rgb Center(Rasterizer r, int row, int col) =>
        At(r, CellLeft(r, col) + (r.CellWidth / 2), CellTop(r, row) + (r.CellHeight / 2));

    /// <summary>Pixels in a cell that differ from <paramref name="background"/>.</summary>
    public static int Ink(Rasterizer r, int row, int col, Rgb background)
    {
        int count = 0;
        for (int y = CellTop(r, row); y < CellTop(r, row) + r.CellHeight; y++)
        {
            for (int x = CellLeft(r, col); x < CellLeft(r, col) + r.CellWidth; x++)
            {
                if (At(r, x, y) != background)
                {
                    count++;
                }
            }
        }

        return count;
    }

    public static Rasterizer Render(string text, int columns = 20, int rows = 4, RenderStyle? style = null)
    {
        var rasterizer = new Rasterizer(style ?? new RenderStyle(), columns, rows);
        rasterizer.Draw(Screens.Feed(columns, rows, text));
        return rasterizer;
    }
}
