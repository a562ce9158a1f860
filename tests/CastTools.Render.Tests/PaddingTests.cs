namespace CastTools.Render.Tests;

public sealed class PaddingTests
{
    [Theory]
    [InlineData("8", 8, 8, 8, 8)]
    [InlineData("4,10", 4, 10, 4, 10)]
    [InlineData("1 2 3", 1, 2, 3, 2)]
    [InlineData("1,2,3,4", 1, 2, 3, 4)]
    public void Padding_parses_like_css(string text, int top, int right, int bottom, int left)
    {
        Assert.Equal(new Padding(top, right, bottom, left), Padding.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("1,2,3,4,5")]
    [InlineData("ten")]
    [InlineData("5000")]
    public void Bad_padding_is_a_clear_error(string text)
    {
        Assert.StartsWith($"padding '{text}'", Assert.Throws<RenderException>(() => Padding.Parse(text)).Message);
    }
}
