namespace CastTools.Render.Encoders.Gif;

/// <summary>
/// GIF's variable-width LZW (GIF89a appendix F): codes packed LSB-first into data sub-blocks of at most 255 bytes.
/// The string table is an open-addressing hash of (prefix code, next index) with double hashing, so a reset is one
/// array fill and a lookup is one or two probes.
/// </summary>
internal sealed class GifLzwEncoder
{
    private const int MaxBits = 12;
    private const int MaxCodes = 1 << MaxBits;

    // A prime about 25 % above 4096, as in Unix compress: keeps probe chains short when the table is full.
    private const int HashSize = 5003;

    private readonly int[] _hashKeys = new int[HashSize];
    private readonly short[] _hashCodes = new short[HashSize];
    private readonly byte[] _block = new byte[256];

    private Stream _output = Stream.Null;
    private int _blockLength;
    private ulong _bitBuffer;
    private int _bitCount;
    private int _codeSize;

    /// <summary>Writes the minimum-code-size byte, the sub-blocks and the block terminator.</summary>
    public void Encode(ReadOnlySpan<byte> indices, int minCodeSize, Stream output)
    {
        _output = output;
        _blockLength = 0;
        _bitBuffer = 0;
        _bitCount = 0;
        output.WriteByte((byte)minCodeSize);

        int clearCode = 1 << minCodeSize;
        int endCode = clearCode + 1;
        int nextCode = clearCode + 2;
        _codeSize = minCodeSize + 1;
        Array.Fill(_hashKeys, -1);
        WriteCode(clearCode);

        if (!indices.IsEmpty)
        {
            int prefix = indices[0];
            for (int i = 1; i < indices.Length; i++)
            {
                int next = indices[i];
                int key = (next << MaxBits) | prefix;
                int slot = (next << 4) ^ prefix;
                int found = _hashKeys[slot];
                if (found == key)
                {
                    prefix = _hashCodes[slot];
                    continue;
                }

                if (found >= 0)
                {
                    int step = slot == 0 ? 1 : HashSize - slot;
                    while (true)
                    {
                        slot -= step;
                        if (slot < 0)
                        {
                            slot += HashSize;
                        }

                        found = _hashKeys[slot];
                        if (found == key || found < 0)
                        {
                            break;
                        }
                    }

                    if (found == key)
                    {
                        prefix = _hashCodes[slot];
                        continue;
                    }
                }

                WriteCode(prefix);
                if (nextCode < MaxCodes)
                {
                    _hashCodes[slot] = (short)nextCode;
                    _hashKeys[slot] = key;
                    nextCode++;

                    // The decoder adds its entry one code later, so it widens when our next code passes 2^size.
                    if (nextCode > (1 << _codeSize) && _codeSize < MaxBits)
                    {
                        _codeSize++;
                    }
                }
                else
                {
                    WriteCode(clearCode);
                    Array.Fill(_hashKeys, -1);
                    nextCode = clearCode + 2;
                    _codeSize = minCodeSize + 1;
                }

                prefix = next;
            }

            WriteCode(prefix);
        }

        WriteCode(endCode);
        if (_bitCount > 0)
        {
            AppendByte((byte)_bitBuffer);
            _bitBuffer = 0;
            _bitCount = 0;
        }

        FlushBlock();
        output.WriteByte(0);
    }

    private void WriteCode(int code)
    {
        _bitBuffer |= (ulong)code << _bitCount;
        _bitCount += _codeSize;
        while (_bitCount >= 8)
        {
            AppendByte((byte)_bitBuffer);
            _bitBuffer >>= 8;
            _bitCount -= 8;
        }
    }

    private void AppendByte(byte value)
    {
        _block[++_blockLength] = value;
        if (_blockLength == 255)
        {
            FlushBlock();
        }
    }

    private void FlushBlock()
    {
        if (_blockLength == 0)
        {
            return;
        }

        _block[0] = (byte)_blockLength;
        _output.Write(_block, 0, _blockLength + 1);
        _blockLength = 0;
    }
}
