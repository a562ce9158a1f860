using System.CommandLine;
using CastTools.Asciicast;

namespace CastTools.Cli;

/// <summary>
/// <c>casttools cat A.cast B.cast ... -o OUT</c>: joins recordings as asciinema 3.x <c>cat</c> does: each one starts
/// where the previous one's last event was, and an 'r' event is inserted at a seam where the terminal size changes.
/// </summary>
internal static class CatCommand
{
    public static Command Create(CliConsole console)
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Recordings to join, in order (any asciicast version, gzip allowed; - for stdin once).",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "File to write (- for stdout, the default). Written to a temporary file and moved into place.",
            DefaultValueFactory = _ => "-",
            HelpName = "file",
        };
        var format = new Option<string?>("--output-format", "-f")
        {
            Description = "asciicast-v3 or asciicast-v2 (default: the first file's version; v1 becomes v3).",
            HelpName = "format",
        };
        format.AcceptOnlyFromAmong("asciicast-v3", "asciicast-v2");
        Option<bool> overwrite = ConvertCommand.CreateOverwriteOption();

        var command = new Command(
            "cat",
            """
            Concatenate recordings: each continues where the previous one ended; the header comes from the first.

            Examples:
              casttools cat part1.cast part2.cast -o whole.cast
              casttools cat intro.cast demo.cast outro.cast -f asciicast-v2 -o all.cast
            """);
        command.Arguments.Add(files);
        command.Options.Add(output);
        command.Options.Add(format);
        command.Options.Add(overwrite);
        command.SetAction(parseResult => CommandRunner.Execute(parseResult, console, () =>
        {
            string[] paths = parseResult.GetValue(files)!;
            string outPath = parseResult.GetValue(output) ?? "-";
            string? formatName = parseResult.GetValue(format);
            bool quiet = parseResult.GetValue(CliApp.Quiet);
            bool verbose = parseResult.GetValue(CliApp.Verbose);
            if (paths.Count(p => p == "-") > 1)
            {
                throw new CliException("stdin (-) can be given only once", ExitCodes.Usage);
            }

            ConvertCommand.CheckOverwrite(outPath, parseResult.GetValue(overwrite));

            // Open the first now so a bad first file fails before anything is created.
            CastReader first = ConvertCommand.OpenInput(paths[0], console);
            long total = 0;
            try
            {
                CastFormat castFormat = formatName switch
                {
                    "asciicast-v2" => CastFormat.V2,
                    "asciicast-v3" => CastFormat.V3,
                    _ => first.Header.Version == 2 ? CastFormat.V2 : CastFormat.V3,
                };

                ConvertCommand.WriteOutput(outPath, console, stream =>
                {
                    // The first header's duration would be wrong for the whole; everything else is kept.
                    using var writer = new CastWriter(stream, castFormat, first.Header with { Duration = null }, leaveOpen: true);
                    long offset = 0;
                    var size = new TerminalSize(first.Header.Columns, first.Header.Rows);
                    for (int i = 0; i < paths.Length; i++)
                    {
                        using CastReader reader = i == 0 ? first : ConvertCommand.OpenInput(paths[i], console);
                        long time = offset;
                        var start = new TerminalSize(reader.Header.Columns, reader.Header.Rows);
                        if (i > 0 && start != size)
                        {
                            writer.Write(new CastEvent(offset, CastEvent.Resize, start.ToString()));
                        }

                        size = start;
                        foreach (CastEvent e in reader.ReadEvents())
                        {
                            time = offset + e.Time;
                            writer.Write(e with { Time = time });
                            total++;
                            if (e.Code == CastEvent.Resize && TerminalSize.TryParse(e.Data, out TerminalSize resized))
                            {
                                size = resized;
                            }
                        }

                        ConvertCommand.ReportWarnings(reader, console, quiet);
                        offset = time;
                    }
                });
            }
            finally
            {
                first.Dispose();
            }

            if (verbose)
            {
                console.Error.WriteLine($"casttools: joined {paths.Length} recordings, {total} events");
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
