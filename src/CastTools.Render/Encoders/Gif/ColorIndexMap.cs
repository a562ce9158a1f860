namespace CastTools.Render.Encoders.Gif;

/// <summary>
/// Colour (packed BGRA) → palette index, open addressing. Remembers insertion order, so palettes built from it are
/// deterministic, and clears in time proportional to its content, so it can be reused for every frame.
/// </summary>
internal sealed class ColorIndexMap
{
    private uint[] _keys;
    private int[] _values;
    private uint[] _order;
    private int[] _slots;
    private int _count;
    private int _mask;

    public ColorIndexMap(int capacity = 512)
    {
        int size = 16;
        while (size < capacity * 2)
        {
            size <<= 1;
        }

        (_keys, _values, _order, _slots) = Allocate(size);
        _mask = size - 1;
    }

    public int Count => _count;

    /// <summary>The <paramref name="i"/>-th key in insertion order.</summary>
    public uint KeyAt(int i) => _order[i];

    public bool TryGetValue(uint key, out int value)
    {
        int slot = Hash(key) & _mask;
        while (true)
        {
            int v = _values[slot];
            if (v < 0)
            {
                value = -1;
                return false;
            }

            if (_keys[slot] == key)
            {
                value = v;
                return true;
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>Adds <paramref name="key"/> unless present; returns the stored value either way.</summary>
    public int GetOrAdd(uint key, int value)
    {
        int slot = Hash(key) & _mask;
        while (true)
        {
            int v = _values[slot];
            if (v < 0)
            {
                break;
            }

            if (_keys[slot] == key)
            {
                return v;
            }

            slot = (slot + 1) & _mask;
        }

        if (_count * 2 >= _order.Length)
        {
            Grow();
            return GetOrAdd(key, value);
        }

        _keys[slot] = key;
        _values[slot] = value;
        _order[_count] = key;
        _slots[_count] = slot;
        _count++;
        return value;
    }

    /// <summary>Sets the value of a key already present.</summary>
    public void Set(uint key, int value)
    {
        int slot = Hash(key) & _mask;
        while (_keys[slot] != key || _values[slot] < 0)
        {
            slot = (slot + 1) & _mask;
        }

        _values[slot] = value;
    }

    public void Clear()
    {
        for (int i = 0; i < _count; i++)
        {
            _values[_slots[i]] = -1;
        }

        _count = 0;
    }

    // Slots for size keys (at most half used), values -1 for empty.
    private static (uint[] Keys, int[] Values, uint[] Order, int[] Slots) Allocate(int size)
    {
        int[] values = new int[size];
        Array.Fill(values, -1);
        return (new uint[size], values, new uint[size / 2], new int[size / 2]);
    }

    private static int Hash(uint key) => (int)((key * 0x9E3779B1u) >> 7);

    private void Grow()
    {
        uint[] order = _order;
        int[] slots = _slots;
        int[] oldValues = _values;
        int count = _count;
        int size = _keys.Length * 2;
        (_keys, _values, _order, _slots) = Allocate(size);
        _mask = size - 1;
        _count = 0;
        for (int i = 0; i < count; i++)
        {
            GetOrAdd(order[i], oldValues[slots[i]]);
        }
    }
}
