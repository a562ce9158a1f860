namespace CastTools.Asciicast;

/// <summary>A theme embedded in a cast header: colours as written (<c>#rrggbb</c>), palette of 8 or 16 entries.</summary>
public sealed record CastTheme(string Foreground, string Background, IReadOnlyList<string> Palette)
{
    /// <summary>
    /// The palette as 16 colours: an 8-colour palette is repeated for the bright colours, as asciinema 3 does.
    /// <see cref="Palette"/> keeps what the file said, so writing the theme back gives the same text.
    /// </summary>
    public IReadOnlyList<string> Palette16 => Palette.Count == 8 ? [.. Palette, .. Palette] : Palette;

    /// <summary>Value equality for the palette too (a record compares lists by reference).</summary>
    public bool Equals(CastTheme? other) =>
        other is not null && Foreground == other.Foreground && Background == other.Background && Palette.SequenceEqual(other.Palette);

    public override int GetHashCode() => HashCode.Combine(Foreground, Background, Palette.Count);
}
