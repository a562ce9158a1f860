using System.Globalization;

namespace CastTools.Recording;

/// <summary>A terminal window size in character cells.</summary>
public readonly record struct TerminalSize(int Columns, int Rows)
{
    /// <summary>The headless default, as asciinema uses.</summary>
    public static TerminalSize Default { get; } = new(80, 24);

    /// <summary>
    /// Parses asciinema's <c>--window-size</c> syntax: <c>COLSxROWS</c>, or <c>COLSx</c> / <c>xROWS</c> to override
    /// one side of <paramref name="fallback"/>. Each side must be 1..65535.
    /// </summary>
    public static bool TryParse(string text, TerminalSize fallback, out TerminalSize size)
    {
        size = default;
        int x = text.IndexOf('x', StringComparison.Ordinal);
        if (x < 0 || x != text.LastIndexOf('x'))
        {
            return false;
        }

        ReadOnlySpan<char> cols = text.AsSpan(0, x);
        ReadOnlySpan<char> rows = text.AsSpan(x + 1);
        if (cols.IsEmpty && rows.IsEmpty)
        {
            return false;
        }

        int c = fallback.Columns;
        int r = fallback.Rows;
        if (!cols.IsEmpty && !TryParseSide(cols, out c))
        {
            return false;
        }

        if (!rows.IsEmpty && !TryParseSide(rows, out r))
        {
            return false;
        }

        size = new TerminalSize(c, r);
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Columns}x{Rows}");

    private static bool TryParseSide(ReadOnlySpan<char> text, out int value)
    {
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value is >= 1 and <= ushort.MaxValue;
    }
}
