using System.Globalization;

namespace CastTools.Asciicast;

/// <summary>A terminal size in character cells, as in a header or an <c>r</c> event (<c>"COLSxROWS"</c>).</summary>
public readonly record struct TerminalSize(int Columns, int Rows)
{
    /// <summary>Sizes above this are treated as corrupt input: no real terminal has them and a renderer would run out of memory.</summary>
    public const int MaxDimension = 4096;

    public static bool IsValidDimension(long value) => value is >= 1 and <= MaxDimension;

    /// <summary>Parses resize event data <c>"COLSxROWS"</c>; false when malformed, zero or absurd.</summary>
    public static bool TryParse(string? text, out TerminalSize size)
    {
        size = default;
        if (text is null)
        {
            return false;
        }

        int x = text.IndexOf('x');
        if (x <= 0
            || !int.TryParse(text.AsSpan(0, x), NumberStyles.None, CultureInfo.InvariantCulture, out int cols)
            || !int.TryParse(text.AsSpan(x + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int rows)
            || !IsValidDimension(cols)
            || !IsValidDimension(rows))
        {
            return false;
        }

        size = new TerminalSize(cols, rows);
        return true;
    }

    /// <summary>The <c>r</c> event data form.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Columns}x{Rows}");
}
