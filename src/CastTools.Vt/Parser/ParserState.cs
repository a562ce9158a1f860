namespace CastTools.Vt;

/// <summary>States of Paul Williams' DEC ANSI parser (vt100.net/emu/dec_ansi_parser).</summary>
internal enum ParserState : byte
{
    Ground,
    Escape,
    EscapeIntermediate,
    CsiEntry,
    CsiParam,
    CsiIntermediate,
    CsiIgnore,
    DcsEntry,
    DcsParam,
    DcsIntermediate,
    DcsPassthrough,
    DcsIgnore,
    OscString,
    SosPmApcString,
}
