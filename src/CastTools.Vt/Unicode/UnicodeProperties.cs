using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CastTools.Vt;

/// <summary>One-byte property lookup over the generated two-level table in <see cref="UnicodeTables"/>.</summary>
internal static class UnicodeProperties
{
    /// <summary>Properties of anything outside U+0000..U+10FFFF: width 1, Other.</summary>
    private const byte OutOfRange = 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte Get(int codePoint)
    {
        uint cp = (uint)codePoint;
        if (cp > 0x10FFFF)
        {
            return OutOfRange;
        }

        // Both indexes are in range by construction (Stage1 has 0x1100 entries, every block number
        // is below Stage2.Length / 256), so the bounds checks are skipped.
        uint block = Unsafe.Add(ref MemoryMarshal.GetReference(UnicodeTables.Stage1), (nint)(cp >> 8));
        return Unsafe.Add(ref MemoryMarshal.GetReference(UnicodeTables.Stage2), (nint)((block << 8) | (cp & 0xFF)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static GraphemeBreak GetGraphemeBreak(byte properties) =>
        (GraphemeBreak)((properties >> UnicodeTables.GraphemeBreakShift) & UnicodeTables.GraphemeBreakMask);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsExtendedPictographic(byte properties) => (properties & UnicodeTables.ExtendedPictographicBit) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsEmojiVariationBase(byte properties) => (properties & UnicodeTables.EmojiVariationBaseBit) != 0;
}
