namespace CastTools.Vt;

/// <summary>94-character sets that G0–G3 can designate (<c>ESC ( B</c>, <c>ESC ( 0</c>, <c>ESC ( A</c>).</summary>
internal enum Charset : byte
{
    Ascii = 0,
    DecSpecialGraphics = 1,
    Uk = 2,
}
