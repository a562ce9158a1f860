using System.Text;
using BenchmarkDotNet.Attributes;
using CastTools.Asciicast;

namespace CastTools.Benchmarks;

/// <summary>
/// Reader and writer throughput on a 32 MB in-memory recording of realistic output events (coloured text, escapes,
/// some non-ASCII). MB/s = <see cref="SizeMB"/> / mean time; the size is printed by <see cref="GlobalSetup"/>.
/// </summary>
[MemoryDiagnoser]
public class CastReaderBenchmarks
{
    private const int TargetBytes = 32 * 1024 * 1024;
    private byte[] _cast = [];
    private CastHeader _header = null!;
    private CastEvent[] _events = [];

    [Params(1, 2, 3)]
    public int Version { get; set; }

    public double SizeMB => _cast.Length / (1024.0 * 1024.0);

    [GlobalSetup]
    public void GlobalSetup()
    {
        var random = new Random(42);
        string[] words = ["build", "test", "\u001b[32mok\u001b[0m", "\u001b[1;31mFAIL\u001b[0m", "Grüße", "日本語", "🎉", "src/main.rs", "warning:", "\t", "0.123s"];
        var text = new StringBuilder(TargetBytes + 1024);
        var events = new List<CastEvent>();
        text.Append(Version switch
        {
            1 => "{\"version\": 1, \"width\": 120, \"height\": 40, \"stdout\": [\n",
            2 => "{\"version\": 2, \"width\": 120, \"height\": 40}\n",
            _ => "{\"version\": 3, \"term\": {\"cols\": 120, \"rows\": 40}}\n",
        });
        long time = 0;
        while (text.Length < TargetBytes)
        {
            long delay = random.Next(0, 250_000);
            time += delay;
            var line = new StringBuilder();
            int n = random.Next(1, 20);
            for (int i = 0; i < n; i++)
            {
                line.Append(words[random.Next(words.Length)]).Append(' ');
            }

            line.Append("\r\n");
            string json = System.Text.Json.JsonSerializer.Serialize(line.ToString());
            string seconds = CastTime.FormatSeconds(Version == 2 ? time : delay);
            text.Append(Version == 1 ? (events.Count == 0 ? "" : ",\n") + $"[{seconds}, {json}]" : $"[{seconds}, \"o\", {json}]\n");
            events.Add(new CastEvent(time, "o", line.ToString()));
        }

        if (Version == 1)
        {
            text.Append("\n]}\n");
        }

        _cast = Encoding.UTF8.GetBytes(text.ToString());
        _header = new CastHeader { Columns = 120, Rows = 40 };
        _events = events.ToArray();
        Console.WriteLine($"// v{Version}: {SizeMB:0.0} MB, {_events.Length} events");
    }

    [Benchmark]
    public long Read()
    {
        using var reader = new CastReader(new MemoryStream(_cast, writable: false), "bench.cast");
        long total = 0;
        foreach (CastEvent e in reader.ReadEvents())
        {
            total += e.Data.Length;
        }

        return total;
    }

    [Benchmark]
    public long Write()
    {
        var output = new CountingStream();
        using (var writer = new CastWriter(output, Version == 2 ? CastFormat.V2 : CastFormat.V3, _header, leaveOpen: true))
        {
            foreach (CastEvent e in _events)
            {
                writer.Write(e);
            }
        }

        return output.Length;
    }

    /// <summary>Discards bytes, counting them, so the benchmark measures the writer and not memory copies.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;
    }
}
