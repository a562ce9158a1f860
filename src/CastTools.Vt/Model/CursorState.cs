namespace CastTools.Vt;

/// <summary>The cursor as a renderer sees it. Row and column are zero-based; the column may equal the width
/// only transiently and is clamped to the last column here.</summary>
public readonly record struct CursorState(int Row, int Column, bool Visible, CursorShape Shape, bool Blinking);
