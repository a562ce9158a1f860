using System.Globalization;

namespace CastTools.Vt;

/// <summary>An sRGB colour, 8 bits per channel.</summary>
public readonly record struct Rgb(byte R, byte G, byte B)
{
    /// <summary>Parses <c>#rrggbb</c>, <c>rrggbb</c>, <c>#rgb</c> or X11 <c>rgb:rr/gg/bb</c> (1–4 hex digits a channel).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Rgb rgb)
    {
        rgb = default;
        text = text.Trim();
        if (text.StartsWith("rgb:", StringComparison.OrdinalIgnoreCase))
        {
            return TryParseX11(text[4..], out rgb);
        }

        if (text.Length > 0 && text[0] == '#')
        {
            text = text[1..];
        }

        if (text.Length == 6 && uint.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint v))
        {
            rgb = new Rgb((byte)(v >> 16), (byte)(v >> 8), (byte)v);
            return true;
        }

        if (text.Length == 3 && uint.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out v))
        {
            byte r = (byte)(((v >> 8) & 0xF) * 17), g = (byte)(((v >> 4) & 0xF) * 17), b = (byte)((v & 0xF) * 17);
            rgb = new Rgb(r, g, b);
            return true;
        }

        return false;
    }

    private static bool TryParseX11(ReadOnlySpan<char> text, out Rgb rgb)
    {
        rgb = default;
        Span<byte> channels = stackalloc byte[3];
        for (int i = 0; i < 3; i++)
        {
            int slash = text.IndexOf('/');
            ReadOnlySpan<char> part = i < 2 ? (slash < 0 ? default : text[..slash]) : text;
            if (part.Length is < 1 or > 4
                || !uint.TryParse(part, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint v))
            {
                return false;
            }

            // Scale an n-digit hex value to 8 bits, as XParseColor does.
            uint max = (1u << (4 * part.Length)) - 1;
            channels[i] = (byte)((v * 255 + max / 2) / max);
            text = i < 2 ? text[(slash + 1)..] : default;
        }

        rgb = new Rgb(channels[0], channels[1], channels[2]);
        return true;
    }

    public override string ToString() => $"#{R:x2}{G:x2}{B:x2}";
}
