using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CastTools.Cli.Tests.Commands;

/// <summary><c>casttools render</c> to MP4, WebM and SVG end to end, checked with the real ffprobe.</summary>
public sealed partial class RenderVideoSvgCommandTests : IDisposable
{
    // Every timeline option at once: the video and the SVG must follow the same shaped timeline.
    private static readonly string[] Shaping = ["--speed", "1.5", "--idle-time-limit", "0.8", "--from", "0.5", "--to", "9", "--fps-cap", "12", "--last-frame-duration", "1.25"];

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("casttools-cli-video-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Theory]
    [InlineData("mp4", "h264")]
    [InlineData("webm", "vp9")]
    public void Video_frames_follow_the_same_shaped_timeline_as_the_svg(string extension, string codec)
    {
        string video = PathOf("demo." + extension);
        string svg = PathOf("demo.svg");
        Assert.Equal(0, Run(["render", CliRun.SamplePath("demo.cast"), "-o", video, .. Shaping]).ExitCode);
        Assert.Equal(0, Run(["render", CliRun.SamplePath("demo.cast"), "-o", svg, .. Shaping]).ExitCode);

        // The SVG keyframes are the pipeline's frame times to the millisecond.
        (double totalSeconds, List<double> times) = SvgTimeline(File.ReadAllText(svg));
        Probe probe = Probe.Of(video);

        Assert.Equal(codec, probe.Codec);
        Assert.Equal("yuv420p", probe.PixelFormat);
        Assert.Equal(0, probe.Width % 2);
        Assert.Equal(0, probe.Height % 2);
        Assert.InRange(probe.Duration, totalSeconds - 0.1, totalSeconds + 0.1);
        Assert.InRange(probe.FrameTimes.Count, times.Count, times.Count + 1); // + the closing repeat of the last frame
        double interval = 1.0 / 12;
        for (int i = 0; i < times.Count; i++)
        {
            Assert.InRange(probe.FrameTimes[i], times[i] - interval, times[i] + interval);
            Assert.InRange(probe.FrameTimes[i], times[i] - 0.0015, times[i] + 0.0015); // in fact exact to the ms
        }
    }

    [Fact]
    public void Without_ffmpeg_video_fails_with_one_line_and_exit_code_6_while_gif_and_svg_still_work()
    {
        string empty = Directory.CreateDirectory(PathOf("empty-path")).FullName;
        string cast = CliRun.SamplePath("demo.cast");

        (int code, string stderr) = RunProcess(empty, "render", cast, "-o", PathOf("demo.mp4"));
        Assert.Equal(6, code);
        string line = Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("casttools: ffmpeg is needed", line, StringComparison.Ordinal);
        Assert.Contains("apt-get install ffmpeg", line, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("demo.mp4")));
        Assert.DoesNotContain(_directory.GetFiles(), f => f.Name.Contains("tmp", StringComparison.Ordinal));

        foreach (string output in new[] { "demo.gif", "demo.svg", "demo.png" })
        {
            (int ok, string error) = RunProcess(empty, "render", cast, "-o", PathOf(output));
            Assert.True(ok == 0, error);
            Assert.True(new FileInfo(PathOf(output)).Length > 0);
        }
    }

    [Theory]
    [InlineData("--crf", "52")]
    [InlineData("--crf", "-1")]
    public void A_crf_outside_0_to_51_is_a_usage_error_with_no_file(string option, string value)
    {
        string output = PathOf("bad.mp4");
        (int code, string stderr) = Run(["render", CliRun.SamplePath("demo.cast"), "-o", output, option, value]);

        Assert.Equal(2, code);
        Assert.Contains("--crf must be between 0 and 51", stderr, StringComparison.Ordinal);
        Assert.Empty(_directory.GetFiles());
    }

    [Fact]
    public void Crf_and_preset_change_the_encoding()
    {
        string cast = CliRun.SamplePath("demo.cast");
        Assert.Equal(0, Run(["render", cast, "-o", PathOf("good.mp4"), "--crf", "12", "--video-preset", "fast"]).ExitCode);
        Assert.Equal(0, Run(["render", cast, "-o", PathOf("small.mp4"), "--crf", "40", "--video-preset", "small"]).ExitCode);

        Assert.True(new FileInfo(PathOf("good.mp4")).Length > 2 * new FileInfo(PathOf("small.mp4")).Length);
    }

    [Fact]
    public void An_svg_still_at_a_moment_and_the_three_ways_of_drawing_glyphs()
    {
        string cast = CliRun.SamplePath("demo.cast");
        Assert.Equal(0, Run(["render", cast, "-o", PathOf("still.svg"), "--at", "3"]).ExitCode);
        (int exitCode, string verbose) = Run(["render", cast, "-o", PathOf("font.svg"), "--verbose"]);
        Assert.Equal(0, exitCode);
        Assert.Contains("(svg, 80 frames, 14.32 s, 820x550)", verbose, StringComparison.Ordinal); // the canvas, as the GIF's
        Assert.Equal(0, Run(["render", cast, "-o", PathOf("text.svg"), "--svg-text"]).ExitCode);
        Assert.Equal(0, Run(["render", cast, "-o", PathOf("paths.svg"), "--svg-paths"]).ExitCode);

        string still = File.ReadAllText(PathOf("still.svg"));
        Assert.DoesNotContain("@keyframes", still, StringComparison.Ordinal);
        XDocument.Parse(still);

        XNamespace ns = "http://www.w3.org/2000/svg";
        foreach ((string file, string fontFace) in new[] { ("font.svg", "@font-face{font-family:t;src:url(data:font/woff;base64,"), ("text.svg", "@font-face{font-family:f") })
        {
            // The default and --svg-text: the prompt as selectable text, in an embedded font.
            XDocument text = XDocument.Parse(File.ReadAllText(PathOf(file)));
            string allText = string.Concat(text.Descendants(ns + "text").Select(t => t.Value));
            Assert.Contains("casttools", allText, StringComparison.Ordinal);
            Assert.Contains(fontFace, text.Descendants(ns + "style").Single().Value, StringComparison.Ordinal);
        }

        // The recording's title is the document's (shown by viewers, read by screen readers).
        Assert.Equal(0, Run(["render", CliRun.SamplePath("full-v3.cast"), "-o", PathOf("titled.svg")]).ExitCode);
        Assert.Equal("Full v3 fixture: Grüße, 日本語", XDocument.Parse(File.ReadAllText(PathOf("titled.svg"))).Root!.Element(ns + "title")!.Value);

        // --svg-paths: no text and no font, glyphs are outlines.
        XDocument paths = XDocument.Parse(File.ReadAllText(PathOf("paths.svg")));
        Assert.Empty(paths.Descendants(ns + "text"));
        Assert.DoesNotContain("@font-face", paths.Descendants(ns + "style").Single().Value, StringComparison.Ordinal);
        Assert.True(paths.Descendants(ns + "path").Count() > 40);
    }

    private string PathOf(string name) => Path.Combine(_directory.FullName, name);

    private static (int ExitCode, string Error) Run(string[] args)
    {
        var error = new StringWriter();
        var console = new CliConsole(new StringWriter(), error, () => new MemoryStream(), () => new MemoryStream(), IsErrorRedirected: true);
        return (CliApp.Run(args, console), error.ToString());
    }

    /// <summary>Runs the real casttools program in a child process with <paramref name="path"/> as its PATH.</summary>
    private static (int ExitCode, string Error) RunProcess(string path, params string[] args)
    {
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "/usr/bin/dotnet";
        if (!File.Exists(dotnet))
        {
            dotnet = Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", "..", "dotnet");
        }

        var start = new ProcessStartInfo(dotnet) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(CliApp).Assembly.Location);
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["PATH"] = path;
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        _ = stdout.Result;
        return (process.ExitCode, stderr);
    }

    private static (double TotalSeconds, List<double> Times) SvgTimeline(string svg)
    {
        double total = double.Parse(AnimationRegex().Match(svg).Groups[1].Value, CultureInfo.InvariantCulture);
        var times = new List<double>();
        foreach (Match m in KeyframeRegex().Matches(svg))
        {
            times.Add(double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) / 100 * total);
        }

        return (total, times);
    }

    [GeneratedRegex(@"animation:k ([0-9.]+)s")]
    private static partial Regex AnimationRegex();

    [GeneratedRegex(@"([0-9.]+)%\{transform")]
    private static partial Regex KeyframeRegex();

    private sealed record Probe(string Codec, string PixelFormat, int Width, int Height, double Duration, List<double> FrameTimes)
    {
        public static Probe Of(string path)
        {
            var start = new ProcessStartInfo("ffprobe") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string a in new[] { "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=codec_name,pix_fmt,width,height:format=duration:frame=pts_time", "-of", "json", path })
            {
                start.ArgumentList.Add(a);
            }

            using Process process = Process.Start(start)!;
            Task<string> error = process.StandardError.ReadToEndAsync();
            string json = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, error.Result);
            using JsonDocument doc = JsonDocument.Parse(json);
            JsonElement stream = doc.RootElement.GetProperty("streams")[0];
            var times = doc.RootElement.GetProperty("frames").EnumerateArray()
                .Select(f => double.Parse(f.GetProperty("pts_time").GetString()!, CultureInfo.InvariantCulture)).ToList();
            return new Probe(
                stream.GetProperty("codec_name").GetString()!,
                stream.GetProperty("pix_fmt").GetString()!,
                stream.GetProperty("width").GetInt32(),
                stream.GetProperty("height").GetInt32(),
                double.Parse(doc.RootElement.GetProperty("format").GetProperty("duration").GetString()!, CultureInfo.InvariantCulture),
                times);
        }
    }
}
