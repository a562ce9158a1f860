namespace CastTools.Render.Svg;

/// <summary>Options of <see cref="SvgEncoder"/> beyond the shared render options.</summary>
public sealed record SvgOptions
{
    /// <summary>The look shared with the GIF renderer: theme, fonts, sizes, padding.</summary>
    public required RenderStyle Look { get; init; }

    /// <summary>
    /// Real, selectable text in the embedded font (<c>--svg-text</c>) instead of glyph outlines. Larger and
    /// dependent on the viewer's text layout, but searchable and copyable.
    /// </summary>
    public bool Text { get; init; }

    /// <summary>
    /// Every glyph a path definition placed with <c>&lt;use&gt;</c> (<c>--svg-paths</c>) instead of text in an
    /// embedded font of the same outlines: larger, but drawn the same by renderers that do not load web fonts
    /// (librsvg, Inkscape, CairoSVG).
    /// </summary>
    public bool Paths { get; init; }

    /// <summary>Write one static frame: the screen shown at this moment of the output timeline (µs), or the last one.</summary>
    public long? StillAtUs { get; init; }

    /// <summary>The document's <c>&lt;title&gt;</c> (the recording's title), escaped; null for none.</summary>
    public string? Title { get; init; }
}
