using System.Globalization;
using CastTools.Asciicast;

namespace CastTools.Recording;

/// <summary>asciinema's <c>--window-size</c> value: <c>COLSxROWS</c>, or <c>COLSx</c> / <c>xROWS</c> to fix one side.</summary>
public static class WindowSize
{
    /// <summary>The headless default, as asciinema uses.</summary>
    public static TerminalSize Default { get; } = new(80, 24);

    /// <summary>Parses into the fixed sides (null = not given). Each side must be 1..<see cref="TerminalSize.MaxDimension"/>.</summary>
    public static bool TryParse(string text, out int? columns, out int? rows)
    {
        columns = null;
        rows = null;
        int x = text.IndexOf('x', StringComparison.Ordinal);
        if (x < 0 || x != text.LastIndexOf('x') || text.Length == 1)
        {
            return false;
        }

        if (x > 0)
        {
            if (!TryParseSide(text.AsSpan(0, x), out int c))
            {
                return false;
            }

            columns = c;
        }

        if (x < text.Length - 1)
        {
            if (!TryParseSide(text.AsSpan(x + 1), out int r))
            {
                columns = null;
                return false;
            }

            rows = r;
        }

        return true;
    }

    private static bool TryParseSide(ReadOnlySpan<char> text, out int value)
    {
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && TerminalSize.IsValidDimension(value);
    }
}
