namespace CastTools.Vt;

/// <summary>SGR attributes of a cell (the underline style is kept separately in <see cref="UnderlineStyle"/>).</summary>
[Flags]
public enum CellFlags : ushort
{
    None = 0,
    Bold = 1 << 0,
    Faint = 1 << 1,
    Italic = 1 << 2,
    Blink = 1 << 3,
    Inverse = 1 << 4,
    Invisible = 1 << 5,
    Strikethrough = 1 << 6,
    Overline = 1 << 7,

    /// <summary>DECSCA: protected from DECSED/DECSEL (selective erase).</summary>
    Protected = 1 << 8,
}
