namespace CastTools.Vt;

/// <summary>
/// A terminal colour as the program asked for it, not yet resolved against a theme: the default colour, a palette
/// index (SGR 30–37/90–97 are indexes 0–15, <c>38;5;n</c> is n) or a direct RGB colour. Packed into 4 bytes so
/// cells stay small.
/// </summary>
public readonly struct Color : IEquatable<Color>
{
    // Layout: bits 24..31 kind, bits 0..23 either the index or 0xRRGGBB.
    private readonly uint _packed;

    private Color(uint packed) => _packed = packed;

    public static Color Default => default;

    public static Color Indexed(byte index) => new(((uint)ColorKind.Indexed << 24) | index);

    public static Color FromRgb(byte r, byte g, byte b) => new(((uint)ColorKind.Rgb << 24) | ((uint)r << 16) | ((uint)g << 8) | b);

    public static Color FromRgb(Rgb rgb) => FromRgb(rgb.R, rgb.G, rgb.B);

    public ColorKind Kind => (ColorKind)(_packed >> 24);

    public bool IsDefault => _packed == 0;

    /// <summary>The palette index; meaningful only when <see cref="Kind"/> is <see cref="ColorKind.Indexed"/>.</summary>
    public byte Index => (byte)_packed;

    /// <summary>The direct colour; meaningful only when <see cref="Kind"/> is <see cref="ColorKind.Rgb"/>.</summary>
    public Rgb Rgb => new((byte)(_packed >> 16), (byte)(_packed >> 8), (byte)_packed);

    /// <summary>The raw 32-bit form, for hashing and fast comparisons.</summary>
    public uint Packed => _packed;

    public bool Equals(Color other) => _packed == other._packed;

    public override bool Equals(object? obj) => obj is Color other && Equals(other);

    public override int GetHashCode() => (int)_packed;

    public static bool operator ==(Color left, Color right) => left._packed == right._packed;

    public static bool operator !=(Color left, Color right) => left._packed != right._packed;

    public override string ToString() => Kind switch
    {
        ColorKind.Default => "default",
        ColorKind.Indexed => Index.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => Rgb.ToString(),
    };
}
