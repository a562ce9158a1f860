namespace CastTools.Render.Video;

/// <summary>
/// ffmpeg is missing or failed. The message is one line fit for <c>casttools: …</c>; the CLI maps it to the
/// external-tool exit code.
/// </summary>
public sealed class FfmpegException : Exception
{
    public FfmpegException(string message, bool isMissing, Exception? inner = null)
        : base(message, inner)
    {
        IsMissing = isMissing;
    }

    /// <summary>True when ffmpeg could not be found or started at all.</summary>
    public bool IsMissing { get; }
}
