namespace CastTools.Vt;

/// <summary>What DECSC / SCOSC / mode 1048 save: position, pen, charsets and origin mode (not the pending wrap, as xterm).</summary>
internal struct SavedCursor
{
    public int Row;
    public int Column;
    public Pen Pen;
    public CharsetState Charsets;
    public bool OriginMode;
}
