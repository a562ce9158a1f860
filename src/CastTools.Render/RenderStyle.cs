namespace CastTools.Render;

/// <summary>
/// How a terminal looks: font, sizes, spacing, theme and cursor. Immutable; every output (GIF, PNG, video, SVG) takes
/// the same style, so they all look alike.
/// </summary>
public sealed record RenderStyle
{
    /// <summary>Font size in pixels at scale 1.</summary>
    public double FontSize { get; init; } = 16;

    /// <summary>Row height as a multiple of the font size.</summary>
    public double LineHeight { get; init; } = 1.4;

    /// <summary>Space around the grid in pixels at scale 1; null means one cell horizontally and half a row vertically.</summary>
    public Padding? Padding { get; init; }

    /// <summary>Pixel density: 2 renders every length twice as large, for crisp output on high-DPI screens.</summary>
    public double Scale { get; init; } = 1;

    public Theme Theme { get; init; } = Theme.Default;

    /// <summary>Font family names to try before the bundled fonts, looked up in <see cref="FontDirectories"/> and then in
    /// the usual font folders (<c>/usr/share/fonts</c>, <c>~/.local/share/fonts</c>, ...). Always loaded from files.</summary>
    public IReadOnlyList<string> FontFamilies { get; init; } = [];

    /// <summary>Font files (TTF, OTF, TTC, WOFF) to try first of all, in order.</summary>
    public IReadOnlyList<string> FontFiles { get; init; } = [];

    /// <summary>Folders searched for <see cref="FontFamilies"/>; when no family is given, every font in them goes first.</summary>
    public IReadOnlyList<string> FontDirectories { get; init; } = [];

    /// <summary>Draw bold text in palette colours 0–7 with the bright colours 8–15, as many terminals do.</summary>
    public bool BoldIsBright { get; init; }

    public bool ShowCursor { get; init; } = true;

    /// <summary>Antialiasing coverage levels (2–256). 16 keeps GIF palettes small and looks the same as 256.</summary>
    public int CoverageLevels { get; init; } = 16;

    /// <summary>Throws <see cref="RenderException"/> when a size is impossible.</summary>
    public void Validate()
    {
        if (!(FontSize >= 4 && FontSize <= 400))
        {
            throw new RenderException($"font size {FontSize}: must be between 4 and 400 pixels");
        }

        if (!(LineHeight >= 0.5 && LineHeight <= 5))
        {
            throw new RenderException($"line height {LineHeight}: must be between 0.5 and 5");
        }

        if (!(Scale >= 0.25 && Scale <= 8))
        {
            throw new RenderException($"scale {Scale}: must be between 0.25 and 8");
        }

        if (CoverageLevels is < 2 or > 256)
        {
            throw new RenderException($"coverage levels {CoverageLevels}: must be between 2 and 256");
        }
    }
}
