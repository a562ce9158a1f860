using System.Text;
using System.Text.Json;

namespace CastTools.Cli.Tests.Commands;

public sealed class RenderCommandTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("casttools-cli-render-");

    public void Dispose() => _directory.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_directory.FullName, name);

    private static (int ExitCode, string Out, string Error) Run(string[] args, string? stdin = null, bool errorIsTerminal = false)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(
            output,
            error,
            () => new MemoryStream(Encoding.UTF8.GetBytes(stdin ?? string.Empty)),
            () => new MemoryStream(),
            IsErrorRedirected: !errorIsTerminal);
        int code = CliApp.Run(args, console);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>samples/demo.cast from the repository when present, else a small recording written here.</summary>
    private string DemoCast()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string sample = Path.Combine(dir.FullName, "samples", "demo.cast");
            if (File.Exists(sample) && File.Exists(Path.Combine(dir.FullName, "CastTools.sln")))
            {
                return sample;
            }
        }

        string path = PathOf("demo.cast");
        var lines = new List<string> { """{"version": 2, "width": 40, "height": 6}""" };
        double t = 0;
        foreach (string chunk in new[] { "$ ", "e", "c", "h", "o", " hi", "\r\nhi\r\n", "$ " })
        {
            t += 0.2;
            lines.Add(JsonSerializer.Serialize(new object[] { t, "o", chunk }));
        }

        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    [Fact]
    public void Render_writes_a_gif_and_nothing_else_when_stderr_is_not_a_terminal()
    {
        string output = PathOf("demo.gif");

        (int code, string stdout, string stderr) = Run(["render", DemoCast(), "-o", output]);

        Assert.Equal((0, "", ""), (code, stdout, stderr));
        Assert.Equal("GIF89a"u8.ToArray(), File.ReadAllBytes(output)[..6]);
        Assert.Single(_directory.GetFiles("*.gif"));
    }

    [Fact]
    public void Progress_and_a_summary_go_to_stderr_only_when_it_is_a_terminal()
    {
        (int code, string stdout, string stderr) = Run(["render", DemoCast(), "-o", PathOf("demo.gif")], errorIsTerminal: true);

        Assert.Equal(0, code);
        Assert.Equal("", stdout);
        Assert.Contains("rendered", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_reads_standard_input_and_writes_text()
    {
        string output = PathOf("screen.out");

        (int code, _, string stderr) = Run(["render", "-", "-o", output, "--format", "txt"], stdin: File.ReadAllText(DemoCast()));

        Assert.Equal((0, ""), (code, stderr));
        Assert.Contains("$ ", File.ReadAllText(output), StringComparison.Ordinal);
    }

    [Fact]
    public void Dash_as_output_writes_the_format_to_standard_output_and_no_file()
    {
        string vim = CliRun.SamplePath("vim.cast");
        string before = Directory.GetCurrentDirectory();
        foreach ((string format, byte[] magic) in new[] { ("gif", "GIF89a"u8.ToArray()), ("png", new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }), ("svg", "<svg "u8.ToArray()) })
        {
            CliRun run = CliRun.Run("render", vim, "-o", "-", "--format", format);
            Assert.Equal(0, run.ExitCode);
            Assert.Equal(magic, run.OutBytes.Take(magic.Length).ToArray());

            // The same bytes as rendering to a file (GIF seeks while encoding: it is spooled, not streamed).
            string file = PathOf("same." + format);
            Assert.Equal(0, CliRun.Run("render", vim, "-o", file).ExitCode);
            Assert.Equal(File.ReadAllBytes(file), run.OutBytes);
        }

        Assert.False(File.Exists(Path.Combine(before, "-")), "a file named '-' was written");
        CliRun missing = CliRun.Run("render", vim, "-o", "-");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("needs --format", missing.Error, StringComparison.Ordinal);
        Assert.Empty(missing.OutBytes);
    }

    [Fact]
    public void Look_options_change_the_picture()
    {
        string small = PathOf("small.png");
        string large = PathOf("large.png");

        Assert.Equal(0, Run(["render", DemoCast(), "-o", small]).ExitCode);
        Assert.Equal(0, Run(["render", DemoCast(), "-o", large, "--font-size", "24", "--padding", "0", "--theme", "282a36,f8f8f2,21222c,ff5555,50fa7b,f1fa8c,bd93f9,ff79c6,8be9fd,f8f8f2"]).ExitCode);

        Assert.NotEqual(new FileInfo(small).Length, new FileInfo(large).Length);
    }

    [Theory]
    [InlineData(new[] { "--theme", "no-such-theme" }, 5, "theme")]
    [InlineData(new[] { "--at", "999" }, 2, "--at 999 is outside the recording")]
    [InlineData(new[] { "--from", "3", "--to", "1" }, 2, "--to")]
    [InlineData(new[] { "--speed", "0" }, 2, "--speed")]
    [InlineData(new[] { "--fps-cap", "-1" }, 2, "--fps-cap")]
    [InlineData(new[] { "--cols", "0" }, 2, "--cols")]
    [InlineData(new[] { "--font-size", "1" }, 5, "font size")]
    [InlineData(new[] { "--padding", "a,b" }, 5, "padding")]
    [InlineData(new[] { "--no-loop", "--loop", "2" }, 2, "--no-loop")]
    [InlineData(new[] { "--format", "bmp" }, 2, "unknown output format")]
    public void Bad_options_give_one_line_a_distinct_exit_code_and_no_file(string[] extra, int exitCode, string message)
    {
        string output = PathOf("x.gif");

        (int code, string stdout, string stderr) = Run(["render", DemoCast(), "-o", output, .. extra]);

        Assert.Equal(exitCode, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("casttools: ", stderr, StringComparison.Ordinal);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.False(File.Exists(output));
        Assert.Empty(_directory.GetFiles("*.tmp.*"));
    }

    [Fact]
    public void A_malformed_recording_is_reported_as_file_and_line()
    {
        string cast = PathOf("bad.cast");
        File.WriteAllText(cast, "{\"version\": 2, \"width\": 10, \"height\": 2}\n[0.1, \"o\", \"a\"]\n[0.2, \"o\" \"b\"]\n[0.3, \"o\", \"c\"]\n");

        (int code, _, string stderr) = Run(["render", cast, "-o", PathOf("x.gif")]);

        Assert.Equal(3, code);
        Assert.StartsWith($"casttools: {cast}:3: ", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("x.gif")));
    }

    [Fact]
    public void A_missing_input_or_output_directory_is_an_io_error()
    {
        (int missingInput, _, string error1) = Run(["render", PathOf("none.cast"), "-o", PathOf("x.gif")]);
        (int missingDirectory, _, string error2) = Run(["render", DemoCast(), "-o", PathOf("no/such/dir/x.gif")]);

        Assert.Equal((4, 4), (missingInput, missingDirectory));
        Assert.Contains("none.cast", error1, StringComparison.Ordinal);
        Assert.Contains("does not exist", error2, StringComparison.Ordinal);
    }
}
