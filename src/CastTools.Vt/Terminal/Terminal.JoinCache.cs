namespace CastTools.Vt;

public sealed partial class Terminal
{
    // Joining a code point to a cell's cluster builds the new cluster string and interns it; text repeats the same
    // clusters (accented letters, the same emoji), so remember (cell's extra id, its base code point, joined code
    // point) -> resulting extra id. The base code point is part of the key because an extra id may carry only an
    // underline colour or a hyperlink, shared by cells with different characters. Extra ids are never reused (ExtraTable is append-only), so
    // entries never go stale; the cache grows with the number of distinct clusters, like the table itself.
    // Without it every combining mark, skin tone or ZWJ allocated ~100-150 bytes (benchmarks: CjkEmoji).
    private readonly Dictionary<(int ExtraId, int BaseCodePoint, int CodePoint), int> _joinCache = [];

    /// <summary>The extra id of <paramref name="cell"/>'s cluster with <paramref name="codePoint"/> appended, or -1 when the cluster is too long.</summary>
    private int JoinedExtraId(in Cell cell, int codePoint)
    {
        var key = (cell.ExtraId, cell.CodePoint, codePoint);
        if (_joinCache.TryGetValue(key, out int id))
        {
            return id;
        }

        CellExtra? extra = _extras.Get(cell.ExtraId);
        string text = extra?.Grapheme ?? char.ConvertFromUtf32(cell.CodePoint is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? cell.CodePoint : ' ');
        if (text.Length > 64)
        {
            return -1; // Bound pathological clusters (thousands of combining marks).
        }

        text += char.ConvertFromUtf32(codePoint);
        id = _extras.Intern(text, extra?.UnderlineColor ?? default, extra?.Hyperlink);
        _joinCache.Add(key, id);
        return id;
    }
}
