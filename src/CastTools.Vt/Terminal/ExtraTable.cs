namespace CastTools.Vt;

/// <summary>
/// Append-only, interned table of <see cref="CellExtra"/>: equal extras share one id, id 0 means none. Snapshots
/// keep the array they were given; growing makes a new array, so old snapshots stay valid.
/// </summary>
internal sealed class ExtraTable
{
    private readonly Dictionary<CellExtra, int> _ids = [];
    private CellExtra[] _items = new CellExtra[16];
    private int _count = 1;

    public CellExtra[] Items => _items;

    public int Count => _count;

    public CellExtra? Get(int id) => (uint)id < (uint)_count ? _items[id] : null;

    public int Intern(string? grapheme, Color underlineColor, string? hyperlink)
    {
        if (grapheme is null && underlineColor.IsDefault && hyperlink is null)
        {
            return 0;
        }

        var extra = new CellExtra(grapheme, underlineColor, hyperlink);
        if (_ids.TryGetValue(extra, out int id))
        {
            return id;
        }

        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        id = _count++;
        _items[id] = extra;
        _ids.Add(extra, id);
        return id;
    }

    /// <summary>Takes over the contents of <paramref name="other"/> (after compaction); old arrays stay with old snapshots.</summary>
    public void ReplaceWith(ExtraTable other)
    {
        _ids.Clear();
        foreach (KeyValuePair<CellExtra, int> entry in other._ids)
        {
            _ids.Add(entry.Key, entry.Value);
        }

        _items = other._items;
        _count = other._count;
    }
}
