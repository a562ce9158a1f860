namespace CastTools.Vt;

/// <summary>The current graphic rendition: what the next printed cell gets.</summary>
internal struct Pen
{
    public Color Foreground;
    public Color Background;
    public CellFlags Flags;
    public UnderlineStyle Underline;
    public Color UnderlineColor;
    public string? Hyperlink;

    /// <summary>Interned id of (underline colour, hyperlink), 0 when both are default.</summary>
    public int ExtraId;
}
