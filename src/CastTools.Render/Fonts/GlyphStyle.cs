namespace CastTools.Render;

/// <summary>The four font styles a terminal uses; the value doubles as a 2-bit index (bit 0 bold, bit 1 italic).</summary>
public enum GlyphStyle : byte
{
    Regular = 0,
    Bold = 1,
    Italic = 2,
    BoldItalic = 3,
}
