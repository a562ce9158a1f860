using CastTools.Asciicast;
using CastTools.Recording.Sinks;

namespace CastTools.Recording;

/// <summary>
/// Opens the output of a recording: refuses to replace a file unless told, checks an existing recording before
/// appending to it, and can undo what it did if the session never starts (a new file is deleted, an appended one cut
/// back), so a failed start leaves nothing half-written.
/// </summary>
internal sealed class RecordingFile
{
    private readonly string _path;
    private readonly bool _created;
    private readonly long _originalLength;

    private RecordingFile(string path, bool created, long originalLength, IRecordingSink sink, long timeOffset, TerminalSize? lastSize)
    {
        _path = path;
        _created = created;
        _originalLength = originalLength;
        Sink = sink;
        TimeOffset = timeOffset;
        LastSize = lastSize;
    }

    public IRecordingSink Sink { get; }

    /// <summary>Microseconds added to every event: the existing recording's length when appending.</summary>
    public long TimeOffset { get; }

    /// <summary>When appending: the size the existing recording ended with.</summary>
    public TerminalSize? LastSize { get; }

    /// <summary>What an existing recording to append to looks like.</summary>
    public readonly record struct Existing(RecordingFormat Format, long LastTime, TerminalSize LastSize);

    /// <summary>
    /// Reads the existing recording at <paramref name="path"/> to append to it: its version, the time of its last
    /// event and its last size. Throws <see cref="AsciicastFormatException"/> if it is not a v2/v3 recording.
    /// </summary>
    public static Existing Inspect(string path)
    {
        using CastReader reader = CastReader.Open(path);
        if (reader.IsCompressed)
        {
            throw new AsciicastFormatException(path, 1, "is compressed; cannot append to it");
        }

        RecordingFormat format = reader.Header.Version switch
        {
            2 => RecordingFormat.AsciicastV2,
            3 => RecordingFormat.AsciicastV3,
            _ => throw new AsciicastFormatException(path, 1, $"is asciicast v{reader.Header.Version}; only v2 and v3 recordings can be appended to"),
        };

        long last = 0;
        var size = new TerminalSize(reader.Header.Columns, reader.Header.Rows);
        while (reader.TryReadEvent(out CastEvent e))
        {
            last = Math.Max(last, e.Time);
            if (e.Code == CastEvent.Resize && TerminalSize.TryParse(e.Data, out TerminalSize resized))
            {
                size = resized;
            }
        }

        return new Existing(format, last, size);
    }

    /// <summary>Opens the output for <paramref name="format"/>; <paramref name="existing"/> is set when appending to a recording.</summary>
    public static RecordingFile Open(string path, RecordingFormat format, bool append, bool overwrite, CastHeader header, Existing? existing, Func<Stream, IRecordingSink>? txtSink)
    {
        if (Directory.Exists(path))
        {
            throw new IOException($"{path}: is a directory");
        }

        bool exists = File.Exists(path);
        if (exists && !append && !overwrite)
        {
            throw new IOException($"{path}: already exists; use --overwrite to replace it or --append to add to it");
        }

        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        FileStream stream;
        long originalLength = 0;
        bool appending = append && exists;
        if (appending)
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read, 1);
            originalLength = stream.Length;
            if (existing is not null)
            {
                // A recorder killed mid-write leaves a cut-off last line; continuing after it would corrupt the file.
                stream.SetLength(CompleteLinesLength(stream));
            }

            stream.Seek(0, SeekOrigin.End);
        }
        else
        {
            stream = new FileStream(path, overwrite ? FileMode.Create : FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1);
        }

        try
        {
            IRecordingSink sink;
            switch (format)
            {
                case RecordingFormat.Raw:
                    sink = new RawSink(stream);
                    break;
                case RecordingFormat.Txt:
                    sink = txtSink?.Invoke(stream) ?? throw new NotSupportedException("txt output is not available in this build");
                    break;
                default:
                    var castFormat = format == RecordingFormat.AsciicastV2 ? CastFormat.V2 : CastFormat.V3;
                    CastWriter writer = appending && existing is Existing e
                        ? CastWriter.Append(stream, castFormat, e.LastTime)
                        : new CastWriter(stream, castFormat, header);
                    sink = new CastSink(writer, castFormat);
                    break;
            }

            return new RecordingFile(path, !exists, originalLength, sink, appending ? existing?.LastTime ?? 0 : 0, appending ? existing?.LastSize : null);
        }
        catch
        {
            try
            {
                stream.Dispose();
            }
            catch (IOException)
            {
                // The same failure (a full disk) again on the final flush.
            }

            // Never delete what was there before (with --overwrite it may be a device such as /dev/full).
            Undo(path, !exists, originalLength);
            throw;
        }
    }

    /// <summary>The session never started: delete a file we created, or cut an appended one back.</summary>
    public void Discard()
    {
        try
        {
            Sink.Dispose();
        }
        catch (IOException)
        {
        }

        Undo(_path, _created, _originalLength);
    }

    private static void Undo(string path, bool created, long originalLength)
    {
        try
        {
            if (created)
            {
                File.Delete(path);
            }
            else if (File.Exists(path) && new FileInfo(path).Length > originalLength)
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
                stream.SetLength(originalLength);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The length up to and including the last newline.</summary>
    private static long CompleteLinesLength(FileStream stream)
    {
        byte[] buffer = new byte[4096];
        long end = stream.Length;
        while (end > 0)
        {
            int count = (int)Math.Min(buffer.Length, end);
            stream.Seek(end - count, SeekOrigin.Begin);
            stream.ReadExactly(buffer, 0, count);
            int newline = Array.LastIndexOf(buffer, (byte)'\n', count - 1, count);
            if (newline >= 0)
            {
                return end - count + newline + 1;
            }

            end -= count;
        }

        return 0;
    }
}
