namespace CastTools.Vt;

/// <summary>Designations of G0–G3, which one is invoked into GL (SO/SI/LS2/LS3), and a pending single shift.</summary>
internal struct CharsetState
{
    public Charset G0;
    public Charset G1;
    public Charset G2;
    public Charset G3;
    public byte Gl;
    public byte SingleShift;

    public readonly Charset Get(int g) => g switch
    {
        0 => G0,
        1 => G1,
        2 => G2,
        _ => G3,
    };

    public void Set(int g, Charset charset)
    {
        switch (g)
        {
            case 0:
                G0 = charset;
                break;
            case 1:
                G1 = charset;
                break;
            case 2:
                G2 = charset;
                break;
            default:
                G3 = charset;
                break;
        }
    }

    /// <summary>Whether printing plain ASCII needs no translation (the fast path).</summary>
    public readonly bool IsPlainAscii => SingleShift == 0 && Get(Gl) == Charset.Ascii;

    /// <summary>Translates one printable ASCII character through the set in effect, consuming a single shift.</summary>
    public int Map(int c)
    {
        Charset set = Get(SingleShift != 0 ? SingleShift : Gl);
        SingleShift = 0;
        return set switch
        {
            Charset.DecSpecialGraphics => MapDecSpecial(c),
            Charset.Uk => c == '#' ? 0xA3 : c,
            _ => c,
        };
    }

    private static int MapDecSpecial(int c)
    {
        // VT100 DEC Special Graphics 0x5F–0x7E (0x5F is a blank, as on the VT100 and in xterm).
        ReadOnlySpan<char> table = " \u25C6\u2592\u2409\u240C\u240D\u240A\u00B0\u00B1\u2424\u240B\u2518\u2510\u250C\u2514\u253C\u23BA\u23BB\u2500\u23BC\u23BD\u251C\u2524\u2534\u252C\u2502\u2264\u2265\u03C0\u2260\u00A3\u00B7";
        return c is >= 0x5F and <= 0x7E ? table[c - 0x5F] : c;
    }
}
