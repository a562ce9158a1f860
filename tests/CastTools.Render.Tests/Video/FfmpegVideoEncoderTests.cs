using CastTools.Render.Pipeline;
using CastTools.Render.Video;

namespace CastTools.Render.Tests.Video;

public sealed class FfmpegVideoEncoderTests : IDisposable
{
    // Odd on purpose: yuv420p needs even sizes, so the encoder must pad.
    private const int FrameWidth = 81;
    private const int FrameHeight = 45;

    // (start µs, duration µs, colour): irregular gaps as a cast has, including one under a frame interval at 30 fps.
    private static readonly (long Time, long Duration, (byte B, byte G, byte R) Color)[] Timeline =
    [
        (0, 500_000, (0, 0, 255)),
        (500_000, 200_000, (0, 255, 0)),
        (700_000, 1_600_000, (255, 0, 0)),
        (2_300_000, 12_000, (0, 255, 255)),
        (2_312_000, 688_000, (255, 0, 255)),
        (3_000_000, 3_000_000, (255, 255, 255)), // last frame held for 3 s, as --last-frame-duration does
    ];

    private readonly string _directory = Directory.CreateTempSubdirectory("casttools-video-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(VideoFormat.Mp4, "h264")]
    [InlineData(VideoFormat.WebM, "vp9")]
    public void Frames_keep_the_timeline_timestamps_and_the_video_ends_with_the_last_frame(VideoFormat format, string codec)
    {
        string output = Encode(format, "out");

        FfprobeResult probe = FfprobeResult.Probe(output);
        Assert.Equal(codec, probe.CodecName);
        Assert.Equal("yuv420p", probe.PixelFormat);
        Assert.Equal((82, 46), (probe.Width, probe.Height));
        Assert.InRange(probe.Duration, 6.0 - 0.1, 6.0 + 0.1);

        // Every timeline frame appears at its own time (the closing repeat of the last frame may follow).
        Assert.InRange(probe.FrameTimes.Length, Timeline.Length, Timeline.Length + 1);
        for (int i = 0; i < Timeline.Length; i++)
        {
            Assert.InRange(probe.FrameTimes[i], (Timeline[i].Time / 1e6) - 0.001, (Timeline[i].Time / 1e6) + 0.001);
        }
    }

    [Theory]
    [InlineData(VideoFormat.Mp4)]
    [InlineData(VideoFormat.WebM)]
    public void Each_moment_shows_the_colour_of_the_frame_current_then(VideoFormat format)
    {
        string output = Encode(format, "colours");

        foreach ((long time, long duration, (byte B, byte G, byte R) color) in Timeline)
        {
            double middle = (time + (duration / 2)) / 1e6;
            byte[] pixels = FfprobeResult.DecodeFrameAt(output, middle, 82, 46);

            // Centre pixel and the padded bottom-right corner (which repeats the edge): lossy codec, so a tolerance.
            foreach (int offset in new[] { ((23 * 82) + 40) * 4, ((45 * 82) + 81) * 4 })
            {
                Assert.InRange(pixels[offset], color.B - 24, color.B + 24);
                Assert.InRange(pixels[offset + 1], color.G - 24, color.G + 24);
                Assert.InRange(pixels[offset + 2], color.R - 24, color.R + 24);
            }
        }
    }

    [Theory]
    [InlineData(VideoFormat.Mp4)]
    [InlineData(VideoFormat.WebM)]
    public void The_same_frames_give_byte_identical_files(VideoFormat format)
    {
        byte[] first = File.ReadAllBytes(Encode(format, "a"));
        byte[] second = File.ReadAllBytes(Encode(format, "b"));
        Assert.Equal(first, second);
    }

    [Fact]
    public void Missing_ffmpeg_is_one_line_that_says_how_to_install_it()
    {
        var e = Assert.Throws<FfmpegException>(() => FfmpegLocator.Locate(pathVariable: _directory));
        Assert.True(e.IsMissing);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Contains("apt-get install ffmpeg", e.Message);
    }

    [Fact]
    public void An_ffmpeg_failure_is_summarised_in_one_line_and_leaves_no_file()
    {
        string output = Path.Combine(_directory, "huge.mp4");
        using var encoder = new FfmpegVideoEncoder(new VideoEncoderOptions { Format = VideoFormat.Mp4 });
        using var stream = new MemoryStream();

        // libx264 rejects widths above 16384: a real encoder failure.
        var e = Assert.Throws<FfmpegException>(() =>
        {
            encoder.Begin(stream, Info(17_000, 2, output));
            byte[] pixels = new byte[17_000 * 2 * 4];
            encoder.AddFrame(pixels, 17_000 * 4, 0, 1_000_000);
            encoder.AddFrame(pixels, 17_000 * 4, 1_000_000, 1_000_000);
            encoder.Finish();
        });
        encoder.Dispose();

        Assert.False(e.IsMissing);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Contains("invalid width x height", e.Message);
        Assert.Empty(Directory.GetFiles(_directory)); // ffmpeg's temporary file is gone
        Assert.Equal(0, stream.Length);
    }

    [Fact]
    public void A_crf_outside_the_codec_range_is_refused_before_starting_ffmpeg()
    {
        Assert.Throws<RenderOptionsException>(
            () => new FfmpegVideoEncoder(new VideoEncoderOptions { Crf = 52 }));
    }

    private static FrameStreamInfo Info(int width, int height, string? path) =>
        new(width, height, 80, 24, 0, path, new RenderOptions());

    private string Encode(VideoFormat format, string name)
    {
        string output = Path.Combine(_directory, name + (format == VideoFormat.Mp4 ? ".mp4" : ".webm"));
        using (FileStream stream = File.Create(output))
        using (var encoder = new FfmpegVideoEncoder(new VideoEncoderOptions { Format = format, Preset = VideoPreset.Fast }))
        {
            encoder.Begin(stream, Info(FrameWidth, FrameHeight, output));
            EncodeTimeline(encoder);
            encoder.Finish();
        }

        Assert.True(new FileInfo(output).Length > 0);
        Assert.Empty(Directory.GetFiles(_directory, ".casttools-ffmpeg-*")); // no temporary file left over
        return output;
    }

    private static void EncodeTimeline(FfmpegVideoEncoder encoder)
    {
        int stride = (FrameWidth * 4) + 12; // a padded stride, as SKBitmap rows may have
        byte[] pixels = new byte[stride * FrameHeight];
        foreach ((long time, long duration, (byte B, byte G, byte R) color) in Timeline)
        {
            for (int y = 0; y < FrameHeight; y++)
            {
                for (int x = 0; x < FrameWidth; x++)
                {
                    int o = (y * stride) + (x * 4);
                    (pixels[o], pixels[o + 1], pixels[o + 2], pixels[o + 3]) = (color.B, color.G, color.R, 255);
                }
            }

            encoder.AddFrame(pixels, stride, time, duration);
        }
    }
}
