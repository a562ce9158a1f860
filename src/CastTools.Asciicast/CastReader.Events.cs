using System.Text.Json;

namespace CastTools.Asciicast;

public sealed partial class CastReader
{
    private enum ParseStatus
    {
        Ok,
        Incomplete,
        Invalid,
    }

    /// <summary>v2/v3: one event per line; v3 times are intervals and '#' lines are comments.</summary>
    private bool TryReadLineEvent(out CastEvent castEvent)
    {
        bool relative = Header.Version == 3;
        while (_input.TryReadLine(out ReadOnlySpan<byte> line, out bool terminated))
        {
            _lineNumber++;
            int first = line.IndexOfAnyExcept(" \t\r"u8);
            if (first < 0 || (relative && line[first] == '#'))
            {
                continue;
            }

            ParseStatus status = ParseEventJson(line, isV1: false, out long time, out string code, out string data, out string? error);
            if (status == ParseStatus.Incomplete && !terminated)
            {
                _warnings.Add($"{_fileName}:{_lineNumber}: last line is truncated (recording cut off mid-write); ignored, every event before it is kept");
                break;
            }

            if (status != ParseStatus.Ok)
            {
                throw Error(_lineNumber, error ?? "event is cut off (incomplete JSON)");
            }

            castEvent = MakeEvent(relative ? _time + time : time, code, data, _lineNumber);
            return true;
        }

        if (_input.Overflowed)
        {
            throw Error(_lineNumber + 1, $"line is longer than {InputBuffer.MaxBufferSize / (1024 * 1024)} MB");
        }

        castEvent = default;
        return false;
    }

    private CastEvent MakeEvent(long time, string code, string data, long line)
    {
        if (time > CastTime.MaxMicroseconds)
        {
            throw Error(line, "event time is out of range");
        }

        if (code == CastEvent.Resize && !TerminalSize.TryParse(data, out _))
        {
            throw Error(line, $"resize event data \"{data}\" is not COLSxROWS with sizes 1..{TerminalSize.MaxDimension}");
        }

        _time = time;
        return new CastEvent(time, code, data);
    }

    /// <summary>
    /// Parses one event: <c>[time, code, data]</c> (v2/v3) or <c>[delay, data]</c> (v1). The time comes back in µs
    /// exactly as written (relative or absolute is the caller's business). Incomplete means the text ended inside
    /// the value, which is how a recording cut off mid-write looks.
    /// </summary>
    private static ParseStatus ParseEventJson(ReadOnlySpan<byte> json, bool isV1, out long time, out string code, out string data, out string? error)
    {
        time = 0;
        code = CastEvent.Output;
        data = string.Empty;
        error = null;
        string shape = isV1 ? "a [delay, data] array" : "a [time, code, data] array";
        var reader = new Utf8JsonReader(json, isFinalBlock: false, default);
        try
        {
            if (!reader.Read())
            {
                return ParseStatus.Incomplete;
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                error = $"event is not {shape}";
                return ParseStatus.Invalid;
            }

            if (!reader.Read())
            {
                return ParseStatus.Incomplete;
            }

            if (reader.TokenType != JsonTokenType.Number)
            {
                error = reader.TokenType == JsonTokenType.EndArray ? $"event is not {shape}" : "event time is not a number";
                return ParseStatus.Invalid;
            }

            // A number at the very end of the text may still be growing: incomplete, not a value.
            if (!CastTime.TryParseSeconds(reader.ValueSpan, out time, out bool negative))
            {
                error = negative ? "event time is negative" : "event time is out of range";
                return ParseStatus.Invalid;
            }

            if (!isV1)
            {
                if (!reader.Read())
                {
                    return ParseStatus.Incomplete;
                }

                if (reader.TokenType != JsonTokenType.String)
                {
                    error = reader.TokenType == JsonTokenType.EndArray ? $"event is not {shape}" : "event code is not a string";
                    return ParseStatus.Invalid;
                }

                code = ReadCode(ref reader);
            }

            if (!reader.Read())
            {
                return ParseStatus.Incomplete;
            }

            if (reader.TokenType != JsonTokenType.String)
            {
                error = reader.TokenType == JsonTokenType.EndArray ? $"event is not {shape}" : "event data is not a string";
                return ParseStatus.Invalid;
            }

            data = reader.GetString()!;
            if (!reader.Read())
            {
                return ParseStatus.Incomplete;
            }

            if (reader.TokenType != JsonTokenType.EndArray)
            {
                error = $"event is not {shape}";
                return ParseStatus.Invalid;
            }

            if (json[(int)reader.BytesConsumed..].IndexOfAnyExcept(" \t\r\n"u8) >= 0)
            {
                error = "unexpected text after the event";
                return ParseStatus.Invalid;
            }

            return ParseStatus.Ok;
        }
        catch (JsonException e)
        {
            error = "invalid JSON: " + Describe(e);
            return ParseStatus.Invalid;
        }
        catch (InvalidOperationException e)
        {
            // GetString on invalid UTF-8 or a lone surrogate escape.
            error = DescribeText(e, "event data");
            return ParseStatus.Invalid;
        }
    }

    /// <summary>The five known codes come back as the shared constants: no allocation per event.</summary>
    private static string ReadCode(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && reader.ValueSpan.Length == 1)
        {
            switch (reader.ValueSpan[0])
            {
                case (byte)'o':
                    return CastEvent.Output;
                case (byte)'i':
                    return CastEvent.Input;
                case (byte)'m':
                    return CastEvent.Marker;
                case (byte)'r':
                    return CastEvent.Resize;
                case (byte)'x':
                    return CastEvent.Exit;
            }
        }

        return reader.GetString()!;
    }
}
