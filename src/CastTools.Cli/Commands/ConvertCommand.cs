using System.CommandLine;
using System.Text;
using CastTools.Asciicast;
using CastTools.Vt;

namespace CastTools.Cli;

/// <summary>What <c>convert</c> can write. <c>txt</c> replays the session through the terminal emulator: see <see cref="ConvertCommand.WriteText"/>.</summary>
internal enum ConvertFormat
{
    AsciicastV3,
    AsciicastV2,
    Raw,
    Txt,
}

/// <summary><c>casttools convert IN OUT [-f FORMAT]</c>: any asciicast version in; v3, v2, raw output bytes or plain text out.</summary>
internal static class ConvertCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new Argument<string>("input") { Description = "Recording to read: asciicast v1, v2 or v3, optionally gzip-compressed; - for stdin." };
        var output = new Argument<string>("output") { Description = "File to write; - for stdout. Written to a temporary file first and moved into place." };
        var format = new Option<string?>("--output-format", "-f")
        {
            Description = "asciicast-v3 (default), asciicast-v2, raw (output bytes only, no timing) or txt (the whole session as plain text, scrolled-off lines included). A .txt output name selects txt.",
            HelpName = "format",
        };
        format.AcceptOnlyFromAmong("asciicast-v3", "asciicast-v2", "raw", "txt");
        Option<bool> overwrite = CreateOverwriteOption();

        var command = new Command(
            "convert",
            """
            Convert a recording between asciicast versions (v1/v2/v3 in, v3 or v2 out) or extract its raw output.

            Examples:
              casttools convert old.cast new.cast                   # any version to asciicast v3
              casttools convert --overwrite a.cast a.cast           # upgrade a file in place
              casttools convert demo.cast demo-v2.cast -f asciicast-v2
              casttools convert session.cast.gz session.cast        # gzip in, plain v3 out
              cat old.cast | casttools convert - - > new.cast       # stdin to stdout
              casttools convert demo.cast - -f raw > screen.log     # output bytes only
            """);
        command.Arguments.Add(input);
        command.Arguments.Add(output);
        command.Options.Add(format);
        command.Options.Add(overwrite);
        command.SetAction(parseResult => CommandRunner.Execute(parseResult, console, () =>
        {
            string inPath = parseResult.GetValue(input)!;
            string outPath = parseResult.GetValue(output)!;
            ConvertFormat chosen = ParseFormat(parseResult.GetValue(format), outPath);
            bool verbose = parseResult.GetValue(CliApp.Verbose);
            bool quiet = parseResult.GetValue(CliApp.Quiet);

            CheckOverwrite(outPath, parseResult.GetValue(overwrite));
            using CastReader reader = OpenInput(inPath, console);
            long count = 0;
            WriteOutput(outPath, console, stream => count = Convert(reader, stream, chosen));
            ReportWarnings(reader, console, quiet);
            if (verbose)
            {
                console.Error.WriteLine($"casttools: converted {count} events from asciicast v{reader.Header.Version} to {FormatName(chosen)}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    public static ConvertFormat ParseFormat(string? name, string outputPath) => name switch
    {
        null => outputPath.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) ? ConvertFormat.Txt : ConvertFormat.AsciicastV3,
        "asciicast-v3" => ConvertFormat.AsciicastV3,
        "asciicast-v2" => ConvertFormat.AsciicastV2,
        "raw" => ConvertFormat.Raw,
        "txt" => ConvertFormat.Txt,
        _ => throw new CliException($"unknown output format '{name}' (asciicast-v3, asciicast-v2, raw, txt)", ExitCodes.Usage),
    };

    public static string FormatName(ConvertFormat format) => format switch
    {
        ConvertFormat.AsciicastV3 => "asciicast-v3",
        ConvertFormat.AsciicastV2 => "asciicast-v2",
        ConvertFormat.Raw => "raw",
        _ => "txt",
    };

    /// <summary>Streams every event of <paramref name="reader"/> to <paramref name="output"/>; returns the event count.</summary>
    public static long Convert(CastReader reader, Stream output, ConvertFormat format)
    {
        switch (format)
        {
            case ConvertFormat.AsciicastV3:
            case ConvertFormat.AsciicastV2:
            {
                using var writer = new CastWriter(output, format == ConvertFormat.AsciicastV3 ? CastFormat.V3 : CastFormat.V2, reader.Header, leaveOpen: true);
                long count = 0;
                foreach (CastEvent e in reader.ReadEvents())
                {
                    writer.Write(e);
                    count++;
                }

                return count;
            }

            case ConvertFormat.Raw:
                return WriteRaw(reader, output);
            default:
                return WriteText(reader, output);
        }
    }

    /// <summary>raw: the output stream as the terminal received it (asciinema's <c>-f raw</c>): 'o' data only, UTF-8.</summary>
    private static long WriteRaw(CastReader reader, Stream output)
    {
        long count = 0;
        byte[] buffer = new byte[64 * 1024];
        foreach (CastEvent e in reader.ReadEvents())
        {
            count++;
            if (e.Code != CastEvent.Output)
            {
                continue;
            }

            int max = Encoding.UTF8.GetMaxByteCount(e.Data.Length);
            if (max > buffer.Length)
            {
                buffer = new byte[max];
            }

            int n = Encoding.UTF8.GetBytes(e.Data, buffer);
            output.Write(buffer, 0, n);
        }

        return count;
    }

    /// <summary>
    /// txt: the whole session as plain text, as asciinema's <c>convert -f txt</c>: every 'o' event is replayed through
    /// the terminal emulator ('r' events resize it), lines are written as they scroll off the top, then the final
    /// screen. Memory stays bounded by the screen, not the recording.
    /// </summary>
    private static long WriteText(CastReader reader, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024, leaveOpen: true) { NewLine = "\n" };
        var session = new SessionTextExporter(writer, reader.Header.Columns, reader.Header.Rows);
        byte[] buffer = new byte[64 * 1024];
        long count = 0;
        foreach (CastEvent e in reader.ReadEvents())
        {
            count++;
            if (e.Code == CastEvent.Output)
            {
                int max = Encoding.UTF8.GetMaxByteCount(e.Data.Length);
                if (max > buffer.Length)
                {
                    buffer = new byte[max];
                }

                int n = Encoding.UTF8.GetBytes(e.Data, buffer);
                session.Feed(buffer.AsSpan(0, n));
            }
            else if (e.Code == CastEvent.Resize && TerminalSize.TryParse(e.Data, out TerminalSize size))
            {
                session.Resize(size.Columns, size.Rows);
            }
        }

        session.Finish();
        writer.Flush();
        return count;
    }

    /// <summary>Opens a recording; "-" reads the console's standard input.</summary>
    public static CastReader OpenInput(string path, CliConsole console)
    {
        if (path == "-")
        {
            return new CastReader(console.OpenStandardInput(), "-");
        }

        if (Directory.Exists(path))
        {
            throw new CliException($"{path}: is a directory", ExitCodes.Io);
        }

        if (!File.Exists(path))
        {
            throw new CliException($"{path}: no such file", ExitCodes.Io);
        }

        return CastReader.Open(path);
    }

    public static void ReportWarnings(CastReader reader, CliConsole console, bool quiet)
    {
        if (quiet)
        {
            return;
        }

        foreach (string warning in reader.Warnings)
        {
            console.Error.WriteLine($"casttools: warning: {warning}");
        }
    }

    /// <summary>--overwrite, shared by the commands that write recordings.</summary>
    public static Option<bool> CreateOverwriteOption() => new("--overwrite")
    {
        Description = "Replace the output file if it exists (without it, an existing non-empty file is an error, as in asciinema).",
    };

    /// <summary>Refuses an existing non-empty output unless allowed (asciinema's rule); checked before any work.</summary>
    public static void CheckOverwrite(string path, bool overwrite)
    {
        if (path != "-" && !overwrite && File.Exists(path) && new FileInfo(path).Length > 0)
        {
            throw new CliException($"{path}: file exists, use --overwrite to replace it", ExitCodes.Io);
        }
    }

    /// <summary>
    /// Runs <paramref name="write"/> against a temporary file beside <paramref name="path"/> and moves it into place only
    /// when it succeeds, so a failure never leaves a half-written output (and never clobbers an existing one). "-" is stdout.
    /// </summary>
    public static void WriteOutput(string path, CliConsole console, Action<Stream> write)
    {
        if (path == "-")
        {
            // Not disposed: tests pass a MemoryStream they read afterwards, and stdout is not ours to close.
            Stream stdout = console.OpenStandardOutput();
            write(stdout);
            stdout.Flush();
            return;
        }

        string full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new CliException($"{path}: is a directory", ExitCodes.Io);
        }

        string directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory))
        {
            throw new CliException($"{path}: directory {directory} does not exist", ExitCodes.Io);
        }

        AtomicFile.Write(full, stream =>
        {
            write(stream);
            return true;
        });
    }
}
