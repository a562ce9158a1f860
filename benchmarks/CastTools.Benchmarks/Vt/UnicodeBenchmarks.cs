using BenchmarkDotNet.Attributes;
using CastTools.Vt;

namespace CastTools.Benchmarks.Vt;

/// <summary>
/// Cost of the Unicode lookups per code point: <see cref="UnicodeWidth.GetWidth"/> and
/// <see cref="GraphemeJoiner.Joins"/> over 4096 seeded code points drawn from Latin, CJK, Hangul and emoji.
/// The mean is per code point (OperationsPerInvoke).
/// </summary>
[MemoryDiagnoser]
public class UnicodeBenchmarks
{
    private const int Count = 4096;

    private static readonly (int First, int Last)[] s_ranges =
    [
        (0x20, 0x7E), (0xA0, 0x24F), (0x300, 0x36F), (0x391, 0x3C9), (0x4E00, 0x9FFF), (0xAC00, 0xD7A3),
        (0x3040, 0x30FF), (0x1F300, 0x1F64F), (0x1F3FB, 0x1F3FF), (0x200D, 0x200D), (0xFE0F, 0xFE0F), (0x1F1E6, 0x1F1FF),
    ];

    private readonly int[] _codePoints = new int[Count];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261124);
        for (int i = 0; i < Count; i++)
        {
            (int first, int last) = s_ranges[random.Next(s_ranges.Length)];
            _codePoints[i] = random.Next(first, last + 1);
        }
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int GetWidth()
    {
        int sum = 0;
        foreach (int codePoint in _codePoints)
        {
            sum += UnicodeWidth.GetWidth(codePoint);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int Joins()
    {
        GraphemeState state = default;
        int joins = 0;
        int previous = _codePoints[0];
        for (int i = 1; i < _codePoints.Length; i++)
        {
            int codePoint = _codePoints[i];
            if (GraphemeJoiner.Joins(ref state, previous, codePoint))
            {
                joins++;
            }

            previous = codePoint;
        }

        return joins;
    }
}
