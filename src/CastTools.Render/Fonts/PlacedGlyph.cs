using SkiaSharp;

namespace CastTools.Render;

/// <summary>
/// One glyph ready to draw in a cell: the font (already sized, scaled to fit the cell, with synthetic bold/italic
/// applied), the glyph id in that font, and the pen origin in whole pixels relative to the cell's top-left corner
/// (<paramref name="Y"/> is the baseline). The SVG writer can take <c>Font.GetGlyphPath(GlyphId)</c> and translate it
/// by the cell position plus (X, Y). <paramref name="FontId"/> identifies <paramref name="Font"/> within its
/// <see cref="FontSet"/> (for caches).
/// </summary>
public readonly record struct PlacedGlyph(int FontId, SKFont Font, ushort GlyphId, int X, int Y, bool IsColor);
