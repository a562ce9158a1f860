using CastTools.Render.Svg;
using SkiaSharp;

namespace CastTools.Render.Tests.Svg;

public sealed class TrueTypeSubsetterTests
{
    [Fact]
    public void A_subset_keeps_the_used_outlines_and_empties_the_rest_and_is_much_smaller()
    {
        byte[] original = File.ReadAllBytes(Path.Combine(ResourcePaths.FontsDirectory, "JetBrainsMono-Regular.ttf"));
        using SKTypeface full = SKTypeface.FromData(SKData.CreateCopy(original))!;
        using var fullFont = new SKFont(full, 16);
        ushort a = fullFont.GetGlyph('a');
        ushort z = fullFont.GetGlyph('z');
        ushort eAcute = fullFont.GetGlyph('é'); // a composite glyph in JetBrains Mono: e + acute

        byte[] subset = TrueTypeSubsetter.Subset(original, [a, eAcute]);

        Assert.True(subset.Length < original.Length / 3, $"{subset.Length} of {original.Length} bytes");
        using SKTypeface typeface = SKTypeface.FromData(SKData.CreateCopy(subset))!; // an independent parser accepts it
        using var font = new SKFont(typeface, 16);
        Assert.Equal(a, font.GetGlyph('a')); // glyph ids and cmap unchanged
        Assert.Equal(PathData(fullFont, a), PathData(font, a));
        Assert.Equal(PathData(fullFont, eAcute), PathData(font, eAcute)); // components kept
        Assert.Equal(fullFont.GetGlyphWidths([z])[0], font.GetGlyphWidths([z])[0]); // metrics kept
        using SKPath? empty = font.GetGlyphPath(z);
        Assert.True(empty is null || empty.IsEmpty);
    }

    [Fact]
    public void Cff_fonts_are_not_subset()
    {
        byte[] cjk = File.ReadAllBytes(Path.Combine(ResourcePaths.FontsDirectory, "NotoSansMonoCJKsc-Regular.subset.otf"));
        Assert.False(TrueTypeSubsetter.CanSubset(cjk));
    }

    private static string PathData(SKFont font, ushort glyph)
    {
        using SKPath? path = font.GetGlyphPath(glyph);
        return path?.ToSvgPathData() ?? string.Empty;
    }
}
