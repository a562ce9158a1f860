using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CastTools.Asciicast;
using CastTools.Cli;

namespace CastTools.Cli.Tests;

public class CastCommandsTests
{
    private const string V2 = "{\"version\": 2, \"width\": 80, \"height\": 24, \"title\": \"demo\"}\n" +
        "[0.5, \"o\", \"hello\"]\n[1.0, \"m\", \"start\"]\n[4.0, \"o\", \"world\"]\n[4.25, \"r\", \"100x30\"]\n[4.5, \"o\", \"!\"]\n";

    private static List<CastEvent> ReadEvents(string path, out CastHeader header)
    {
        using CastReader reader = CastReader.Open(path);
        header = reader.Header;
        return reader.ReadEvents().ToList();
    }

    [Fact]
    public void Version_prints_the_informational_version()
    {
        CliRun run = CliRun.Run("--version");
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", run.Out.Trim());
    }

    [Theory]
    [InlineData("info")]
    [InlineData("convert")]
    [InlineData("cat")]
    public void Every_command_has_help_with_examples(string command)
    {
        CliRun run = CliRun.Run(command, "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Examples:", run.Out);
        Assert.Contains($"casttools {command} ", run.Out);
    }

    [Fact]
    public void Info_reports_version_duration_counts_markers_resizes_and_pauses()
    {
        using var dir = new TempDir();
        CliRun run = CliRun.Run("info", dir.File("a.cast", V2));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("format:          asciicast v2\n", run.Out);
        Assert.Contains($"size:            {V2.Length} bytes\n", run.Out);
        Assert.Contains("terminal:        80x24\n", run.Out);
        Assert.Contains("title:           demo\n", run.Out);
        Assert.Contains("duration:        0:04.500 (4.500 s)\n", run.Out);
        Assert.Contains("events:          5 (o 3, m 1, r 1)\n", run.Out);
        Assert.Contains("markers:         1\n  0:01.000  start\n", run.Out);
        Assert.Contains("resizes:         1\n  0:04.250  100x30\n", run.Out);
        Assert.Contains("longest pauses:\n  0:01.000  3.000 s\n  0:00.000  0.500 s\n  0:00.500  0.500 s\n", run.Out);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void Info_json_is_machine_readable()
    {
        using var dir = new TempDir();
        CliRun run = CliRun.Run("info", "--json", dir.File("a.cast", V2));
        Assert.Equal(0, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        JsonElement root = doc.RootElement;
        Assert.Equal(2, root.GetProperty("version").GetInt32());
        Assert.Equal(4.5, root.GetProperty("duration").GetDouble());
        Assert.Equal(4_500_000, root.GetProperty("duration_us").GetInt64());
        Assert.Equal(3, root.GetProperty("events").GetProperty("o").GetInt64());
        Assert.Equal("start", root.GetProperty("markers")[0].GetProperty("label").GetString());
        Assert.Equal(1.0, root.GetProperty("markers")[0].GetProperty("time").GetDouble());
        Assert.Equal("100x30", root.GetProperty("resizes")[0].GetProperty("size").GetString());
        Assert.Equal(3.0, root.GetProperty("longest_pauses")[0].GetProperty("length").GetDouble());
        Assert.Equal(80, root.GetProperty("cols").GetInt32());
        Assert.Equal("demo", root.GetProperty("title").GetString());
    }

    [Fact]
    public void Info_reads_stdin_and_gzip()
    {
        var gz = new MemoryStream();
        using (var z = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true))
        {
            z.Write(Encoding.UTF8.GetBytes(V2));
        }

        CliRun run = CliRun.RunWithInput(gz.ToArray(), "info", "-");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("format:          asciicast v2 (gzip)\n", run.Out);
        Assert.Contains("events:          5", run.Out);
    }

    [Fact]
    public void Info_on_the_full_v3_sample_shows_term_theme_tags_and_exit_status()
    {
        CliRun run = CliRun.Run("info", CliRun.SamplePath("full-v3.cast"));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("terminal:        100x30 xterm-256color (VTE(7802))\n", run.Out);
        Assert.Contains("theme:           fg #d0d0d0, bg #1c1c1c, 8 palette colours\n", run.Out);
        Assert.Contains("tags:            demo, fixture\n", run.Out);
        Assert.Contains("exit status:     0\n", run.Out);
        Assert.Contains("command:         /bin/bash -l\n", run.Out);
    }

    [Fact]
    public void Malformed_input_gives_one_line_with_file_and_line_and_exit_code_3()
    {
        using var dir = new TempDir();
        string path = dir.File("bad.cast", "{\"version\": 2, \"width\": 80, \"height\": 24}\n[0.5, \"o\", \"a\"]\n[\"x\", \"o\", \"b\"]\n");
        CliRun run = CliRun.Run("info", path);
        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Equal($"casttools: {path}:3: event time is not a number\n", run.Error);
    }

    [Fact]
    public void Verbose_adds_the_stack_trace()
    {
        using var dir = new TempDir();
        CliRun run = CliRun.Run("info", "--verbose", dir.File("bad.cast", "nope\n"));
        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("AsciicastFormatException", run.Error);
        Assert.Contains(" at ", run.Error);
    }

    [Fact]
    public void Missing_file_is_an_io_error()
    {
        CliRun run = CliRun.Run("info", "/nonexistent/x.cast");
        Assert.Equal(ExitCodes.Io, run.ExitCode);
        Assert.Equal("casttools: /nonexistent/x.cast: no such file\n", run.Error);
    }

    [Fact]
    public void Truncated_last_line_is_a_warning_unless_quiet()
    {
        using var dir = new TempDir();
        string path = dir.File("cut.cast", "{\"version\": 2, \"width\": 80, \"height\": 24}\n[0.5, \"o\", \"a\"]\n[1.0, \"o\", \"b");
        CliRun run = CliRun.Run("convert", path, dir.File("out.cast"));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"casttools: warning: {path}:3: last line is truncated (recording cut off mid-write); ignored, every event before it is kept\n", run.Error);
        Assert.Single(ReadEvents(dir.File("out.cast"), out _));

        CliRun quiet = CliRun.Run("convert", "--quiet", path, dir.File("out2.cast"));
        Assert.Equal(0, quiet.ExitCode);
        Assert.Equal("", quiet.Error);
    }

    [Fact]
    public void Convert_defaults_to_v3_and_keeps_events()
    {
        using var dir = new TempDir();
        string output = dir.File("out.cast");
        CliRun run = CliRun.Run("convert", CliRun.SamplePath("full-v2.cast"), output);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error + run.Out);
        List<CastEvent> converted = ReadEvents(output, out CastHeader header);
        List<CastEvent> original = ReadEvents(CliRun.SamplePath("full-v2.cast"), out _);
        Assert.Equal(3, header.Version);
        Assert.Equal(original, converted);
        Assert.StartsWith("{\"version\":3,\"term\":{\"cols\":100,\"rows\":30,\"type\":\"xterm-256color\",\"theme\":", File.ReadAllText(output));
    }

    [Fact]
    public void Convert_to_v2_and_stdout()
    {
        CliRun run = CliRun.Run("convert", CliRun.SamplePath("minimal-v3.cast"), "-", "-f", "asciicast-v2");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("{\"version\":2,\"width\":80,\"height\":24}\n[0.5, \"o\", \"hello\\r\\n\"]\n", run.Out);
    }

    [Fact]
    public void Convert_reads_stdin()
    {
        CliRun run = CliRun.RunWithInput(Encoding.UTF8.GetBytes(V2), "convert", "-", "-");
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("{\"version\":3,\"term\":{\"cols\":80,\"rows\":24},\"title\":\"demo\"}\n[0.5, \"o\", \"hello\"]\n[0.5, \"m\", \"start\"]\n", run.Out);
    }

    [Fact]
    public void Convert_raw_writes_output_bytes_only()
    {
        CliRun run = CliRun.Run("convert", CliRun.SamplePath("full-v3.cast"), "-", "-f", "raw");
        Assert.Equal(0, run.ExitCode);
        string expected = "\u001b[1;32muser@host\u001b[0m:\u001b[34m~\u001b[0m$ " +
            "ls\r\n\u001b[0m\u001b[01;34mdir\u001b[0m  file.txt  \"quoted\" back\\slash\r\n" +
            "\t中文 😀 é\b\u0007\r\nexit\r\n";
        Assert.Equal(Encoding.UTF8.GetBytes(expected), run.OutBytes);
    }

    [Fact]
    public void Convert_failure_leaves_no_output_file_and_keeps_an_existing_one()
    {
        using var dir = new TempDir();
        string bad = dir.File("bad.cast", "{\"version\": 2, \"width\": 80, \"height\": 24}\n[0.5, \"o\", \"a\"]\n[0.5, \"o\", 7]\n[0.5, \"o\", \"c\"]\n");
        string output = dir.File("out.cast");
        CliRun run = CliRun.Run("convert", bad, output);
        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Equal(new[] { "bad.cast" }, dir.Entries());

        File.WriteAllText(output, "previous");
        CliRun again = CliRun.Run("convert", "--overwrite", bad, output);
        Assert.Equal(ExitCodes.InvalidInput, again.ExitCode);
        Assert.Equal("previous", File.ReadAllText(output));
        Assert.Equal(new[] { "bad.cast", "out.cast" }, dir.Entries());
    }

    [Fact]
    public void Convert_into_a_missing_directory_is_an_io_error()
    {
        CliRun run = CliRun.Run("convert", CliRun.SamplePath("minimal-v2.cast"), "/nonexistent-dir/out.cast");
        Assert.Equal(ExitCodes.Io, run.ExitCode);
        Assert.StartsWith("casttools: /nonexistent-dir/out.cast: directory", run.Error);
    }

    [Fact]
    public void Convert_can_overwrite_its_own_input()
    {
        using var dir = new TempDir();
        string path = dir.File("a.cast", V2);
        Assert.Equal(0, CliRun.Run("convert", "--overwrite", path, path).ExitCode);
        List<CastEvent> events = ReadEvents(path, out CastHeader header);
        Assert.Equal(3, header.Version);
        Assert.Equal(5, events.Count);
    }

    [Fact]
    public void Convert_txt_is_refused_until_the_emulator_exists_without_leaving_a_file()
    {
        using var dir = new TempDir();
        CliRun run = CliRun.Run("convert", CliRun.SamplePath("minimal-v2.cast"), dir.File("out.txt"));
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Empty(dir.Entries());
    }

    [Fact]
    public void Cat_continues_each_recording_after_the_previous_one_and_resizes_at_the_seam()
    {
        using var dir = new TempDir();
        string a = dir.File("a.cast", "{\"version\": 3, \"term\": {\"cols\": 80, \"rows\": 24}, \"title\": \"first\"}\n[1.0, \"o\", \"a1\"]\n[2.0, \"o\", \"a2\"]\n");
        string b = dir.File("b.cast", "{\"version\": 2, \"width\": 100, \"height\": 30}\n[0.5, \"o\", \"b1\"]\n[1.5, \"r\", \"80x24\"]\n");
        string c = dir.File("c.cast", "{\"version\": 1, \"width\": 80, \"height\": 24, \"stdout\": [[0.25, \"c1\"]]}");
        string output = dir.File("all.cast");
        CliRun run = CliRun.Run("cat", a, b, c, "-o", output);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        List<CastEvent> events = ReadEvents(output, out CastHeader header);
        Assert.Equal(3, header.Version);
        Assert.Equal("first", header.Title);
        Assert.Equal((80, 24), (header.Columns, header.Rows));
        Assert.Equal(
            new[]
            {
                new CastEvent(1_000_000, "o", "a1"),
                new CastEvent(3_000_000, "o", "a2"),
                new CastEvent(3_000_000, "r", "100x30"),
                new CastEvent(3_500_000, "o", "b1"),
                new CastEvent(4_500_000, "r", "80x24"),
                new CastEvent(4_750_000, "o", "c1"),
            },
            events);
    }

    [Fact]
    public void Cat_output_format_follows_the_first_file_or_the_option()
    {
        using var dir = new TempDir();
        string a = dir.File("a.cast", "{\"version\": 2, \"width\": 80, \"height\": 24, \"duration\": 1.0}\n[1.0, \"o\", \"a\"]\n");
        CliRun run = CliRun.Run("cat", a, a);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("{\"version\":2,\"width\":80,\"height\":24}\n[1.0, \"o\", \"a\"]\n[2.0, \"o\", \"a\"]\n", run.Out);

        CliRun v3 = CliRun.Run("cat", a, a, "-f", "asciicast-v3");
        Assert.Equal("{\"version\":3,\"term\":{\"cols\":80,\"rows\":24}}\n[1.0, \"o\", \"a\"]\n[1.0, \"o\", \"a\"]\n", v3.Out);
    }

    [Fact]
    public void Cat_with_a_bad_second_file_leaves_no_output()
    {
        using var dir = new TempDir();
        string a = dir.File("a.cast", V2);
        string b = dir.File("b.cast", "{\"version\": 2, \"width\": 80}\n");
        CliRun run = CliRun.Run("cat", a, b, "-o", dir.File("out.cast"));
        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Equal($"casttools: {b}:1: header has no terminal size (width and height are required)\n", run.Error);
        Assert.Equal(new[] { "a.cast", "b.cast" }, dir.Entries());
    }

    [Fact]
    public void Existing_output_is_not_replaced_without_overwrite()
    {
        using var dir = new TempDir();
        string output = dir.File("out.cast", "keep me");
        CliRun run = CliRun.Run("convert", CliRun.SamplePath("minimal-v2.cast"), output);
        Assert.Equal(ExitCodes.Io, run.ExitCode);
        Assert.Equal($"casttools: {output}: file exists, use --overwrite to replace it\n", run.Error);
        Assert.Equal("keep me", File.ReadAllText(output));

        CliRun cat = CliRun.Run("cat", CliRun.SamplePath("minimal-v2.cast"), "-o", output);
        Assert.Equal(ExitCodes.Io, cat.ExitCode);
        Assert.Equal("keep me", File.ReadAllText(output));

        Assert.Equal(0, CliRun.Run("cat", CliRun.SamplePath("minimal-v2.cast"), "-o", output, "--overwrite").ExitCode);
        Assert.StartsWith("{\"version\":2,", File.ReadAllText(output));

        // An empty file (e.g. from mktemp) may be replaced, as asciinema allows.
        string empty = dir.File("empty.cast", "");
        Assert.Equal(0, CliRun.Run("convert", CliRun.SamplePath("minimal-v2.cast"), empty).ExitCode);
    }
}
