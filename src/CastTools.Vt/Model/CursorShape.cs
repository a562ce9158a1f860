namespace CastTools.Vt;

/// <summary>Cursor shape from DECSCUSR (<c>CSI Ps SP q</c>).</summary>
public enum CursorShape : byte
{
    Block = 0,
    Underline = 1,
    Bar = 2,
}
