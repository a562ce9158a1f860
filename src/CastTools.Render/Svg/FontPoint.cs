namespace CastTools.Render.Svg;

/// <summary>A TrueType outline point in font units (y up): on the curve, or the control point of a quadratic.</summary>
internal readonly record struct FontPoint(int X, int Y, bool OnCurve);
