using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CastTools.Asciicast;

/// <summary>
/// Reads an asciicast recording of any version (v1, v2, v3; plain or gzip-compressed, detected by content) as a
/// header plus a stream of events with absolute microsecond times. Memory stays bounded by the longest line (or
/// v1 entry), not the recording length. Malformed input throws <see cref="AsciicastFormatException"/>
/// (<c>FILE:LINE: reason</c>); a final line cut off mid-write is only a warning and every event before it is kept.
/// </summary>
public sealed partial class CastReader : IDisposable
{
    /// <summary>A v2/v3 header line longer than this is taken for a one-line v1 document instead.</summary>
    private const int MaxHeaderLine = 1024 * 1024;

    private readonly string _fileName;
    private readonly List<string> _warnings = [];
    private readonly bool _leaveOpen;
    private readonly long _rawStart;
    private readonly Stream _raw;
    private Stream _decoded;
    private InputBuffer _input;
    private FileStream? _spool;
    private bool _finished;
    private int _lineNumber;
    private long _time;

    // v1 only: where the stdout array starts in the decoded stream, and its 0-based line.
    private long _v1StdoutOffset = -1;
    private long _v1StdoutLine;
    private bool _v1Truncated;
    private JsonReaderState _v1State;
    private bool _v1Started;

    /// <summary>Opens <paramref name="path"/> for reading; "-" reads standard input.</summary>
    public static CastReader Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path == "-")
        {
            return new CastReader(Console.OpenStandardInput(), "-");
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        try
        {
            return new CastReader(stream, path);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads a recording from <paramref name="stream"/>; <paramref name="fileName"/> is used in messages only.</summary>
    public CastReader(Stream stream, string fileName, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        _fileName = fileName;
        _leaveOpen = leaveOpen;
        _raw = stream;
        _rawStart = stream.CanSeek ? stream.Position : 0;
        _decoded = OpenDecoded(stream, sniff: true);
        _input = new InputBuffer(_decoded);
        Header = ReadHeader();
    }

    public CastHeader Header { get; }

    /// <summary>The file name given (or "-"), as used in messages.</summary>
    public string FileName => _fileName;

    /// <summary>Problems that did not stop reading, each as <c>FILE:LINE: reason</c> (a truncated last line, an invalid theme).</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>True when the input was gzip-compressed.</summary>
    public bool IsCompressed { get; private set; }

    /// <summary>
    /// The events in file order with absolute times, read lazily. Can be enumerated once; together with
    /// <see cref="TryReadEvent"/> it shares one position in the file.
    /// </summary>
    public IEnumerable<CastEvent> ReadEvents()
    {
        while (TryReadEvent(out CastEvent e))
        {
            yield return e;
        }
    }

    /// <summary>Reads the next event; false at the end of the recording.</summary>
    public bool TryReadEvent(out CastEvent castEvent)
    {
        if (_finished)
        {
            castEvent = default;
            return false;
        }

        bool found = Header.Version == 1 ? TryReadV1Event(out castEvent) : TryReadLineEvent(out castEvent);
        if (!found)
        {
            _finished = true;
        }

        return found;
    }

    public void Dispose()
    {
        _finished = true;
        if (!ReferenceEquals(_decoded, _raw))
        {
            _decoded.Dispose();
        }

        _spool?.Dispose();
        if (!_leaveOpen)
        {
            _raw.Dispose();
        }
    }

    private Stream OpenDecoded(Stream raw, bool sniff)
    {
        Stream source = raw;
        if (sniff)
        {
            // Peek at the gzip magic (1f 8b) without losing bytes on an unseekable stream.
            byte[] magic = new byte[2];
            int got = 0;
            while (got < 2)
            {
                int n = raw.Read(magic, got, 2 - got);
                if (n == 0)
                {
                    break;
                }

                got += n;
            }

            IsCompressed = got == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
            if (raw.CanSeek)
            {
                raw.Seek(-got, SeekOrigin.Current);
            }
            else
            {
                source = new PrefixStream(magic[..got], raw);
            }
        }

        return IsCompressed ? new GZipStream(source, CompressionMode.Decompress, leaveOpen: true) : source;
    }

    private AsciicastFormatException Error(long line, string reason) => new(_fileName, (int)Math.Min(int.MaxValue, line), reason);

    /// <summary>Reads the first line and decides: a one-line header object with version 2/3 → NDJSON; anything else that starts an object → v1.</summary>
    private CastHeader ReadHeader()
    {
        ReadOnlySpan<byte> available;
        int newline;
        while (true)
        {
            available = _input.Available;
            newline = available.IndexOf((byte)'\n');
            if (newline >= 0 || available.Length > MaxHeaderLine || !_input.Fill())
            {
                available = _input.Available;
                break;
            }
        }

        int bom = available.StartsWith("\uFEFF"u8) ? 3 : 0;
        if (available[bom..].IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            if (_input.Overflowed)
            {
                throw Error(1, "the first line is too long");
            }

            throw Error(1, "file is empty");
        }

        ReadOnlySpan<byte> firstLine = newline >= 0 ? available[bom..newline] : available[bom..];
        JsonValueKind kind;
        bool complete;
        try
        {
            (kind, complete) = ScanFirstValue(firstLine);
        }
        catch (JsonException e)
        {
            throw Error(1, "not an asciicast file: " + Describe(e));
        }

        if (kind != JsonValueKind.Undefined && kind != JsonValueKind.Object)
        {
            throw Error(1, "header is not a JSON object");
        }

        if (!complete)
        {
            // A header object spanning lines (or cut off): only v1 is a multi-line document.
            return ReadV1Header(bom);
        }

        JsonObject json;
        try
        {
            json = (JsonObject)JsonNode.Parse(firstLine)!;
        }
        catch (JsonException e)
        {
            throw Error(1, "not an asciicast file: " + Describe(e));
        }
        catch (InvalidOperationException e)
        {
            throw Error(1, DescribeText(e, "header"));
        }

        int version = ReadVersion(json);
        if (version == 1)
        {
            return ReadV1Header(bom);
        }

        _input.Consume(newline >= 0 ? newline + 1 : available.Length);
        _lineNumber = 1;
        return CastHeaderParser.Parse(json, version, _fileName, 1, _warnings);
    }

    private int ReadVersion(JsonObject json)
    {
        JsonNode? node = json["version"];
        if (node is null)
        {
            throw Error(1, json.ContainsKey("stdout") || json.ContainsKey("width") ? "header has no version" : "not an asciicast file: header has no version");
        }

        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.GetValue<JsonElement>().TryGetInt32(out int version))
        {
            if (version is 1 or 2 or 3)
            {
                return version;
            }

            throw Error(1, $"unsupported asciicast version {version} (1, 2 and 3 are supported)");
        }

        throw Error(1, $"unsupported asciicast version {node.ToJsonString()} (1, 2 and 3 are supported)");
    }

    /// <summary>Tokenizes the first line: the kind of its first value and whether that value ends on this line.</summary>
    private static (JsonValueKind Kind, bool Complete) ScanFirstValue(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line, isFinalBlock: false, default);
        JsonValueKind kind = JsonValueKind.Undefined;
        while (reader.Read())
        {
            if (kind == JsonValueKind.Undefined)
            {
                kind = reader.TokenType switch
                {
                    JsonTokenType.StartObject => JsonValueKind.Object,
                    JsonTokenType.StartArray => JsonValueKind.Array,
                    JsonTokenType.String => JsonValueKind.String,
                    JsonTokenType.Number => JsonValueKind.Number,
                    _ => JsonValueKind.Null,
                };
            }

            if (reader.CurrentDepth == 0 && reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
            {
                return (kind, true);
            }
        }

        return (kind, false);
    }

    /// <summary>A reason for System.Text.Json's failure to decode a string (invalid UTF-8 bytes or a lone surrogate escape).</summary>
    internal static string DescribeText(InvalidOperationException e, string where) =>
        e.Message.Contains("UTF-8", StringComparison.Ordinal)
            ? $"invalid UTF-8 in {where}"
            : $"invalid \\u escape in {where} (unpaired surrogate)";

    /// <summary>The reason part of a System.Text.Json message, without its position suffix (we report our own line).</summary>
    internal static string Describe(JsonException e)
    {
        string message = e.Message;
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        }

        if (cut >= 0)
        {
            message = message[..cut];
        }

        message = message.TrimEnd(' ', '.');
        return message.Length > 0 && char.IsUpper(message[0]) && (message.Length < 2 || !char.IsUpper(message[1]))
            ? char.ToLowerInvariant(message[0]) + message[1..]
            : message;
    }
}
