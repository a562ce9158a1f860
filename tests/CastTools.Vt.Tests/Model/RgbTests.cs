using CastTools.Vt;

namespace CastTools.Vt.Tests.Model;

public class RgbTests
{
    [Theory]
    [InlineData("#1a2b3c", 0x1a, 0x2b, 0x3c)]
    [InlineData("1A2B3C", 0x1a, 0x2b, 0x3c)]
    [InlineData("#fff", 0xff, 0xff, 0xff)]
    [InlineData("rgb:ffff/8080/0000", 0xff, 0x80, 0x00)]
    [InlineData("rgb:f/8/0", 0xff, 0x88, 0x00)]
    public void Parses_css_and_x11_colour_forms(string text, int r, int g, int b)
    {
        Assert.True(Rgb.TryParse(text, out Rgb rgb));
        Assert.Equal(new Rgb((byte)r, (byte)g, (byte)b), rgb);
    }

    [Theory]
    [InlineData("")]
    [InlineData("#12345")]
    [InlineData("rgb:ff/ff")]
    [InlineData("rgb:fffff/0/0")]
    [InlineData("red")]
    public void Rejects_malformed_colours(string text)
    {
        Assert.False(Rgb.TryParse(text, out _));
    }

    [Fact]
    public void Packed_colour_keeps_kind_and_value()
    {
        Assert.Equal(ColorKind.Indexed, Color.Indexed(200).Kind);
        Assert.Equal(200, Color.Indexed(200).Index);
        Assert.Equal(new Rgb(1, 2, 3), Color.FromRgb(1, 2, 3).Rgb);
        Assert.True(Color.Default.IsDefault);
        Assert.NotEqual(Color.Indexed(0), Color.Default);
    }
}
