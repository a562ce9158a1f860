using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CastTools.Asciicast;

namespace CastTools.Cli;

/// <summary><c>casttools info FILE [--json]</c>: what a recording holds, read in one streaming pass.</summary>
internal static class InfoCommand
{
    /// <summary>Markers and resizes listed individually; beyond this only counted, so memory stays bounded.</summary>
    private const int MaxListed = 1000;
    private const int TopPauses = 5;

    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = "Recording to describe (any asciicast version, gzip allowed; - for stdin)." };
        var json = new Option<bool>("--json") { Description = "Print machine-readable JSON instead of text." };
        var command = new Command(
            "info",
            """
            Describe a recording: version, size, duration, terminal, events per code, markers, resizes, longest pauses.

            Examples:
              casttools info samples/demo.cast
              casttools info session.cast.gz --json | jq .duration
            """);
        command.Arguments.Add(file);
        command.Options.Add(json);
        command.SetAction(parseResult => CommandRunner.Execute(parseResult, console, () =>
        {
            string path = parseResult.GetValue(file)!;
            bool quiet = parseResult.GetValue(CliApp.Quiet);
            Summary summary = Summarize(path, console);
            if (parseResult.GetValue(json))
            {
                WriteJson(summary, console.Out);
            }
            else
            {
                WriteText(summary, console.Out);
                if (!quiet)
                {
                    foreach (string warning in summary.Warnings)
                    {
                        console.Error.WriteLine($"casttools: warning: {warning}");
                    }
                }
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private sealed class Summary
    {
        public required string File { get; init; }

        public required CastHeader Header { get; init; }

        public long? Size { get; set; }

        public bool Compressed { get; set; }

        public long Duration { get; set; }

        public long EventCount { get; set; }

        public SortedDictionary<string, long> Counts { get; } = new(Comparer<string>.Create(CompareCodes));

        public List<(long Time, string Label)> Markers { get; } = [];

        public List<(long Time, string Size)> Resizes { get; } = [];

        public List<(long Start, long Length)> Pauses { get; } = [];

        public string? ExitStatus { get; set; }

        public IReadOnlyList<string> Warnings { get; set; } = [];
    }

    private static Summary Summarize(string path, CliConsole console)
    {
        using CastReader reader = ConvertCommand.OpenInput(path, console);
        var summary = new Summary { File = path, Header = reader.Header, Compressed = reader.IsCompressed };
        if (path != "-")
        {
            summary.Size = new FileInfo(path).Length;
        }

        long previous = 0;
        foreach (CastEvent e in reader.ReadEvents())
        {
            summary.EventCount++;
            summary.Counts[e.Code] = summary.Counts.GetValueOrDefault(e.Code) + 1;
            AddPause(summary.Pauses, previous, e.Time - previous);
            previous = Math.Max(previous, e.Time);
            switch (e.Code)
            {
                case CastEvent.Marker when summary.Markers.Count < MaxListed:
                    summary.Markers.Add((e.Time, e.Data));
                    break;
                case CastEvent.Resize when summary.Resizes.Count < MaxListed:
                    summary.Resizes.Add((e.Time, e.Data));
                    break;
                case CastEvent.Exit:
                    summary.ExitStatus = e.Data;
                    break;
            }
        }

        summary.Duration = previous;
        summary.Warnings = reader.Warnings.ToArray();
        return summary;
    }

    /// <summary>Keeps the longest pauses, longest first; ties keep the earlier one.</summary>
    private static void AddPause(List<(long Start, long Length)> pauses, long start, long length)
    {
        if (length <= 0 || (pauses.Count == TopPauses && pauses[^1].Length >= length))
        {
            return;
        }

        int index = pauses.FindIndex(p => p.Length < length);
        pauses.Insert(index < 0 ? pauses.Count : index, (start, length));
        if (pauses.Count > TopPauses)
        {
            pauses.RemoveAt(TopPauses);
        }
    }

    private static int CompareCodes(string a, string b)
    {
        const string Order = "oimrx";
        int ia = a.Length == 1 ? Order.IndexOf(a[0]) : -1;
        int ib = b.Length == 1 ? Order.IndexOf(b[0]) : -1;
        ia = ia < 0 ? int.MaxValue : ia;
        ib = ib < 0 ? int.MaxValue : ib;
        return ia != ib ? ia.CompareTo(ib) : string.CompareOrdinal(a, b);
    }

    /// <summary>h:mm:ss.fff (hours only when needed).</summary>
    private static string Clock(long us)
    {
        long ms = (us + 500) / 1000;
        long h = ms / 3_600_000;
        long m = ms / 60_000 % 60;
        long s = ms / 1000 % 60;
        long f = ms % 1000;
        return h > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{h}:{m:00}:{s:00}.{f:000}")
            : string.Create(CultureInfo.InvariantCulture, $"{m}:{s:00}.{f:000}");
    }

    private static string Seconds(long us) => string.Create(CultureInfo.InvariantCulture, $"{us / 1e6:0.000} s");

    private static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            builder.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c);
        }

        return builder.ToString();
    }

    private static void WriteText(Summary s, TextWriter w)
    {
        CastHeader h = s.Header;
        w.WriteLine($"file:            {s.File}");
        w.WriteLine($"format:          asciicast v{h.Version}{(s.Compressed ? " (gzip)" : "")}");
        if (s.Size is long size)
        {
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"size:            {size:N0} bytes"));
        }

        string term = $"{h.Columns}x{h.Rows}";
        if (h.TermType is not null)
        {
            term += " " + h.TermType;
        }

        if (h.TermVersion is not null)
        {
            term += $" ({h.TermVersion})";
        }

        w.WriteLine($"terminal:        {term}");
        if (h.Title is not null)
        {
            w.WriteLine($"title:           {Quote(h.Title)}");
        }

        if (h.Command is not null)
        {
            w.WriteLine($"command:         {Quote(h.Command)}");
        }

        if (h.Timestamp is long timestamp)
        {
            w.WriteLine($"recorded:        {DateTimeOffset.FromUnixTimeSeconds(timestamp).UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC");
        }

        w.WriteLine($"duration:        {Clock(s.Duration)} ({Seconds(s.Duration)})");
        if (h.IdleTimeLimit is double idle)
        {
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"idle time limit: {idle} s"));
        }

        if (h.Theme is not null)
        {
            w.WriteLine($"theme:           fg {h.Theme.Foreground}, bg {h.Theme.Background}, {h.Theme.Palette.Count} palette colours");
        }

        if (h.Tags is { Count: > 0 })
        {
            w.WriteLine($"tags:            {string.Join(", ", h.Tags)}");
        }

        if (h.Env is { Count: > 0 })
        {
            w.WriteLine($"env:             {string.Join(", ", h.Env.Select(p => $"{p.Key}={p.Value}"))}");
        }

        string counts = string.Join(", ", s.Counts.Select(p => $"{p.Key} {p.Value}"));
        w.WriteLine($"events:          {s.EventCount}{(counts.Length > 0 ? $" ({counts})" : "")}");
        if (s.ExitStatus is not null)
        {
            w.WriteLine($"exit status:     {s.ExitStatus}");
        }

        WriteList(w, "markers", s.Counts.GetValueOrDefault(CastEvent.Marker), s.Markers.Select(m => $"{Clock(m.Time)}  {Quote(m.Label)}"));
        WriteList(w, "resizes", s.Counts.GetValueOrDefault(CastEvent.Resize), s.Resizes.Select(r => $"{Clock(r.Time)}  {r.Size}"));
        if (s.Pauses.Count > 0)
        {
            w.WriteLine("longest pauses:");
            foreach ((long start, long length) in s.Pauses)
            {
                w.WriteLine($"  {Clock(start)}  {Seconds(length)}");
            }
        }
    }

    private static void WriteList(TextWriter w, string name, long count, IEnumerable<string> lines)
    {
        if (count == 0)
        {
            return;
        }

        w.WriteLine($"{name + ":",-17}{count}");
        foreach (string line in lines)
        {
            w.WriteLine("  " + line);
        }

        if (count > MaxListed)
        {
            w.WriteLine($"  ... {count - MaxListed} more");
        }
    }

    private static void WriteJson(Summary s, TextWriter w)
    {
        CastHeader h = s.Header;
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("file", s.File);
            json.WriteNumber("version", h.Version);
            json.WriteBoolean("compressed", s.Compressed);
            if (s.Size is long size)
            {
                json.WriteNumber("size", size);
            }
            else
            {
                json.WriteNull("size");
            }

            json.WriteNumber("cols", h.Columns);
            json.WriteNumber("rows", h.Rows);
            WriteStringOrNull(json, "term_type", h.TermType);
            WriteStringOrNull(json, "term_version", h.TermVersion);
            WriteStringOrNull(json, "title", h.Title);
            WriteStringOrNull(json, "command", h.Command);
            if (h.Timestamp is long timestamp)
            {
                json.WriteNumber("timestamp", timestamp);
            }
            else
            {
                json.WriteNull("timestamp");
            }

            if (h.IdleTimeLimit is double idle)
            {
                json.WriteNumber("idle_time_limit", idle);
            }
            else
            {
                json.WriteNull("idle_time_limit");
            }

            json.WriteNumber("duration", s.Duration / 1e6);
            json.WriteNumber("duration_us", s.Duration);
            json.WriteNumber("event_count", s.EventCount);
            json.WriteStartObject("events");
            foreach (KeyValuePair<string, long> pair in s.Counts)
            {
                json.WriteNumber(pair.Key, pair.Value);
            }

            json.WriteEndObject();
            WriteStringOrNull(json, "exit_status", s.ExitStatus);
            json.WriteStartArray("markers");
            foreach ((long time, string label) in s.Markers)
            {
                json.WriteStartObject();
                json.WriteNumber("time", time / 1e6);
                json.WriteString("label", label);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("resizes");
            foreach ((long time, string resize) in s.Resizes)
            {
                json.WriteStartObject();
                json.WriteNumber("time", time / 1e6);
                json.WriteString("size", resize);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("longest_pauses");
            foreach ((long start, long length) in s.Pauses)
            {
                json.WriteStartObject();
                json.WriteNumber("start", start / 1e6);
                json.WriteNumber("length", length / 1e6);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("warnings");
            foreach (string warning in s.Warnings)
            {
                json.WriteStringValue(warning);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        w.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteStringOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
