using System.CommandLine;

namespace CastTools.Cli;

/// <summary>
/// Runs a command body and turns known failures into one line on stderr (<c>casttools: reason</c>) and a distinct
/// exit code. Stack traces only with <c>--verbose</c>.
/// </summary>
internal static class CommandRunner
{
    public static int Execute(ParseResult parseResult, CliConsole console, Func<int> body)
    {
        bool verbose = parseResult.GetValue(CliApp.Verbose);
        try
        {
            return body();
        }
        catch (CliException e)
        {
            return Fail(console, verbose, e, e.Message, e.ExitCode);
        }
        catch (CastTools.Asciicast.AsciicastFormatException e)
        {
            return Fail(console, verbose, e, e.Message, ExitCodes.InvalidInput);
        }
        catch (FileNotFoundException e)
        {
            return Fail(console, verbose, e, $"{e.FileName ?? "file"}: no such file", ExitCodes.Io);
        }
        catch (DirectoryNotFoundException e)
        {
            return Fail(console, verbose, e, e.Message, ExitCodes.Io);
        }
        catch (UnauthorizedAccessException e)
        {
            return Fail(console, verbose, e, e.Message, ExitCodes.Io);
        }
        catch (IOException e)
        {
            return Fail(console, verbose, e, e.Message, ExitCodes.Io);
        }
        catch (OperationCanceledException e)
        {
            return Fail(console, verbose, e, "interrupted", 130);
        }
        catch (Exception e)
        {
            return Fail(console, verbose, e, $"internal error: {e.GetType().Name}: {e.Message}", ExitCodes.InternalError);
        }
    }

    private static int Fail(CliConsole console, bool verbose, Exception e, string message, int exitCode)
    {
        console.Error.WriteLine($"casttools: {message}");
        if (verbose)
        {
            console.Error.WriteLine(e.ToString());
        }

        return exitCode;
    }
}
