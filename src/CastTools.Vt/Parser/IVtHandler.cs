namespace CastTools.Vt;

/// <summary>
/// What <see cref="VtParser"/> hands over: finished pieces of syntax, with no meaning attached. The parser never
/// calls back into itself, so a handler may do anything but feed the same parser.
/// </summary>
internal interface IVtHandler
{
    /// <summary>A run of printable ASCII (0x20–0x7E) in the ground state.</summary>
    void PrintAscii(ReadOnlySpan<byte> text);

    /// <summary>One printable code point outside ASCII (U+FFFD for malformed UTF-8).</summary>
    void Print(int codePoint);

    /// <summary>A C0 (0x00–0x1F) or C1 (U+0080–U+009F) control function.</summary>
    void Execute(int control);

    /// <summary><c>ESC I… F</c>: <paramref name="intermediates"/> packs up to two intermediate bytes, first in the low byte.</summary>
    void EscDispatch(int intermediates, byte final);

    /// <summary><c>CSI P… I… F</c>; <paramref name="prefix"/> is the private marker (<c>? &gt; &lt; =</c>) or 0.</summary>
    void CsiDispatch(in CsiParams parameters, byte prefix, int intermediates, byte final);

    /// <summary>A complete OSC string (without <c>ESC ]</c> and terminator), as raw UTF-8.</summary>
    void OscDispatch(ReadOnlySpan<byte> data, bool bellTerminated);

    /// <summary>A complete DCS string: its header and the first bytes of its data (bounded).</summary>
    void DcsDispatch(in CsiParams parameters, byte prefix, int intermediates, byte final, ReadOnlySpan<byte> data);
}
