namespace CastTools.Render;

/// <summary>
/// A rendered glyph, drawn once and reused: an 8-bit coverage mask (tinted with the text colour when drawn) or, for
/// colour emoji, premultiplied BGRA pixels. <see cref="Left"/>/<see cref="Top"/> place it relative to the pen origin
/// (text) or the cell's top-left corner (geometry).
/// </summary>
internal sealed class GlyphMask
{
    public static readonly GlyphMask Empty = new(0, 0, 0, 0, [], null);

    public GlyphMask(int left, int top, int width, int height, byte[] alpha, uint[]? color)
    {
        Left = left;
        Top = top;
        Width = width;
        Height = height;
        Alpha = alpha;
        Color = color;
    }

    public int Left { get; }

    public int Top { get; }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Coverage, row-major, <see cref="Width"/> bytes a row (empty for colour glyphs).</summary>
    public byte[] Alpha { get; }

    /// <summary>Premultiplied BGRA8888 pixels as little-endian uints (0xAARRGGBB), or null for a coverage mask.</summary>
    public uint[]? Color { get; }

    public bool IsEmpty => Width == 0 || Height == 0;

    /// <summary>Snaps coverage to <paramref name="levels"/> evenly spaced values so text blends into few colours.</summary>
    public static void Quantize(Span<byte> alpha, int levels)
    {
        if (levels >= 256)
        {
            return;
        }

        int steps = levels - 1;
        for (int i = 0; i < alpha.Length; i++)
        {
            int a = alpha[i];
            if (a is not (0 or 255))
            {
                int level = ((a * steps) + 127) / 255;
                alpha[i] = (byte)(((level * 255) + (steps / 2)) / steps);
            }
        }
    }
}
