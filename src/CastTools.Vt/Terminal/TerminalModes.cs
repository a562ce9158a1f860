namespace CastTools.Vt;

/// <summary>ANSI and DEC private modes the terminal keeps (SM/RM, DECSET/DECRST).</summary>
internal struct TerminalModes
{
    public bool Insert;                 // IRM 4
    public bool LineFeedNewLine;        // LNM 20
    public bool ApplicationCursorKeys;  // DECCKM 1
    public bool ReverseVideo;           // DECSCNM 5
    public bool Origin;                 // DECOM 6
    public bool AutoWrap;               // DECAWM 7
    public bool CursorBlink;            // 12
    public bool CursorVisible;          // DECTCEM 25
    public bool ReverseWrap;            // 45
    public bool ApplicationKeypad;      // DECKPAM / DECKPNM
    public int MouseTracking;           // 9, 1000, 1001, 1002, 1003
    public int MouseEncoding;           // 1005, 1006, 1015, 1016
    public bool FocusEvents;            // 1004
    public bool AlternateScroll;        // 1007
    public bool BracketedPaste;         // 2004
    public bool SynchronizedOutput;     // 2026
    public bool Column132;              // 3 (recorded, no effect)
    public bool ProtectedSelective;     // DECSCA in effect for the pen

    public static TerminalModes Initial => new() { AutoWrap = true, CursorVisible = true };
}
