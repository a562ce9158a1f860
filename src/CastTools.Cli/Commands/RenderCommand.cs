using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using CastTools.Render;
using CastTools.Render.Video;

namespace CastTools.Cli;

/// <summary>
/// <c>casttools render IN -o OUT</c>: a recording to GIF, PNG, text or JSON (and the video formats). Only maps
/// options onto <see cref="CastRenderer"/>; every decision about frames and files lives in the library.
/// </summary>
internal static class RenderCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new Argument<string>("input") { Description = "The recording (asciicast v1, v2 or v3, optionally gzipped); - reads standard input." };
        var output = new Option<string>("--output", "-o") { Description = "The file to write; its extension picks the format unless --format is given.", Required = true };
        var format = new Option<string?>("--format", "-f") { Description = $"Output format: {string.Join(", ", OutputFormats.Names)}." };
        var at = new Option<double?>("--at") { Description = "For png, txt, json and svg: the moment to show, in seconds (png/txt/json default: the end; svg: animated unless given)." };
        var from = new Option<double?>("--from") { Description = "Start the output here, in seconds; the screen includes everything before." };
        var to = new Option<double?>("--to") { Description = "End the output here, in seconds." };
        var speed = new Option<double>("--speed") { Description = "Play this many times faster.", DefaultValueFactory = _ => 1.0 };
        var idle = new Option<double?>("--idle-time-limit") { Description = "Shorten every pause to at most this many seconds (default: the recording's idle_time_limit, else 5)." };
        var fpsCap = new Option<double>("--fps-cap") { Description = "At most this many frames per second.", DefaultValueFactory = _ => 30 };
        var lastFrame = new Option<double>("--last-frame-duration") { Description = "Seconds the last screen stays before the end or the next loop.", DefaultValueFactory = _ => 3.0 };
        var noLoop = new Option<bool>("--no-loop") { Description = "Play the animation once." };
        var loop = new Option<int?>("--loop") { Description = "Play the animation N times in all (0: forever, the default)." };
        var cols = new Option<int?>("--cols") { Description = "Terminal width in columns (default: the recording's; resizes are then ignored)." };
        var rows = new Option<int?>("--rows") { Description = "Terminal height in rows (default: the recording's; resizes are then ignored)." };
        var theme = new Option<string?>("--theme") { Description = "Theme name, theme file, or bg,fg,c0,...,c7[,c8,...,c15] hex list (default: the recording's theme, else asciinema)." };
        var fontSize = new Option<double>("--font-size") { Description = "Font size in pixels.", DefaultValueFactory = _ => 16 };
        var lineHeight = new Option<double>("--line-height") { Description = "Row height as a multiple of the font size.", DefaultValueFactory = _ => 1.4 };
        var padding = new Option<string?>("--padding") { Description = "Space around the terminal in pixels: P, V,H or T,R,B,L (default: one cell, half a row)." };
        var scale = new Option<double>("--scale") { Description = "Pixel density: 2 for crisp output on high-DPI screens.", DefaultValueFactory = _ => 1 };
        var fontFamily = new Option<string?>("--font-family") { Description = "Comma-separated font families to try before the bundled fonts." };
        var fontDir = new Option<string[]>("--font-dir") { Description = "A folder of font files to use first (repeatable).", Arity = ArgumentArity.ZeroOrMore };
        fontDir.AllowMultipleArgumentsPerToken = false;
        var crf = new Option<int?>("--crf") { Description = $"MP4/WebM quality: 0 (best, biggest) to {VideoEncoderOptions.MaxCrf} (default {VideoEncoderOptions.DefaultH264Crf} for MP4, {VideoEncoderOptions.DefaultVp9Crf} for WebM)." };
        var videoPreset = new Option<VideoPreset>("--video-preset") { Description = "MP4/WebM encoder speed against size: fast, balanced (default) or small.", DefaultValueFactory = _ => VideoPreset.Balanced };
        var svgText = new Option<bool>("--svg-text") { Description = "SVG: text in the original font files (subset, hinting kept) instead of the default font of drawn outlines. Larger." };
        var svgPaths = new Option<bool>("--svg-paths") { Description = "SVG: every glyph a path definition instead of text, for renderers without web fonts (librsvg, Inkscape). Larger." };

        var command = new Command("render", "Render a recording to an animated GIF, MP4, WebM or SVG, a PNG or SVG still, or the screen as text or JSON.");
        command.Arguments.Add(input);
        foreach (Option option in new Option[] { output, format, at, from, to, speed, idle, fpsCap, lastFrame, noLoop, loop, cols, rows, theme, fontSize, lineHeight, padding, scale, fontFamily, fontDir, crf, videoPreset, svgText, svgPaths })
        {
            command.Options.Add(option);
        }

        command.SetAction(parseResult => CommandRunner.Execute(parseResult, console, () =>
        {
            string inputPath = parseResult.GetValue(input)!;
            string outputPath = parseResult.GetValue(output)!;
            if (parseResult.GetValue(noLoop) && parseResult.GetValue(loop) is not null)
            {
                throw new CliException("--no-loop and --loop cannot be used together", ExitCodes.Usage);
            }

            bool quiet = parseResult.GetValue(CliApp.Quiet);
            bool verbose = parseResult.GetValue(CliApp.Verbose);
            // SIGINT/SIGTERM cancel the render so the temporary output is deleted (exit 130 via CommandRunner).
            using var cancellation = new CancellationTokenSource();
            using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
            using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
            void Cancel(PosixSignalContext context)
            {
                context.Cancel = true;
                cancellation.Cancel();
            }

            using var progress = !quiet && !console.IsErrorRedirected ? new ProgressLine(console.Error, outputPath) : null;
            try
            {
                var style = new RenderStyle
                {
                    FontSize = parseResult.GetValue(fontSize),
                    LineHeight = parseResult.GetValue(lineHeight),
                    Padding = parseResult.GetValue(padding) is { } p ? Padding.Parse(p) : null,
                    Scale = parseResult.GetValue(scale),
                    FontFamilies = SplitList(parseResult.GetValue(fontFamily)),
                    FontDirectories = parseResult.GetValue(fontDir) ?? [],
                };
                style.Validate();
                var options = new RenderOptions
                {
                    Format = parseResult.GetValue(format),
                    At = parseResult.GetValue(at),
                    From = parseResult.GetValue(from),
                    To = parseResult.GetValue(to),
                    Speed = parseResult.GetValue(speed),
                    IdleTimeLimit = parseResult.GetValue(idle),
                    FpsCap = parseResult.GetValue(fpsCap),
                    LastFrameDuration = parseResult.GetValue(lastFrame),
                    LoopCount = parseResult.GetValue(noLoop) ? 1 : parseResult.GetValue(loop) ?? 0,
                    Columns = parseResult.GetValue(cols),
                    Rows = parseResult.GetValue(rows),
                    Style = style,
                    Theme = parseResult.GetValue(theme) is { } t ? Theme.Load(t) : null,
                    Progress = progress,
                    Video = new VideoEncoderOptions { Crf = parseResult.GetValue(crf), Preset = parseResult.GetValue(videoPreset) },
                    SvgText = parseResult.GetValue(svgText),
                    SvgPaths = parseResult.GetValue(svgPaths),
                    Cancellation = cancellation.Token,
                };

                RenderResult result = outputPath == "-"
                    ? RenderToStandardOutput(console, inputPath, options)
                    : RenderTo(console, inputPath, outputPath, options);

                progress?.Done(result);
                if (verbose)
                {
                    foreach (string warning in result.Warnings)
                    {
                        console.Error.WriteLine($"casttools: warning: {warning}");
                    }

                    console.Error.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"casttools: wrote {outputPath} ({result.Format}, {result.Frames} frames, {result.DurationUs / 1e6:0.##} s, {result.Width}x{result.Height})"));
                }

                return ExitCodes.Success;
            }
            catch (RenderOptionsException e)
            {
                progress?.Clear();
                throw new CliException(e.Message, ExitCodes.Usage, e);
            }
            catch (RenderException e)
            {
                progress?.Clear();
                throw new CliException(e.Message, ExitCodes.Resource, e);
            }
            catch (FfmpegException e)
            {
                progress?.Clear();
                throw new CliException(e.Message, ExitCodes.ExternalTool, e);
            }
            catch
            {
                progress?.Clear();
                throw;
            }
        }));
        return command;
    }

    private static RenderResult RenderTo(CliConsole console, string inputPath, string outputPath, RenderOptions options)
    {
        if (inputPath == "-")
        {
            using Stream stdin = console.OpenStandardInput();
            return CastRenderer.Render(stdin, "-", outputPath, options);
        }

        return CastRenderer.Render(inputPath, outputPath, options);
    }

    /// <summary>
    /// <c>-o -</c>: the output is rendered to a temporary file and copied to standard output once complete, so a
    /// failure writes nothing there and formats whose encoders seek (GIF, MP4) work in a pipe too.
    /// </summary>
    private static RenderResult RenderToStandardOutput(CliConsole console, string inputPath, RenderOptions options)
    {
        if (options.Format is not { Length: > 0 } format)
        {
            throw new CliException("-o - (standard output) needs --format: " + string.Join(", ", OutputFormats.Names), ExitCodes.Usage);
        }

        string name = OutputFormats.Resolve(format, "-");
        string temporary = Path.Combine(Path.GetTempPath(), $"casttools-{Environment.ProcessId}-{Guid.NewGuid():N}.{name}");
        try
        {
            RenderResult result = RenderTo(console, inputPath, temporary, options);
            Stream stdout = console.OpenStandardOutput(); // not ours to close (tests read it afterwards)
            using (FileStream file = File.OpenRead(temporary))
            {
                file.CopyTo(stdout);
            }

            stdout.Flush();
            return result;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static string[] SplitList(string? list) =>
        list is null ? [] : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>One self-rewriting progress line on a terminal's stderr, at most ten updates a second.</summary>
    private sealed class ProgressLine : IProgress<RenderProgress>, IDisposable
    {
        private readonly TextWriter _error;
        private readonly string _output;
        private long _lastTick = long.MinValue;
        private bool _shown;

        public ProgressLine(TextWriter error, string output)
        {
            _error = error;
            _output = output;
        }

        public void Report(RenderProgress value)
        {
            long now = Environment.TickCount64;
            if (now - _lastTick < 100)
            {
                return;
            }

            _lastTick = now;
            double total = value.TotalUs / 1e6;
            double done = value.TimeUs / 1e6;
            _error.Write(string.Create(CultureInfo.InvariantCulture, $"\r\u001b[Krendering {_output}: {value.Frames} frames, {done:0.0}/{total:0.0} s"));
            _shown = true;
        }

        public void Done(RenderResult result)
        {
            Clear();
            if (result.Frames > 1)
            {
                _error.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"rendered {_output}: {result.Frames} frames, {result.DurationUs / 1e6:0.##} s, {result.Width}x{result.Height}"));
            }
        }

        public void Clear()
        {
            if (_shown)
            {
                _error.Write("\r\u001b[K");
                _shown = false;
            }
        }

        public void Dispose() => Clear();
    }
}
