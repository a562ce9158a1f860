namespace CastTools.Vt;

/// <summary>
/// Grapheme_Cluster_Break property values (UAX #29). The numbering is shared with the generated
/// <see cref="UnicodeTables"/> (tools/unicode-gen.py lists them in the same order).
/// </summary>
internal enum GraphemeBreak : byte
{
    Other = 0,
    CR = 1,
    LF = 2,
    Control = 3,
    Extend = 4,
    Zwj = 5,
    RegionalIndicator = 6,
    Prepend = 7,
    SpacingMark = 8,
    L = 9,
    V = 10,
    T = 11,
    LV = 12,
    Lvt = 13,
}
