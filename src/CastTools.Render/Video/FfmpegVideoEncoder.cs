using System.Diagnostics;
using System.Globalization;
using CastTools.Render.Pipeline;

namespace CastTools.Render.Video;

/// <summary>
/// Encodes timed BGRA frames to MP4 (H.264) or WebM (VP9) through the real <c>ffmpeg</c> program.
/// </summary>
/// <remarks>
/// Frames go to ffmpeg's stdin as a Matroska stream of raw BGRA (<see cref="MatroskaRawVideoWriter"/>), each with its
/// own timestamp, and ffmpeg keeps them (<c>-fps_mode passthrough</c>) on a millisecond time base. So every unique
/// frame is encoded once and shown from its event time to the next frame's, with no temporary files and no
/// duplicated frames on a fixed clock. We drive our own <see cref="Process"/> rather than FFMpegCore: FFMpegCore feeds
/// frames through a Unix socket and was slower in our measurements (156 against 195 unique frames/s, render.md
/// section 5), and owning the process gives full control over arguments, stderr and failure cleanup.
/// ffmpeg writes to a private temporary file (MP4's <c>+faststart</c> needs a seekable file), copied into the
/// pipeline's output stream on success and deleted in every case.
/// </remarks>
public sealed class FfmpegVideoEncoder : IFrameEncoder
{
    /// <summary>
    /// The nominal frame duration declared to ffmpeg, which it gives the last frame. The video is ended exactly by
    /// repeating the last frame this long before the end.
    /// </summary>
    internal const long TailDurationUs = 10_000;

    private const int StderrLinesKept = 12;

    private readonly VideoEncoderOptions _options;
    private Stream _output = Stream.Null;
    private readonly Queue<string> _stderr = new();
    private string? _tempPath;
    private Process? _process;
    private Stream? _stdin;
    private MatroskaRawVideoWriter? _writer;
    private byte[] _frame = [];
    private int _sourceWidth;
    private int _sourceHeight;
    private long _firstTimeUs = -1;
    private long _lastWrittenUs = -1;
    private long _endUs;
    private int _frameCount;
    private bool _finished;

    public FfmpegVideoEncoder(VideoEncoderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Crf is < 0 or > VideoEncoderOptions.MaxCrf)
        {
            throw new RenderOptionsException($"--crf must be between 0 and {VideoEncoderOptions.MaxCrf}, not {options.Crf}");
        }

        _options = options;
    }

    public bool NeedsPixels => true;

    /// <summary>Encoded width: the frame width rounded up to even (yuv420p needs it); the extra column repeats the edge.</summary>
    public int Width { get; private set; }

    public int Height { get; private set; }

    /// <summary>Frames handed to ffmpeg so far (the closing repeat of the last frame not counted).</summary>
    public int FrameCount => _frameCount;

    /// <summary>Starts ffmpeg for frames of the canvas size. Throws <see cref="FfmpegException"/> when it is missing.</summary>
    public void Begin(Stream output, FrameStreamInfo info)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(info);
        if (_process is not null)
        {
            throw new InvalidOperationException("Begin was already called.");
        }

        int width = info.Width;
        int height = info.Height;
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        string ffmpeg = FfmpegLocator.Locate(_options.FfmpegPath);
        _output = output;

        _sourceWidth = width;
        _sourceHeight = height;
        Width = (width + 1) & ~1;
        Height = (height + 1) & ~1;
        _frame = new byte[checked(Width * Height * 4)];

        // Beside the output when known (same file system, so no surprise about space), else in the temp directory.
        string? directory = info.OutputPath is null ? null : Path.GetDirectoryName(Path.GetFullPath(info.OutputPath));
        string name = $".casttools-ffmpeg-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp";
        _tempPath = Path.Combine(directory is not null && Directory.Exists(directory) ? directory : Path.GetTempPath(), name);

        var start = new ProcessStartInfo(ffmpeg)
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string argument in BuildArguments(_options, _tempPath))
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        process.ErrorDataReceived += (_, e) => KeepStderrLine(e.Data);
        process.OutputDataReceived += (_, _) => { };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            process.Dispose();
            throw new FfmpegException($"could not start {ffmpeg}: {e.Message}", isMissing: true, e);
        }

        _process = process;
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        _stdin = process.StandardInput.BaseStream;
        try
        {
            _writer = new MatroskaRawVideoWriter(_stdin, Width, Height, TailDurationUs);
        }
        catch (IOException e)
        {
            throw Failed(e);
        }
    }

    /// <summary>Adds a frame shown from its time for its duration.</summary>
    public void AddFrame(in FrameData frame) => AddFrame(frame.Pixels, frame.Stride, frame.TimeUs, frame.DurationUs);

    /// <summary>Adds a frame of BGRA pixels with the given row stride, shown from <paramref name="timeUs"/> for <paramref name="durationUs"/>.</summary>
    public void AddFrame(ReadOnlySpan<byte> bgra, int rowBytes, long timeUs, long durationUs)
    {
        if (_writer is null || _finished)
        {
            throw new InvalidOperationException("Begin must be called first, and Finish not yet.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(rowBytes, _sourceWidth * 4);
        ArgumentOutOfRangeException.ThrowIfNegative(durationUs);
        if (bgra.Length < (long)rowBytes * (_sourceHeight - 1) + _sourceWidth * 4)
        {
            throw new ArgumentException("the pixel buffer is smaller than the frame", nameof(bgra));
        }

        CopyPadded(bgra, rowBytes);

        // Timestamps are relative to the first frame, as a GIF's delays are, and on ffmpeg's millisecond time base.
        // Each one is rounded on its own (never accumulated); a collision moves the later frame one tick on.
        if (_firstTimeUs < 0)
        {
            _firstTimeUs = timeUs;
        }

        long relative = Math.Max(0, timeUs - _firstTimeUs);
        long ms = (relative + 500) / 1000;
        long writtenUs = Math.Max(ms * 1000, _lastWrittenUs < 0 ? 0 : _lastWrittenUs + 1000);
        Write(writtenUs);
        _lastWrittenUs = writtenUs;
        _endUs = relative + durationUs;
        _frameCount++;
    }

    /// <summary>Ends the video at the last frame's end, waits for ffmpeg and copies its file into the output stream.</summary>
    public void Finish()
    {
        if (_process is null || _writer is null || _finished)
        {
            throw new InvalidOperationException("Begin must be called first, and Finish only once.");
        }

        if (_frameCount == 0)
        {
            throw new InvalidOperationException("A video needs at least one frame.");
        }

        _finished = true;

        // ffmpeg gives the last frame the track's nominal duration; repeating the last frame that long before the
        // end makes the video end exactly when the last frame's duration runs out. An encoder stores the repeat as
        // an (almost) empty frame.
        long endMs = (_endUs + 500) / 1000 * 1000;
        long tailUs = endMs - TailDurationUs;
        if (tailUs > _lastWrittenUs)
        {
            Write(tailUs);
        }

        try
        {
            _stdin!.Close();
        }
        catch (IOException)
        {
            // ffmpeg has exited; its exit code and stderr below say why.
        }

        _process.WaitForExit();
        if (_process.ExitCode != 0)
        {
            throw Failed(null);
        }

        using (FileStream encoded = File.OpenRead(_tempPath!))
        {
            encoded.CopyTo(_output);
        }

        _output.Flush();
        DeleteTempFile();
    }

    /// <summary>Stops ffmpeg if it still runs and removes its temporary file.</summary>
    public void Dispose()
    {
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                try
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit();
                }
                catch (InvalidOperationException)
                {
                    // Exited meanwhile.
                }
            }

            _process.Dispose();
            _process = null;
        }

        DeleteTempFile();
    }

    /// <summary>The ffmpeg command line (after the executable) for the given options.</summary>
    internal static List<string> BuildArguments(VideoEncoderOptions options, string outputPath)
    {
        var args = new List<string>
        {
            "-hide_banner", "-nostats", "-loglevel", "error", "-nostdin",
            "-f", "matroska", "-i", "pipe:0",
            // Keep our timestamps as they are, on a millisecond time base (the default follows a guessed frame rate).
            "-fps_mode", "passthrough", "-enc_time_base:v", "1:1000",
            // Terminal colours are sRGB: convert with the BT.709 matrix and say so, or players guess BT.601 and shift hues.
            "-vf", "scale=out_color_matrix=bt709:out_range=tv,format=yuv420p",
            "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709", "-color_range", "tv",
            // A fixed thread count keeps the output byte-identical on machines with different core counts.
            "-threads", "4",
            "-map_metadata", "-1", "-fflags", "+bitexact",
        };
        string crf = options.EffectiveCrf.ToString(CultureInfo.InvariantCulture);
        if (options.Format == VideoFormat.Mp4)
        {
            string preset = options.Preset switch
            {
                VideoPreset.Fast => "ultrafast",
                VideoPreset.Small => "slow",
                _ => "veryfast",
            };
            args.AddRange(["-c:v", "libx264", "-preset", preset, "-crf", crf, "-pix_fmt", "yuv420p",
                "-movflags", "+faststart", "-f", "mp4"]);
        }
        else
        {
            (string deadline, string cpuUsed) = options.Preset switch
            {
                VideoPreset.Fast => ("realtime", "8"),
                VideoPreset.Small => ("good", "2"),
                _ => ("realtime", "6"),
            };
            args.AddRange(["-c:v", "libvpx-vp9", "-deadline", deadline, "-cpu-used", cpuUsed, "-row-mt", "1",
                "-crf", crf, "-b:v", "0", "-pix_fmt", "yuv420p", "-f", "webm"]);
        }

        args.Add("-y");
        args.Add(outputPath);
        return args;
    }

    private void DeleteTempFile()
    {
        if (_tempPath is not null)
        {
            try
            {
                File.Delete(_tempPath);
            }
            catch (IOException)
            {
                // Best effort: nothing more we can do about a file we cannot delete.
            }

            _tempPath = null;
        }
    }

    private void Write(long timeUs)
    {
        try
        {
            _writer!.WriteFrame(_frame, timeUs);
        }
        catch (IOException e)
        {
            throw Failed(e);
        }
    }

    // Copies the source rows into the even-sized frame; a padding column/row repeats the edge so it is invisible.
    private void CopyPadded(ReadOnlySpan<byte> bgra, int rowBytes)
    {
        int sourceRow = _sourceWidth * 4;
        int targetRow = Width * 4;
        Span<byte> frame = _frame;
        for (int y = 0; y < Height; y++)
        {
            int sy = Math.Min(y, _sourceHeight - 1);
            Span<byte> target = frame.Slice(y * targetRow, targetRow);
            bgra.Slice(sy * rowBytes, sourceRow).CopyTo(target);
            if (Width != _sourceWidth)
            {
                target.Slice(sourceRow - 4, 4).CopyTo(target[sourceRow..]);
            }
        }
    }

    private void KeepStderrLine(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        lock (_stderr)
        {
            _stderr.Enqueue(line.Trim());
            if (_stderr.Count > StderrLinesKept)
            {
                _stderr.Dequeue();
            }
        }
    }

    private FfmpegException Failed(Exception? inner)
    {
        Process process = _process!;
        if (!process.WaitForExit(10_000))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.WaitForExit(); // flushes the asynchronous stderr reader
        string summary;
        lock (_stderr)
        {
            summary = string.Join("; ", _stderr.TakeLast(3));
        }

        if (summary.Length > 400)
        {
            summary = string.Concat(summary.AsSpan(0, 397), "...");
        }

        string codec = _options.Format == VideoFormat.Mp4 ? "MP4" : "WebM";
        string exit = process.HasExited ? process.ExitCode.ToString(CultureInfo.InvariantCulture) : "?";
        return new FfmpegException(
            summary.Length == 0 ? $"ffmpeg failed writing {codec} (exit {exit})" : $"ffmpeg failed writing {codec} (exit {exit}): {summary}",
            isMissing: false,
            inner);
    }
}
