namespace CastTools.Vt;

/// <summary>What grapheme-cluster joining needs to remember between code points (stand-in, see <see cref="GraphemeJoiner"/>).</summary>
internal struct GraphemeState
{
    public bool AfterZwj;
    public int RegionalIndicatorCount;
}

/// <summary>
/// Temporary stand-in until the UAX #29 implementation lands (branch <c>unicode</c>): joins zero-width code points,
/// ZWJ sequences and regional-indicator pairs to the previous cell.
/// </summary>
internal static class GraphemeJoiner
{
    public static bool Joins(ref GraphemeState state, int previousCodePoint, int codePoint)
    {
        bool isRegional = codePoint is >= 0x1F1E6 and <= 0x1F1FF;
        if (state.AfterZwj)
        {
            state.AfterZwj = codePoint == 0x200D;
            state.RegionalIndicatorCount = 0;
            return true;
        }

        if (codePoint == 0x200D)
        {
            state.AfterZwj = true;
            return true;
        }

        if (isRegional)
        {
            bool join = previousCodePoint is >= 0x1F1E6 and <= 0x1F1FF && (state.RegionalIndicatorCount & 1) == 1;
            state.RegionalIndicatorCount = join ? 0 : 1;
            return join;
        }

        state.RegionalIndicatorCount = 0;
        return UnicodeWidth.GetWidth(codePoint) == 0;
    }
}
