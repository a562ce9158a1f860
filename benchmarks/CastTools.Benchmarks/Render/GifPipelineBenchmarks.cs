using BenchmarkDotNet.Attributes;
using CastTools.Render;
using CastTools.Render.Encoders.Gif;
using CastTools.Render.Pipeline;
using CastTools.Vt;

namespace CastTools.Benchmarks.Render;

/// <summary>
/// Unique frames per second, rasterised and GIF-encoded (the render pipeline after the replay):
/// <c>dotnet run -c Release --project benchmarks/CastTools.Benchmarks -- --filter '*GifPipeline*'</c>.
/// The frames come from a terminal fed shell-like output: a coloured prompt, typed characters one per frame, and
/// command output that scrolls, so most frames change one row and some scroll the whole screen, as real recordings do.
/// Each operation renders <see cref="FrameCount"/> frames; frames/s = FrameCount / mean time.
/// </summary>
[MemoryDiagnoser]
public class GifPipelineBenchmarks
{
    public const int FrameCount = 300;

    private ScreenSnapshot[] _frames = [];
    private Rasterizer? _rasterizer;
    private MemoryStream _output = new();

    [Params("80x24", "200x60")]
    public string Size { get; set; } = "80x24";

    [GlobalSetup]
    public void Setup()
    {
        string[] parts = Size.Split('x');
        int columns = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        int rows = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        _frames = ShellLikeFrames(columns, rows, FrameCount);
        _rasterizer = new Rasterizer(new RenderStyle(), columns, rows);
        _output = new MemoryStream(1 << 24);
    }

    [GlobalCleanup]
    public void Cleanup() => _rasterizer?.Dispose();

    /// <summary>Rasterise (dirty rows) and encode every frame, as <c>casttools render -o x.gif</c> does.</summary>
    [Benchmark]
    public long RasteriseAndEncode()
    {
        Rasterizer rasterizer = _rasterizer!;
        _output.SetLength(0);
        using var encoder = new GifEncoder();
        encoder.Begin(_output, new FrameStreamInfo(rasterizer.Width, rasterizer.Height, rasterizer.Columns, rasterizer.Rows, 0, null, new RenderOptions()));
        long time = 0;
        foreach (ScreenSnapshot frame in _frames)
        {
            rasterizer.Draw(frame);
            encoder.AddFrame(new FrameData(frame, rasterizer.Pixels, rasterizer.Width * 4, time, 50_000));
            time += 50_000;
        }

        encoder.Finish();
        return _output.Length;
    }

    /// <summary>Shell-like frames: every snapshot differs from the one before.</summary>
    public static ScreenSnapshot[] ShellLikeFrames(int columns, int rows, int count)
    {
        var terminal = new Terminal(columns, rows);
        var frames = new List<ScreenSnapshot>(count);
        var random = new Random(7);
        string[] words = ["build", "\u001b[32mok\u001b[0m", "\u001b[1;31mFAIL\u001b[0m", "src/main.rs", "\u001b[38;5;208mcompiling\u001b[0m", "0.123s", "warning:", "Grüße", "--release"];
        while (frames.Count < count)
        {
            terminal.Feed("\u001b[1;32muser@host\u001b[0m:\u001b[34m~/project\u001b[0m$ ");
            frames.Add(terminal.Snapshot());
            foreach (char c in "cargo build --release")
            {
                terminal.Feed(c.ToString());
                frames.Add(terminal.Snapshot());
            }

            terminal.Feed("\r\n");
            for (int line = 0; line < 8; line++)
            {
                int n = random.Next(2, 10);
                for (int w = 0; w < n; w++)
                {
                    terminal.Feed(words[random.Next(words.Length)] + " ");
                }

                terminal.Feed("\r\n");
                frames.Add(terminal.Snapshot());
            }
        }

        return frames.GetRange(0, count).ToArray();
    }
}
