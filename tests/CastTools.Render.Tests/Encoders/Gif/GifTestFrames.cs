using System.Runtime.InteropServices;
using CastTools.Render.Encoders.Gif;
using CastTools.Render.Pipeline;
using CastTools.Vt;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using GifEncoder = CastTools.Render.Encoders.Gif.GifEncoder;
using SixLabors.ImageSharp.PixelFormats;

namespace CastTools.Render.Tests.Encoders.Gif;

/// <summary>Builds BGRA frames in memory, encodes them, and decodes GIFs with ImageSharp (an independent decoder).</summary>
internal static class GifTestFrames
{
    private static readonly ScreenSnapshot EmptyScreen = new(1, [[Cell.Blank]], default);

    public static uint Bgra(byte r, byte g, byte b) => 0xFF000000u | ((uint)r << 16) | ((uint)g << 8) | b;

    public static byte[] Encode(int width, int height, IReadOnlyList<(uint[] Pixels, long DurationUs)> frames, int loopCount = 0)
    {
        using var stream = new MemoryStream();
        using var encoder = new GifEncoder();
        encoder.Begin(stream, new FrameStreamInfo(width, height, 1, 1, loopCount, null, new RenderOptions()));
        long time = 0;
        foreach ((uint[] pixels, long duration) in frames)
        {
            ReadOnlySpan<byte> bytes = MemoryMarshal.AsBytes(pixels.AsSpan());
            encoder.AddFrame(new FrameData(EmptyScreen, bytes, width * 4, time, duration));
            time += duration;
        }

        encoder.Finish();
        return stream.ToArray();
    }

    public sealed record DecodedFrame(uint[] Pixels, int DelayCs);

    public static List<DecodedFrame> Decode(byte[] gif, out int width, out int height)
    {
        using Image<Rgba32> image = Image.Load<Rgba32>(gif);
        width = image.Width;
        height = image.Height;
        var frames = new List<DecodedFrame>();
        foreach (ImageFrame<Rgba32> frame in image.Frames)
        {
            var pixels = new uint[image.Width * image.Height];
            for (int y = 0; y < image.Height; y++)
            {
                for (int x = 0; x < image.Width; x++)
                {
                    Rgba32 p = frame[x, y];
                    pixels[(y * image.Width) + x] = p.A == 0 ? 0 : Bgra(p.R, p.G, p.B);
                }
            }

            frames.Add(new DecodedFrame(pixels, frame.Metadata.GetGifMetadata().FrameDelay));
        }

        return frames;
    }

    public sealed record ImageDescriptor(int Left, int Top, int Width, int Height, bool HasLocalTable);

    /// <summary>Walks the GIF block structure (not the pixels) and lists every image descriptor.</summary>
    public static List<ImageDescriptor> ImageDescriptors(byte[] gif)
    {
        var result = new List<ImageDescriptor>();
        int at = 13;
        if ((gif[10] & 0x80) != 0)
        {
            at += 3 << ((gif[10] & 7) + 1);
        }

        while (gif[at] != 0x3B)
        {
            if (gif[at] == 0x21)
            {
                at += 2;
                at = SkipSubBlocks(gif, at);
                continue;
            }

            Assert.Equal(0x2C, gif[at]);
            int U16(int offset) => gif[at + offset] | (gif[at + offset + 1] << 8);
            bool local = (gif[at + 9] & 0x80) != 0;
            result.Add(new ImageDescriptor(U16(1), U16(3), U16(5), U16(7), local));
            int tableBytes = local ? 3 << ((gif[at + 9] & 7) + 1) : 0;
            at += 10 + tableBytes + 1;
            at = SkipSubBlocks(gif, at);
        }

        return result;
    }

    private static int SkipSubBlocks(byte[] gif, int at)
    {
        while (gif[at] != 0)
        {
            at += gif[at] + 1;
        }

        return at + 1;
    }

    /// <summary>Index of the first differing pixel, or -1.</summary>
    public static int FirstDifference(uint[] expected, uint[] actual)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            if (expected[i] != actual[i])
            {
                return i;
            }
        }

        return -1;
    }
}
