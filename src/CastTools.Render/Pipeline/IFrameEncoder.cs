namespace CastTools.Render.Pipeline;

/// <summary>
/// A consumer of the rendered frame stream: GIF, MP4/WebM, SVG and the like. The pipeline calls
/// <see cref="Begin"/> once, <see cref="AddFrame"/> once per unique frame in time order, then <see cref="Finish"/>;
/// on failure it disposes the encoder without calling <see cref="Finish"/> and deletes the output file.
/// </summary>
public interface IFrameEncoder : IDisposable
{
    /// <summary>False for encoders that work from the screen snapshot alone (SVG): the pipeline then skips
    /// rasterising and passes empty <see cref="FrameData.Pixels"/>.</summary>
    bool NeedsPixels { get; }

    /// <summary>The output's canvas in pixels once <see cref="Begin"/> ran, for encoders that size it themselves
    /// (SVG); (0, 0) when the pipeline's painter sizes it.</summary>
    (int Width, int Height) Canvas => (0, 0);

    /// <param name="output">Seekable stream of the (temporary) output file, positioned at 0.</param>
    void Begin(Stream output, FrameStreamInfo info);

    /// <summary>Adds one frame shown from <see cref="FrameData.TimeUs"/> for <see cref="FrameData.DurationUs"/>.
    /// The pixels are only valid during the call.</summary>
    void AddFrame(in FrameData frame);

    /// <summary>Writes whatever closes the file (trailer, index, moov). The pipeline disposes the stream afterwards.</summary>
    void Finish();
}
