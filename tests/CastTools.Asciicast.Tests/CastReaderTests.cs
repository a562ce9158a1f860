using System.Text;
using CastTools.Asciicast;

namespace CastTools.Asciicast.Tests;

public class CastReaderTests
{
    [Fact]
    public void V2_times_are_absolute_and_parsed_exactly()
    {
        var (header, events, warnings) = TestCast.Read(
            "{\"version\": 2, \"width\": 80, \"height\": 24}\n" +
            "[0.1, \"o\", \"a\"]\n" +
            "[1.000001, \"o\", \"b\"]\n" +
            "[2.5e1, \"i\", \"\\r\"]\n");
        Assert.Equal(2, header.Version);
        Assert.Equal((80, 24), (header.Columns, header.Rows));
        Assert.Equal(new long[] { 100_000, 1_000_001, 25_000_000 }, events.Select(e => e.Time));
        Assert.Equal(new CastEvent(25_000_000, "i", "\r"), events[2]);
        Assert.Empty(warnings);
    }

    [Fact]
    public void V3_intervals_become_absolute_and_comments_are_skipped()
    {
        var (header, events, _) = TestCast.Read(
            "{\"version\": 3, \"term\": {\"cols\": 100, \"rows\": 30}}\n" +
            "# a comment\n" +
            "[0.5, \"o\", \"a\"]\n" +
            "\n" +
            "[0.25, \"m\", \"\"]\n" +
            "#[9, \"o\", \"commented out\"]\n" +
            "[1.0, \"x\", \"0\"]\n");
        Assert.Equal(3, header.Version);
        Assert.Equal((100, 30), (header.Columns, header.Rows));
        Assert.Equal(
            new[] { new CastEvent(500_000, "o", "a"), new CastEvent(750_000, "m", ""), new CastEvent(1_750_000, "x", "0") },
            events);
    }

    [Fact]
    public void V3_relative_times_do_not_accumulate_float_error()
    {
        // 100000 intervals of 0.1 s must sum to exactly 10000 s.
        var text = new StringBuilder("{\"version\": 3, \"term\": {\"cols\": 80, \"rows\": 24}}\n");
        for (int i = 0; i < 100_000; i++)
        {
            text.Append("[0.1, \"o\", \".\"]\n");
        }

        var (_, events, _) = TestCast.Read(text.ToString());
        Assert.Equal(10_000_000_000, events[^1].Time);
    }

    [Fact]
    public void V1_delays_are_relative_and_header_may_follow_stdout()
    {
        string v1 = """
            {
              "stdout": [
                [0.5, "hello "],
                [1.25, "w\u00f6rld\r\n"]
              ],
              "version": 1,
              "width": 90,
              "height": 20,
              "duration": 1.75,
              "title": "t"
            }
            """;
        foreach (bool seekable in new[] { true, false })
        {
            var (header, events, warnings) = TestCast.Read(Encoding.UTF8.GetBytes(v1), seekable: seekable);
            Assert.Equal(1, header.Version);
            Assert.Equal((90, 20), (header.Columns, header.Rows));
            Assert.Equal(1_750_000, header.Duration);
            Assert.Equal("t", header.Title);
            Assert.Equal(new[] { new CastEvent(500_000, "o", "hello "), new CastEvent(1_750_000, "o", "wörld\r\n") }, events);
            Assert.Empty(warnings);
        }
    }

    [Fact]
    public void V1_on_one_line_is_read()
    {
        var (header, events, _) = TestCast.Read("{\"version\":1,\"width\":10,\"height\":5,\"stdout\":[[1,\"a\"],[0.5,\"b\"]]}");
        Assert.Equal(1, header.Version);
        Assert.Equal(new long[] { 1_000_000, 1_500_000 }, events.Select(e => e.Time));
    }

    [Fact]
    public void V1_with_large_entries_streams_across_buffer_refills()
    {
        var text = new StringBuilder("{\"version\": 1, \"width\": 80, \"height\": 24, \"stdout\": [\n");
        string big = new('x', 100_000);
        for (int i = 0; i < 50; i++)
        {
            text.Append(i == 0 ? "" : ",\n").Append("[0.001, \"").Append(big).Append(i).Append("\"]");
        }

        text.Append("\n], \"title\": \"after\"}\n");
        foreach (bool seekable in new[] { true, false })
        {
            var (header, events, _) = TestCast.Read(Encoding.UTF8.GetBytes(text.ToString()), seekable: seekable);
            Assert.Equal("after", header.Title);
            Assert.Equal(50, events.Count);
            Assert.Equal(big + "49", events[49].Data);
            Assert.Equal(50_000, events[49].Time);
        }
    }

    [Fact]
    public void Gzip_is_detected_by_magic_bytes_for_every_version()
    {
        string v2 = "{\"version\": 2, \"width\": 80, \"height\": 24}\n[1.0, \"o\", \"z\"]\n";
        string v1 = "{\"version\": 1, \"width\": 80, \"height\": 24, \"stdout\": [[1.0, \"z\"]]}";
        foreach (string text in new[] { v2, v1 })
        {
            foreach (bool seekable in new[] { true, false })
            {
                var (_, events, _) = TestCast.Read(TestCast.Gzip(Encoding.UTF8.GetBytes(text)), "t.cast.gz", seekable);
                Assert.Equal(new[] { new CastEvent(1_000_000, "o", "z") }, events);
            }
        }
    }

    [Fact]
    public void Unknown_event_codes_are_kept()
    {
        var (_, events, _) = TestCast.Read("{\"version\": 2, \"width\": 80, \"height\": 24}\n[1, \"zz\", \"data\"]\n");
        Assert.Equal(new CastEvent(1_000_000, "zz", "data"), events[0]);
    }

    [Fact]
    public void Crlf_line_endings_and_a_byte_order_mark_are_accepted()
    {
        var (header, events, _) = TestCast.Read("\uFEFF{\"version\": 2, \"width\": 80, \"height\": 24}\r\n[1, \"o\", \"a\"]\r\n");
        Assert.Equal(80, header.Columns);
        Assert.Single(events);
    }

    [Fact]
    public void Last_line_without_newline_is_read_when_complete()
    {
        var (_, events, warnings) = TestCast.Read("{\"version\": 2, \"width\": 80, \"height\": 24}\n[1, \"o\", \"a\"]");
        Assert.Single(events);
        Assert.Empty(warnings);
    }
}
