using BenchmarkDotNet.Attributes;
using CastTools.Render;
using CastTools.Render.Pipeline;
using CastTools.Render.Svg;
using CastTools.Vt;

namespace CastTools.Benchmarks.Render;

/// <summary>
/// Unique frames per second encoded as animated SVG, in each glyph mode, with the output size:
/// <c>dotnet run -c Release --project benchmarks/CastTools.Benchmarks -- --filter '*SvgPipeline*'</c>.
/// The frames are <see cref="GifPipelineBenchmarks.ShellLikeFrames"/> (typing, scrolling output), so the figures
/// compare with the GIF pipeline's. Each operation encodes <see cref="GifPipelineBenchmarks.FrameCount"/> frames.
/// </summary>
[MemoryDiagnoser]
public class SvgPipelineBenchmarks
{
    private ScreenSnapshot[] _frames = [];
    private MemoryStream _output = new();

    [Params("80x24", "200x60")]
    public string Size { get; set; } = "80x24";

    /// <summary>font: the default (text in an embedded outline font); paths: <c>--svg-paths</c>.</summary>
    [Params("font", "paths")]
    public string Glyphs { get; set; } = "font";

    [GlobalSetup]
    public void Setup()
    {
        string[] parts = Size.Split('x');
        int columns = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        int rows = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        _frames = GifPipelineBenchmarks.ShellLikeFrames(columns, rows, GifPipelineBenchmarks.FrameCount);
        _output = new MemoryStream(1 << 24);
    }

    /// <summary>Encode every frame, as <c>casttools render -o x.svg</c> does after the replay; returns the size.</summary>
    [Benchmark]
    public long Encode()
    {
        _output.SetLength(0);
        ScreenSnapshot first = _frames[0];
        using (var encoder = new SvgEncoder(new SvgOptions { Look = new RenderStyle(), Paths = Glyphs == "paths" }))
        {
            encoder.Begin(_output, new FrameStreamInfo(0, 0, first.Columns, first.Rows, 0, null, new RenderOptions()));
            long time = 0;
            foreach (ScreenSnapshot frame in _frames)
            {
                encoder.AddFrame(new FrameData(frame, default, 0, time, 50_000));
                time += 50_000;
            }

            encoder.Finish();
        }

        return _output.Length;
    }
}
