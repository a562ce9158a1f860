using CastTools.Asciicast;
using CastTools.Render.Pipeline;
using CastTools.Vt;

namespace CastTools.Render;

/// <summary>
/// <c>casttools render</c> as a library call: a recording in, one output file (GIF, PNG, text, JSON, ...) out.
/// <code>
/// recording ─► CastReader ─► idle-time limit ─► speed ─► TerminalReplay (o fed, r resizes, 2026 hidden)
///   ─► merge identical ─► trim ─► fps cap ─► merge identical ─► first frame at 0 ─► durations
///   ─► painter (rasteriser, dirty rows) ─► encoder ─► temporary file ─► moved into place
/// </code>
/// The recording is read twice, both times streaming: first for the canvas size (the largest terminal) and the
/// shaped length, then to render. Standard input is spooled to a temporary file for that. Memory is bounded by
/// the canvas, never by the recording. On any failure no output file is left behind.
/// </summary>
public static partial class CastRenderer
{
    /// <summary>asciinema's and agg's default cap on pauses, in seconds, when neither option nor header gives one.</summary>
    public const double DefaultIdleTimeLimit = 5.0;

    /// <summary>Renders the recording at <paramref name="inputPath"/> ("-" for standard input).</summary>
    public static RenderResult Render(string inputPath, string outputPath, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(inputPath);
        using Stream input = inputPath == "-"
            ? Console.OpenStandardInput()
            : new FileStream(inputPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Render(input, inputPath, outputPath, options);
    }

    /// <summary>Renders a recording read from <paramref name="input"/>; <paramref name="inputName"/> names it in messages.</summary>
    public static RenderResult Render(Stream input, string inputName, string outputPath, RenderOptions options) =>
        Render(input, inputName, outputPath, options, encoder: null);

    /// <summary>As the public overload; <paramref name="encoder"/>, when given, replaces the format's own encoder
    /// (tests watch the exact frames handed over).</summary>
    internal static RenderResult Render(Stream input, string inputName, string outputPath, RenderOptions options, IFrameEncoder? encoder)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(inputName);
        ArgumentNullException.ThrowIfNull(outputPath);
        ArgumentNullException.ThrowIfNull(options);
        ValidateOptions(options);
        string format = OutputFormats.Resolve(options.Format, outputPath);
        CheckOutputDirectory(outputPath);

        using Stream? spool = input.CanSeek ? null : Spool(input);
        Stream source = spool ?? input;
        long start = source.Position;
        RecordingSummary summary = Summarize(source, inputName, options);
        CheckTimes(options, summary);

        return AtomicFile.Write(outputPath, output =>
        {
            source.Position = start;
            using var reader = new CastReader(source, inputName, leaveOpen: true);
            return format switch
            {
                OutputFormats.Text or OutputFormats.Json => RenderScreen(reader, summary, options, format, output),
                OutputFormats.Png => RenderStill(reader, summary, options, output),
                // The encoder gets the recording's look (its embedded theme), as the rasteriser does.
                _ => RenderAnimation(reader, summary, options, encoder ?? OutputFormats.CreateEncoder(format, options with { Style = StyleFor(options, summary.Header) }, summary.Header.Title), format, output, output.Name),
            };
        });
    }

    /// <summary>The header, the canvas size and the shaped timeline's length: what a render must know up front.</summary>
    private sealed record RecordingSummary(CastHeader Header, int Columns, int Rows, long EndUs, IReadOnlyList<string> Warnings);

    private static RecordingSummary Summarize(Stream source, string inputName, RenderOptions options)
    {
        using var reader = new CastReader(source, inputName, leaveOpen: true);
        CastHeader header = reader.Header;
        int columns = header.Columns;
        int rows = header.Rows;
        long end = 0;
        int count = 0;
        foreach (CastEvent e in Shape(reader, options))
        {
            if ((++count & 0xFFF) == 0)
            {
                options.Cancellation.ThrowIfCancellationRequested();
            }

            end = Math.Max(end, e.Time);
            if (e.Code == CastEvent.Resize && TerminalReplay.TryParseSize(e.Data, out int c, out int r))
            {
                columns = Math.Max(columns, c);
                rows = Math.Max(rows, r);
            }
        }

        if (options.Columns is { } fixedColumns)
        {
            columns = fixedColumns;
        }

        if (options.Rows is { } fixedRows)
        {
            rows = fixedRows;
        }

        if (columns is < 1 or > Terminal.MaxDimension || rows is < 1 or > Terminal.MaxDimension)
        {
            throw new RenderOptionsException($"impossible terminal size {columns}x{rows} (1..{Terminal.MaxDimension} each)");
        }

        return new RecordingSummary(header, columns, rows, end, reader.Warnings.ToArray());
    }

    /// <summary>The recording's events on the shaped timeline: pauses capped, then sped up.</summary>
    private static IEnumerable<CastEvent> Shape(CastReader reader, RenderOptions options)
    {
        double limit = options.IdleTimeLimit ?? reader.Header.IdleTimeLimit ?? DefaultIdleTimeLimit;
        if (!double.IsFinite(limit) || limit <= 0)
        {
            limit = DefaultIdleTimeLimit;
        }

        IEnumerable<CastEvent> events = Timeline.ApplyIdleTimeLimit(reader.ReadEvents(), Microseconds(limit));
        return Timeline.ApplySpeed(events, options.Speed);
    }

    /// <summary>A terminal at the recording's first size (or the fixed one), replaying with or without resizes.</summary>
    private static TerminalReplay CreateReplay(RecordingSummary summary, RenderOptions options, bool hideSynchronizedUpdates)
    {
        bool fixedSize = options.Columns is not null || options.Rows is not null;
        int columns = options.Columns ?? Math.Clamp(summary.Header.Columns, 1, Terminal.MaxDimension);
        int rows = options.Rows ?? Math.Clamp(summary.Header.Rows, 1, Terminal.MaxDimension);
        return new TerminalReplay(new Terminal(columns, rows), honourResizes: !fixedSize, hideSynchronizedUpdates);
    }

    /// <summary>The frames of the output timeline, lazily, in order (see the class summary).</summary>
    private static IEnumerable<TimedFrame> Frames(CastReader reader, RecordingSummary summary, RenderOptions options)
    {
        long? from = options.From is { } f ? Microseconds(f) : null;
        long? to = options.To is { } t ? Microseconds(t) : null;
        long end = Math.Min(to ?? summary.EndUs, summary.EndUs) - (from ?? 0);

        TerminalReplay replay = CreateReplay(summary, options, hideSynchronizedUpdates: true);
        IEnumerable<TimedSnapshot> frames = replay.Run(Shape(reader, options));
        frames = FrameStages.MergeIdentical(frames);
        frames = FrameStages.Trim(frames, from, to);
        frames = FrameStages.CapFps(frames, options.FpsCap);
        frames = FrameStages.MergeIdentical(frames);
        frames = FrameStages.StartAtZero(frames);
        return FrameStages.AddDurations(frames, () => end, Microseconds(options.LastFrameDuration));
    }

    private static RenderResult RenderAnimation(CastReader reader, RecordingSummary summary, RenderOptions options, IFrameEncoder encoder, string format, Stream output, string outputPath)
    {
        using IFrameEncoder owned = encoder;
        using IFramePainter? painter = encoder.NeedsPixels ? CreatePainter(options, summary.Header, summary.Columns, summary.Rows) : null;
        int width = painter?.Width ?? 0;
        int height = painter?.Height ?? 0;
        encoder.Begin(output, new FrameStreamInfo(width, height, summary.Columns, summary.Rows, options.LoopCount, outputPath, options));

        long totalUs = EstimatedLength(summary, options);
        int count = 0;
        long duration = 0;
        foreach (TimedFrame frame in Frames(reader, summary, options))
        {
            options.Cancellation.ThrowIfCancellationRequested();
            ReadOnlySpan<byte> pixels = default;
            int stride = 0;
            (int top, int bottom) = (0, int.MaxValue);
            if (painter is not null)
            {
                painter.Draw(frame.Snapshot);
                pixels = painter.Pixels;
                stride = painter.Stride;
                (top, bottom) = count == 0 ? (0, painter.Height) : painter.ChangedRows;
            }

            encoder.AddFrame(new FrameData(frame.Snapshot, pixels, stride, frame.Time, frame.Duration, top, bottom));
            count++;
            duration = frame.Time + frame.Duration;
            options.Progress?.Report(new RenderProgress(count, frame.Time, totalUs));
        }

        encoder.Finish();
        if (painter is null)
        {
            (width, height) = encoder.Canvas;
        }

        return new RenderResult(format, count, duration, width, height, summary.Warnings);
    }

    /// <summary>A PNG of the frame the animation shows at <see cref="RenderOptions.At"/> (default: the last one),
    /// at the terminal's size at that moment.</summary>
    private static RenderResult RenderStill(CastReader reader, RecordingSummary summary, RenderOptions options, Stream output)
    {
        long at = options.At is { } seconds ? Microseconds(seconds) : long.MaxValue;
        TimedFrame? shown = null;

        // --at is a moment of the whole shaped timeline, so trimming does not apply to stills.
        foreach (TimedFrame frame in Frames(reader, summary, options with { From = null, To = null }))
        {
            options.Cancellation.ThrowIfCancellationRequested();
            if (frame.Time > at)
            {
                break;
            }

            shown = frame;
        }

        ScreenSnapshot snapshot = shown!.Value.Snapshot;
        using IFramePainter painter = CreatePainter(options, summary.Header, snapshot.Columns, snapshot.Rows);
        painter.Draw(snapshot);
        painter.SavePng(output);
        return new RenderResult(OutputFormats.Png, 1, 0, painter.Width, painter.Height, summary.Warnings);
    }

    /// <summary>The screen as text or JSON once every event up to <see cref="RenderOptions.At"/> (default: all) is
    /// applied, synchronized output included: the emulator's state at that moment, for checks and scripts.</summary>
    private static RenderResult RenderScreen(CastReader reader, RecordingSummary summary, RenderOptions options, string format, Stream output)
    {
        long at = options.At is { } seconds ? Microseconds(seconds) : long.MaxValue;
        TerminalReplay replay = CreateReplay(summary, options, hideSynchronizedUpdates: false);
        foreach (CastEvent e in Shape(reader, options))
        {
            if (e.Time > at)
            {
                break;
            }

            if ((replay.EventCount++ & 0xFFF) == 0)
            {
                options.Cancellation.ThrowIfCancellationRequested();
            }

            replay.Apply(e);
        }

        ScreenSnapshot snapshot = replay.Terminal.Snapshot();
        if (format == OutputFormats.Json)
        {
            ScreenJsonExporter.Write(snapshot, output);
            output.WriteByte((byte)'\n');
        }
        else
        {
            byte[] text = System.Text.Encoding.UTF8.GetBytes(ScreenTextExporter.Export(snapshot));
            output.Write(text);
        }

        return new RenderResult(format, 1, 0, 0, 0, summary.Warnings);
    }

    private static long EstimatedLength(RecordingSummary summary, RenderOptions options)
    {
        long from = options.From is { } f ? Microseconds(f) : 0;
        long to = options.To is { } t ? Math.Min(Microseconds(t), summary.EndUs) : summary.EndUs;
        return Math.Max(0, to - from);
    }

    internal static long Microseconds(double seconds) => (long)Math.Round(seconds * 1_000_000, MidpointRounding.AwayFromZero);

    private static void ValidateOptions(RenderOptions options)
    {
        static void Positive(double value, string name)
        {
            if (!double.IsFinite(value) || value <= 0)
            {
                throw new RenderOptionsException($"{name} must be a positive number, not {value}");
            }
        }

        static void NotNegative(double? value, string name)
        {
            if (value is { } v && (!double.IsFinite(v) || v < 0))
            {
                throw new RenderOptionsException($"{name} must be 0 or more seconds, not {v}");
            }
        }

        Positive(options.Speed, "--speed");
        Positive(options.FpsCap, "--fps-cap");
        if (options.IdleTimeLimit is { } idle)
        {
            Positive(idle, "--idle-time-limit");
        }

        NotNegative(options.LastFrameDuration, "--last-frame-duration");
        NotNegative(options.At, "--at");
        NotNegative(options.From, "--from");
        NotNegative(options.To, "--to");
        if (options.From is { } from && options.To is { } to && to <= from)
        {
            throw new RenderOptionsException($"--to ({to} s) must be after --from ({from} s)");
        }

        if (options.LoopCount < 0)
        {
            throw new RenderOptionsException($"--loop must be 0 (forever) or more, not {options.LoopCount}");
        }

        if (options.Columns is < 1 or > Terminal.MaxDimension || options.Rows is < 1 or > Terminal.MaxDimension)
        {
            throw new RenderOptionsException($"--cols and --rows must be between 1 and {Terminal.MaxDimension}");
        }
    }

    private static void CheckTimes(RenderOptions options, RecordingSummary summary)
    {
        double end = summary.EndUs / 1_000_000.0;
        string length = $"the recording is {end.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} s long"
            + (options.Speed != 1 || options.IdleTimeLimit is not null ? " after --speed/--idle-time-limit" : string.Empty);
        if (options.At is { } at && Microseconds(at) > summary.EndUs)
        {
            throw new RenderOptionsException($"--at {Format(at)} is outside the recording: {length}");
        }

        if (options.From is { } from && Microseconds(from) > summary.EndUs)
        {
            throw new RenderOptionsException($"--from {Format(from)} is outside the recording: {length}");
        }

        static string Format(double seconds) => seconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
    }
}
