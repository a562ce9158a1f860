using System.Globalization;

namespace CastTools.Asciicast;

/// <summary>
/// Converts between JSON number text in seconds and integer microseconds, exactly: the decimal digits are read as
/// digits, never through a double, so <c>0.1</c> is 100000 µs and not 99999.
/// </summary>
public static class CastTime
{
    /// <summary>Largest time accepted: about 31 years, far beyond any recording, far below overflow.</summary>
    public const long MaxMicroseconds = 1_000_000_000_000_000;

    /// <summary>
    /// Parses a JSON number (<c>-?int(.frac)?([eE][+-]?exp)?</c>) in seconds to microseconds, rounding half up at the
    /// microsecond. Returns false for anything that is not a JSON number, negative, or above <see cref="MaxMicroseconds"/>.
    /// </summary>
    public static bool TryParseSeconds(ReadOnlySpan<byte> text, out long microseconds, out bool negative)
    {
        microseconds = 0;
        negative = false;
        int i = 0;
        if (i < text.Length && text[i] == '-')
        {
            negative = true;
            i++;
        }

        // Significant digits go into the mantissa (at most 18, enough for MaxMicroseconds); later digits only round.
        long mantissa = 0;
        int mantissaDigits = 0;
        int exponent = 0;
        bool roundUp = false;
        bool anyDigit = false;
        bool seenRoundingDigit = false;

        for (; i < text.Length && IsDigit(text[i]); i++)
        {
            anyDigit = true;
            AddDigit(text[i] - '0', fractional: false);
        }

        if (!anyDigit)
        {
            return false;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            bool fractionDigit = false;
            for (; i < text.Length && IsDigit(text[i]); i++)
            {
                fractionDigit = true;
                AddDigit(text[i] - '0', fractional: true);
            }

            if (!fractionDigit)
            {
                return false;
            }
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            bool expNegative = false;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                expNegative = text[i] == '-';
                i++;
            }

            int exp = 0;
            bool expDigit = false;
            for (; i < text.Length && IsDigit(text[i]); i++)
            {
                expDigit = true;
                exp = Math.Min(exp * 10 + (text[i] - '0'), 100_000);
            }

            if (!expDigit)
            {
                return false;
            }

            exponent += expNegative ? -exp : exp;
        }

        if (i != text.Length)
        {
            return false;
        }

        // value = mantissa * 10^exponent seconds = mantissa * 10^(exponent + 6) µs.
        int scale = exponent + 6;
        long result;
        if (mantissa == 0)
        {
            result = 0;
        }
        else if (scale >= 0)
        {
            result = mantissa;
            for (int s = 0; s < scale; s++)
            {
                if (result > MaxMicroseconds / 10)
                {
                    return false;
                }

                result *= 10;
            }
        }
        else
        {
            // Divide, rounding half up on the first dropped digit (earlier dropped digits were already folded in).
            result = mantissa;
            for (int s = 0; s < -scale && result != 0; s++)
            {
                roundUp = result % 10 >= 5;
                result /= 10;
            }

            if (roundUp)
            {
                result++;
            }
        }

        if (result > MaxMicroseconds)
        {
            return false;
        }

        microseconds = result;
        return !negative || result == 0;

        void AddDigit(int digit, bool fractional)
        {
            if (mantissaDigits < 18)
            {
                if (mantissa != 0 || digit != 0)
                {
                    mantissa = mantissa * 10 + digit;
                    mantissaDigits++;
                }

                if (fractional)
                {
                    exponent--;
                }
            }
            else
            {
                // Beyond 18 significant digits: an integer digit scales, a fractional one can only round.
                if (!fractional)
                {
                    exponent++;
                }

                if (!seenRoundingDigit)
                {
                    seenRoundingDigit = true;
                    if (digit >= 5)
                    {
                        mantissa++;
                    }
                }
            }
        }
    }

    /// <summary>Seconds as a double (a header's <c>idle_time_limit</c>, a --speed or --idle-time-limit option) to µs, rounded.</summary>
    public static long FromSeconds(double seconds)
    {
        if (double.IsNaN(seconds) || seconds <= 0)
        {
            return 0;
        }

        double us = Math.Round(seconds * 1_000_000, MidpointRounding.AwayFromZero);
        return us >= MaxMicroseconds ? MaxMicroseconds : (long)us;
    }

    /// <summary>Formats microseconds as seconds with up to six decimals and at least one (<c>1.5</c>, <c>3.0</c>, <c>0.000001</c>).</summary>
    public static string FormatSeconds(long microseconds)
    {
        Span<char> buffer = stackalloc char[32];
        int written = FormatSeconds(microseconds, buffer);
        return new string(buffer[..written]);
    }

    /// <summary>Writes <see cref="FormatSeconds(long)"/> into <paramref name="destination"/> (at least 32 chars); returns the length.</summary>
    public static int FormatSeconds(long microseconds, Span<char> destination)
    {
        bool negative = microseconds < 0;
        ulong magnitude = negative ? (ulong)(-(microseconds + 1)) + 1 : (ulong)microseconds;
        ulong seconds = magnitude / 1_000_000;
        int fraction = (int)(magnitude % 1_000_000);
        int length = 0;
        if (negative)
        {
            destination[length++] = '-';
        }

        seconds.TryFormat(destination[length..], out int n, default, CultureInfo.InvariantCulture);
        length += n;
        destination[length++] = '.';
        int digits = 6;
        while (digits > 1 && fraction % 10 == 0)
        {
            fraction /= 10;
            digits--;
        }

        for (int d = digits - 1; d >= 0; d--)
        {
            destination[length + d] = (char)('0' + (fraction % 10));
            fraction /= 10;
        }

        return length + digits;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
}
