namespace CastTools.Vt;

/// <summary>
/// The syntax layer: Paul Williams' DEC ANSI state machine over code points decoded from UTF-8, one method per state
/// with a switch over byte ranges, as alacritty's vte does. All storage is fixed-size and allocated once, so feeding
/// never allocates; a UTF-8 character or a sequence split between two calls is carried over to the next one.
/// </summary>
internal sealed class VtParser
{
    public const int MaxParams = 32;
    public const int MaxParamValue = 65535;
    public const int MaxOscLength = 8192;
    public const int MaxDcsLength = 1024;

    private readonly IVtHandler _handler;
    private readonly int[] _params = new int[MaxParams];
    private readonly byte[] _osc = new byte[MaxOscLength];
    private readonly byte[] _dcs = new byte[MaxDcsLength];

    private ParserState _state;
    private int _paramCount;
    private ulong _subMask;
    private int _intermediates;
    private int _intermediateCount;
    private byte _prefix;
    private bool _ignoring;
    private bool _paramsFull;
    private int _oscLength;
    private int _dcsLength;
    private byte _dcsFinal;

    // UTF-8 decoder state (Unicode "maximal subpart" replacement: one U+FFFD per ill-formed subsequence).
    private int _utf8Needed;
    private int _utf8CodePoint;
    private byte _utf8Lower = 0x80;
    private byte _utf8Upper = 0xBF;

    public VtParser(IVtHandler handler)
    {
        _handler = handler;
    }

    public ParserState State => _state;

    public void Feed(ReadOnlySpan<byte> data)
    {
        int i = 0;
        while (i < data.Length)
        {
            if (_state == ParserState.Ground && _utf8Needed == 0)
            {
                // Bulk path: a run of printable ASCII goes to the handler in one call.
                ReadOnlySpan<byte> rest = data[i..];
                int run = rest.IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E);
                if (run < 0)
                {
                    run = rest.Length;
                }

                if (run > 0)
                {
                    _handler.PrintAscii(rest[..run]);
                    i += run;
                    continue;
                }
            }
            else if (_state == ParserState.OscString && _utf8Needed == 0)
            {
                // Bulk path for OSC payloads (titles, hyperlinks): copy up to the next control byte.
                ReadOnlySpan<byte> rest = data[i..];
                int run = rest.IndexOfAnyInRange((byte)0x00, (byte)0x1F);
                int stop = run < 0 ? rest.Length : run;
                int ascii = rest[..stop].IndexOfAnyExceptInRange((byte)0x20, (byte)0x7F);
                if (ascii >= 0)
                {
                    stop = ascii;
                }

                if (stop > 0)
                {
                    AppendOsc(rest[..stop]);
                    i += stop;
                    continue;
                }
            }

            byte b = data[i];
            if (b >= 0x80 && _utf8Needed == 0 && _state == ParserState.Ground)
            {
                // Whole UTF-8 characters in the ground state are decoded in one step; a character cut off by the
                // end of the chunk falls through to the byte-wise decoder, which carries it to the next call.
                System.Buffers.OperationStatus status = System.Text.Rune.DecodeFromUtf8(data[i..], out System.Text.Rune rune, out int consumed);
                if (status == System.Buffers.OperationStatus.Done)
                {
                    i += consumed;
                    if (rune.Value <= 0x9F)
                    {
                        Advance(rune.Value);
                    }
                    else
                    {
                        _handler.Print(rune.Value);
                    }

                    continue;
                }

                if (status == System.Buffers.OperationStatus.InvalidData)
                {
                    i += consumed;
                    _handler.Print(0xFFFD);
                    continue;
                }
            }

            if (_utf8Needed == 0)
            {
                i++;
                if (b < 0x80)
                {
                    Advance(b);
                }
                else
                {
                    StartUtf8(b);
                }

                continue;
            }

            if (b < _utf8Lower || b > _utf8Upper)
            {
                // Ill-formed: replace what we have and look at this byte again as a fresh start.
                ResetUtf8();
                Advance(0xFFFD);
                continue;
            }

            i++;
            _utf8Lower = 0x80;
            _utf8Upper = 0xBF;
            _utf8CodePoint = (_utf8CodePoint << 6) | (b & 0x3F);
            if (--_utf8Needed == 0)
            {
                Advance(_utf8CodePoint);
            }
        }
    }

    /// <summary>Back to the ground state with nothing pending (RIS does not reset the parser; this is for tests).</summary>
    public void Reset()
    {
        _state = ParserState.Ground;
        ResetUtf8();
        Clear();
    }

    private void StartUtf8(byte b)
    {
        if (b is >= 0xC2 and <= 0xDF)
        {
            _utf8Needed = 1;
            _utf8CodePoint = b & 0x1F;
        }
        else if (b is >= 0xE0 and <= 0xEF)
        {
            _utf8Needed = 2;
            _utf8CodePoint = b & 0x0F;
            if (b == 0xE0)
            {
                _utf8Lower = 0xA0;
            }
            else if (b == 0xED)
            {
                _utf8Upper = 0x9F; // no surrogates
            }
        }
        else if (b is >= 0xF0 and <= 0xF4)
        {
            _utf8Needed = 3;
            _utf8CodePoint = b & 0x07;
            if (b == 0xF0)
            {
                _utf8Lower = 0x90;
            }
            else if (b == 0xF4)
            {
                _utf8Upper = 0x8F; // nothing above U+10FFFF
            }
        }
        else
        {
            Advance(0xFFFD);
        }
    }

    private void ResetUtf8()
    {
        _utf8Needed = 0;
        _utf8CodePoint = 0;
        _utf8Lower = 0x80;
        _utf8Upper = 0xBF;
    }

    private void Advance(int c)
    {
        // "Anywhere" transitions of the diagram.
        if (c == 0x1B)
        {
            EndString(dispatch: true);
            Clear();
            _state = ParserState.Escape;
            return;
        }

        if (c is 0x18 or 0x1A)
        {
            EndString(dispatch: false);
            _handler.Execute(c);
            _state = ParserState.Ground;
            return;
        }

        if (c is >= 0x80 and <= 0x9F)
        {
            AnywhereC1(c);
            return;
        }

        switch (_state)
        {
            case ParserState.Ground:
                AdvanceGround(c);
                break;
            case ParserState.Escape:
                AdvanceEscape(c);
                break;
            case ParserState.EscapeIntermediate:
                AdvanceEscapeIntermediate(c);
                break;
            case ParserState.CsiEntry:
                AdvanceCsiEntry(c);
                break;
            case ParserState.CsiParam:
                AdvanceCsiParam(c);
                break;
            case ParserState.CsiIntermediate:
                AdvanceCsiIntermediate(c);
                break;
            case ParserState.CsiIgnore:
                AdvanceCsiIgnore(c);
                break;
            case ParserState.DcsEntry:
                AdvanceDcsEntry(c);
                break;
            case ParserState.DcsParam:
                AdvanceDcsParam(c);
                break;
            case ParserState.DcsIntermediate:
                AdvanceDcsIntermediate(c);
                break;
            case ParserState.DcsPassthrough:
                AdvanceDcsPassthrough(c);
                break;
            case ParserState.DcsIgnore:
                break;
            case ParserState.OscString:
                AdvanceOscString(c);
                break;
            case ParserState.SosPmApcString:
                break;
        }
    }

    private void AnywhereC1(int c)
    {
        EndString(dispatch: true);
        Clear();
        switch (c)
        {
            case 0x90:
                _state = ParserState.DcsEntry;
                break;
            case 0x9B:
                _state = ParserState.CsiEntry;
                break;
            case 0x9D:
                _oscLength = 0;
                _state = ParserState.OscString;
                break;
            case 0x98 or 0x9E or 0x9F:
                _state = ParserState.SosPmApcString;
                break;
            case 0x9C:
                _state = ParserState.Ground;
                break;
            default:
                _handler.Execute(c);
                _state = ParserState.Ground;
                break;
        }
    }

    private void AdvanceGround(int c)
    {
        if (c < 0x20)
        {
            _handler.Execute(c);
        }
        else if (c != 0x7F)
        {
            _handler.Print(c);
        }
    }

    private void AdvanceEscape(int c)
    {
        switch (c)
        {
            case < 0x20:
                _handler.Execute(c);
                break;
            case <= 0x2F:
                Collect(c);
                _state = ParserState.EscapeIntermediate;
                break;
            case '[':
                _state = ParserState.CsiEntry;
                break;
            case ']':
                _oscLength = 0;
                _state = ParserState.OscString;
                break;
            case 'P':
                _state = ParserState.DcsEntry;
                break;
            case 'X' or '^' or '_':
                _state = ParserState.SosPmApcString;
                break;
            case <= 0x7E:
                _handler.EscDispatch(_intermediates, (byte)c);
                _state = ParserState.Ground;
                break;
            default:
                // DEL and non-ASCII code points are ignored here.
                break;
        }
    }

    private void AdvanceEscapeIntermediate(int c)
    {
        switch (c)
        {
            case < 0x20:
                _handler.Execute(c);
                break;
            case <= 0x2F:
                Collect(c);
                break;
            case <= 0x7E:
                if (!_ignoring)
                {
                    _handler.EscDispatch(_intermediates, (byte)c);
                }

                _state = ParserState.Ground;
                break;
            default:
                break;
        }
    }

    private void AdvanceCsiEntry(int c)
    {
        switch (c)
        {
            case < 0x20:
                _handler.Execute(c);
                break;
            case <= 0x2F:
                Collect(c);
                _state = ParserState.CsiIntermediate;
                break;
            case <= 0x3B:
                Param(c);
                _state = ParserState.CsiParam;
                break;
            case <= 0x3F:
                _prefix = (byte)c;
                _state = ParserState.CsiParam;
                break;
            case <= 0x7E:
                CsiDispatch((byte)c);
                break;
            default:
                break;
        }
    }

    private void AdvanceCsiParam(int c)
    {
        switch (c)
        {
            case < 0x20:
                _handler.Execute(c);
                break;
            case <= 0x2F:
                Collect(c);
                _state = ParserState.CsiIntermediate;
                break;
            case <= 0x3B:
                Param(c);
                break;
            case <= 0x3F:
                _state = ParserState.CsiIgnore;
                break;
            case <= 0x7E:
                CsiDispatch((byte)c);
                break;
            default:
                break;
        }
    }

    private void AdvanceCsiIntermediate(int c)
    {
        switch (c)
        {
            case < 0x20:
                _handler.Execute(c);
                break;
            case <= 0x2F:
                Collect(c);
                break;
            case <= 0x3F:
                _state = ParserState.CsiIgnore;
                break;
            case <= 0x7E:
                CsiDispatch((byte)c);
                break;
            default:
                break;
        }
    }

    private void AdvanceCsiIgnore(int c)
    {
        if (c < 0x20)
        {
            _handler.Execute(c);
        }
        else if (c is >= 0x40 and <= 0x7E)
        {
            _state = ParserState.Ground;
        }
    }

    private void AdvanceDcsEntry(int c)
    {
        switch (c)
        {
            case < 0x20:
                break;
            case <= 0x2F:
                Collect(c);
                _state = ParserState.DcsIntermediate;
                break;
            case <= 0x3B:
                Param(c);
                _state = ParserState.DcsParam;
                break;
            case <= 0x3F:
                _prefix = (byte)c;
                _state = ParserState.DcsParam;
                break;
            case <= 0x7E:
                DcsHook((byte)c);
                break;
            default:
                break;
        }
    }

    private void AdvanceDcsParam(int c)
    {
        switch (c)
        {
            case < 0x20:
                break;
            case <= 0x2F:
                Collect(c);
                _state = ParserState.DcsIntermediate;
                break;
            case <= 0x3B:
                Param(c);
                break;
            case <= 0x3F:
                _state = ParserState.DcsIgnore;
                break;
            case <= 0x7E:
                DcsHook((byte)c);
                break;
            default:
                break;
        }
    }

    private void AdvanceDcsIntermediate(int c)
    {
        switch (c)
        {
            case < 0x20:
                break;
            case <= 0x2F:
                Collect(c);
                break;
            case <= 0x3F:
                _state = ParserState.DcsIgnore;
                break;
            case <= 0x7E:
                DcsHook((byte)c);
                break;
            default:
                break;
        }
    }

    private void AdvanceDcsPassthrough(int c)
    {
        if (c < 0x7F && _dcsLength < _dcs.Length)
        {
            _dcs[_dcsLength++] = (byte)c;
        }
    }

    private void AdvanceOscString(int c)
    {
        if (c == 0x07)
        {
            _handler.OscDispatch(_osc.AsSpan(0, _oscLength), bellTerminated: true);
            _oscLength = 0;
            _state = ParserState.Ground;
        }
        else if (c >= 0x20)
        {
            Span<byte> utf8 = stackalloc byte[4];
            int length = new System.Text.Rune(c).EncodeToUtf8(utf8);
            AppendOsc(utf8[..length]);
        }
    }

    private void AppendOsc(ReadOnlySpan<byte> bytes)
    {
        int room = _osc.Length - _oscLength;
        if (bytes.Length > room)
        {
            bytes = bytes[..room];
        }

        bytes.CopyTo(_osc.AsSpan(_oscLength));
        _oscLength += bytes.Length;
    }

    /// <summary>Leaves an OSC or DCS string: dispatches it (on ESC or ST) or drops it (on CAN/SUB).</summary>
    private void EndString(bool dispatch)
    {
        if (_state == ParserState.OscString)
        {
            if (dispatch)
            {
                _handler.OscDispatch(_osc.AsSpan(0, _oscLength), bellTerminated: false);
            }

            _oscLength = 0;
        }
        else if (_state == ParserState.DcsPassthrough)
        {
            if (dispatch && !_ignoring)
            {
                _handler.DcsDispatch(
                    new CsiParams(_params.AsSpan(0, _paramCount), _subMask), _prefix, _intermediates, _dcsFinal, _dcs.AsSpan(0, _dcsLength));
            }

            _dcsLength = 0;
        }
    }

    private void DcsHook(byte final)
    {
        _dcsFinal = final;
        _dcsLength = 0;
        _state = ParserState.DcsPassthrough;
    }

    private void CsiDispatch(byte final)
    {
        if (!_ignoring)
        {
            _handler.CsiDispatch(new CsiParams(_params.AsSpan(0, _paramCount), _subMask), _prefix, _intermediates, final);
        }

        _state = ParserState.Ground;
    }

    private void Clear()
    {
        _paramCount = 0;
        _subMask = 0;
        _intermediates = 0;
        _intermediateCount = 0;
        _prefix = 0;
        _ignoring = false;
        _paramsFull = false;
    }

    private void Collect(int c)
    {
        if (_intermediateCount == 2)
        {
            _ignoring = true;
            return;
        }

        _intermediates |= c << (8 * _intermediateCount);
        _intermediateCount++;
    }

    private void Param(int c)
    {
        if (_paramCount == 0)
        {
            _params[0] = 0;
            _paramCount = 1;
        }

        if (c <= '9')
        {
            if (_paramsFull)
            {
                return;
            }

            ref int value = ref _params[_paramCount - 1];
            value = Math.Min(value * 10 + (c - '0'), MaxParamValue);
            return;
        }

        // ';' starts the next parameter, ':' the next sub-parameter. Beyond the limit, extra ones are dropped.
        if (_paramCount == MaxParams)
        {
            _paramsFull = true;
            return;
        }

        if (c == ':')
        {
            _subMask |= 1UL << _paramCount;
        }

        _params[_paramCount++] = 0;
    }
}
