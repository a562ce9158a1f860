using System.Diagnostics;
using CastTools.Asciicast;

namespace CastTools.Cli.Tests;

/// <summary>
/// <c>casttools rec</c> through the real command line, in process with in-memory writers (always --headless: the
/// test host may have a terminal), plus the recorder as its own process where a signal must reach it.
/// </summary>
public sealed class RecCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("casttools-cli-rec-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string PathOf(string name) => Path.Combine(_dir, name);

    private static (int Exit, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(output, error, () => Stream.Null, () => Stream.Null, true);
        int exit = CliApp.Run(args, console);
        return (exit, output.ToString(), error.ToString());
    }

    private static List<CastEvent> Events(string path, out CastHeader header)
    {
        using CastReader reader = CastReader.Open(path);
        header = reader.Header;
        return reader.ReadEvents().ToList();
    }

    private static string OutputText(IEnumerable<CastEvent> events) =>
        string.Concat(events.Where(e => e.Code == CastEvent.Output).Select(e => e.Data));

    [Fact]
    public void Rec_records_a_command_and_exits_zero_whatever_its_status()
    {
        string path = PathOf("a.cast");
        var (exit, _, error) = Run("rec", path, "--headless", "-c", "echo hi; exit 4");
        Assert.Equal(0, exit);
        Assert.Contains("recording finished (exit 4)", error);
        List<CastEvent> events = Events(path, out CastHeader header);
        Assert.Equal(3, header.Version);
        Assert.Equal("hi\r\n", OutputText(events));
        Assert.Equal(new CastEvent(events[^1].Time, "x", "4"), events[^1]);
    }

    [Fact]
    public void Return_makes_rec_exit_with_the_commands_status()
    {
        Assert.Equal(4, Run("rec", PathOf("a.cast"), "--headless", "--return", "-q", "-c", "exit 4").Exit);
        Assert.Equal(130, Run("rec", PathOf("b.cast"), "--headless", "--return", "-q", "-c", "kill -INT $$").Exit);
    }

    [Fact]
    public void A_command_that_is_not_found_is_reported_and_returns_127_like_a_shell()
    {
        // Without --return too: 127/126 mean the command never ran, not that it reported a result.
        var (exit, _, error) = Run("rec", PathOf("a.cast"), "--headless", "-q", "-c", "no-such-command-casttools");
        Assert.Equal(127, exit);
        Assert.Contains("status 127 (command not found?)", error);
        Assert.Contains("not found", OutputText(Events(PathOf("a.cast"), out _)));
    }

    [Fact]
    public void A_command_that_is_not_executable_returns_126()
    {
        string script = PathOf("script.sh");
        File.WriteAllText(script, "echo hi\n");
        var (exit, _, error) = Run("rec", PathOf("b.cast"), "--headless", "-q", "-c", script);
        Assert.Equal(126, exit);
        Assert.Contains("status 126 (command not executable?)", error);
    }

    [Fact]
    public void Quiet_prints_nothing_on_success()
    {
        var (exit, output, error) = Run("rec", PathOf("a.cast"), "--headless", "-q", "-c", "true");
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, output + error);
    }

    [Fact]
    public void An_existing_file_is_refused_with_exit_4_and_kept()
    {
        string path = PathOf("a.cast");
        File.WriteAllText(path, "keep");
        var (exit, _, error) = Run("rec", path, "--headless", "-c", "true");
        Assert.Equal(ExitCodes.Io, exit);
        Assert.Equal($"casttools: {path}: already exists; use --overwrite to replace it or --append to add to it\n", error.Replace("\r\n", "\n"));
        Assert.Equal("keep", File.ReadAllText(path));
    }

    [Theory]
    [InlineData("--append", "--overwrite")]
    [InlineData("--window-size", "80")]
    [InlineData("--window-size", "0x24")]
    [InlineData("--window-size", "x")]
    [InlineData("--idle-time-limit", "-1")]
    public void Contradictory_or_malformed_options_are_usage_errors(string option, string value)
    {
        string path = PathOf("a.cast");
        var (exit, _, error) = Run("rec", path, "--headless", "-c", "true", option, value);
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.StartsWith("casttools: ", error);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void An_unknown_output_format_is_rejected()
    {
        var (exit, _, _) = Run("rec", PathOf("a.cast"), "--headless", "-f", "gif", "-c", "true");
        Assert.NotEqual(0, exit);
        Assert.False(File.Exists(PathOf("a.cast")));
    }

    [Fact]
    public void Window_size_can_fix_one_side_and_capture_env_picks_header_variables()
    {
        string path = PathOf("a.cast");
        Assert.Equal(0, Run("rec", path, "--headless", "-q", "--window-size", "100x", "--capture-env", "HOME,NO_SUCH_VAR_X", "-c", "stty size").Exit);
        List<CastEvent> events = Events(path, out CastHeader header);
        Assert.Equal(100, header.Columns);
        Assert.Equal(24, header.Rows);
        Assert.Equal("24 100\r\n", OutputText(events));
        Assert.Equal(["HOME"], header.Env!.Keys);
    }

    [Fact]
    public void Output_format_v2_and_raw_are_written()
    {
        Assert.Equal(0, Run("rec", PathOf("a.cast"), "--headless", "-q", "-f", "asciicast-v2", "-c", "echo v2").Exit);
        Events(PathOf("a.cast"), out CastHeader header);
        Assert.Equal(2, header.Version);
        Assert.Equal(0, Run("rec", PathOf("a.raw"), "--headless", "-q", "-f", "raw", "-c", "printf raw").Exit);
        Assert.Equal("raw", File.ReadAllText(PathOf("a.raw")));
    }

    [Fact]
    public void Output_format_txt_is_picked_by_the_extension_or_asked_for()
    {
        Assert.Equal(0, Run("rec", PathOf("a.txt"), "--headless", "-q", "-c", "printf 'one\\033[1m two\\n'").Exit);
        Assert.Equal("one two\n", File.ReadAllText(PathOf("a.txt")));
        Assert.Equal(0, Run("rec", PathOf("b.log"), "--headless", "-q", "-f", "txt", "-c", "echo three").Exit);
        Assert.Equal("three\n", File.ReadAllText(PathOf("b.log")));
    }

    [Fact]
    public void A_full_disk_at_the_start_is_an_io_error_and_the_device_is_left_alone()
    {
        var (exit, _, error) = Run("rec", "/dev/full", "--headless", "--overwrite", "-c", "echo x");
        Assert.Equal(ExitCodes.Io, exit);
        Assert.Contains("No space left on device", error);
        Assert.True(File.Exists("/dev/full"));
    }

    [Fact]
    public void A_full_disk_during_the_recording_hangs_up_the_command_and_is_an_io_error()
    {
        var watch = Stopwatch.StartNew();
        var (exit, _, error) = Run("rec", "/dev/full", "--headless", "--overwrite", "-f", "raw", "-c", "echo ready; sleep 100");
        Assert.Equal(ExitCodes.Io, exit);
        Assert.Contains("No space left on device", error);
        Assert.True(watch.ElapsedMilliseconds < 10_000, $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Append_continues_an_existing_recording()
    {
        string path = PathOf("a.cast");
        Assert.Equal(0, Run("rec", path, "--headless", "-q", "-t", "first", "-c", "echo one").Exit);
        Assert.Equal(0, Run("rec", path, "--headless", "-q", "-a", "-c", "echo two").Exit);
        List<CastEvent> events = Events(path, out CastHeader header);
        Assert.Equal("first", header.Title);
        Assert.Equal("one\r\ntwo\r\n", OutputText(events));
    }

    [Fact]
    public void Appending_to_a_corrupt_recording_is_an_input_error()
    {
        string path = PathOf("a.cast");
        File.WriteAllText(path, "{\"version\": 3}\n");
        var (exit, _, error) = Run("rec", path, "--headless", "-a", "-c", "true");
        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.StartsWith($"casttools: {path}:1: ", error);
    }

    [Fact]
    public void Sigkill_of_the_recorder_leaves_a_readable_recording()
    {
        string path = PathOf("a.cast");
        using Process recorder = RecProcess.Start(
            "rec", path, "--headless", "-q", "-c", "i=0; while :; do i=$((i+1)); echo \"line $i\"; sleep 0.005; done");
        RecProcess.WaitUntil(() => File.Exists(path) && File.ReadAllText(path).Split('\n').Length > 30, recorder);
        recorder.Kill();
        recorder.WaitForExit();

        using CastReader reader = CastReader.Open(path);
        List<CastEvent> events = reader.ReadEvents().ToList();
        Assert.True(events.Count >= 29);
        string[] lines = OutputText(events).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < lines.Length - 1; i++)
        {
            Assert.Equal($"line {i + 1}", lines[i]);
        }
    }

    [Fact]
    public void Sigterm_to_the_recorder_hangs_up_the_command_and_finishes_the_file()
    {
        string path = PathOf("a.cast");
        string ready = PathOf("ready");
        using Process recorder = RecProcess.Start("rec", path, "--headless", "-q", "-c", $"touch '{ready}'; sleep 100");
        RecProcess.WaitUntil(() => File.Exists(ready), recorder);
        Process.Start("/bin/sh", ["-c", $"kill -TERM {recorder.Id}"])!.WaitForExit();
        Assert.True(recorder.WaitForExit(10_000), "the recorder did not end");
        Assert.Equal(0, recorder.ExitCode);
        List<CastEvent> events = Events(path, out _);
        Assert.Equal("x", events[^1].Code);
        Assert.Equal("129", events[^1].Data);
    }
}
