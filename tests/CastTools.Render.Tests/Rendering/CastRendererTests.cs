using CastTools.Asciicast;
using CastTools.Render.Encoders.Gif;
using CastTools.Render.Pipeline;
using CastTools.Render.Tests.Encoders.Gif;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace CastTools.Render.Tests.Rendering;

public sealed class CastRendererTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("casttools-render-");

    public void Dispose() => _directory.Delete(recursive: true);

    private string OutputPath(string name) => Path.Combine(_directory.FullName, name);

    private static RenderResult Render(string cast, string output, RenderOptions? options = null) =>
        CastRenderer.Render(TestCasts.Stream(cast), "demo.cast", output, options ?? new RenderOptions());

    [Fact]
    public void A_gif_decodes_to_exactly_the_frames_the_rasteriser_drew_with_their_durations()
    {
        string output = OutputPath("demo.gif");
        var capture = new FrameCapture(new GifEncoder());

        RenderResult result = CastRenderer.Render(TestCasts.Stream(TestCasts.Demo()), "demo.cast", output, new RenderOptions(), capture);

        List<GifTestFrames.DecodedFrame> decoded = GifTestFrames.Decode(File.ReadAllBytes(output), out int width, out int height);
        Assert.Equal((capture.Width, capture.Height), (width, height));
        Assert.Equal(capture.Frames.Count, result.Frames);

        // A frame whose pixels equal the previous one's (a resize that only adds background) extends it in the GIF.
        var expected = new List<uint[]>();
        foreach ((uint[] pixels, long _, long _, string _) in capture.Frames)
        {
            if (expected.Count == 0 || GifTestFrames.FirstDifference(expected[^1], pixels) >= 0)
            {
                expected.Add(pixels);
            }
        }

        Assert.True(expected.Count >= 8, $"only {expected.Count} distinct frames");
        Assert.Equal(expected.Count, decoded.Count);
        for (int i = 0; i < decoded.Count; i++)
        {
            int difference = GifTestFrames.FirstDifference(expected[i], decoded[i].Pixels);
            Assert.True(difference < 0, $"frame {i}: pixel ({difference % width}, {difference / width}) differs");
        }

        long totalUs = capture.Frames.Sum(f => f.DurationUs);
        Assert.Equal((totalUs + 5_000) / 10_000, decoded.Sum(f => (long)f.DelayCs));
        Assert.Equal(0, capture.Frames[0].TimeUs);
    }

    [Fact]
    public void Frames_follow_the_shaped_timeline()
    {
        var capture = new FrameCapture(new GifEncoder());

        CastRenderer.Render(TestCasts.Stream(TestCasts.Demo()), "demo.cast", OutputPath("demo.gif"), new RenderOptions { LastFrameDuration = 1 }, capture);

        // Frames start where the previous ends; the 8 s pause is cut to the header's 2 s idle limit; the last
        // frame holds the last-frame duration; the half-drawn synchronized screen never shows.
        for (int i = 1; i < capture.Frames.Count; i++)
        {
            Assert.Equal(capture.Frames[i - 1].TimeUs + capture.Frames[i - 1].DurationUs, capture.Frames[i].TimeUs);
        }

        Assert.DoesNotContain(capture.Frames, f => f.Text.Contains("half-drawn\n", StringComparison.Ordinal));
        Assert.StartsWith("half-drawn and finished", capture.Frames[^1].Text, StringComparison.Ordinal);
        Assert.Equal(1_000_000, capture.Frames[^1].DurationUs);
        int resize = capture.Frames.FindIndex(f => f.Text.Split('\n').Length == 11);
        // The prompt came 10 ms after the listing, inside the 1/30 s window, so it shows with the listing's frame.
        Assert.Equal(2_010_000, capture.Frames[resize].TimeUs - capture.Frames[resize - 1].TimeUs);
    }

    [Fact]
    public void The_canvas_holds_the_largest_terminal_of_the_recording()
    {
        var capture = new FrameCapture(new GifEncoder());
        using var wide = new Rasterizer(new RenderStyle(), 50, 10);

        RenderResult result = CastRenderer.Render(TestCasts.Stream(TestCasts.Demo()), "demo.cast", OutputPath("demo.gif"), new RenderOptions(), capture);

        Assert.Equal((wide.Width, wide.Height), (result.Width, result.Height));
    }

    [Fact]
    public void Fixed_columns_and_rows_override_the_recording_and_its_resizes()
    {
        using var small = new Rasterizer(new RenderStyle(), 30, 5);

        RenderResult result = Render(TestCasts.Demo(), OutputPath("demo.gif"), new RenderOptions { Columns = 30, Rows = 5 });

        Assert.Equal((small.Width, small.Height), (result.Width, result.Height));
    }

    [Fact]
    public void Rendering_twice_gives_byte_identical_files()
    {
        foreach (string name in new[] { "a.gif", "a.png", "a.txt", "a.json" })
        {
            Render(TestCasts.Demo(), OutputPath("1" + name));
            Render(TestCasts.Demo(), OutputPath("2" + name));
            Assert.Equal(File.ReadAllBytes(OutputPath("1" + name)), File.ReadAllBytes(OutputPath("2" + name)));
        }
    }

    [Fact]
    public void Text_output_is_the_screen_after_every_event_up_to_at()
    {
        string output = OutputPath("screen.txt");

        Render(TestCasts.Demo(), output, new RenderOptions { At = 1.2 });

        Assert.Equal("user@host:~$ ls -l\n\n\n\n\n\n\n\n", File.ReadAllText(output));
    }

    [Fact]
    public void Text_output_defaults_to_the_end_and_includes_synchronized_updates()
    {
        string output = OutputPath("screen.txt");

        Render(TestCasts.Demo(), output, new RenderOptions { Format = "txt" });

        string[] lines = File.ReadAllText(output).Split('\n');
        Assert.Equal(11, lines.Length);
        Assert.Equal("half-drawn and finished", lines[0]);
    }

    [Fact]
    public void At_is_measured_on_the_timeline_after_speed()
    {
        string output = OutputPath("screen.txt");

        Render(TestCasts.Demo(), output, new RenderOptions { At = 0.7, Speed = 2 });

        Assert.StartsWith("user@host:~$ ls -l\n", File.ReadAllText(output), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_describes_the_cells()
    {
        string output = OutputPath("screen.json");

        Render(TestCasts.Demo(), output, new RenderOptions { At = 0.2 });

        string json = File.ReadAllText(output);
        Assert.StartsWith("{\"cols\":40,\"rows\":8,", json, StringComparison.Ordinal);
        Assert.Contains("{\"ch\":\"u\",\"width\":1,\"fg\":2,\"bg\":null,\"bold\":true", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_png_still_shows_the_frame_at_the_moment_asked_for_at_that_moment_s_size()
    {
        string early = OutputPath("early.png");
        string late = OutputPath("late.png");

        Render(TestCasts.Demo(), early, new RenderOptions { At = 0.2 });
        Render(TestCasts.Demo(), late);

        using Image<Rgba32> a = Image.Load<Rgba32>(early);
        using Image<Rgba32> b = Image.Load<Rgba32>(late);
        using var small = new Rasterizer(new RenderStyle(), 40, 8);
        using var wide = new Rasterizer(new RenderStyle(), 50, 10);
        Assert.Equal((small.Width, small.Height), (a.Width, a.Height));
        Assert.Equal((wide.Width, wide.Height), (b.Width, b.Height));
    }

    [Fact]
    public void Trimming_keeps_the_screen_at_from_and_ends_at_to()
    {
        var capture = new FrameCapture(new GifEncoder());

        CastRenderer.Render(
            TestCasts.Stream(TestCasts.Demo()), "demo.cast", OutputPath("t.gif"), new RenderOptions { From = 1.0, To = 2.0, LastFrameDuration = 0.5 }, capture);

        Assert.Equal(1_500_000, capture.Frames.Sum(f => f.DurationUs));
        Assert.StartsWith("user@host:~$ ls", capture.Frames[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(capture.Frames, f => f.Text.Contains("resized", StringComparison.Ordinal));
    }

    [Fact]
    public void Standard_input_that_cannot_seek_is_read_through_a_spool()
    {
        string output = OutputPath("stdin.txt");

        CastRenderer.Render(new OneWayStream(TestCasts.Stream(TestCasts.Demo())), "-", output, new RenderOptions());

        Assert.StartsWith("half-drawn and finished", File.ReadAllText(output), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(99.0, null, null)]
    [InlineData(null, 99.0, null)]
    [InlineData(null, 2.0, 1.0)]
    public void Moments_outside_the_recording_are_refused_and_leave_no_file(double? at, double? from, double? to)
    {
        string output = OutputPath("x.gif");

        var e = Assert.Throws<RenderOptionsException>(() => Render(TestCasts.Demo(), output, new RenderOptions { At = at, From = from, To = to }));

        Assert.DoesNotContain("\n", e.Message, StringComparison.Ordinal);
        Assert.Empty(_directory.GetFiles());
    }

    [Fact]
    public void A_malformed_recording_names_the_line_and_leaves_no_file_and_keeps_an_older_output()
    {
        string output = OutputPath("x.gif");
        File.WriteAllText(output, "older");
        string cast = TestCasts.Demo() + "[1.0, \"o\", \n";
        cast = cast.Replace("[0.61, \"o\", \"l\"]", "[0.61, \"o\" \"l\"]", StringComparison.Ordinal);

        var e = Assert.Throws<AsciicastFormatException>(() => Render(cast, output));

        Assert.StartsWith("demo.cast:", e.Message, StringComparison.Ordinal);
        Assert.Equal("older", File.ReadAllText(output));
        Assert.Single(_directory.GetFiles());
    }

    [Fact]
    public void A_failure_while_encoding_leaves_no_file()
    {
        string output = OutputPath("x.gif");

        Assert.Throws<InvalidOperationException>(() =>
            CastRenderer.Render(TestCasts.Stream(TestCasts.Demo()), "demo.cast", output, new RenderOptions(), new FailingEncoder()));

        Assert.Empty(_directory.GetFiles());
    }

    [Fact]
    public void An_output_in_a_missing_directory_is_refused_before_any_work()
    {
        Assert.Throws<DirectoryNotFoundException>(() => Render(TestCasts.Demo(), OutputPath("missing/x.gif")));
    }

    [Theory]
    [InlineData("x.bmp")]
    [InlineData("x")]
    public void Unknown_output_formats_are_refused(string name)
    {
        Assert.Throws<RenderOptionsException>(() => Render(TestCasts.Demo(), OutputPath(name)));
    }

    [Fact]
    public void Impossible_sizes_are_refused()
    {
        Assert.ThrowsAny<RenderException>(() => Render(TestCasts.Demo(), OutputPath("x.gif"), new RenderOptions { Columns = 0 }));
        Assert.ThrowsAny<RenderException>(() => Render(TestCasts.Demo(), OutputPath("x.gif"), new RenderOptions { Columns = 3000, Rows = 10 }));
        Assert.Empty(_directory.GetFiles());
    }

    [Fact]
    public void The_loop_option_reaches_the_gif()
    {
        string once = OutputPath("once.gif");
        string forever = OutputPath("forever.gif");

        Render(TestCasts.Demo(), once, new RenderOptions { LoopCount = 1 });
        Render(TestCasts.Demo(), forever);

        Assert.Equal(-1, File.ReadAllBytes(once).AsSpan().IndexOf("NETSCAPE2.0"u8));
        Assert.True(File.ReadAllBytes(forever).AsSpan().IndexOf("NETSCAPE2.0"u8) > 0);
    }

    private sealed class OneWayStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private sealed class FailingEncoder : IFrameEncoder
    {
        private int _frames;

        public bool NeedsPixels => false;

        public void Begin(Stream output, FrameStreamInfo info) => output.Write("partial"u8);

        public void AddFrame(in FrameData frame)
        {
            if (++_frames == 3)
            {
                throw new InvalidOperationException("disk full");
            }
        }

        public void Finish()
        {
        }

        public void Dispose()
        {
        }
    }
}
