using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CastTools.Asciicast;

/// <summary>
/// v1: one JSON object whose <c>stdout</c> array holds <c>[delay, data]</c> pairs. Key order is arbitrary (asciinema 1.x
/// wrote a Python dict), so the header may follow <c>stdout</c>. Two streaming passes keep memory bounded: the first
/// collects the header and notes where <c>stdout</c> starts, the second reads the events from there. Unseekable input
/// (stdin) is spooled to a temporary file first.
/// </summary>
public sealed partial class CastReader
{
    private CastHeader ReadV1Header(int bom)
    {
        Rewind();
        var fields = new JsonObject();
        JsonReaderState state = default;
        bool started = false;
        bool done = false;
        bool inStdout = false;
        if (bom > 0)
        {
            _input.Consume(bom);
        }

        while (!done)
        {
            ReadOnlySpan<byte> span = _input.Available;
            var reader = new Utf8JsonReader(span, isFinalBlock: false, state);
            try
            {
                while (true)
                {
                    Utf8JsonReader checkpoint = reader;
                    if (!reader.Read())
                    {
                        break;
                    }

                    if (!started)
                    {
                        if (reader.TokenType != JsonTokenType.StartObject)
                        {
                            throw Error(1, "header is not a JSON object");
                        }

                        started = true;
                        continue;
                    }

                    if (inStdout)
                    {
                        inStdout = !(reader.TokenType == JsonTokenType.EndArray && reader.CurrentDepth == 1);
                        continue;
                    }

                    if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0)
                    {
                        done = true;
                        break;
                    }

                    string name = reader.GetString()!;
                    if (!reader.Read())
                    {
                        reader = checkpoint;
                        break;
                    }

                    if (name == "stdout")
                    {
                        if (reader.TokenType != JsonTokenType.StartArray)
                        {
                            throw Error(LineAt(span, (int)reader.TokenStartIndex), "\"stdout\" is not an array");
                        }

                        _v1StdoutOffset = _input.Position + reader.TokenStartIndex;
                        _v1StdoutLine = LineAt(span, (int)reader.TokenStartIndex) - 1;
                        inStdout = true;
                        continue;
                    }

                    int start = (int)reader.TokenStartIndex;
                    if (!reader.TrySkip())
                    {
                        reader = checkpoint;
                        break;
                    }

                    fields[name] = JsonNode.Parse(span[start..(int)reader.BytesConsumed]);
                }
            }
            catch (JsonException e)
            {
                throw Error((e.LineNumber ?? 0) + 1, (started ? "invalid JSON: " : "not an asciicast file: ") + Describe(e));
            }
            catch (InvalidOperationException e)
            {
                throw Error(_input.ConsumedLines + 1, DescribeText(e, "header"));
            }

            state = reader.CurrentState;
            _input.Consume((int)reader.BytesConsumed);
            if (!done && !_input.Fill())
            {
                if (_input.Overflowed)
                {
                    throw Error(_input.ConsumedLines + 1, $"a value is longer than {InputBuffer.MaxBufferSize / (1024 * 1024)} MB");
                }

                _v1Truncated = true;
                break;
            }
        }

        if (!started)
        {
            throw Error(1, "file is empty");
        }

        int version = ReadVersion(fields);
        if (version != 1 && _v1Truncated)
        {
            throw Error(1, "file ends inside the header (truncated)");
        }

        if (version != 1)
        {
            throw Error(1, "a multi-line header is only valid in asciicast v1; v2 and v3 headers must be one line");
        }

        long lastLine = _input.ConsumedLines + 1;
        if (_v1Truncated && (!fields.ContainsKey("width") || !fields.ContainsKey("height")))
        {
            throw Error(lastLine, "file ends before the header is complete (truncated)");
        }

        CastHeader header = CastHeaderParser.Parse(fields, 1, _fileName, 1, _warnings);
        if (_v1Truncated)
        {
            _warnings.Add($"{_fileName}:{lastLine}: recording is truncated (cut off mid-write); every complete event before it is kept");
        }

        // Second pass: position the input at the stdout array.
        Rewind();
        if (_v1StdoutOffset >= 0)
        {
            SkipTo(_v1StdoutOffset);
        }

        return header;
    }

    /// <summary>Restarts reading from the beginning of the (decoded) input, spooling unseekable input to a temp file once.</summary>
    private void Rewind()
    {
        if (_spool is null && !_raw.CanSeek)
        {
            // Nothing has been consumed yet (only the header probe was buffered): keep it, then copy the rest.
            _spool = new FileStream(
                Path.Combine(Path.GetTempPath(), "casttools-" + Guid.NewGuid().ToString("N") + ".cast"),
                FileMode.CreateNew,
                FileAccess.ReadWrite,
                FileShare.None,
                bufferSize: 81920,
                FileOptions.DeleteOnClose);
            _spool.Write(_input.Available);
            _decoded.CopyTo(_spool);
            if (!ReferenceEquals(_decoded, _raw))
            {
                _decoded.Dispose();
            }

            _spool.Position = 0;
            _decoded = _spool;
            _input = new InputBuffer(_decoded);
            return;
        }

        if (_spool is not null)
        {
            _spool.Position = 0;
            _input = new InputBuffer(_spool);
            return;
        }

        if (!ReferenceEquals(_decoded, _raw))
        {
            _decoded.Dispose();
        }

        _raw.Position = _rawStart;
        _decoded = IsCompressed ? new GZipStream(_raw, CompressionMode.Decompress, leaveOpen: true) : _raw;
        _input = new InputBuffer(_decoded);
    }

    private void SkipTo(long offset)
    {
        while (_input.Position + _input.Available.Length < offset && _input.Fill())
        {
            if (_input.Available.Length > 1024 * 1024)
            {
                _input.Consume(_input.Available.Length);
            }
        }

        _input.Consume((int)Math.Min(_input.Available.Length, offset - _input.Position));
    }

    /// <summary>1-based line of a byte inside the current window.</summary>
    private long LineAt(ReadOnlySpan<byte> span, int index) => _input.ConsumedLines + span[..index].Count((byte)'\n') + 1;

    private bool TryReadV1Event(out CastEvent castEvent)
    {
        castEvent = default;
        if (_v1StdoutOffset < 0)
        {
            return false;
        }

        while (true)
        {
            ReadOnlySpan<byte> span = _input.Available;
            var reader = new Utf8JsonReader(span, isFinalBlock: false, _v1State);
            bool found = false;
            bool end = false;
            try
            {
                while (true)
                {
                    Utf8JsonReader checkpoint = reader;
                    if (!reader.Read())
                    {
                        break;
                    }

                    if (!_v1Started)
                    {
                        _v1Started = true;
                        continue;
                    }

                    if (reader.TokenType == JsonTokenType.EndArray && reader.CurrentDepth == 0)
                    {
                        end = true;
                        break;
                    }

                    // Line numbers are counted only on error: counting per event would rescan the window each time.
                    int start = (int)reader.TokenStartIndex;
                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        throw Error(LineAt(span, start), "event is not a [delay, data] array");
                    }

                    if (!reader.TrySkip())
                    {
                        reader = checkpoint;
                        break;
                    }

                    ParseStatus status = ParseEventJson(span[start..(int)reader.BytesConsumed], isV1: true, out long delay, out _, out string data, out string? error);
                    if (status != ParseStatus.Ok)
                    {
                        throw Error(LineAt(span, start), error ?? "event is incomplete");
                    }

                    if (_time + delay > CastTime.MaxMicroseconds)
                    {
                        throw Error(LineAt(span, start), "event time is out of range");
                    }

                    _time += delay;
                    castEvent = new CastEvent(_time, CastEvent.Output, data);
                    found = true;
                    break;
                }
            }
            catch (JsonException e)
            {
                throw Error(_v1StdoutLine + (e.LineNumber ?? 0) + 1, "invalid JSON: " + Describe(e));
            }

            _v1State = reader.CurrentState;
            _input.Consume((int)reader.BytesConsumed);
            if (found)
            {
                return true;
            }

            if (end || !_input.Fill())
            {
                if (_input.Overflowed)
                {
                    throw Error(_input.ConsumedLines + 1, $"an event is longer than {InputBuffer.MaxBufferSize / (1024 * 1024)} MB");
                }

                return false;
            }
        }
    }
}
