namespace CastTools.Vt;

/// <summary>
/// The rare, out-of-line part of a cell. Interned by the terminal: equal extras share one id, so two cells with the
/// same <see cref="Cell.ExtraId"/> have the same extra data.
/// </summary>
/// <param name="Grapheme">The whole grapheme cluster when it has more than one code point (combining marks, ZWJ
/// sequences, variation selectors, flags), else null.</param>
/// <param name="UnderlineColor">SGR 58 underline colour; <see cref="Color.Default"/> means "the foreground".</param>
/// <param name="Hyperlink">OSC 8 target URI, else null.</param>
public sealed record CellExtra(string? Grapheme, Color UnderlineColor, string? Hyperlink);
