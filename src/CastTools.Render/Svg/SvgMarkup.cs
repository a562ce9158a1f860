using System.Globalization;
using System.Text;

namespace CastTools.Render.Svg;

/// <summary>
/// Writing text that came from a recording into SVG safely, and numbers compactly. Everything the recording prints
/// reaches the document only through <see cref="AppendEscaped"/>, so no input can close a tag, open a CDATA section or
/// smuggle in markup, and characters XML 1.0 forbids (C0 controls, lone surrogates, U+FFFE/U+FFFF) become U+FFFD.
/// </summary>
internal static class SvgMarkup
{
    /// <summary>Appends <paramref name="text"/> escaped for element content and, with <paramref name="quotes"/>, for
    /// attribute values (both quotes; text content needs neither, and a quote is one byte there instead of six).</summary>
    public static void AppendEscaped(StringBuilder builder, ReadOnlySpan<char> text, bool quotes = true)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;"); // also breaks "]]>"
                    break;
                case '"' when quotes:
                    builder.Append("&quot;");
                    break;
                case '\'' when quotes:
                    builder.Append("&apos;");
                    break;
                case '\t' or '\n':
                    builder.Append(c);
                    break;
                case < ' ' or '\u007F' or '\uFFFE' or '\uFFFF':
                    builder.Append('\uFFFD');
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        builder.Append('\uFFFD');
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }
    }

    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        AppendEscaped(builder, text);
        return builder.ToString();
    }

    /// <summary>A number with at most <paramref name="decimals"/> decimals, no trailing zeros, invariant culture.</summary>
    public static void AppendNumber(StringBuilder builder, double value, int decimals = 2)
    {
        double rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        if (rounded == 0)
        {
            rounded = 0; // no "-0"
        }

        if (rounded == Math.Floor(rounded) && Math.Abs(rounded) < 1e15)
        {
            builder.Append(((long)rounded).ToString(CultureInfo.InvariantCulture));
            return;
        }

        builder.Append(rounded.ToString("0.########", CultureInfo.InvariantCulture));
    }

    public static string Number(double value, int decimals = 2)
    {
        var builder = new StringBuilder(12);
        AppendNumber(builder, value, decimals);
        return builder.ToString();
    }

    /// <summary>The shortest CSS hex form of an opaque colour: <c>#abc</c> when each byte has equal nibbles, else <c>#aabbcc</c>.</summary>
    public static string Hex(byte r, byte g, byte b)
    {
        Span<char> text = stackalloc char[7];
        text[0] = '#';
        if (r >> 4 == (r & 15) && g >> 4 == (g & 15) && b >> 4 == (b & 15))
        {
            text[1] = HexDigit(r & 15);
            text[2] = HexDigit(g & 15);
            text[3] = HexDigit(b & 15);
            return new string(text[..4]);
        }

        text[1] = HexDigit(r >> 4);
        text[2] = HexDigit(r & 15);
        text[3] = HexDigit(g >> 4);
        text[4] = HexDigit(g & 15);
        text[5] = HexDigit(b >> 4);
        text[6] = HexDigit(b & 15);
        return new string(text);
    }

    private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'a' + value - 10);
}
