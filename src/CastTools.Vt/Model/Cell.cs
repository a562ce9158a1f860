using System.Runtime.InteropServices;

namespace CastTools.Vt;

/// <summary>
/// One screen cell: 20 bytes, unmanaged, mutated in place by the terminal. Rare data (extra code points of a
/// grapheme cluster, underline colour, hyperlink) lives out of line in a table indexed by <see cref="ExtraId"/>, as
/// alacritty does, so the hot cell stays small.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct Cell : IEquatable<Cell>
{
    /// <summary>A blank cell with default colours: what erase operations write (before BCE colours the background).</summary>
    public static readonly Cell Blank = new() { CodePoint = ' ', Width = 1 };

    /// <summary>
    /// The first code point of the cell's grapheme cluster; <c>' '</c> for a blank cell, 0 for the tail (second column)
    /// of a wide character.
    /// </summary>
    public int CodePoint;

    public Color Foreground;

    public Color Background;

    /// <summary>
    /// Index of the out-of-line data for this cell (<see cref="CellExtra"/>), 0 for none. Resolve it through the
    /// <see cref="ScreenSnapshot"/> the cell came from.
    /// </summary>
    public int ExtraId;

    public CellFlags Flags;

    public UnderlineStyle Underline;

    /// <summary>Columns the cell's character takes: 1, 2 for the head of a wide character, 0 for its tail.</summary>
    public byte Width;

    public readonly bool IsWideTail => Width == 0;

    public readonly bool IsWideHead => Width == 2;

    public readonly bool Equals(Cell other) =>
        CodePoint == other.CodePoint
        && Foreground == other.Foreground
        && Background == other.Background
        && ExtraId == other.ExtraId
        && Flags == other.Flags
        && Underline == other.Underline
        && Width == other.Width;

    public override readonly bool Equals(object? obj) => obj is Cell other && Equals(other);

    public override readonly int GetHashCode() => HashCode.Combine(CodePoint, Foreground, Background, ExtraId, Flags, Underline, Width);

    public static bool operator ==(Cell left, Cell right) => left.Equals(right);

    public static bool operator !=(Cell left, Cell right) => !left.Equals(right);
}
