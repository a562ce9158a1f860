namespace CastTools.Render.Tests;

public sealed class ProceduralOutlineTests
{
    [Fact]
    public void Outlines_for_vector_output_match_the_raster_geometry()
    {
        var geometry = new ProceduralGlyphs(10, 22, 16, 16);
        var full = geometry.GetOutlines(0x2588, 1);
        Assert.Single(full);
        Assert.Equal(new SkiaSharp.SKRect(0, 0, 10, 22), full[0].Path.Bounds);
        Assert.Equal(255, full[0].Alpha);

        var line = geometry.GetOutlines(0x2500, 1);
        Assert.All(line, o => Assert.Equal(1, o.Path.Bounds.Height));
        Assert.Equal(0, line.Min(o => o.Path.Bounds.Left));
        Assert.Equal(10, line.Max(o => o.Path.Bounds.Right));

        Assert.Equal(128, Assert.Single(geometry.GetOutlines(0x2592, 1)).Alpha);
        Assert.NotEmpty(geometry.GetOutlines(0x256D, 1));
        Assert.Equal(2, geometry.GetOutlines(0x2550, 1).Select(o => o.Path.Bounds.Top).Distinct().Count());
        Assert.Empty(geometry.GetOutlines(0x2800, 1));
        Assert.Equal(8, geometry.GetOutlines(0x28FF, 1).Count);
    }
}
