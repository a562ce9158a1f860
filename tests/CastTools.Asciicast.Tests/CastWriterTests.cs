using System.Text;
using CastTools.Asciicast;

namespace CastTools.Asciicast.Tests;

public class CastWriterTests
{
    private static readonly CastHeader Header = new() { Columns = 80, Rows = 24 };

    [Fact]
    public void V3_writes_millisecond_intervals_with_compact_header()
    {
        string text = TestCast.Write(CastFormat.V3, Header, [new(1_500_000, "o", "a"), new(1_500_000, "m", ""), new(4_000_000, "x", "0")]);
        Assert.Equal(
            "{\"version\":3,\"term\":{\"cols\":80,\"rows\":24}}\n" +
            "[1.5, \"o\", \"a\"]\n" +
            "[0.0, \"m\", \"\"]\n" +
            "[2.5, \"x\", \"0\"]\n",
            text);
    }

    [Fact]
    public void V2_writes_absolute_seconds_with_microseconds()
    {
        string text = TestCast.Write(CastFormat.V2, Header, [new(1, "o", "a"), new(3_000_000, "r", "100x30"), new(3_123_456, "i", "q")]);
        Assert.Equal(
            "{\"version\":2,\"width\":80,\"height\":24}\n" +
            "[0.000001, \"o\", \"a\"]\n" +
            "[3.0, \"r\", \"100x30\"]\n" +
            "[3.123456, \"i\", \"q\"]\n",
            text);
    }

    [Fact]
    public void V3_rounding_error_is_carried_so_ten_hours_do_not_drift()
    {
        // An event every 1.0004 s for 10 hours: rounding each interval alone would lose 0.4 ms per event
        // (14 s in total). With error diffusion every written time stays within 0.5 ms of the truth.
        var output = new MemoryStream();
        const long count = 36_000;
        using (var writer = new CastWriter(output, CastFormat.V3, Header, leaveOpen: true))
        {
            for (long i = 1; i <= count; i += 1)
            {
                writer.Write(new CastEvent(i * 1_000_400, "o", ""));
            }
        }

        output.Position = 0;
        using var reader = new CastReader(output, "drift.cast");
        long n = 0;
        foreach (CastEvent e in reader.ReadEvents())
        {
            n++;
            long truth = n * 1_000_400;
            Assert.InRange(e.Time - truth, -500, 500);
        }

        Assert.Equal(count, n);
        Assert.True(count * 1_000_400 >= 36_000_000_000, "the test must cover ten hours");
    }

    [Fact]
    public void Strings_are_escaped_as_json_and_non_ascii_is_kept_readable()
    {
        string data = "\u001b[1;31mr\u00e9d\u001b[0m \"q\" \\ \t\r\n\b\f\u0001 \u4e2d\u6587 \ud83d\ude00 \u007f";
        string text = TestCast.Write(CastFormat.V3, Header, [new(0, "o", data)]);
        string line = text.Split('\n')[1];
        Assert.Equal("[0.0, \"o\", \"\\u001b[1;31mréd\\u001b[0m \\\"q\\\" \\\\ \\t\\r\\n\\b\\f\\u0001 中文 😀 \u007f\"]", line);
        var (_, events, _) = TestCast.Read(text);
        Assert.Equal(data, events[0].Data);
    }

    [Fact]
    public void Lone_surrogates_are_written_as_replacement_characters_so_the_file_stays_valid()
    {
        string text = TestCast.Write(CastFormat.V3, Header, [new(0, "o", "a\ud800b")]);
        var (_, events, _) = TestCast.Read(text);
        Assert.Equal("a\ufffdb", events[0].Data);
    }

    [Fact]
    public void Flushed_events_are_in_the_stream_so_a_killed_recorder_leaves_a_valid_file()
    {
        var output = new MemoryStream();
        var writer = new CastWriter(output, CastFormat.V3, Header, leaveOpen: true);
        writer.Write(new CastEvent(1000, "o", "a"));
        writer.Flush();
        // No Dispose: what a SIGKILL would leave behind.
        var (_, events, warnings) = TestCast.Read(output.ToArray());
        Assert.Equal(new[] { new CastEvent(1000, "o", "a") }, events);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Large_events_grow_the_buffer()
    {
        string big = new string('\u0001', 200_000) + new string('é', 100_000);
        string text = TestCast.Write(CastFormat.V2, Header, [new(0, "o", big), new(1, "o", big)]);
        var (_, events, _) = TestCast.Read(text);
        Assert.Equal(big, events[1].Data);
    }

    [Fact]
    public void V2_output_puts_term_type_into_env_TERM()
    {
        CastHeader header = Header with { TermType = "xterm-256color", Env = new Dictionary<string, string?> { ["SHELL"] = "/bin/bash" } };
        string text = TestCast.Write(CastFormat.V2, header, []);
        Assert.Equal("{\"version\":2,\"width\":80,\"height\":24,\"env\":{\"SHELL\":\"/bin/bash\",\"TERM\":\"xterm-256color\"}}\n", text);
        Assert.Equal("xterm-256color", TestCast.Read(text).Header.TermType);
    }

    [Fact]
    public void Header_of_a_written_file_is_one_line_even_with_newlines_in_the_title()
    {
        string text = TestCast.Write(CastFormat.V3, Header with { Title = "a\nb" }, []);
        Assert.Equal(2, text.Split('\n').Length);
        Assert.Equal("a\nb", TestCast.Read(text).Header.Title);
    }

    [Fact]
    public void Writing_v1_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CastWriter(new MemoryStream(), (CastFormat)1, Header));
    }

    [Fact]
    public void Output_is_deterministic()
    {
        CastEvent[] events = [new(1_234_567, "o", "x"), new(2_000_000, "r", "90x30")];
        Assert.Equal(
            Encoding.UTF8.GetBytes(TestCast.Write(CastFormat.V3, Header, events)),
            Encoding.UTF8.GetBytes(TestCast.Write(CastFormat.V3, Header, events)));
    }

    [Fact]
    public void Append_continues_v3_intervals_from_the_last_event_without_a_second_header()
    {
        var output = new MemoryStream();
        using (var writer = new CastWriter(output, CastFormat.V3, Header, leaveOpen: true))
        {
            writer.Write(new CastEvent(1_234_567, "o", "a"));
        }

        long last;
        output.Position = 0;
        using (var reader = new CastReader(output, "a.cast", leaveOpen: true))
        {
            last = reader.ReadEvents().Last().Time;
        }

        output.Seek(0, SeekOrigin.End);
        using (var writer = CastWriter.Append(output, CastFormat.V3, last, leaveOpen: true))
        {
            writer.Write(new CastEvent(last + 2_000_000, "o", "b"));
        }

        var (_, events, _) = TestCast.Read(output.ToArray());
        Assert.Equal(new[] { new CastEvent(1_235_000, "o", "a"), new CastEvent(3_235_000, "o", "b") }, events);
    }
}
