using System.Runtime.CompilerServices;

namespace CastTools.Vt;

/// <summary>
/// Terminal column width of a code point, from the Unicode data generated into <see cref="UnicodeTables"/>.
/// </summary>
/// <remarks>
/// 0: combining marks (Mn, Me), Hangul medial vowels and final consonants (U+1160..U+11FF, U+D7B0..U+D7FF) and
/// default-ignorable code points such as ZWJ and the variation selectors. U+00AD SOFT HYPHEN stays 1, as terminals
/// draw it, and the Hangul fillers U+115F, U+3164, U+FFA0 keep their East Asian width, as in glibc.
/// 2: East_Asian_Width Wide or Fullwidth (unassigned code points of the CJK blocks and planes 2-3 included), and
/// Emoji_Presentation=Yes (so regional indicators are 2). 1: everything else, unassigned and private-use code
/// points included. A code point that <see cref="GraphemeJoiner.Joins"/> attaches to the previous cell takes no
/// column of its own whatever its width; see <see cref="GraphemeJoiner.WidensToEmoji"/> for U+FE0F.
/// C0/C1 controls are the parser's business and give a meaningless answer here.
/// </remarks>
internal static class UnicodeWidth
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int GetWidth(int codePoint)
    {
        // Nothing below U+0300 (the first combining mark) is zero-width or wide.
        if ((uint)codePoint < 0x300)
        {
            return 1;
        }

        return UnicodeProperties.Get(codePoint) & UnicodeTables.WidthMask;
    }
}
