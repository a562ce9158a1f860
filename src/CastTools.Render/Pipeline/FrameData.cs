using CastTools.Vt;

namespace CastTools.Render.Pipeline;

/// <summary>
/// One unique frame handed to an <see cref="IFrameEncoder"/>: the screen, its pixels (when the encoder wants them)
/// and its place on the output timeline. A ref struct because the pixels are the rasteriser's live buffer.
/// </summary>
public readonly ref struct FrameData
{
    public FrameData(ScreenSnapshot snapshot, ReadOnlySpan<byte> pixels, int stride, long timeUs, long durationUs)
        : this(snapshot, pixels, stride, timeUs, durationUs, 0, int.MaxValue)
    {
    }

    /// <param name="changedTop">First pixel row that may differ from the previous frame's pixels.</param>
    /// <param name="changedBottom">End (exclusive) of the rows that may differ; equal to <paramref name="changedTop"/> when none do.</param>
    public FrameData(ScreenSnapshot snapshot, ReadOnlySpan<byte> pixels, int stride, long timeUs, long durationUs, int changedTop, int changedBottom)
    {
        Snapshot = snapshot;
        Pixels = pixels;
        Stride = stride;
        TimeUs = timeUs;
        DurationUs = durationUs;
        ChangedTop = changedTop;
        ChangedBottom = changedBottom;
    }

    public ScreenSnapshot Snapshot { get; }

    /// <summary>Opaque BGRA8888 pixels (byte order B, G, R, A), <see cref="Stride"/> bytes per row; empty when the
    /// encoder does not need pixels.</summary>
    public ReadOnlySpan<byte> Pixels { get; }

    public int Stride { get; }

    /// <summary>A hint from the rasteriser: pixel rows outside [<see cref="ChangedTop"/>, <see cref="ChangedBottom"/>)
    /// are identical to the previous frame's, so encoders may skip comparing them. Defaults to every row.</summary>
    public int ChangedTop { get; }

    public int ChangedBottom { get; }

    /// <summary>Start of the frame on the output timeline, microseconds; the first frame is at 0.</summary>
    public long TimeUs { get; }

    /// <summary>How long the frame is shown, microseconds; always positive.</summary>
    public long DurationUs { get; }
}
