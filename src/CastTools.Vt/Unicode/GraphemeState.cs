namespace CastTools.Vt;

/// <summary>
/// What <see cref="GraphemeJoiner"/> remembers about the cluster being built: the last code point seen, whether it
/// ends an emoji ZWJ sequence in progress (UAX #29 GB11) and whether it ends an unpaired regional indicator
/// (GB12/GB13). The default value means "nothing seen yet".
/// </summary>
/// <remarks>
/// Keep one per terminal and call <see cref="Reset"/> whenever the next printed character no longer lands right
/// after the previous one (cursor movement, erase, a control function). <see cref="GraphemeJoiner.Joins"/> also
/// starts over by itself when it is handed a previous code point other than the last one it saw.
/// </remarks>
internal struct GraphemeState
{
    // Last code point seen plus one, so that default(GraphemeState) means "none".
    private int _lastPlusOne;
    private EmojiSequence _emoji;
    private bool _unpairedRegionalIndicator;

    /// <summary>Forgets the current cluster; the next code point starts a new one.</summary>
    public void Reset() => this = default;

    /// <summary>Starts a new cluster with <paramref name="codePoint"/>, as a code point printed into a fresh cell.</summary>
    public void Start(int codePoint)
    {
        this = default;
        Advance(codePoint, UnicodeProperties.Get(codePoint), joined: false);
    }

    internal readonly bool Follows(int codePoint) => _lastPlusOne == codePoint + 1 && _lastPlusOne != 0;

    internal readonly bool EmojiZwjPending => _emoji == EmojiSequence.PictographicZwj;

    internal readonly bool UnpairedRegionalIndicator => _unpairedRegionalIndicator;

    internal void Advance(int codePoint, byte properties, bool joined)
    {
        GraphemeBreak gcb = UnicodeProperties.GetGraphemeBreak(properties);
        if (UnicodeProperties.IsExtendedPictographic(properties))
        {
            _emoji = EmojiSequence.Pictographic;
        }
        else if (_emoji == EmojiSequence.Pictographic && gcb == GraphemeBreak.Extend)
        {
            // GB11 allows Extend* between the pictograph and the ZWJ (skin tones, VS16).
        }
        else if (_emoji == EmojiSequence.Pictographic && gcb == GraphemeBreak.Zwj)
        {
            _emoji = EmojiSequence.PictographicZwj;
        }
        else
        {
            _emoji = EmojiSequence.None;
        }

        _unpairedRegionalIndicator = gcb == GraphemeBreak.RegionalIndicator && !joined;
        _lastPlusOne = codePoint + 1;
    }

    private enum EmojiSequence : byte
    {
        None,

        /// <summary>Extended_Pictographic Extend*.</summary>
        Pictographic,

        /// <summary>Extended_Pictographic Extend* ZWJ: a following Extended_Pictographic joins (GB11).</summary>
        PictographicZwj,
    }
}
