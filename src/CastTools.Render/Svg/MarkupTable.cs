namespace CastTools.Render.Svg;

/// <summary>
/// A bounded map from <see cref="MarkupKey"/> to an id and a number: the SVG encoder's dedupe tables. When it holds
/// <see cref="MaxEntries"/> it starts afresh, so memory stays bounded on any recording; forgetting costs only
/// sharing (ids already written stay valid, content seen again is defined again under a new id).
/// </summary>
/// <remarks>Open addressing over plain arrays rather than a Dictionary: generic collections over our own structs are
/// not precompiled (ReadyToRun) and JIT-compiling them costs more than a small render.</remarks>
internal sealed class MarkupTable
{
    /// <summary>Entries held before the table starts afresh.</summary>
    public const int MaxEntries = 1 << 16;

    private MarkupKey[] _keys = new MarkupKey[64];
    private string?[] _ids = new string?[64];
    private int[] _numbers = new int[64];
    private bool[] _used = new bool[64];

    public int Count { get; private set; }

    public bool TryGet(MarkupKey key, out string? id, out int number)
    {
        int slot = Find(key);
        if (_used[slot])
        {
            id = _ids[slot];
            number = _numbers[slot];
            return true;
        }

        id = null;
        number = 0;
        return false;
    }

    public bool Contains(MarkupKey key) => _used[Find(key)];

    /// <summary>Adds or replaces the entry of <paramref name="key"/>.</summary>
    public void Set(MarkupKey key, string? id, int number = 0)
    {
        int slot = Find(key);
        if (!_used[slot])
        {
            if (Count >= MaxEntries)
            {
                Clear();
            }
            else if ((Count + 1) * 2 > _keys.Length)
            {
                Grow();
            }

            slot = Find(key);
            _used[slot] = true;
            _keys[slot] = key;
            Count++;
        }

        _ids[slot] = id;
        _numbers[slot] = number;
    }

    public void Clear()
    {
        Array.Clear(_used);
        Array.Clear(_ids);
        Count = 0;
    }

    // Linear probing; the table is at most half full, so a free slot is always found.
    private int Find(MarkupKey key)
    {
        int mask = _keys.Length - 1;
        int slot = (int)key.Low & mask;
        while (_used[slot] && _keys[slot] != key)
        {
            slot = (slot + 1) & mask;
        }

        return slot;
    }

    private void Grow()
    {
        MarkupKey[] keys = _keys;
        string?[] ids = _ids;
        int[] numbers = _numbers;
        bool[] used = _used;
        int size = keys.Length * 2;
        _keys = new MarkupKey[size];
        _ids = new string?[size];
        _numbers = new int[size];
        _used = new bool[size];
        for (int i = 0; i < keys.Length; i++)
        {
            if (used[i])
            {
                int slot = Find(keys[i]);
                _used[slot] = true;
                _keys[slot] = keys[i];
                _ids[slot] = ids[i];
                _numbers[slot] = numbers[i];
            }
        }
    }
}
