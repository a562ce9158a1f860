namespace CastTools.Vt;

/// <summary>
/// The numeric parameters of a control sequence. Empty parameters read as 0; values saturate at
/// <see cref="VtParser.MaxParamValue"/>. A parameter written after a colon is a sub-parameter of the one before it
/// (<c>38:2::255:0:0</c>, <c>4:3</c>).
/// </summary>
internal readonly ref struct CsiParams
{
    private readonly ReadOnlySpan<int> _values;
    private readonly ulong _subMask;

    public CsiParams(ReadOnlySpan<int> values, ulong subMask)
    {
        _values = values;
        _subMask = subMask;
    }

    public int Length => _values.Length;

    public int this[int index] => _values[index];

    /// <summary>The parameter at <paramref name="index"/>, or <paramref name="defaultValue"/> when missing or 0.</summary>
    public int Get(int index, int defaultValue)
    {
        if ((uint)index >= (uint)_values.Length)
        {
            return defaultValue;
        }

        int value = _values[index];
        return value == 0 ? defaultValue : value;
    }

    /// <summary>Whether the parameter at <paramref name="index"/> was introduced by a colon.</summary>
    public bool IsSubParameter(int index) => (uint)index < 64 && (_subMask & (1UL << index)) != 0;

    /// <summary>How many sub-parameters follow the parameter at <paramref name="index"/>.</summary>
    public int CountSubParameters(int index)
    {
        int count = 0;
        while (IsSubParameter(index + 1 + count) && index + 1 + count < _values.Length)
        {
            count++;
        }

        return count;
    }
}
