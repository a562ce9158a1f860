using BenchmarkDotNet.Attributes;
using CastTools.Render;
using CastTools.Vt;

namespace CastTools.Benchmarks;

/// <summary>
/// Rasterisation speed: a full frame (every row redrawn) and a dirty-row frame (1–2 rows change, as when typing or
/// a progress bar moves) at 80x24 and 200x60, on a busy screen with colours, attributes, box drawing, a powerline
/// prompt, CJK and emoji. Run: <c>dotnet run -c Release --project benchmarks/CastTools.Benchmarks -- --filter '*Rasterizer*'</c>.
/// </summary>
[MemoryDiagnoser]
public class RasterizerBenchmarks
{
    private const string Line =
        "\e[1;34m~/src\e[0m \e[35m\ue0a0 main\e[0m \e[30;44m user \e[34;42m\ue0b0\e[0m │ \e[32mok\e[0m \e[3mitalic\e[0m \e[4mul\e[0m 你好 😀 ├──┼──┤ ⣿ ▒ \e[38;5;208m256\e[0m \e[38;2;255;105;180mrgb\e[0m";

    private Rasterizer _rasterizer = null!;
    private ScreenSnapshot[] _frames = null!;
    private ScreenSnapshot _a = null!;
    private ScreenSnapshot _b = null!;
    private int _next;

    [Params(80, 200)]
    public int Columns { get; set; }

    public int Rows => Columns == 80 ? 24 : 60;

    [GlobalSetup]
    public void Setup()
    {
        _rasterizer = new Rasterizer(new RenderStyle(), Columns, Rows);
        var terminal = new Terminal(Columns, Rows);
        for (int row = 0; row < Rows; row++)
        {
            terminal.Feed($"\e[{row + 1};1H{row:D2} {Line} {Line}");
        }

        _a = terminal.Snapshot();
        terminal.Feed("\e[1;1H\e[7mX\e[0m");
        _b = terminal.Snapshot();

        // 100 frames of typing plus a clock on the last row: each frame differs from the previous in 1–2 rows.
        _frames = new ScreenSnapshot[100];
        for (int i = 0; i < _frames.Length; i++)
        {
            terminal.Feed($"\e[{(i % (Rows - 1)) + 1};{(i % 20) + 1}H\e[3{i % 8}m{(char)('a' + (i % 26))}\e[0m\e[{Rows};1H\e[Kframe {i:D3}");
            _frames[i] = terminal.Snapshot();
        }

        // Warm the glyph caches.
        _rasterizer.Draw(_a);
        foreach (ScreenSnapshot frame in _frames)
        {
            _rasterizer.Draw(frame);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _rasterizer.Dispose();

    /// <summary>Every row redrawn (the first frame, or after a resize or palette change).</summary>
    [Benchmark]
    public void FullFrame()
    {
        _rasterizer.Invalidate();
        _rasterizer.Draw(_next++ % 2 == 0 ? _a : _b);
    }

    [Benchmark]
    public void DirtyRowsFrame()
    {
        _rasterizer.Draw(_frames[_next++ % _frames.Length]);
    }
}
