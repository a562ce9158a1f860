using System.Text;

namespace CastTools.Vt.Tests.Unicode;

public class GraphemeJoinerTests
{
    [Theory]
    [InlineData("e\u0301", "e\u0301")]                                   // é decomposed
    [InlineData("e\u0301\u0302x", "e\u0301\u0302|x")]                    // two marks, then a new letter
    [InlineData("ab", "a|b")]
    [InlineData("\U0001F468\u200D\U0001F469\u200D\U0001F467", "\U0001F468\u200D\U0001F469\u200D\U0001F467")] // 👨‍👩‍👧
    [InlineData("\U0001F1E9\U0001F1EA\U0001F1EB\U0001F1F7", "\U0001F1E9\U0001F1EA|\U0001F1EB\U0001F1F7")]  // 🇩🇪🇫🇷
    [InlineData("\U0001F1E9\U0001F1EA\U0001F1EB", "\U0001F1E9\U0001F1EA|\U0001F1EB")]                       // odd one out
    [InlineData("\U0001F44D\U0001F3FD", "\U0001F44D\U0001F3FD")]         // 👍🏽 skin tone
    [InlineData("\u263A\uFE0F", "\u263A\uFE0F")]                         // ☺️
    [InlineData("1\uFE0F\u20E3", "1\uFE0F\u20E3")]                        // keycap 1️⃣
    [InlineData("\u1100\u1161\u11A8", "\u1100\u1161\u11A8")]             // L V T: 각 from jamo
    [InlineData("\u1100\uAC00", "\u1100\uAC00")]                         // L LV
    [InlineData("\uAC00\u11A8", "\uAC00\u11A8")]                         // LV T
    [InlineData("\uAC01\u11A8", "\uAC01\u11A8")]                         // LVT T
    [InlineData("\uAC01\u1161", "\uAC01|\u1161")]                        // LVT then V: break
    [InlineData("\uAC00\uAC00", "\uAC00|\uAC00")]                        // two syllables
    [InlineData("\u11A8\u1100", "\u11A8|\u1100")]                        // T then L: break
    [InlineData("a\u200Db", "a\u200D|b")]                                // ZWJ joins, but letters after it do not
    [InlineData("a\u200D\U0001F600", "a\u200D|\U0001F600")]             // GB11 needs a pictograph before the ZWJ
    [InlineData("\U0001F600\u0301\u200D\U0001F600", "\U0001F600\u0301\u200D\U0001F600")] // Extend* before ZWJ
    [InlineData("\u0915\u093E", "\u0915\u093E")]                         // क + spacing mark ा
    [InlineData("\u0600\u0661", "\u0600\u0661")]                         // prepend joins what follows
    [InlineData("\U0001F3F4\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F", "\U0001F3F4\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F")] // 🏴 England tag sequence
    [InlineData("\r\n", "\r\n")]
    [InlineData("a\r", "a|\r")]
    public void Splits_text_into_grapheme_clusters(string text, string expected)
    {
        Assert.Equal(expected, Split(text));
    }

    [Fact]
    public void Without_a_previous_cell_nothing_joins()
    {
        GraphemeState state = default;
        Assert.False(GraphemeJoiner.Joins(ref state, -1, 0x301));
    }

    [Fact]
    public void Reset_forgets_a_pending_regional_indicator()
    {
        GraphemeState state = default;
        state.Start(0x1F1E9);
        Assert.True(GraphemeJoiner.Joins(ref state, 0x1F1E9, 0x1F1EA));
        Assert.False(GraphemeJoiner.Joins(ref state, 0x1F1EA, 0x1F1EB));

        // The cursor moved back onto a cell holding a lone D: the state starts over from what it is told.
        state.Reset();
        Assert.True(GraphemeJoiner.Joins(ref state, 0x1F1E9, 0x1F1EA));
    }

    [Fact]
    public void A_previous_code_point_other_than_the_last_seen_restarts_the_state()
    {
        GraphemeState state = default;
        state.Start(0x1F468);
        Assert.True(GraphemeJoiner.Joins(ref state, 0x1F468, 0x200D));

        // The terminal moved elsewhere without Reset; a ZWJ in that other cell must not carry the emoji state.
        Assert.True(GraphemeJoiner.Joins(ref state, 'a', 0x200D));
        Assert.False(GraphemeJoiner.Joins(ref state, 0x200D, 0x1F469));
    }

    [Fact]
    public void A_third_regional_indicator_starts_a_new_flag()
    {
        GraphemeState state = default;
        int[] ri = [0x1F1E9, 0x1F1EA, 0x1F1EB, 0x1F1F7, 0x1F1FA];
        bool[] expected = [true, false, true, false];
        for (int i = 1; i < ri.Length; i++)
        {
            Assert.Equal(expected[i - 1], GraphemeJoiner.Joins(ref state, ri[i - 1], ri[i]));
        }
    }

    /// <summary>Clusters of <paramref name="text"/> joined by '|', computed with <see cref="GraphemeJoiner"/>.</summary>
    internal static string Split(string text)
    {
        var result = new StringBuilder();
        GraphemeState state = default;
        int previous = -1;
        foreach (Rune rune in text.EnumerateRunes())
        {
            if (previous >= 0 && !GraphemeJoiner.Joins(ref state, previous, rune.Value))
            {
                result.Append('|');
            }
            else if (previous < 0)
            {
                state.Start(rune.Value);
            }

            result.Append(rune.ToString());
            previous = rune.Value;
        }

        return result.ToString();
    }
}
