namespace CastTools.Vt;

/// <summary>How a <see cref="Color"/> is to be resolved: by the theme's default, a palette index, or directly.</summary>
public enum ColorKind : byte
{
    Default = 0,
    Indexed = 1,
    Rgb = 2,
}
