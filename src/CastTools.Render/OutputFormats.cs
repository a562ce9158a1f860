using CastTools.Render.Encoders.Gif;
using CastTools.Render.Pipeline;
using CastTools.Render.Svg;
using CastTools.Render.Video;

namespace CastTools.Render;

/// <summary>
/// The output formats by name, and the encoder for each animated one. Stills and text (png, txt, json) are handled
/// by <see cref="CastRenderer"/> itself; every other format is an <see cref="IFrameEncoder"/> fed the frame stream.
/// </summary>
public static class OutputFormats
{
    public const string Gif = "gif";
    public const string Mp4 = "mp4";
    public const string WebM = "webm";
    public const string Svg = "svg";
    public const string Png = "png";
    public const string Text = "txt";
    public const string Json = "json";

    /// <summary>Every format name accepted by <c>--format</c>, in the order help shows them.</summary>
    public static IReadOnlyList<string> Names { get; } = [Gif, Mp4, WebM, Svg, Png, Text, Json];

    /// <summary>The format named by <paramref name="format"/>, else the one the output file's extension names.</summary>
    public static string Resolve(string? format, string outputPath)
    {
        string? name = format;
        if (string.IsNullOrEmpty(name))
        {
            string extension = Path.GetExtension(outputPath);
            if (extension.Length <= 1)
            {
                throw new RenderOptionsException($"cannot tell the output format from '{outputPath}': give a file extension or --format ({string.Join('|', Names)})");
            }

            name = extension[1..];
        }

        name = name.ToLowerInvariant() switch
        {
            "text" => Text,
            "m4v" => Mp4,
            var other => other,
        };

        if (!Names.Contains(name))
        {
            throw new RenderOptionsException($"unknown output format '{name}' (known: {string.Join(", ", Names)})");
        }

        return name;
    }

    /// <summary>Whether the format is one screen rather than an animation.</summary>
    public static bool IsStill(string format) => format is Png or Text or Json;

    /// <summary>The encoder for an animated format; <paramref name="title"/> is the recording's (the SVG's &lt;title&gt;).</summary>
    public static IFrameEncoder CreateEncoder(string format, RenderOptions options, string? title = null) => format switch
    {
        Gif => new GifEncoder(),
        Mp4 => new FfmpegVideoEncoder(options.Video with { Format = VideoFormat.Mp4 }),
        WebM => new FfmpegVideoEncoder(options.Video with { Format = VideoFormat.WebM }),
        Svg => new SvgEncoder(new SvgOptions
        {
            Look = options.Style,
            Text = options.SvgText,
            Paths = options.SvgPaths,
            StillAtUs = options.At is { } at ? (long)Math.Round(at * 1_000_000) : null,
            Title = title,
        }),
        _ => throw new RenderOptionsException($"'{format}' is not an animated format"),
    };
}
