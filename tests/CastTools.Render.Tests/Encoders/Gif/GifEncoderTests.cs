using static CastTools.Render.Tests.Encoders.Gif.GifTestFrames;

namespace CastTools.Render.Tests.Encoders.Gif;

public sealed class GifEncoderTests
{
    private const int Width = 37;
    private const int Height = 23;

    /// <summary>A deterministic sequence of frames shaped like terminal output: a background, text-like runs of a
    /// few colours appearing line by line, a cursor block moving, and antialiasing-like blends.</summary>
    private static List<(uint[] Pixels, long DurationUs)> TerminalLikeFrames(int count, int colorsPerFrame = 6)
    {
        var random = new Random(1234);
        var frames = new List<(uint[], long)>();
        var canvas = new uint[Width * Height];
        Array.Fill(canvas, Bgra(0x12, 0x13, 0x14));
        for (int i = 0; i < count; i++)
        {
            int y0 = random.Next(Height - 3);
            int x0 = random.Next(Width - 8);
            for (int y = y0; y < y0 + 3; y++)
            {
                for (int x = x0; x < x0 + 8; x++)
                {
                    int shade = random.Next(colorsPerFrame);
                    canvas[(y * Width) + x] = Bgra((byte)(40 * shade), (byte)(200 - (20 * shade)), (byte)((i * 7) % 256));
                }
            }

            frames.Add(((uint[])canvas.Clone(), 10_000L * (3 + random.Next(60)) + random.Next(9_999)));
        }

        return frames;
    }

    [Fact]
    public void Decoded_frames_equal_the_input_frames_pixel_for_pixel()
    {
        List<(uint[] Pixels, long DurationUs)> frames = TerminalLikeFrames(60);
        byte[] gif = Encode(Width, Height, frames);

        List<DecodedFrame> decoded = Decode(gif, out int width, out int height);

        Assert.Equal((Width, Height), (width, height));
        Assert.Equal(frames.Count, decoded.Count);
        for (int i = 0; i < frames.Count; i++)
        {
            int difference = FirstDifference(frames[i].Pixels, decoded[i].Pixels);
            Assert.True(difference < 0, $"frame {i}: first differing pixel at ({difference % Width}, {difference / Width})");
        }
    }

    [Fact]
    public void Delays_add_up_to_the_rounded_total_and_none_is_below_two_centiseconds()
    {
        long[] durations = [15_000, 4_000, 26_000, 33_333, 33_333, 33_334, 1_000_000, 19_999, 5_001, 250_000];
        var frames = new List<(uint[], long)>();
        for (int i = 0; i < durations.Length; i++)
        {
            var pixels = new uint[Width * Height];
            Array.Fill(pixels, Bgra((byte)(i * 20), 0, 0));
            frames.Add((pixels, durations[i]));
        }

        List<DecodedFrame> decoded = Decode(Encode(Width, Height, frames), out _, out _);

        long totalUs = durations.Sum();
        Assert.Equal(durations.Length, decoded.Count);
        Assert.Equal((totalUs + 5_000) / 10_000, decoded.Sum(f => (long)f.DelayCs));
        Assert.All(decoded, f => Assert.True(f.DelayCs >= 2, $"delay {f.DelayCs} cs"));

        // Each frame ends where the cumulative timeline says, to the centisecond (unless the 2 cs floor pushed it).
        // Cumulative ends 15, 19, 45, 78.3, 111.7, 145, 1145, 1165, 1170, 1420 ms: the floor borrows from later frames.
        Assert.Equal([2, 2, 2, 2, 3, 4, 100, 2, 2, 23], decoded.Select(f => f.DelayCs).ToArray());
    }

    [Fact]
    public void A_frame_whose_pixels_did_not_change_extends_the_previous_frame()
    {
        var a = new uint[Width * Height];
        Array.Fill(a, Bgra(1, 2, 3));
        var b = (uint[])a.Clone();
        b[5] = Bgra(200, 100, 50);

        List<DecodedFrame> decoded = Decode(Encode(Width, Height, [(a, 100_000), (a, 250_000), (b, 70_000), ((uint[])b.Clone(), 30_000)]), out _, out _);

        Assert.Equal([35, 10], decoded.Select(f => f.DelayCs).ToArray());
        Assert.Equal(-1, FirstDifference(b, decoded[1].Pixels));
    }

    [Fact]
    public void Colours_beyond_the_global_table_get_local_tables_and_stay_exact()
    {
        // 40 frames of 24 fresh colours each: 960 colours in all, never more than 255 in one frame.
        var frames = new List<(uint[], long)>();
        var canvas = new uint[Width * Height];
        Array.Fill(canvas, Bgra(0, 0, 0));
        for (int i = 0; i < 40; i++)
        {
            for (int k = 0; k < 24; k++)
            {
                canvas[(i % Height * Width) + k] = Bgra((byte)i, (byte)k, (byte)(i * k));
            }

            frames.Add(((uint[])canvas.Clone(), 50_000));
        }

        byte[] gif = Encode(Width, Height, frames);
        List<DecodedFrame> decoded = Decode(gif, out _, out _);

        Assert.Equal(frames.Count, decoded.Count);
        for (int i = 0; i < frames.Count; i++)
        {
            Assert.Equal(-1, FirstDifference(frames[i].Item1, decoded[i].Pixels));
        }

        Assert.Contains(ImageDescriptors(gif), d => d.HasLocalTable);
    }

    [Fact]
    public void A_rectangle_with_more_than_255_colours_falls_back_to_nearest_colours()
    {
        var pixels = new uint[Width * Height];
        for (int i = 0; i < pixels.Length; i++)
        {
            pixels[i] = Bgra((byte)(i * 3), (byte)(i / 3), (byte)(i * 11));
        }

        List<DecodedFrame> decoded = Decode(Encode(Width, Height, [(pixels, 100_000)]), out _, out _);

        int exact = 0;
        for (int i = 0; i < pixels.Length; i++)
        {
            uint p = pixels[i];
            uint q = decoded[0].Pixels[i];
            exact += p == q ? 1 : 0;
            Assert.True(Math.Abs((int)(p & 0xFF) - (int)(q & 0xFF)) < 64, $"pixel {i} far from its colour");
        }

        Assert.True(exact >= 255, $"only {exact} exact pixels");
    }

    [Fact]
    public void Encoding_is_deterministic()
    {
        List<(uint[] Pixels, long DurationUs)> frames = TerminalLikeFrames(40, colorsPerFrame: 40);
        Assert.Equal(Encode(Width, Height, frames), Encode(Width, Height, frames));
    }

    [Theory]
    [InlineData(0, true, 0)]
    [InlineData(3, true, 2)]
    [InlineData(1, false, 0)]
    public void The_loop_count_is_written_as_netscape_repetitions(int loopCount, bool hasExtension, int repeats)
    {
        var pixels = new uint[Width * Height];
        byte[] gif = Encode(Width, Height, [(pixels, 100_000)], loopCount);

        int at = gif.AsSpan().IndexOf("NETSCAPE2.0"u8);
        Assert.Equal(hasExtension, at >= 0);
        if (hasExtension)
        {
            Assert.Equal(repeats, gif[at + 13] | (gif[at + 14] << 8));
        }
    }

    [Fact]
    public void A_pause_longer_than_a_gif_delay_holds_continues_in_invisible_frames()
    {
        var a = new uint[Width * Height];
        Array.Fill(a, Bgra(9, 9, 9));
        var b = (uint[])a.Clone();
        b[0] = Bgra(255, 255, 255);

        List<DecodedFrame> decoded = Decode(Encode(Width, Height, [(a, 1_000_000_000), (b, 30_000)]), out _, out _);

        Assert.Equal(100_003, decoded.Sum(f => f.DelayCs));
        Assert.All(decoded, f => Assert.InRange(f.DelayCs, 2, 65535));
        Assert.All(decoded.SkipLast(1), f => Assert.Equal(-1, FirstDifference(a, f.Pixels)));
        Assert.Equal(-1, FirstDifference(b, decoded[^1].Pixels));
    }

    [Fact]
    public void Only_the_changed_rectangle_is_written()
    {
        var a = new uint[Width * Height];
        Array.Fill(a, Bgra(9, 9, 9));
        var b = (uint[])a.Clone();
        b[(5 * Width) + 7] = Bgra(255, 0, 0);
        b[(9 * Width) + 3] = Bgra(0, 255, 0);

        byte[] gif = Encode(Width, Height, [(a, 100_000), (b, 100_000)]);

        List<ImageDescriptor> descriptors = ImageDescriptors(gif);
        Assert.Equal(new ImageDescriptor(0, 0, Width, Height, false), descriptors[0]);
        Assert.Equal(new ImageDescriptor(3, 5, 5, 5, false), descriptors[1]);
    }
}
