namespace CastTools.Vt;

/// <summary>
/// Temporary stand-in until the generated Unicode tables land (branch <c>unicode</c>): a coarse width function with
/// the agreed API, good enough for CJK, common emoji and combining marks.
/// </summary>
internal static class UnicodeWidth
{
    public static int GetWidth(int codePoint)
    {
        if (codePoint < 0x300)
        {
            return 1;
        }

        if ((codePoint >= 0x300 && codePoint <= 0x36F) || (codePoint >= 0x200B && codePoint <= 0x200F)
            || (codePoint >= 0xFE00 && codePoint <= 0xFE0F) || (codePoint >= 0x1AB0 && codePoint <= 0x1AFF)
            || (codePoint >= 0x1DC0 && codePoint <= 0x1DFF) || (codePoint >= 0x20D0 && codePoint <= 0x20FF)
            || (codePoint >= 0xFE20 && codePoint <= 0xFE2F) || (codePoint >= 0xE0100 && codePoint <= 0xE01EF)
            || (codePoint >= 0x1F3FB && codePoint <= 0x1F3FF) || codePoint == 0x2060)
        {
            return 0;
        }

        if ((codePoint >= 0x1100 && codePoint <= 0x115F) || (codePoint >= 0x2E80 && codePoint <= 0x303E)
            || (codePoint >= 0x3041 && codePoint <= 0x33FF) || (codePoint >= 0x3400 && codePoint <= 0x4DBF)
            || (codePoint >= 0x4E00 && codePoint <= 0x9FFF) || (codePoint >= 0xA000 && codePoint <= 0xA4CF)
            || (codePoint >= 0xAC00 && codePoint <= 0xD7A3) || (codePoint >= 0xF900 && codePoint <= 0xFAFF)
            || (codePoint >= 0xFE30 && codePoint <= 0xFE4F) || (codePoint >= 0xFF00 && codePoint <= 0xFF60)
            || (codePoint >= 0xFFE0 && codePoint <= 0xFFE6) || (codePoint >= 0x1F300 && codePoint <= 0x1F64F)
            || (codePoint >= 0x1F900 && codePoint <= 0x1F9FF) || (codePoint >= 0x1F680 && codePoint <= 0x1F6FF)
            || (codePoint >= 0x20000 && codePoint <= 0x3FFFD))
        {
            return 2;
        }

        return 1;
    }
}
