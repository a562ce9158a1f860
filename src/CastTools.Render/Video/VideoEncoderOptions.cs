namespace CastTools.Render.Video;

/// <summary>How <see cref="FfmpegVideoEncoder"/> encodes: container/codec, quality and where ffmpeg is.</summary>
public sealed record VideoEncoderOptions
{
    public VideoFormat Format { get; init; } = VideoFormat.Mp4;

    /// <summary>
    /// Constant rate factor: lower is better quality and bigger. Null picks the codec's default
    /// (<see cref="DefaultH264Crf"/> for H.264, <see cref="DefaultVp9Crf"/> for VP9).
    /// </summary>
    public int? Crf { get; init; }

    public VideoPreset Preset { get; init; } = VideoPreset.Balanced;

    /// <summary>The ffmpeg executable; null searches <c>PATH</c>.</summary>
    public string? FfmpegPath { get; init; }

    /// <summary>Text from a terminal is sharp-edged, so the defaults sit a little below the codecs' own (23 and 31).</summary>
    public const int DefaultH264Crf = 20;

    public const int DefaultVp9Crf = 30;

    /// <summary>The valid CRF range of both libx264 (8-bit) and libvpx-vp9.</summary>
    public const int MaxCrf = 51;

    public int EffectiveCrf => Crf ?? (Format == VideoFormat.Mp4 ? DefaultH264Crf : DefaultVp9Crf);

    /// <summary>Picks the format from an output file name (<c>.mp4</c>, <c>.m4v</c>, <c>.webm</c>), or null.</summary>
    public static VideoFormat? FormatFromPath(string path) =>
        Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".mp4" or ".m4v" => VideoFormat.Mp4,
            ".webm" => VideoFormat.WebM,
            _ => null,
        };
}
