
namespace CastTools.Vt.Tests.Unicode;

public class UnicodeWidthTests
{
    [Theory]
    [InlineData(0x20, 1)]       // space
    [InlineData('A', 1)]
    [InlineData('~', 1)]
    [InlineData(0xA0, 1)]       // no-break space
    [InlineData(0xAD, 1)]       // soft hyphen: default-ignorable, but terminals draw it
    [InlineData(0xE9, 1)]       // é precomposed
    [InlineData(0x3B1, 1)]      // α
    [InlineData(0x416, 1)]      // Ж
    [InlineData(0x5D0, 1)]      // Hebrew alef
    [InlineData(0x2500, 1)]     // box drawing ─
    [InlineData(0x2588, 1)]     // █
    [InlineData(0xE000, 1)]     // private use
    [InlineData(0xF0000, 1)]    // supplementary private use
    [InlineData(0x0378, 1)]     // unassigned
    [InlineData(0x10FFFF, 1)]
    public void Narrow_characters_take_one_column(int codePoint, int expected)
    {
        Assert.Equal(expected, UnicodeWidth.GetWidth(codePoint));
    }

    [Theory]
    [InlineData(0x4E2D)]        // 中
    [InlineData(0x6587)]        // 文
    [InlineData(0x3042)]        // あ hiragana
    [InlineData(0x30A2)]        // ア katakana
    [InlineData(0x3000)]        // ideographic space (F)
    [InlineData(0xAC00)]        // 가 Hangul syllable
    [InlineData(0xD7A3)]        // last Hangul syllable
    [InlineData(0x1100)]        // Hangul choseong kiyeok (leading jamo, W)
    [InlineData(0x115F)]        // Hangul choseong filler: default-ignorable, yet a wide leading jamo
    [InlineData(0x3164)]        // Hangul filler (default-ignorable letter; wide in glibc and terminals)
    [InlineData(0xFF21)]        // Ａ fullwidth Latin
    [InlineData(0xFF01)]        // ！ fullwidth exclamation
    [InlineData(0x20000)]       // CJK Extension B
    [InlineData(0x2FFFD)]       // unassigned in plane 2 defaults to W
    [InlineData(0x3FFFD)]       // unassigned in plane 3 defaults to W
    [InlineData(0x9FFF)]        // unassigned CJK block code point defaults to W
    [InlineData(0x1F600)]       // 😀
    [InlineData(0x1F44D)]       // 👍
    [InlineData(0x1F1E9)]       // regional indicator D (Emoji_Presentation)
    [InlineData(0x231A)]        // ⌚ (Emoji_Presentation, EAW W)
    [InlineData(0x2705)]        // ✅
    [InlineData(0x1FAE8)]       // 🫨 shaking face, new in Unicode 15.0
    public void Wide_characters_and_emoji_take_two_columns(int codePoint)
    {
        Assert.Equal(2, UnicodeWidth.GetWidth(codePoint));
    }

    [Theory]
    [InlineData(0x300)]         // combining grave
    [InlineData(0x301)]         // combining acute
    [InlineData(0x36F)]
    [InlineData(0x20DD)]        // combining enclosing circle (Me)
    [InlineData(0x20E3)]        // combining enclosing keycap (Me)
    [InlineData(0x0E31)]        // Thai mai han-akat (Mn)
    [InlineData(0x0941)]        // Devanagari vowel sign u (Mn)
    [InlineData(0x1AB0)]        // combining doubled circumflex accent
    public void Combining_marks_take_no_column(int codePoint)
    {
        Assert.Equal(0, UnicodeWidth.GetWidth(codePoint));
    }

    [Theory]
    [InlineData(0x200B)]        // zero width space
    [InlineData(0x200C)]        // ZWNJ
    [InlineData(0x200D)]        // ZWJ
    [InlineData(0x2060)]        // word joiner
    [InlineData(0xFEFF)]        // BOM / ZWNBSP
    [InlineData(0xFE00)]        // VS1
    [InlineData(0xFE0E)]        // VS15
    [InlineData(0xFE0F)]        // VS16
    [InlineData(0xE0100)]       // VS17
    [InlineData(0xE0001)]       // language tag
    [InlineData(0xE0067)]       // tag g (subdivision flags)
    [InlineData(0x1160)]        // Hangul jungseong filler
    [InlineData(0x1161)]        // Hangul medial vowel
    [InlineData(0x11A8)]        // Hangul final consonant
    [InlineData(0xD7B0)]        // Hangul jungseong extended-B
    [InlineData(0xD7FB)]        // Hangul jongseong extended-B
    public void Zero_width_characters_take_no_column(int codePoint)
    {
        Assert.Equal(0, UnicodeWidth.GetWidth(codePoint));
    }

    [Theory]
    [InlineData(0x263A)]        // ☺ text presentation by default
    [InlineData(0x2764)]        // ❤
    [InlineData(0x2600)]        // ☀
    [InlineData(0x00A9)]        // ©
    [InlineData(0x2122)]        // ™
    public void Text_presentation_emoji_are_narrow_until_vs16(int codePoint)
    {
        Assert.Equal(1, UnicodeWidth.GetWidth(codePoint));
        Assert.True(GraphemeJoiner.WidensToEmoji(codePoint));
    }

    [Theory]
    [InlineData('A')]
    [InlineData(0x1F600)]       // already wide
    [InlineData(0x4E2D)]        // not an emoji variation base
    [InlineData(0x2500)]
    public void Vs16_does_not_widen_other_characters(int codePoint)
    {
        Assert.False(GraphemeJoiner.WidensToEmoji(codePoint));
    }

    [Fact]
    public void Keycap_bases_widen_with_vs16()
    {
        Assert.True(GraphemeJoiner.WidensToEmoji('1'));
        Assert.True(GraphemeJoiner.WidensToEmoji('#'));
        Assert.True(GraphemeJoiner.WidensToEmoji('*'));
    }

    [Fact]
    public void Spacing_marks_keep_their_column()
    {
        Assert.Equal(1, UnicodeWidth.GetWidth(0x093E)); // DEVANAGARI VOWEL SIGN AA (Mc)
    }

    [Fact]
    public void Fast_path_below_U0300_agrees_with_the_table()
    {
        for (int cp = 0xA0; cp < 0x300; cp++)
        {
            Assert.Equal(UnicodeProperties.Get(cp) & UnicodeTables.WidthMask, UnicodeWidth.GetWidth(cp));
        }
    }

    [Fact]
    public void Every_code_point_has_a_width_of_zero_one_or_two_and_out_of_range_values_do_not_throw()
    {
        for (int cp = 0x20; cp <= 0x10FFFF; cp++)
        {
            int width = UnicodeWidth.GetWidth(cp);
            Assert.InRange(width, 0, 2);
        }

        Assert.Equal(1, UnicodeWidth.GetWidth(0x110000));
        Assert.Equal(1, UnicodeWidth.GetWidth(int.MaxValue));
        Assert.Equal(1, UnicodeWidth.GetWidth(-1));
    }

    [Fact]
    public void Tables_come_from_unicode_15_or_newer()
    {
        Assert.True(Version.Parse(UnicodeTables.UnicodeVersion) >= new Version(15, 0));
    }
}
