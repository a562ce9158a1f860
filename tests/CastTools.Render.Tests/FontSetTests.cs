namespace CastTools.Render.Tests;

public sealed class FontSetTests
{
    [Fact]
    public void Cell_metrics_come_from_jetbrains_mono()
    {
        using var fonts = new FontSet(new RenderStyle { FontSize = 15, LineHeight = 1.4 });
        Assert.Equal(9, fonts.CellWidth);
        Assert.Equal(21, fonts.CellHeight);
        Assert.Equal("JetBrains Mono", fonts.FaceNames[0]);
        Assert.InRange(fonts.Baseline, 12, 17);
        Assert.InRange(fonts.UnderlineTop, fonts.Baseline + 1, fonts.CellHeight - 1);
    }

    [Fact]
    public void Code_points_fall_back_down_the_chain()
    {
        using var fonts = new FontSet(new RenderStyle());
        PlacedGlyph a = fonts.GetGlyph('A', GlyphStyle.Regular, 1);
        PlacedGlyph bold = fonts.GetGlyph(0x2200, GlyphStyle.Bold, 1);
        PlacedGlyph han = fonts.GetGlyph('你', GlyphStyle.Regular, 2);
        PlacedGlyph emoji = fonts.GetGlyph(0x1F600, GlyphStyle.Regular, 2);
        PlacedGlyph arrow = fonts.GetGlyph(0x21D2, GlyphStyle.Regular, 1);
        PlacedGlyph nerd = fonts.GetGlyph(0xF09B, GlyphStyle.Regular, 1);
        Assert.Equal("JetBrains Mono", a.Font.Typeface.FamilyName);
        Assert.NotEqual(a.FontId, bold.FontId);
        Assert.Contains("CJK", han.Font.Typeface.FamilyName, StringComparison.Ordinal);
        Assert.True(emoji.IsColor);
        Assert.False(han.IsColor);
        Assert.NotEqual(0, arrow.GlyphId);
        Assert.NotEqual(0, nerd.GlyphId);

        // Cached: the same answer again.
        Assert.Equal(han, fonts.GetGlyph('你', GlyphStyle.Regular, 2));
    }

    [Fact]
    public void Wide_glyphs_are_centred_and_fit_their_cells()
    {
        using var fonts = new FontSet(new RenderStyle());
        foreach (int cp in new[] { '你', 0x1F600 })
        {
            PlacedGlyph g = fonts.GetGlyph(cp, GlyphStyle.Regular, 2);
            float advance = g.Font.GetGlyphWidths([g.GlyphId])[0];
            Assert.True(advance <= (2 * fonts.CellWidth) + 0.5f, $"U+{cp:X4} advance {advance}");
            Assert.InRange(g.X, 0, fonts.CellWidth);
        }
    }

    [Fact]
    public void Graphemes_are_shaped_without_programming_ligatures()
    {
        using var fonts = new FontSet(new RenderStyle());
        Assert.Single(fonts.GetGraphemeGlyphs("👨‍👩‍👧", GlyphStyle.Regular, 2));
        Assert.Single(fonts.GetGraphemeGlyphs("🇩🇪", GlyphStyle.Regular, 2));
        PlacedGlyph[] stacked = fonts.GetGraphemeGlyphs("a\u0308\u0304", GlyphStyle.Regular, 1);
        Assert.True(stacked.Length >= 1);
        Assert.Equal(2, fonts.GetGraphemeGlyphs("->", GlyphStyle.Regular, 2).Length);
    }

    [Fact]
    public void Bad_font_files_and_families_are_reported_clearly()
    {
        string dir = Directory.CreateTempSubdirectory("casttools-fonts").FullName;
        try
        {
            string missing = Path.Combine(dir, "nope.ttf");
            Assert.Equal($"{missing}: no such font file", Assert.Throws<FontException>(() => new FontSet(new RenderStyle { FontFiles = [missing] })).Message);

            string garbage = Path.Combine(dir, "garbage.ttf");
            File.WriteAllText(garbage, "not a font");
            Assert.StartsWith($"{garbage}: not a font file", Assert.Throws<FontException>(() => new FontSet(new RenderStyle { FontFiles = [garbage] })).Message);

            string woff2 = Path.Combine(dir, "x.woff2");
            File.WriteAllText(woff2, "wOF2");
            Assert.Contains("woff2_decompress", Assert.Throws<FontException>(() => new FontSet(new RenderStyle { FontFiles = [woff2] })).Message);

            var e = Assert.Throws<FontException>(() => new FontSet(new RenderStyle { FontFamilies = ["No Such Family 123"], FontDirectories = [dir] }));
            Assert.StartsWith("font family 'No Such Family 123' not found", e.Message);

            Assert.Contains("no such font directory", Assert.Throws<FontException>(() => new FontSet(new RenderStyle { FontDirectories = [Path.Combine(dir, "x")] })).Message);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void User_fonts_go_first()
    {
        string dir = Directory.CreateTempSubdirectory("casttools-fonts").FullName;
        try
        {
            File.Copy(Path.Combine(ResourcePaths.FontsDirectory, "DejaVuSansMono.subset.ttf"), Path.Combine(dir, "dv.ttf"));
            using var byDir = new FontSet(new RenderStyle { FontDirectories = [dir] });
            Assert.Equal("DejaVu Sans Mono", byDir.FaceNames[0]);
            Assert.Equal("DejaVu Sans Mono", byDir.GetGlyph(0x2200, GlyphStyle.Regular, 1).Font.Typeface.FamilyName);

            using var byFamily = new FontSet(new RenderStyle { FontFamilies = ["dejavu sans mono"], FontDirectories = [dir] });
            Assert.Equal("DejaVu Sans Mono", byFamily.GetGlyph(0x2200, GlyphStyle.Regular, 1).Font.Typeface.FamilyName);

            using var byFile = new FontSet(new RenderStyle { FontFiles = [Path.Combine(dir, "dv.ttf")] });
            Assert.Equal("DejaVu Sans Mono", byFile.GetGlyph(0x2200, GlyphStyle.Bold, 1).Font.Typeface.FamilyName);
            Assert.True(byFile.GetGlyph(0x2200, GlyphStyle.Bold, 1).Font.Embolden);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
