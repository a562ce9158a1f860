namespace CastTools.Vt;

/// <summary>
/// Receives a line as it leaves the top of the primary screen (into scrollback, or dropped when the limit is 0):
/// lets a text export see a whole session with memory bounded by the screen. Resolve <see cref="Cell.ExtraId"/>
/// through <see cref="Terminal.GetExtra"/>.
/// </summary>
/// <param name="cells">The line's cells; valid only during the call.</param>
/// <param name="wrapped">The line continues on the next one (soft wrap).</param>
public delegate void ScrolledLineHandler(ReadOnlySpan<Cell> cells, bool wrapped);
