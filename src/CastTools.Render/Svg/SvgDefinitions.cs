using System.Text;

namespace CastTools.Render.Svg;

/// <summary>
/// The deduplicated <c>&lt;defs&gt;</c> of an SVG being streamed: glyph outlines, emoji images, rows and cursors,
/// each stored once under a short id and referenced by <c>&lt;use&gt;</c>. New definitions are held until the
/// encoder flushes them just before the frame that first uses them (<c>&lt;use&gt;</c> may point anywhere in the
/// document, so nothing needs to be known in advance and the document streams).
/// </summary>
internal sealed class SvgDefinitions
{
    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);
    private readonly StringBuilder _pending = new();
    private int _next;

    /// <summary>Number of distinct definitions so far.</summary>
    public int Count => _ids.Count;

    /// <summary>
    /// The id of the definition known by <paramref name="key"/>; when new, <paramref name="write"/> appends its
    /// markup (given the new id) to the pending definitions.
    /// </summary>
    public string GetOrAdd<TState>(string key, TState state, Action<StringBuilder, string, TState> write)
    {
        if (!_ids.TryGetValue(key, out string? id))
        {
            id = NewId();
            _ids.Add(key, id);
            write(_pending, id, state);
        }

        return id;
    }

    /// <summary>A fresh id not tied to a key, for elements that are defined in place (frames).</summary>
    public string NewId() => Compact(_next++);

    public bool HasPending => _pending.Length > 0;

    /// <summary>Writes the pending definitions in one <c>&lt;defs&gt;</c> element and forgets them.</summary>
    public void Flush(TextWriter writer)
    {
        if (_pending.Length == 0)
        {
            return;
        }

        writer.Write("<defs>");
        foreach (ReadOnlyMemory<char> chunk in _pending.GetChunks())
        {
            writer.Write(chunk.Span);
        }

        writer.Write("</defs>");
        _pending.Clear();
    }

    // Ids are as short as XML names allow: a first character from 52 letters, then base 62 (a..Z, then a0..ZZ...);
    // every <use> carries one, so each character saved is saved thousands of times.
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private static string Compact(int value)
    {
        Span<char> digits = stackalloc char[8];
        int n = digits.Length;
        int first = value % 52;
        value /= 52;
        while (value > 0)
        {
            value--;
            digits[--n] = Alphabet[value % 62];
            value /= 62;
        }

        digits[--n] = Alphabet[first];
        return new string(digits[n..]);
    }
}
