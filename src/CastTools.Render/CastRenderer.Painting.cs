using CastTools.Asciicast;
using CastTools.Render.Pipeline;

namespace CastTools.Render;

public static partial class CastRenderer
{
    /// <summary>The look for this recording: the options' style, with the theme chosen as agg does: the one
    /// asked for, else the recording's embedded theme, else the style's (asciinema by default).</summary>
    public static RenderStyle StyleFor(RenderOptions options, CastHeader header)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(header);
        if (options.Theme is { } theme)
        {
            return options.Style with { Theme = theme };
        }

        if (header.Theme is { } embedded)
        {
            try
            {
                return options.Style with { Theme = Theme.FromCast(embedded) };
            }
            catch (ThemeException)
            {
                // A malformed embedded theme is the recorder's slip, not the user's: render with the default look.
            }
        }

        return options.Style;
    }

    private static IFramePainter CreatePainter(RenderOptions options, CastHeader header, int columns, int rows) =>
        new RasterPainter(StyleFor(options, header), columns, rows);
}
