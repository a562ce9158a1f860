namespace CastTools.Vt;

/// <summary>xterm's default 256-colour palette: 16 base colours, the 6×6×6 cube and 24 greys.</summary>
internal static class XtermPalette
{
    private static readonly uint[] Base =
    [
        0x000000, 0xCD0000, 0x00CD00, 0xCDCD00, 0x0000EE, 0xCD00CD, 0x00CDCD, 0xE5E5E5,
        0x7F7F7F, 0xFF0000, 0x00FF00, 0xFFFF00, 0x5C5CFF, 0xFF00FF, 0x00FFFF, 0xFFFFFF,
    ];

    public static Rgb Get(int index)
    {
        if (index < 16)
        {
            uint v = Base[Math.Max(0, index)];
            return new Rgb((byte)(v >> 16), (byte)(v >> 8), (byte)v);
        }

        if (index < 232)
        {
            int i = index - 16;
            return new Rgb(Level(i / 36), Level(i / 6 % 6), Level(i % 6));
        }

        byte grey = (byte)(8 + ((index - 232) * 10));
        return new Rgb(grey, grey, grey);
    }

    private static byte Level(int step) => (byte)(step == 0 ? 0 : 55 + (step * 40));
}
