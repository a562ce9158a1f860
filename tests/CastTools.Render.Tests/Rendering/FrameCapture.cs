using CastTools.Render.Pipeline;

namespace CastTools.Render.Tests.Rendering;

/// <summary>Forwards to a real encoder and keeps a copy of every frame it was handed (pixels, time, duration).</summary>
internal sealed class FrameCapture(IFrameEncoder inner) : IFrameEncoder
{
    public List<(uint[] Pixels, long TimeUs, long DurationUs, string Text)> Frames { get; } = [];

    public int Width { get; private set; }

    public int Height { get; private set; }

    public bool NeedsPixels => inner.NeedsPixels;

    public void Begin(Stream output, FrameStreamInfo info)
    {
        Width = info.Width;
        Height = info.Height;
        inner.Begin(output, info);
    }

    public void AddFrame(in FrameData frame)
    {
        var pixels = new uint[Width * Height];
        for (int y = 0; y < Height; y++)
        {
            System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(frame.Pixels.Slice(y * frame.Stride, Width * 4))
                .CopyTo(pixels.AsSpan(y * Width, Width));
        }

        Frames.Add((pixels, frame.TimeUs, frame.DurationUs, frame.Snapshot.GetText()));
        inner.AddFrame(frame);
    }

    public void Finish() => inner.Finish();

    public void Dispose() => inner.Dispose();
}
