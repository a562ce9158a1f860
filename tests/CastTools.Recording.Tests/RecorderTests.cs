using System.Collections;
using System.Diagnostics;
using System.Text;
using CastTools.Asciicast;

namespace CastTools.Recording.Tests;

public sealed class RecorderTests
{
    private static RecordOptions Headless(string path, string command) => new()
    {
        OutputPath = path,
        Command = command,
        Headless = true,
        Environment = Env(),
    };

    private static Hashtable Env(params (string Name, string Value)[] extra)
    {
        var env = new Hashtable(Environment.GetEnvironmentVariables());
        env["SHELL"] = "/bin/bash";
        foreach ((string name, string value) in extra)
        {
            env[name] = value;
        }

        return env;
    }

    private static (CastHeader Header, List<CastEvent> Events, IReadOnlyList<string> Warnings) Read(string path)
    {
        using CastReader reader = CastReader.Open(path);
        List<CastEvent> events = reader.ReadEvents().ToList();
        return (reader.Header, events, reader.Warnings);
    }

    private static string OutputText(IEnumerable<CastEvent> events) =>
        string.Concat(events.Where(e => e.Code == CastEvent.Output).Select(e => e.Data));

    [Fact]
    public void A_headless_v3_recording_has_the_header_output_and_exit_event()
    {
        using var dir = new TempDirectory();
        string path = dir.File("a.cast");
        long before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        RecordResult result = Recorder.Record(Headless(path, "echo hello; exit 3") with { Title = "demo", IdleTimeLimit = 1.5 });

        Assert.Equal(3, result.Status.ShellStatus);
        Assert.False(result.Interactive);
        var (header, events, warnings) = Read(path);
        Assert.Empty(warnings);
        Assert.Equal(3, header.Version);
        Assert.Equal(80, header.Columns);
        Assert.Equal(24, header.Rows);
        Assert.Equal("xterm-256color", header.TermType);
        Assert.Equal("demo", header.Title);
        Assert.Equal(1.5, header.IdleTimeLimit);
        Assert.Equal("echo hello; exit 3", header.Command);
        Assert.InRange(header.Timestamp!.Value, before, before + 60);
        Assert.Equal("/bin/bash", Assert.Single(header.Env!).Value);
        Assert.Equal("hello\r\n", OutputText(events));
        CastEvent exit = events[^1];
        Assert.Equal(CastEvent.Exit, exit.Code);
        Assert.Equal("3", exit.Data);
        Assert.Single(events, e => e.Code == CastEvent.Exit);
    }

    [Fact]
    public void A_v2_recording_has_no_exit_event_and_keeps_term_in_env()
    {
        using var dir = new TempDirectory();
        string path = dir.File("a.cast");
        Recorder.Record(Headless(path, "echo two") with { Format = RecordingFormat.AsciicastV2, CaptureEnv = ["SHELL", "NOPE_NOT_SET"] });
        var (header, events, _) = Read(path);
        Assert.Equal(2, header.Version);
        Assert.Equal("xterm-256color", header.Env!["TERM"]);
        Assert.Equal("/bin/bash", header.Env!["SHELL"]);
        Assert.False(header.Env!.ContainsKey("NOPE_NOT_SET"));
        Assert.DoesNotContain(events, e => e.Code == CastEvent.Exit);
        Assert.Equal("two\r\n", OutputText(events));
    }

    [Fact]
    public void A_signal_death_is_recorded_as_128_plus_the_signal()
    {
        using var dir = new TempDirectory();
        string path = dir.File("a.cast");
        RecordResult result = Recorder.Record(Headless(path, "kill -TERM $$"));
        Assert.Equal(143, result.Status.ShellStatus);
        Assert.Equal("143", Read(path).Events[^1].Data);
    }

    [Fact]
    public void The_child_sees_the_window_size_and_a_clean_environment()
    {
        using var dir = new TempDirectory();
        string path = dir.File("a.cast");
        RecordOptions options = Headless(path, "stty size; echo \"T=$TERM C=${COLUMNS-unset} L=${LINES-unset} R=$ASCIINEMA_REC S=$CASTTOOLS_SESSION\"") with
        {
            Columns = 100,
            Rows = 30,
            Environment = Env(("COLUMNS", "50"), ("LINES", "10"), ("TERM", "dumb")),
        };
        Recorder.Record(options);
        var (header, events, _) = Read(path);
        Assert.Equal(100, header.Columns);
        Assert.Equal(30, header.Rows);
        string text = OutputText(events);
        Assert.StartsWith("30 100\r\nT=xterm-256color C=unset L=unset R=1 S=", text);
        Assert.Matches(@"S=[0-9a-f]{32}\r\n$", text);
    }

    [Fact]
    public void One_side_of_the_window_size_can_be_fixed_alone()
    {
        using var dir = new TempDirectory();
        string path = dir.File("a.cast");
        Recorder.Record(Headless(path, "stty size") with { Rows = 30 });
        Assert.Equal("30 80\r\n", OutputText(Read(path).Events));
    }

    [Fact]
    public void Utf8_split_across_reads_is_decoded_without_replacement_characters()
    {
        // 200 000 multi-byte characters in raw mode: reads of a few KiB cut characters at arbitrary bytes.
        using var dir = new TempDirectory();
        string path = dir.File("a.cast");
        string unit = "é€😀ж";
        var expected = new StringBuilder();
        for (int i = 0; i < 50_000; i++)
        {
            expected.Append(unit);
        }

        string source = dir.File("utf8.txt");
        File.WriteAllText(source, expected.ToString(), new UTF8Encoding(false));
        Recorder.Record(Headless(path, $"stty raw -echo; cat '{source}'"));
        var (_, events, _) = Read(path);
        Assert.True(events.Count(e => e.Code == CastEvent.Output) > 5, "expected the output to arrive in many reads");
        Assert.Equal(expected.ToString(), OutputText(events));
    }

    [Fact]
    public void Raw_output_is_the_bytes_exactly()
    {
        using var dir = new TempDirectory();
        string path = dir.File("a.raw");
        Recorder.Record(Headless(path, "printf 'a\\033[1mb\\377\\n'") with { Format = RecordingFormat.Raw });
        Assert.Equal("a\u001b[1mb"u8.ToArray().Concat(new byte[] { 0xff, (byte)'\r', (byte)'\n' }), File.ReadAllBytes(path));
    }

    [Fact]
    public void An_existing_file_is_refused_without_overwrite_or_append_and_left_alone()
    {
        using var dir = new TempDirectory();
        string path = dir.File("a.cast");
        File.WriteAllText(path, "precious");
        var e = Assert.Throws<IOException>(() => Recorder.Record(Headless(path, "echo x")));
        Assert.Contains("already exists", e.Message);
        Assert.Equal("precious", File.ReadAllText(path));
    }

    [Fact]
    public void Overwrite_replaces_an_existing_file()
    {
        using var dir = new TempDirectory();
        string path = dir.File("a.cast");
        File.WriteAllText(path, "old");
        Recorder.Record(Headless(path, "echo new") with { Overwrite = true });
        Assert.Equal("new\r\n", OutputText(Read(path).Events));
    }

    [Fact]
    public void Missing_parent_directories_are_created()
    {
        using var dir = new TempDirectory();
        string path = dir.File("deep/er/a.cast");
        Recorder.Record(Headless(path, "true"));
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void An_unwritable_path_fails_with_an_io_error_and_nothing_runs()
    {
        using var dir = new TempDirectory();
        string blocker = dir.File("file");
        File.WriteAllText(blocker, "");
        string marker = dir.File("ran");
        Assert.ThrowsAny<IOException>(() => Recorder.Record(Headless(Path.Combine(blocker, "a.cast"), $"touch '{marker}'")));
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public void Append_continues_the_timing_and_keeps_the_header()
    {
        using var dir = new TempDirectory();
        string path = dir.File("a.cast");
        Recorder.Record(Headless(path, "echo one; sleep 0.3") with { Title = "first" });
        var (_, firstEvents, _) = Read(path);
        long firstEnd = firstEvents[^1].Time;
        Recorder.Record(Headless(path, "echo two") with { Append = true, Title = "ignored", Columns = 100 });

        var (header, events, warnings) = Read(path);
        Assert.Empty(warnings);
        Assert.Equal("first", header.Title);
        Assert.Equal(80, header.Columns);
        Assert.Equal("one\r\ntwo\r\n", OutputText(events));
        CastEvent[] appended = events.Skip(firstEvents.Count).ToArray();
        Assert.Equal(CastEvent.Resize, appended[0].Code);
        Assert.Equal("100x24", appended[0].Data);
        Assert.All(appended, e => Assert.True(e.Time >= firstEnd));
        Assert.Equal(2, events.Count(e => e.Code == CastEvent.Exit));
        Assert.True(firstEnd >= 300_000);
    }

    [Fact]
    public void Append_uses_the_existing_files_version_and_refuses_another()
    {
        using var dir = new TempDirectory();
        string path = dir.File("a.cast");
        Recorder.Record(Headless(path, "echo one") with { Format = RecordingFormat.AsciicastV2 });
        Recorder.Record(Headless(path, "echo two") with { Append = true });
        var (header, events, _) = Read(path);
        Assert.Equal(2, header.Version);
        Assert.Equal("one\r\ntwo\r\n", OutputText(events));

        string before = File.ReadAllText(path);
        var e = Assert.Throws<AsciicastFormatException>(
            () => Recorder.Record(Headless(path, "echo three") with { Append = true, Format = RecordingFormat.AsciicastV3 }));
        Assert.Contains("asciicast v2", e.Message);
        Assert.Equal(before, File.ReadAllText(path));
    }

    [Fact]
    public void Append_to_a_corrupt_file_is_refused_and_leaves_it_alone()
    {
        using var dir = new TempDirectory();
        string path = dir.File("a.cast");
        File.WriteAllText(path, "this is not a recording\n");
        Assert.Throws<AsciicastFormatException>(() => Recorder.Record(Headless(path, "echo x") with { Append = true }));
        Assert.Equal("this is not a recording\n", File.ReadAllText(path));
    }

    [Fact]
    public void Append_after_a_cut_off_last_line_drops_the_fragment()
    {
        using var dir = new TempDirectory();
        string path = dir.File("a.cast");
        Recorder.Record(Headless(path, "echo one"));
        File.AppendAllText(path, "[0.5, \"o\", \"half");
        Recorder.Record(Headless(path, "echo two") with { Append = true });
        var (_, events, warnings) = Read(path);
        Assert.Empty(warnings);
        Assert.Equal("one\r\ntwo\r\n", OutputText(events));
    }

    [Fact]
    public void Append_to_a_missing_file_starts_a_new_recording()
    {
        using var dir = new TempDirectory();
        string path = dir.File("a.cast");
        Recorder.Record(Headless(path, "echo one") with { Append = true });
        Assert.Equal("one\r\n", OutputText(Read(path).Events));
    }

    [Fact]
    public void A_background_job_holding_the_pty_ends_the_recording_within_a_second()
    {
        using var dir = new TempDirectory();
        string path = dir.File("a.cast");
        var watch = Stopwatch.StartNew();
        Recorder.Record(Headless(path, "(trap '' HUP; sleep 5) & echo started"));
        // Well under the 5 s the holder lives (spawning takes part of this on a loaded machine).
        Assert.True(watch.ElapsedMilliseconds < 3_000, $"took {watch.ElapsedMilliseconds} ms");
        Assert.Equal("started\r\n", OutputText(Read(path).Events));
    }

    [Fact]
    public void Headless_recording_answers_the_commands_terminal_queries()
    {
        // Programs such as fish >= 4.1 wait for DA1/CPR answers at start; headless, casttools answers as a terminal.
        using var dir = new TempDirectory();
        string path = dir.File("a.cast");
        Recorder.Record(Headless(path, """
            bash -c 'stty -icanon -echo; printf "abc\033[6n"; read -r -t 5 -d R cpr;
            printf "\033[c"; read -r -t 5 -d c da; stty sane; echo; echo "cpr=${cpr#?}R da=${da#?}c"'
            """));
        string text = OutputText(Read(path).Events);
        // The cursor was on row 1, column 4 after "abc": CPR is 1-based.
        Assert.Contains("cpr=[1;4R", text);
        Assert.Matches(@"da=\[\?[0-9;]+c", text);
    }

    [Fact]
    public void Event_times_follow_the_output_timing()
    {
        using var dir = new TempDirectory();
        string path = dir.File("a.cast");
        Recorder.Record(Headless(path, "echo a; sleep 0.4; echo b"));
        List<CastEvent> events = Read(path).Events;
        CastEvent a = events.First(e => e.Data.Contains('a'));
        CastEvent b = events.First(e => e.Data.Contains('b'));
        // 400 ms apart in the command. A loaded machine can deliver the first read late and shrink the gap, so the
        // bound only has to tell real timing from times taken all at once (or from the wrong clock).
        Assert.InRange(b.Time - a.Time, 100_000, 3_000_000);
    }

    [Fact]
    public void A_txt_path_records_the_session_as_plain_text_through_the_emulator()
    {
        using var dir = new TempDirectory();
        string path = dir.File("a.txt");
        // 30 lines scroll 6 off a 24-row screen; the overwritten "xx" and the colour codes must not appear.
        Recorder.Record(Headless(path, "seq 30; printf 'xx\\r\\033[31mred\\033[0m\\n'"));
        var expected = new StringBuilder();
        for (int i = 1; i <= 30; i++)
        {
            expected.Append(i).Append('\n');
        }

        expected.Append("red\n");
        Assert.Equal(expected.ToString(), File.ReadAllText(path));
    }
}
