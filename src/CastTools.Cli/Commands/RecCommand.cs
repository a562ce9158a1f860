using System.CommandLine;
using System.Globalization;
using CastTools.Recording;

namespace CastTools.Cli;

/// <summary>
/// <c>casttools rec FILE</c>: records a command in a pseudo-terminal, with asciinema 3's options and meanings.
/// </summary>
internal static class RecCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "The recording to write (.cast; .txt picks txt output)." };
        var command = new Option<string>("--command", "-c")
        {
            Description = "The command to record, run as /bin/sh -c COMMAND. Default: $SHELL, else /bin/sh.",
        };
        var format = new Option<string>("--output-format", "-f")
        {
            Description = "asciicast-v3 (default), asciicast-v2, raw (output bytes only) or txt (final text).",
        };
        format.AcceptOnlyFromAmong("asciicast-v3", "asciicast-v2", "raw", "txt");
        var captureInput = new Option<bool>("--capture-input", "-I", "--stdin")
        {
            Description = "Record keyboard input as 'i' events.",
        };
        var captureEnv = new Option<string>("--capture-env")
        {
            Description = "Comma-separated environment variables stored in the header. Default: SHELL.",
        };
        var append = new Option<bool>("--append", "-a") { Description = "Append to an existing recording, continuing its timing." };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace FILE if it exists (otherwise rec refuses)." };
        var title = new Option<string>("--title", "-t") { Description = "Title stored in the header." };
        var idle = new Option<double?>("--idle-time-limit", "-i")
        {
            Description = "Seconds; stored in the header for players, the captured timing is kept.",
        };
        var headless = new Option<bool>("--headless")
        {
            Description = "Do not use the terminal (automatic when there is none). Size 80x24 unless --window-size.",
        };
        var windowSize = new Option<string>("--window-size")
        {
            Description = "COLSxROWS of the recorded terminal; 100x or x30 fixes one side only.",
        };
        var returnStatus = new Option<bool>("--return") { Description = "Exit with the recorded command's exit status." };

        var rec = new Command("rec", "Record a terminal session (asciicast v3, v2, raw or txt).");
        rec.Aliases.Add("record");
        rec.Arguments.Add(file);
        rec.Options.Add(command);
        rec.Options.Add(format);
        rec.Options.Add(captureInput);
        rec.Options.Add(captureEnv);
        rec.Options.Add(append);
        rec.Options.Add(overwrite);
        rec.Options.Add(title);
        rec.Options.Add(idle);
        rec.Options.Add(headless);
        rec.Options.Add(windowSize);
        rec.Options.Add(returnStatus);

        rec.SetAction(parseResult => CommandRunner.Execute(parseResult, console, () =>
        {
            if (parseResult.GetValue(append) && parseResult.GetValue(overwrite))
            {
                throw new CliException("--append and --overwrite cannot be used together", ExitCodes.Usage);
            }

            int? columns = null;
            int? rows = null;
            if (parseResult.GetValue(windowSize) is string size && !WindowSize.TryParse(size, out columns, out rows))
            {
                throw new CliException(
                    $"--window-size {size}: expected COLSxROWS, COLSx or xROWS with sides from 1 to 4096", ExitCodes.Usage);
            }

            double? idleLimit = parseResult.GetValue(idle);
            if (idleLimit is double limit && !(limit > 0 && double.IsFinite(limit)))
            {
                throw new CliException(
                    $"--idle-time-limit {limit.ToString(CultureInfo.InvariantCulture)}: must be a positive number of seconds", ExitCodes.Usage);
            }

            string? commandText = parseResult.GetValue(command);
            if (commandText is { Length: 0 })
            {
                throw new CliException("--command: the command is empty", ExitCodes.Usage);
            }

            string path = parseResult.GetValue(file)!;
            bool quiet = parseResult.GetValue(CliApp.Quiet);
            var options = new RecordOptions
            {
                OutputPath = path,
                Format = parseResult.GetValue(format) switch
                {
                    "asciicast-v3" => RecordingFormat.AsciicastV3,
                    "asciicast-v2" => RecordingFormat.AsciicastV2,
                    "raw" => RecordingFormat.Raw,
                    "txt" => RecordingFormat.Txt,
                    _ => null,
                },
                Command = commandText,
                CaptureInput = parseResult.GetValue(captureInput),
                CaptureEnv = ParseEnvList(parseResult.GetValue(captureEnv)),
                Append = parseResult.GetValue(append),
                Overwrite = parseResult.GetValue(overwrite),
                Title = parseResult.GetValue(title),
                IdleTimeLimit = idleLimit,
                Headless = parseResult.GetValue(headless),
                Columns = columns,
                Rows = rows,
            };

            // Around an interactive recording, messages bypass System.Console (see StandardErrorWriter).
            TextWriter errors = Recorder.IsInteractive(options) ? StandardErrorWriter.Instance : console.Error;
            options = options with { Notices = quiet ? null : errors };

            RecordResult result;
            try
            {
                result = Recorder.Record(options);
            }
            catch (PtyException e)
            {
                throw new CliException(e.Message, e.ShellStatus is 126 or 127 ? e.ShellStatus : ExitCodes.Io, e);
            }
            catch (NotSupportedException e)
            {
                throw new CliException(e.Message, ExitCodes.Usage, e);
            }

            int status = result.Status.ShellStatus;
            if (status is 126 or 127)
            {
                // The shell's own codes for a command it could not find or run: a failed recording, reported as a
                // shell would, with or without --return. The recording (with the shell's message) is kept.
                string what = status == 127 ? "command not found" : "command not executable";
                errors.WriteLine($"casttools: the recorded command exited with status {status} ({what}?)");
                errors.Flush();
                return status;
            }

            return parseResult.GetValue(returnStatus) ? status : ExitCodes.Success;
        }));
        return rec;
    }

    private static IReadOnlyList<string> ParseEnvList(string? text)
    {
        if (text is null)
        {
            return ["SHELL"];
        }

        return text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
