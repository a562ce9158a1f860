using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;

namespace CastTools.Render.Svg;

/// <summary>
/// The keys of the SVG dedupe tables: a 128-bit hash of the markup (or other text) instead of the text itself, so
/// a table costs a few dozen bytes an entry however long its rows are. Collisions are out of reach at 128 bits.
/// The seed keeps families apart (a row and a word with the same markup are different definitions).
/// </summary>
internal static class MarkupKey
{
    public const long Row = 0;
    public const long Word = 1;
    public const long Block = 2;
    public const long Frame = 3;
    public const long Other = 4;

    public static UInt128 Of(StringBuilder text, long family)
    {
        var hash = new XxHash128(family);
        foreach (ReadOnlyMemory<char> chunk in text.GetChunks())
        {
            hash.Append(MemoryMarshal.AsBytes(chunk.Span));
        }

        return hash.GetCurrentHashAsUInt128();
    }

    public static UInt128 Of(ReadOnlySpan<char> text, long family) => XxHash128.HashToUInt128(MemoryMarshal.AsBytes(text), family);
}
