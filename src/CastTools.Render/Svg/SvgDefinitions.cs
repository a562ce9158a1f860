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
    /// <summary>Entries the table holds before it starts afresh (see <see cref="MarkupTable"/>).</summary>
    public const int MaxEntries = MarkupTable.MaxEntries;

    private readonly MarkupTable _ids = new();
    private readonly StringBuilder _pending = new();
    private int _next;
    private int _nextGlyph;

    /// <summary>Number of distinct definitions held.</summary>
    public int Count => _ids.Count;

    /// <summary>As <see cref="GetOrAdd{TState}(MarkupKey, TState, Action{StringBuilder, string, TState}, bool)"/>, for a key given as text.</summary>
    public string GetOrAdd<TState>(string key, TState state, Action<StringBuilder, string, TState> write, bool glyph = false) =>
        GetOrAdd(MarkupKey.Of(key, MarkupKey.Other), state, write, glyph);

    /// <summary>
    /// The id of the definition known by <paramref name="key"/> (see <see cref="MarkupKey"/>); when new,
    /// <paramref name="write"/> appends its markup (given the new id) to the pending definitions.
    /// </summary>
    /// <param name="glyph">A glyph (outline, emoji, geometry): referenced the most, so it takes the shortest ids.</param>
    public string GetOrAdd<TState>(MarkupKey key, TState state, Action<StringBuilder, string, TState> write, bool glyph = false)
    {
        if (!_ids.TryGet(key, out string? id, out _) || id is null)
        {
            id = glyph ? GlyphId(_nextGlyph++) : NewId();
            _ids.Set(key, id); // starts afresh when full (see MarkupTable)
            write(_pending, id, state);
        }

        return id;
    }

    /// <summary>The id of the definition known by <paramref name="key"/>, if any.</summary>
    public bool TryGet(MarkupKey key, out string? id) => _ids.TryGet(key, out id, out _);

    /// <summary>A fresh id not tied to a key, for elements that are defined in place (frames).</summary>
    public string NewId() => OtherId(_next++);

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

    // Ids are as short as XML names allow, in two disjoint families. Glyphs, referenced thousands of times: one
    // letter (52), then letter + digit (520), then more base-62 characters. Everything else (rows, words, frames,
    // clip): two letters (2,704), then more base-62 characters. A glyph id longer than one character has a digit
    // second, any other id a letter second, so the families never meet.
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private static string GlyphId(int value)
    {
        if (value < 52)
        {
            return Alphabet[value].ToString();
        }

        value -= 52;
        return Compact(Alphabet[value % 52], Alphabet[52 + (value / 52 % 10)], value / 520);
    }

    private static string OtherId(int value) => Compact(Alphabet[value % 52], Alphabet[value / 52 % 52], value / 2704);

    // Two leading characters, then q in bijective base 62 (nothing when q is 0).
    private static string Compact(char first, char second, int q)
    {
        Span<char> digits = stackalloc char[10];
        int n = digits.Length;
        while (q > 0)
        {
            q--;
            digits[--n] = Alphabet[q % 62];
            q /= 62;
        }

        digits[--n] = second;
        digits[--n] = first;
        return new string(digits[n..]);
    }
}
