namespace CastTools.Render.Tests;

/// <summary>Writes sample PNGs for people to look at when CASTTOOLS_SAMPLES names a folder; otherwise checks they render.</summary>
public sealed class SampleImageTests
{
    [Theory]
    [InlineData("asciinema", 1.0)]
    [InlineData("solarized-light", 1.0)]
    [InlineData("dracula", 2.0)]
    public void The_demo_screen_renders_to_a_png(string theme, double scale)
    {
        if (!Theme.BuiltInNames.Contains(theme))
        {
            theme = "asciinema";
        }

        var style = Screens.Style(theme) with { Scale = scale };
        using var rasterizer = new Rasterizer(style, 80, 16);
        rasterizer.Draw(Screens.Feed(80, 16, Screens.Demo));
        using var png = new MemoryStream();
        rasterizer.SavePng(png);
        Assert.True(png.Length > 1000);
        string? dir = Environment.GetEnvironmentVariable("CASTTOOLS_SAMPLES");
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
            File.WriteAllBytes(Path.Combine(dir, $"demo-{theme}-{scale}x.png"), png.ToArray());
        }
    }
}
