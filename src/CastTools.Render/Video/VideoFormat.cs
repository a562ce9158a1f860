namespace CastTools.Render.Video;

/// <summary>The video containers casttools writes through ffmpeg.</summary>
public enum VideoFormat
{
    /// <summary>H.264 (libx264, yuv420p) in MP4 with the index at the front (<c>+faststart</c>) for web playback.</summary>
    Mp4,

    /// <summary>VP9 (libvpx-vp9, yuv420p) in WebM.</summary>
    WebM,
}
