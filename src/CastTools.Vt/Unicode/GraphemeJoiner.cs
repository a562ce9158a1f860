namespace CastTools.Vt;

/// <summary>
/// Decides whether a code point continues the grapheme cluster of the previous cell: the extended grapheme
/// cluster rules of UAX #29 (Unicode version in <see cref="UnicodeTables.UnicodeVersion"/>).
/// </summary>
/// <remarks>
/// A terminal prints code point <c>c</c> after code point <c>p</c> (the last one put into the previous cell) by
/// asking <c>Joins(ref state, p, c)</c>: when true, <c>c</c> is appended to that cell's cluster and takes no column
/// (combining marks, ZWJ sequences, skin-tone modifiers, variation selectors, the second regional indicator of a
/// flag, Hangul jamo continuing a syllable, spacing marks, the character after a prepend); when false, <c>c</c>
/// starts a new cell of <see cref="UnicodeWidth.GetWidth"/> columns. When U+FE0F joins a cluster whose first code
/// point <c>b</c> has <see cref="WidensToEmoji"/>(b), the cluster becomes two columns wide (emoji presentation).
/// U+FE0E (text presentation) never narrows a wide emoji, as in xterm, kitty and VTE.
/// </remarks>
internal static class GraphemeJoiner
{
    /// <summary>VARIATION SELECTOR-16, which asks for emoji presentation.</summary>
    public const int EmojiPresentationSelector = 0xFE0F;

    /// <summary>
    /// True when <paramref name="codePoint"/> continues the cluster that ends with <paramref name="previousCodePoint"/>.
    /// A negative <paramref name="previousCodePoint"/> means there is no previous cell (a new cluster starts).
    /// </summary>
    public static bool Joins(ref GraphemeState state, int previousCodePoint, int codePoint)
    {
        byte properties = UnicodeProperties.Get(codePoint);
        if (previousCodePoint < 0)
        {
            state = default;
            state.Advance(codePoint, properties, joined: false);
            return false;
        }

        if (!state.Follows(previousCodePoint))
        {
            state.Start(previousCodePoint);
        }

        bool joins = Decide(in state, UnicodeProperties.Get(previousCodePoint), properties);
        state.Advance(codePoint, properties, joins);
        return joins;
    }

    /// <summary>
    /// True when U+FE0F after <paramref name="baseCodePoint"/> turns a one-column text-presentation character into a
    /// two-column emoji (it has an emoji variation sequence in emoji-variation-sequences.txt and is narrow by default),
    /// e.g. U+263A ☺ or the digits of keycap sequences.
    /// </summary>
    public static bool WidensToEmoji(int baseCodePoint) =>
        UnicodeProperties.IsEmojiVariationBase(UnicodeProperties.Get(baseCodePoint));

    private static bool Decide(in GraphemeState state, byte previousProperties, byte properties)
    {
        GraphemeBreak previous = UnicodeProperties.GetGraphemeBreak(previousProperties);
        GraphemeBreak current = UnicodeProperties.GetGraphemeBreak(properties);

        // GB3, GB4, GB5: CR LF stays together; otherwise controls stand alone.
        if (previous == GraphemeBreak.CR)
        {
            return current == GraphemeBreak.LF;
        }

        if (previous is GraphemeBreak.LF or GraphemeBreak.Control ||
            current is GraphemeBreak.CR or GraphemeBreak.LF or GraphemeBreak.Control)
        {
            return false;
        }

        switch (current)
        {
            // GB9, GB9a.
            case GraphemeBreak.Extend:
            case GraphemeBreak.Zwj:
            case GraphemeBreak.SpacingMark:
                return true;
        }

        switch (previous)
        {
            // GB9b.
            case GraphemeBreak.Prepend:
                return true;

            // GB6: L × (L | V | LV | LVT).
            case GraphemeBreak.L:
                if (current is GraphemeBreak.L or GraphemeBreak.V or GraphemeBreak.LV or GraphemeBreak.Lvt)
                {
                    return true;
                }

                break;

            // GB7: (LV | V) × (V | T).
            case GraphemeBreak.LV:
            case GraphemeBreak.V:
                if (current is GraphemeBreak.V or GraphemeBreak.T)
                {
                    return true;
                }

                break;

            // GB8: (LVT | T) × T.
            case GraphemeBreak.Lvt:
            case GraphemeBreak.T:
                if (current == GraphemeBreak.T)
                {
                    return true;
                }

                break;

            // GB11: ExtPict Extend* ZWJ × ExtPict.
            case GraphemeBreak.Zwj:
                if (state.EmojiZwjPending && UnicodeProperties.IsExtendedPictographic(properties))
                {
                    return true;
                }

                break;

            // GB12, GB13: regional indicators pair up, counted from the start of the run.
            case GraphemeBreak.RegionalIndicator:
                if (current == GraphemeBreak.RegionalIndicator && state.UnpairedRegionalIndicator)
                {
                    return true;
                }

                break;
        }

        // GB999.
        return false;
    }
}
