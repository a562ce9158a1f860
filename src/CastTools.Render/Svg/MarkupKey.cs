using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;

namespace CastTools.Render.Svg;

/// <summary>
/// The key of an SVG dedupe table entry: a 128-bit hash of the markup (or other text) instead of the text itself,
/// so a table costs a few dozen bytes an entry however long its rows are. Collisions are out of reach at 128 bits.
/// The family keeps kinds apart (a row and a word with the same markup are different definitions).
/// </summary>
/// <remarks>Two scalar XxHash64 passes with different seeds rather than XxHash128, whose vectorised code cannot be
/// precompiled (ReadyToRun) and would be JIT-compiled on every run: startup is most of a small render.</remarks>
internal readonly struct MarkupKey : IEquatable<MarkupKey>
{
    public const long Row = 0;
    public const long Word = 1;
    public const long Block = 2;
    public const long Frame = 3;
    public const long Other = 4;

    private const long SecondSeed = 0x5bd1e995;

    private MarkupKey(ulong low, ulong high)
    {
        Low = low;
        High = high;
    }

    public ulong Low { get; }

    public ulong High { get; }

    public static MarkupKey Of(StringBuilder text, long family)
    {
        var low = new XxHash64(family);
        var high = new XxHash64(family ^ SecondSeed);
        foreach (ReadOnlyMemory<char> chunk in text.GetChunks())
        {
            ReadOnlySpan<byte> bytes = MemoryMarshal.AsBytes(chunk.Span);
            low.Append(bytes);
            high.Append(bytes);
        }

        return new MarkupKey(low.GetCurrentHashAsUInt64(), high.GetCurrentHashAsUInt64());
    }

    public static MarkupKey Of(ReadOnlySpan<char> text, long family)
    {
        ReadOnlySpan<byte> bytes = MemoryMarshal.AsBytes(text);
        return new MarkupKey(XxHash64.HashToUInt64(bytes, family), XxHash64.HashToUInt64(bytes, family ^ SecondSeed));
    }

    public static bool operator ==(MarkupKey a, MarkupKey b) => a.Equals(b);

    public static bool operator !=(MarkupKey a, MarkupKey b) => !a.Equals(b);

    public bool Equals(MarkupKey other) => Low == other.Low && High == other.High;

    public override bool Equals(object? obj) => obj is MarkupKey other && Equals(other);

    public override int GetHashCode() => (int)Low ^ (int)(Low >> 32);
}
