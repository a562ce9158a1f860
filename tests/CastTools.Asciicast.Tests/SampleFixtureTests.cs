using System.Text;
using System.Text.Json.Nodes;
using CastTools.Asciicast;

namespace CastTools.Asciicast.Tests;

/// <summary>The fixtures in samples/: every header field and event kind read as written, and round trips lossless.</summary>
public class SampleFixtureTests
{
    private const string Prompt = "\u001b[1;32muser@host\u001b[0m:\u001b[34m~\u001b[0m$ ";
    private const string LsOutput = "ls\r\n\u001b[0m\u001b[01;34mdir\u001b[0m  file.txt  \"quoted\" back\\slash\r\n";
    private const string Unicode = "\t中文 😀 é\b\u0007\r\n";

    private static readonly string[] Palette16 =
    [
        "#000000", "#cd0000", "#00cd00", "#cdcd00", "#0000ee", "#cd00cd", "#00cdcd", "#e5e5e5",
        "#7f7f7f", "#ff0000", "#00ff00", "#ffff00", "#5c5cff", "#ff00ff", "#00ffff", "#ffffff",
    ];

    public static string SamplePath(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "samples", name);
            if (File.Exists(Path.Combine(dir.FullName, "CastTools.sln")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("samples directory not found", name);
    }

    private static (CastHeader Header, List<CastEvent> Events) ReadSample(string name)
    {
        using CastReader reader = CastReader.Open(SamplePath(name));
        List<CastEvent> events = reader.ReadEvents().ToList();
        Assert.Empty(reader.Warnings);
        return (reader.Header, events);
    }

    [Theory]
    [InlineData("minimal-v1.cast", 1)]
    [InlineData("minimal-v2.cast", 2)]
    [InlineData("minimal-v3.cast", 3)]
    public void Minimal_fixtures_read_the_same_in_every_version(string name, int version)
    {
        var (header, events) = ReadSample(name);
        Assert.Equal(new CastHeader { Version = version, Columns = 80, Rows = 24 }, header);
        Assert.Equal(new[] { new CastEvent(500_000, "o", "hello\r\n") }, events);
    }

    [Fact]
    public void Full_v1_fixture_reads_every_field()
    {
        var (header, events) = ReadSample("full-v1.cast");
        Assert.Equal(1, header.Version);
        Assert.Equal(100, header.Columns);
        Assert.Equal(30, header.Rows);
        Assert.Equal(3_750_000, header.Duration);
        Assert.Equal("/bin/bash -l", header.Command);
        Assert.Equal("Full v1 fixture: Grüße, 日本語", header.Title);
        Assert.Equal(new Dictionary<string, string?> { ["TERM"] = "xterm-256color", ["SHELL"] = "/bin/bash", ["LANG"] = null }, header.Env);
        Assert.Equal("xterm-256color", header.TermType);
        Assert.Null(header.Timestamp);
        Assert.Null(header.IdleTimeLimit);
        Assert.Null(header.Theme);
        Assert.Null(header.TermVersion);
        Assert.Null(header.Tags);
        Assert.Null(header.ExtraFields);
        Assert.Equal(
            new[]
            {
                new CastEvent(250_000, "o", Prompt),
                new CastEvent(750_000, "o", "echo \"héllo\" \\ wörld\r\n"),
                new CastEvent(875_000, "o", "héllo \\ wörld\r\n\t中文 😀 é\b\u0007"),
                new CastEvent(3_750_000, "o", "\u001b]0;title\u0007exit\r\n"),
            },
            events);
    }

    [Fact]
    public void Full_v2_fixture_reads_every_field()
    {
        var (header, events) = ReadSample("full-v2.cast");
        Assert.Equal(2, header.Version);
        Assert.Equal((100, 30), (header.Columns, header.Rows));
        Assert.Equal(1_700_000_000, header.Timestamp);
        Assert.Equal(4_500_000, header.Duration);
        Assert.Equal(2.5, header.IdleTimeLimit);
        Assert.Equal("/bin/bash -l", header.Command);
        Assert.Equal("Full v2 fixture: Grüße, 日本語", header.Title);
        Assert.Equal(new Dictionary<string, string?> { ["SHELL"] = "/bin/bash", ["TERM"] = "xterm-256color", ["LANG"] = null }, header.Env);
        Assert.Equal("xterm-256color", header.TermType);
        Assert.Equal(new CastTheme("#d0d0d0", "#1c1c1c", Palette16), header.Theme);
        Assert.Equal(16, header.Theme!.Palette.Count);
        Assert.Null(header.TermVersion);
        Assert.Null(header.Tags);
        Assert.Equal("{\"nested\":[1,2.5,\"three\"]}", Assert.Single(header.ExtraFields!, p => p.Key == "x_custom").Value!.ToJsonString());
        Assert.Equal(ExpectedEvents(v3: false), events);
    }

    [Fact]
    public void Full_v3_fixture_reads_every_field()
    {
        var (header, events) = ReadSample("full-v3.cast");
        Assert.Equal(3, header.Version);
        Assert.Equal((100, 30), (header.Columns, header.Rows));
        Assert.Equal("xterm-256color", header.TermType);
        Assert.Equal("VTE(7802)", header.TermVersion);
        Assert.Equal(new CastTheme("#d0d0d0", "#1c1c1c", Palette16[..8]), header.Theme);
        Assert.Equal(8, header.Theme!.Palette.Count);
        Assert.Equal([.. Palette16[..8], .. Palette16[..8]], header.Theme.Palette16);
        Assert.Equal(1_700_000_000, header.Timestamp);
        Assert.Null(header.Duration);
        Assert.Equal(2.5, header.IdleTimeLimit);
        Assert.Equal("/bin/bash -l", header.Command);
        Assert.Equal("Full v3 fixture: Grüße, 日本語", header.Title);
        Assert.Equal(new Dictionary<string, string?> { ["SHELL"] = "/bin/bash", ["LANG"] = null }, header.Env);
        Assert.Equal(new[] { "demo", "fixture" }, header.Tags);
        Assert.Equal(2, header.ExtraFields!.Count);
        Assert.Equal("true", header.ExtraFields["term.x_term_custom"]!.ToJsonString());
        Assert.Equal("{\"nested\":[1,2.5,\"three\"]}", header.ExtraFields["x_custom"]!.ToJsonString());
        Assert.Equal(ExpectedEvents(v3: true), events);
    }

    private static List<CastEvent> ExpectedEvents(bool v3)
    {
        var events = new List<CastEvent>
        {
            new(250_000, "o", Prompt),
            new(750_000, "i", "l"),
            new(800_000, "i", "s\r"),
            new(875_000, "o", LsOutput),
            new(1_500_000, "m", "after ls"),
            new(1_750_000, "r", "120x40"),
            new(2_000_000, "o", Unicode),
            new(2_500_000, "m", ""),
            new(3_000_000, "y", "unknown code kept"),
            new(4_500_000, "o", "exit\r\n"),
        };
        if (v3)
        {
            events.Add(new CastEvent(4_500_000, "x", "0"));
        }

        return events;
    }

    private static (CastHeader Header, List<CastEvent> Events, string Text) Convert(CastHeader header, IEnumerable<CastEvent> events, CastFormat format)
    {
        string text = TestCast.Write(format, header, events);
        var (h, e, w) = TestCast.Read(text);
        Assert.Empty(w);
        return (h, e, text);
    }

    [Theory]
    [InlineData("full-v1.cast")]
    [InlineData("full-v2.cast")]
    [InlineData("minimal-v1.cast")]
    public void Round_trip_v1_or_v2_to_v3_to_v2_to_v3_keeps_every_event_and_header_field(string name)
    {
        var (original, events) = ReadSample(name);
        var (v3a, e3a, text3a) = Convert(original, events, CastFormat.V3);
        var (v2, e2, _) = Convert(v3a, e3a, CastFormat.V2);
        var (v3b, e3b, text3b) = Convert(v2, e2, CastFormat.V3);

        // The fixtures use millisecond times, which v3 stores exactly: every event survives unchanged.
        Assert.Equal(events, e3a);
        Assert.Equal(events, e2);
        Assert.Equal(events, e3b);
        Assert.Equal(text3a, text3b);

        // Every field v3 can carry is equal; only Version (and v1/v2's duration, which v3 has no field for) differ.
        CastHeader expected = original with { Version = 3, Duration = null };
        AssertHeaderEqual(expected, v3a);
        AssertHeaderEqual(expected, v3b);
        AssertHeaderEqual(original with { Version = 2, Duration = null }, v2);
    }

    [Fact]
    public void Round_trip_v3_to_v3_is_byte_stable_and_keeps_term_version_tags_theme_and_unknown_fields()
    {
        var (original, events) = ReadSample("full-v3.cast");
        var (v3a, e3a, text) = Convert(original, events, CastFormat.V3);
        AssertHeaderEqual(original, v3a);
        Assert.Equal(events, e3a);
        Assert.Equal(text, Convert(v3a, e3a, CastFormat.V3).Text);
        Assert.Contains("\"palette\":\"#000000:#cd0000:#00cd00:#cdcd00:#0000ee:#cd00cd:#00cdcd:#e5e5e5\"", text);
    }

    [Fact]
    public void V1_to_v3_with_microsecond_delays_stays_within_half_a_millisecond()
    {
        var (header, events, _) = TestCast.Read("{\"version\": 1, \"width\": 80, \"height\": 24, \"stdout\": [[0.0004, \"a\"], [0.0004, \"b\"], [0.0004, \"c\"], [1.234567, \"d\"]]}");
        var (_, converted, _) = Convert(header, events, CastFormat.V3);
        for (int i = 0; i < events.Count; i++)
        {
            Assert.InRange(converted[i].Time - events[i].Time, -500, 500);
            Assert.Equal(events[i].Data, converted[i].Data);
        }
    }

    private static void AssertHeaderEqual(CastHeader expected, CastHeader actual)
    {
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.Columns, actual.Columns);
        Assert.Equal(expected.Rows, actual.Rows);
        Assert.Equal(expected.Timestamp, actual.Timestamp);
        Assert.Equal(expected.Duration, actual.Duration);
        Assert.Equal(expected.IdleTimeLimit, actual.IdleTimeLimit);
        Assert.Equal(expected.Command, actual.Command);
        Assert.Equal(expected.Title, actual.Title);
        Assert.Equal(expected.Env, actual.Env);
        Assert.Equal(expected.Theme, actual.Theme);
        Assert.Equal(expected.TermType, actual.TermType);
        Assert.Equal(expected.TermVersion, actual.TermVersion);
        Assert.Equal(expected.Tags, actual.Tags);
        Assert.Equal(
            expected.ExtraFields?.ToDictionary(p => p.Key, p => p.Value?.ToJsonString()),
            actual.ExtraFields?.ToDictionary(p => p.Key, p => p.Value?.ToJsonString()));
    }

    [Theory]
    [InlineData("demo.cast")]
    [InlineData("vim.cast")]
    [InlineData("colors.cast")]
    public void Real_recordings_are_valid_80x24_v3_with_an_exit_event_last(string name)
    {
        var (header, events) = ReadSample(name);
        Assert.Equal(3, header.Version);
        Assert.Equal((80, 24), (header.Columns, header.Rows));
        Assert.Equal("xterm-256color", header.TermType);
        Assert.True(events.Count > 5);
        Assert.Equal(new CastEvent(events[^2].Time, "x", "0"), events[^1]);
        Assert.True(events.Zip(events.Skip(1)).All(p => p.First.Time <= p.Second.Time), "times never go back");
        Assert.InRange(events[^1].Time, 2_000_000, 15_000_000);
        Assert.True(new FileInfo(SamplePath(name)).Length < 300 * 1024);
    }

    [Fact]
    public void Demo_recording_has_colours_non_ascii_and_an_alternate_screen()
    {
        var (_, events) = ReadSample("demo.cast");
        string output = string.Concat(events.Where(e => e.Code == "o").Select(e => e.Data));
        Assert.Contains("\u001b[01;34m", output);
        Assert.Contains("你好，世界 🎉", output);
        Assert.Contains("\u001b[?1049h", output);
    }
}
