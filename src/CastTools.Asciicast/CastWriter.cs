using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CastTools.Asciicast;

/// <summary>
/// Writes an asciicast v2 or v3 recording event by event. Times come in as absolute microseconds. v2 writes absolute
/// seconds (microsecond precision); v3 writes intervals rounded to milliseconds and carries each rounding error into
/// the next interval, so the written times never drift more than half a millisecond from the true ones, however long
/// the recording. Each line is complete before it reaches the stream; after <see cref="Flush"/> a killed process
/// leaves a valid file.
/// </summary>
public sealed class CastWriter : IDisposable
{
    private const int FlushThreshold = 64 * 1024;
    private static readonly byte[] HexDigits = "0123456789abcdef"u8.ToArray();

    private readonly Stream _stream;
    private readonly CastFormat _format;
    private readonly bool _leaveOpen;
    private byte[] _buffer = new byte[FlushThreshold * 2];
    private int _length;
    private long _writtenTime;
    private bool _disposed;

    /// <summary>
    /// Starts a new recording: the header line is buffered now and reaches the stream with the first
    /// <see cref="Flush"/> (call it right away when a crash must still leave a readable file).
    /// </summary>
    public CastWriter(Stream stream, CastFormat format, CastHeader header, bool leaveOpen = false)
        : this(stream, format, leaveOpen)
    {
        ArgumentNullException.ThrowIfNull(header);
        byte[] headerJson = SerializeHeader(header, format);
        Append(headerJson);
        Append("\n"u8);
    }

    private CastWriter(Stream stream, CastFormat format, bool leaveOpen)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (format is not (CastFormat.V2 or CastFormat.V3))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Only asciicast v2 and v3 can be written.");
        }

        _stream = stream;
        _format = format;
        _leaveOpen = leaveOpen;
    }

    /// <summary>
    /// Continues an existing recording (asciinema's <c>rec --append</c>): no header is written, and v3 intervals
    /// start from <paramref name="lastEventTime"/>, the absolute time of the file's last event as
    /// <see cref="CastReader"/> reported it. The stream must be positioned at the end of the file, after a newline.
    /// </summary>
    public static CastWriter Append(Stream stream, CastFormat format, long lastEventTime, bool leaveOpen = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lastEventTime);
        return new CastWriter(stream, format, leaveOpen) { _writtenTime = lastEventTime };
    }

    public CastFormat Format => _format;

    /// <summary>Appends one event (absolute time in µs). Out-of-order times are written as a zero interval in v3.</summary>
    public void Write(CastEvent castEvent)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(castEvent.Code);
        ArgumentNullException.ThrowIfNull(castEvent.Data);
        Span<char> number = stackalloc char[32];
        int numberLength;
        if (_format == CastFormat.V2)
        {
            numberLength = CastTime.FormatSeconds(Math.Max(0, castEvent.Time), number);
        }
        else
        {
            // Error diffusion: round the distance from what has been written so far, not from the previous true time.
            long interval = Math.Max(0, castEvent.Time - _writtenTime);
            long milliseconds = (interval + 500) / 1000;
            _writtenTime += milliseconds * 1000;
            numberLength = CastTime.FormatSeconds(milliseconds * 1000, number);
        }

        EnsureCapacity(numberLength + 16 + Encoding.UTF8.GetMaxByteCount(castEvent.Code.Length) * 2 + Encoding.UTF8.GetMaxByteCount(castEvent.Data.Length) * 2);
        _buffer[_length++] = (byte)'[';
        for (int i = 0; i < numberLength; i++)
        {
            _buffer[_length++] = (byte)number[i];
        }

        _buffer[_length++] = (byte)',';
        _buffer[_length++] = (byte)' ';
        AppendJsonString(castEvent.Code);
        _buffer[_length++] = (byte)',';
        _buffer[_length++] = (byte)' ';
        AppendJsonString(castEvent.Data);
        _buffer[_length++] = (byte)']';
        _buffer[_length++] = (byte)'\n';
        if (_length >= FlushThreshold)
        {
            WriteBuffer();
        }
    }

    /// <summary>Hands everything written so far to the stream and flushes it (to the OS for a file).</summary>
    public void Flush()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        WriteBuffer();
        _stream.Flush();
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            WriteBuffer();
            _stream.Flush();
        }
        finally
        {
            _disposed = true;
            if (!_leaveOpen)
            {
                _stream.Dispose();
            }
        }
    }

    /// <summary>The header line (without the newline) as this writer would write it.</summary>
    public static byte[] SerializeHeader(CastHeader header, CastFormat format)
    {
        var output = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", (int)format);
            if (format == CastFormat.V3)
            {
                json.WriteStartObject("term");
                json.WriteNumber("cols", header.Columns);
                json.WriteNumber("rows", header.Rows);
                WriteOptional(json, "type", header.TermType);
                WriteOptional(json, "version", header.TermVersion);
                if (header.Theme is not null)
                {
                    WriteTheme(json, header.Theme);
                }

                WriteExtras(json, header, termFields: true);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNumber("width", header.Columns);
                json.WriteNumber("height", header.Rows);
            }

            if (header.Timestamp is long timestamp)
            {
                json.WriteNumber("timestamp", timestamp);
            }

            if (format == CastFormat.V2 && header.Duration is long duration)
            {
                json.WritePropertyName("duration");
                json.WriteRawValue(CastTime.FormatSeconds(duration));
            }

            if (header.IdleTimeLimit is double idle)
            {
                json.WriteNumber("idle_time_limit", idle);
            }

            WriteOptional(json, "command", header.Command);
            WriteOptional(json, "title", header.Title);
            IReadOnlyDictionary<string, string?>? env = header.Env;
            bool addTerm = format == CastFormat.V2 && header.TermType is not null && (env is null || !env.ContainsKey("TERM"));
            if ((env is not null && env.Count > 0) || addTerm)
            {
                // v2 has no term.type: it lives in env.TERM (as asciinema 2.x recorded it).
                json.WriteStartObject("env");
                if (env is not null)
                {
                    foreach (KeyValuePair<string, string?> pair in env)
                    {
                        json.WriteString(pair.Key, pair.Value);
                    }
                }

                if (addTerm)
                {
                    json.WriteString("TERM", header.TermType);
                }

                json.WriteEndObject();
            }

            if (format == CastFormat.V2 && header.Theme is not null)
            {
                WriteTheme(json, header.Theme);
            }

            if (header.Tags is not null)
            {
                json.WriteStartArray("tags");
                foreach (string tag in header.Tags)
                {
                    json.WriteStringValue(tag);
                }

                json.WriteEndArray();
            }

            WriteExtras(json, header, termFields: false);
            json.WriteEndObject();
        }

        return output.WrittenSpan.ToArray();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteTheme(Utf8JsonWriter json, CastTheme theme)
    {
        json.WriteStartObject("theme");
        json.WriteString("fg", theme.Foreground);
        json.WriteString("bg", theme.Background);
        json.WriteString("palette", string.Join(':', theme.Palette));
        json.WriteEndObject();
    }

    /// <summary>Unknown fields pass through: top-level ones as they were, "term.x" ones inside v3's term object.</summary>
    private static void WriteExtras(Utf8JsonWriter json, CastHeader header, bool termFields)
    {
        if (header.ExtraFields is null)
        {
            return;
        }

        foreach (KeyValuePair<string, JsonNode?> pair in header.ExtraFields)
        {
            bool isTerm = pair.Key.StartsWith("term.", StringComparison.Ordinal);
            if (isTerm != termFields)
            {
                continue;
            }

            json.WritePropertyName(isTerm ? pair.Key["term.".Length..] : pair.Key);
            if (pair.Value is null)
            {
                json.WriteNullValue();
            }
            else
            {
                pair.Value.WriteTo(json);
            }
        }
    }

    private void AppendJsonString(string value)
    {
        _buffer[_length++] = (byte)'"';
        ReadOnlySpan<char> rest = value;
        while (!rest.IsEmpty)
        {
            int special = IndexOfSpecial(rest);
            ReadOnlySpan<char> run = special < 0 ? rest : rest[..special];
            if (!run.IsEmpty)
            {
                // Lone surrogates become U+FFFD here (the encoder's replacement fallback): the file stays valid UTF-8.
                _length += Encoding.UTF8.GetBytes(run, _buffer.AsSpan(_length));
            }

            if (special < 0)
            {
                break;
            }

            AppendEscape(rest[special]);
            rest = rest[(special + 1)..];
        }

        _buffer[_length++] = (byte)'"';
    }

    private static int IndexOfSpecial(ReadOnlySpan<char> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c < 0x20 || c == '"' || c == '\\')
            {
                return i;
            }
        }

        return -1;
    }

    private void AppendEscape(char c)
    {
        _buffer[_length++] = (byte)'\\';
        switch (c)
        {
            case '"':
                _buffer[_length++] = (byte)'"';
                break;
            case '\\':
                _buffer[_length++] = (byte)'\\';
                break;
            case '\n':
                _buffer[_length++] = (byte)'n';
                break;
            case '\r':
                _buffer[_length++] = (byte)'r';
                break;
            case '\t':
                _buffer[_length++] = (byte)'t';
                break;
            case '\b':
                _buffer[_length++] = (byte)'b';
                break;
            case '\f':
                _buffer[_length++] = (byte)'f';
                break;
            default:
                _buffer[_length++] = (byte)'u';
                _buffer[_length++] = (byte)'0';
                _buffer[_length++] = (byte)'0';
                _buffer[_length++] = HexDigits[c >> 4];
                _buffer[_length++] = HexDigits[c & 0xf];
                break;
        }
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        EnsureCapacity(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    private void EnsureCapacity(int extra)
    {
        if (_length + extra <= _buffer.Length)
        {
            return;
        }

        WriteBuffer();
        if (extra > _buffer.Length)
        {
            _buffer = new byte[extra];
        }
    }

    private void WriteBuffer()
    {
        if (_length > 0)
        {
            _stream.Write(_buffer, 0, _length);
            _length = 0;
        }
    }
}
