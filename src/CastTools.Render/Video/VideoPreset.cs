namespace CastTools.Render.Video;

/// <summary>Encoder speed against file size; the same three names for both codecs.</summary>
public enum VideoPreset
{
    /// <summary>Fastest encode, largest file (x264 <c>ultrafast</c>; VP9 realtime, cpu-used 8).</summary>
    Fast,

    /// <summary>The default: fast and compact (x264 <c>veryfast</c>; VP9 realtime, cpu-used 6).</summary>
    Balanced,

    /// <summary>Slower, smaller file (x264 <c>slow</c>; VP9 good, cpu-used 2).</summary>
    Small,
}
