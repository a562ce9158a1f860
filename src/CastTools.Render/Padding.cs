using System.Globalization;

namespace CastTools.Render;

/// <summary>
/// Space around the terminal grid, in pixels at scale 1 (multiplied by <see cref="RenderStyle.Scale"/>), per side in
/// CSS order. Parsed from one value (all sides), two (vertical, horizontal), three or four, like CSS <c>padding</c>.
/// </summary>
public readonly record struct Padding(int Top, int Right, int Bottom, int Left)
{
    public static Padding Uniform(int value) => new(value, value, value, value);

    /// <summary>
    /// The padding in device pixels around a grid of the given cells, as every output draws it: the style's own
    /// scaled by <see cref="RenderStyle.Scale"/>, else one cell left and right and half a row above and below.
    /// </summary>
    public static Padding ForGrid(RenderStyle style, int cellWidth, int cellHeight)
    {
        ArgumentNullException.ThrowIfNull(style);
        return style.Padding is { } p
            ? new Padding(Scaled(p.Top), Scaled(p.Right), Scaled(p.Bottom), Scaled(p.Left))
            : new Padding(cellHeight / 2, cellWidth, cellHeight / 2, cellWidth);

        int Scaled(int value) => (int)Math.Round(value * style.Scale);
    }

    /// <summary>Parses <c>N</c>, <c>V,H</c>, <c>T,H,B</c> or <c>T,R,B,L</c> (commas or spaces); throws <see cref="RenderException"/>.</summary>
    public static Padding Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] parts = text.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var values = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out values[i]) || values[i] > 1000)
            {
                throw new RenderException($"padding '{text}': expected 1 to 4 whole numbers of pixels between 0 and 1000");
            }
        }

        return values.Length switch
        {
            1 => Uniform(values[0]),
            2 => new Padding(values[0], values[1], values[0], values[1]),
            3 => new Padding(values[0], values[1], values[2], values[1]),
            4 => new Padding(values[0], values[1], values[2], values[3]),
            _ => throw new RenderException($"padding '{text}': expected 1 to 4 whole numbers of pixels between 0 and 1000"),
        };
    }

    public override string ToString() => FormattableString.Invariant($"{Top},{Right},{Bottom},{Left}");
}
