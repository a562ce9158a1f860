namespace CastTools.Vt;

/// <summary>Underline style, numbered as in SGR <c>4:n</c> (SGR 4 is Single, SGR 21 is Double).</summary>
public enum UnderlineStyle : byte
{
    None = 0,
    Single = 1,
    Double = 2,
    Curly = 3,
    Dotted = 4,
    Dashed = 5,
}
