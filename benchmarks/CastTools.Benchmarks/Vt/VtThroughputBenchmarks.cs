using BenchmarkDotNet.Attributes;
using CastTools.Vt;

namespace CastTools.Benchmarks.Vt;

/// <summary>
/// Emulator throughput: each operation feeds about 1 MiB of generated terminal output (see <see cref="VtInput"/>) into
/// a <see cref="Terminal"/> of 120x40 that lives across operations (steady state, no scrollback). The MB/s column is
/// input bytes / mean time; Allocated is per 1 MiB operation.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class VtThroughputBenchmarks
{
    private const int ChunkSize = 4096;

    private byte[] _input = [];
    private Terminal _terminal = null!;

    [Params(VtWorkload.PlainAscii, VtWorkload.SgrColour, VtWorkload.CursorRedraw, VtWorkload.CjkEmoji)]
    public VtWorkload Workload { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _input = VtInput.Get(Workload);
        _terminal = new Terminal(VtInput.Columns, VtInput.Rows);

        // Warm the terminal (interned clusters, row buffers) so the measured operations are steady state.
        _terminal.Feed(_input);
    }

    [Benchmark(Description = "whole")]
    public int FeedWhole()
    {
        _terminal.Feed(_input);
        return _terminal.CursorRow;
    }

    [Benchmark(Description = "4 KiB chunks")]
    public int FeedChunks()
    {
        ReadOnlySpan<byte> input = _input;
        while (!input.IsEmpty)
        {
            int length = Math.Min(ChunkSize, input.Length);
            _terminal.Feed(input[..length]);
            input = input[length..];
        }

        return _terminal.CursorRow;
    }
}
