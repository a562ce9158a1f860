using System.Text;
using CastTools.Asciicast;

namespace CastTools.Asciicast.Tests;

/// <summary>Each malformed input gives FILE:LINE: reason with the right line; truncation is only a warning.</summary>
public class BadInputTests
{
    private const string V2Header = "{\"version\": 2, \"width\": 80, \"height\": 24}\n";
    private const string V3Header = "{\"version\": 3, \"term\": {\"cols\": 80, \"rows\": 24}}\n";

    [Theory]
    [InlineData("")]
    [InlineData("\n\n  \n")]
    public void Empty_file(string text)
    {
        AsciicastFormatException e = TestCast.Fail(text);
        Assert.Equal("t.cast:1: file is empty", e.Message);
    }

    [Fact]
    public void Not_json()
    {
        AsciicastFormatException e = TestCast.Fail("hello world\n");
        Assert.Equal(1, e.Line);
        Assert.StartsWith("t.cast:1: not an asciicast file", e.Message);
    }

    [Theory]
    [InlineData("{\"version\": 4, \"width\": 80, \"height\": 24}\n", "unsupported asciicast version 4 (1, 2 and 3 are supported)")]
    [InlineData("{\"version\": \"2\", \"width\": 80, \"height\": 24}\n", "unsupported asciicast version \"2\" (1, 2 and 3 are supported)")]
    [InlineData("{\"width\": 80, \"height\": 24}\n", "header has no version")]
    public void Unknown_or_missing_version(string text, string reason)
    {
        Assert.Equal("t.cast:1: " + reason, TestCast.Fail(text).Message);
    }

    [Theory]
    [InlineData("[1, 2, 3]\n")]
    [InlineData("\"version\"\n")]
    [InlineData("42\n")]
    public void Header_not_an_object(string text)
    {
        Assert.Equal("t.cast:1: header is not a JSON object", TestCast.Fail(text).Message);
    }

    [Theory]
    [InlineData("{\"version\": 2, \"width\": 0, \"height\": 24}\n", "header field \"width\" is 0: terminal size must be 1..4096")]
    [InlineData("{\"version\": 2, \"width\": 80, \"height\": 100000}\n", "header field \"height\" is 100000: terminal size must be 1..4096")]
    [InlineData("{\"version\": 2, \"width\": -3, \"height\": 24}\n", "header field \"width\" is -3: terminal size must be 1..4096")]
    [InlineData("{\"version\": 2, \"width\": 80.5, \"height\": 24}\n", "header field \"width\" is not an integer")]
    [InlineData("{\"version\": 3, \"term\": {\"cols\": 80, \"rows\": 0}}\n", "header field \"term.rows\" is 0: terminal size must be 1..4096")]
    [InlineData("{\"version\": 3, \"width\": 80, \"height\": 24}\n", "header has no terminal size (term.cols and term.rows are required)")]
    [InlineData("{\"version\": 2}\n", "header has no terminal size (width and height are required)")]
    public void Zero_absurd_or_missing_terminal_size(string text, string reason)
    {
        Assert.Equal("t.cast:1: " + reason, TestCast.Fail(text).Message);
    }

    [Theory]
    [InlineData("[1, \"o\"]", "event is not a [time, code, data] array")]
    [InlineData("[1, \"o\", \"a\", \"b\"]", "event is not a [time, code, data] array")]
    [InlineData("[]", "event is not a [time, code, data] array")]
    [InlineData("{\"t\": 1}", "event is not a [time, code, data] array")]
    [InlineData("[1, 2, \"a\"]", "event code is not a string")]
    [InlineData("[1, \"o\", 3]", "event data is not a string")]
    [InlineData("[\"1.0\", \"o\", \"a\"]", "event time is not a number")]
    [InlineData("[null, \"o\", \"a\"]", "event time is not a number")]
    [InlineData("[-0.5, \"o\", \"a\"]", "event time is negative")]
    [InlineData("[1e30, \"o\", \"a\"]", "event time is out of range")]
    [InlineData("[1, \"r\", \"80\"]", "resize event data \"80\" is not COLSxROWS with sizes 1..4096")]
    [InlineData("[1, \"r\", \"0x24\"]", "resize event data \"0x24\" is not COLSxROWS with sizes 1..4096")]
    [InlineData("[1, \"o\", \"a\"] x", "unexpected text after the event")]
    public void Malformed_event_names_its_line(string line, string reason)
    {
        string text = V2Header + "[0.5, \"o\", \"ok\"]\n" + line + "\n[2, \"o\", \"after\"]\n";
        AsciicastFormatException e = TestCast.Fail(text);
        Assert.Equal($"t.cast:3: {reason}", e.Message);
        Assert.Equal(3, e.Line);
        Assert.Equal(reason, e.Reason);
    }

    [Fact]
    public void Invalid_json_escape()
    {
        AsciicastFormatException e = TestCast.Fail(V3Header + "[0.5, \"o\", \"\\x41\"]\n");
        Assert.Equal(2, e.Line);
        Assert.StartsWith("invalid JSON:", e.Reason);
    }

    [Fact]
    public void Lone_surrogate_escape()
    {
        AsciicastFormatException e = TestCast.Fail(V3Header + "[0.5, \"o\", \"\\ud800\"]\n");
        Assert.Equal(2, e.Line);
        Assert.Equal("invalid \\u escape in event data (unpaired surrogate)", e.Reason);
    }

    [Fact]
    public void Invalid_utf8_in_event_data()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes(V3Header + "[0.5, \"o\", \"ok\"]\n[0.5, \"o\", \""), 0xff, 0xfe, .. "\"]\n"u8];
        AsciicastFormatException e = TestCast.Fail(bytes);
        Assert.Equal(3, e.Line);
        Assert.Equal("invalid UTF-8 in event data", e.Reason);
    }

    [Fact]
    public void Invalid_utf8_in_header()
    {
        byte[] bytes = [.. "{\"version\": 2, \"width\": 80, \"height\": 24, \"title\": \""u8, 0xc3, 0x28, .. "\"}\n"u8];
        AsciicastFormatException e = TestCast.Fail(bytes);
        Assert.Equal(1, e.Line);
        Assert.Equal("invalid UTF-8 in header", e.Reason);
    }

    [Theory]
    [InlineData("[1.5, \"o\", \"hel")]
    [InlineData("[1.5, \"o\"")]
    [InlineData("[1.")]
    [InlineData("[")]
    [InlineData("[1.5, \"o\", \"\\u00")]
    public void Truncated_last_line_is_a_warning_and_keeps_every_event_before_it(string tail)
    {
        var (_, events, warnings) = TestCast.Read(V2Header + "[0.5, \"o\", \"a\"]\n[1, \"o\", \"b\"]\n" + tail);
        Assert.Equal(new[] { "a", "b" }, events.Select(e => e.Data));
        string warning = Assert.Single(warnings);
        Assert.StartsWith("t.cast:4: last line is truncated", warning);
    }

    [Fact]
    public void Truncated_line_inside_a_multibyte_character_is_a_warning()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes(V3Header + "[0.5, \"o\", \"a\"]\n[0.5, \"o\", \"\u00e9"), 0xe2, 0x82];
        var (_, events, warnings) = TestCast.Read(bytes);
        Assert.Single(events);
        Assert.Single(warnings);
    }

    [Fact]
    public void An_incomplete_line_that_is_not_the_last_is_an_error()
    {
        AsciicastFormatException e = TestCast.Fail(V2Header + "[0.5, \"o\", \"a\"\n[1, \"o\", \"b\"]\n");
        Assert.Equal("t.cast:2: event is cut off (incomplete JSON)", e.Message);
    }

    [Fact]
    public void Truncated_v1_keeps_complete_events()
    {
        var (header, events, warnings) = TestCast.Read("{\"version\": 1, \"width\": 80, \"height\": 24,\n\"stdout\": [\n[0.5, \"a\"],\n[0.5, \"b\"],\n[0.5, \"c");
        Assert.Equal(80, header.Columns);
        Assert.Equal(new[] { "a", "b" }, events.Select(e => e.Data));
        Assert.Contains("truncated", Assert.Single(warnings));
    }

    [Fact]
    public void Truncated_v1_before_the_size_is_known_is_an_error()
    {
        AsciicastFormatException e = TestCast.Fail("{\"version\": 1,\n \"stdout\": [[0.5, \"a\"]], \"width\": 8");
        Assert.Contains("truncated", e.Reason);
    }

    [Fact]
    public void Malformed_v1_entry_names_its_line()
    {
        AsciicastFormatException e = TestCast.Fail("{\n\"version\": 1, \"width\": 80, \"height\": 24,\n\"stdout\": [\n[0.5, \"a\"],\n[\"x\", \"b\"]\n]}");
        Assert.Equal("t.cast:5: event time is not a number", e.Message);
    }

    [Fact]
    public void Malformed_v1_json_names_its_line()
    {
        AsciicastFormatException e = TestCast.Fail("{\n\"version\": 1, \"width\": 80, \"height\": 24,\n\"stdout\": [\n[0.5, \"a\"],\n[0.5, \"b\" x]\n]}");
        Assert.Equal(5, e.Line);
        Assert.StartsWith("invalid JSON: ", e.Reason);
    }

    [Fact]
    public void Multi_line_v2_header_is_rejected()
    {
        AsciicastFormatException e = TestCast.Fail("{\"version\": 2,\n \"width\": 80, \"height\": 24}\n[1, \"o\", \"a\"]\n");
        Assert.Equal(1, e.Line);
        Assert.Contains("one line", e.Reason);
    }

    [Fact]
    public void Truncated_v2_header_is_an_error()
    {
        AsciicastFormatException e = TestCast.Fail("{\"version\": 2, \"width\": 80, \"hei");
        Assert.Equal("t.cast:1: file ends inside the header (truncated)", e.Message);
    }

    [Fact]
    public void Header_that_is_a_json_array_in_v1_form_is_rejected()
    {
        AsciicastFormatException e = TestCast.Fail("[\n1,\n2");
        Assert.Equal("t.cast:1: header is not a JSON object", e.Message);
    }
}
