using System.Text;
using CastTools.Asciicast;

namespace CastTools.Asciicast.Tests;

public class CastTimeTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("-0", 0)]
    [InlineData("0.1", 100_000)]
    [InlineData("0.000001", 1)]
    [InlineData("0.0000005", 1)]
    [InlineData("0.00000049999", 0)]
    [InlineData("1.2345675", 1_234_568)]
    [InlineData("12", 12_000_000)]
    [InlineData("1e3", 1_000_000_000)]
    [InlineData("1E-6", 1)]
    [InlineData("2.5e+1", 25_000_000)]
    [InlineData("0.30000000000000004", 300_000)]
    [InlineData("123456.789012", 123_456_789_012)]
    [InlineData("1.0000000000000000000000000001", 1_000_000)]
    [InlineData("00000000000000000000001.5", 1_500_000)]
    public void Parses_decimal_text_exactly(string text, long expected)
    {
        Assert.True(CastTime.TryParseSeconds(Encoding.ASCII.GetBytes(text), out long us, out _));
        Assert.Equal(expected, us);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("-1", true)]
    [InlineData("-0.000001", true)]
    [InlineData("1.", false)]
    [InlineData(".5", false)]
    [InlineData("1e", false)]
    [InlineData("abc", false)]
    [InlineData("1e20", false)]
    [InlineData("99999999999999999999999", false)]
    public void Rejects_invalid_negative_or_out_of_range(string text, bool negative)
    {
        Assert.False(CastTime.TryParseSeconds(Encoding.ASCII.GetBytes(text), out _, out bool isNegative));
        Assert.Equal(negative, isNegative);
    }

    [Theory]
    [InlineData(0, "0.0")]
    [InlineData(1, "0.000001")]
    [InlineData(1_500_000, "1.5")]
    [InlineData(3_000_000, "3.0")]
    [InlineData(123_456_789_012, "123456.789012")]
    public void Formats_seconds_with_at_least_one_decimal(long us, string expected)
    {
        Assert.Equal(expected, CastTime.FormatSeconds(us));
    }

    [Fact]
    public void Format_then_parse_is_identity()
    {
        var random = new Random(1);
        for (int i = 0; i < 10_000; i++)
        {
            long us = random.NextInt64(0, CastTime.MaxMicroseconds);
            Assert.True(CastTime.TryParseSeconds(Encoding.ASCII.GetBytes(CastTime.FormatSeconds(us)), out long back, out _));
            Assert.Equal(us, back);
        }
    }

    [Theory]
    [InlineData(2.5, 2_500_000)]
    [InlineData(0.1, 100_000)]
    [InlineData(0, 0)]
    [InlineData(-1, 0)]
    public void FromSeconds_rounds_to_microseconds(double seconds, long expected)
    {
        Assert.Equal(expected, CastTime.FromSeconds(seconds));
    }
}
