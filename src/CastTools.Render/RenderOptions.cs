namespace CastTools.Render;

/// <summary>
/// Everything <see cref="CastRenderer"/> needs besides the input and output: timeline shaping, output format and
/// the look. Times are seconds on the shaped timeline (after the idle-time limit and speed), as users give them.
/// </summary>
public sealed record RenderOptions
{
    /// <summary>Output format name (gif, png, txt, json, ...); null means "from the output file's extension".</summary>
    public string? Format { get; init; }

    /// <summary>For stills (png, txt, json): the moment to show; null means the end of the recording.</summary>
    public double? At { get; init; }

    /// <summary>Trim start: the output begins with the screen as it is at this moment.</summary>
    public double? From { get; init; }

    /// <summary>Trim end: nothing after this moment is shown.</summary>
    public double? To { get; init; }

    public double Speed { get; init; } = 1.0;

    /// <summary>Longest pause kept, seconds; null means the header's <c>idle_time_limit</c>, else 5 s.</summary>
    public double? IdleTimeLimit { get; init; }

    /// <summary>At most this many frames per second; within each 1/fps window the latest screen is kept.</summary>
    public double FpsCap { get; init; } = 30;

    /// <summary>How long the final screen stays before the animation ends or loops, seconds.</summary>
    public double LastFrameDuration { get; init; } = 3.0;

    /// <summary>How many times the animation plays in total; 0 means forever.</summary>
    public int LoopCount { get; init; }

    /// <summary>Terminal size override; when set, resize events in the recording are ignored.</summary>
    public int? Columns { get; init; }

    public int? Rows { get; init; }

    /// <summary>The look: font, sizes, padding, scale. Its theme is used when <see cref="Theme"/> is null and the
    /// recording embeds none.</summary>
    public RenderStyle Style { get; init; } = new();

    /// <summary>A theme asked for explicitly (<c>--theme</c>); wins over the recording's embedded theme.</summary>
    public Theme? Theme { get; init; }

    /// <summary>Stops the render (SIGINT/SIGTERM): it throws <see cref="OperationCanceledException"/> and leaves no file.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Receives progress while rendering (frames done, timeline position); null for none.</summary>
    public IProgress<RenderProgress>? Progress { get; init; }

    /// <summary>MP4/WebM: quality (CRF), speed preset and the ffmpeg to use; the container follows the format.</summary>
    public Video.VideoEncoderOptions Video { get; init; } = new();

    /// <summary>SVG: text in the original font files (subset) instead of a font of the drawn glyph outlines.</summary>
    public bool SvgText { get; init; }

    /// <summary>SVG: every glyph a path definition instead of text, for renderers that do not load web fonts.</summary>
    public bool SvgPaths { get; init; }
}
