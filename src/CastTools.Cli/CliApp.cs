using System.CommandLine;
using System.Reflection;

namespace CastTools.Cli;

/// <summary>Builds the <c>casttools</c> command tree and runs it. Commands only map options onto the libraries.</summary>
public static class CliApp
{
    /// <summary>Global: print stack traces and diagnostics.</summary>
    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Print more detail, including stack traces on errors.",
        Recursive = true,
    };

    /// <summary>Global: print nothing but errors.</summary>
    public static readonly Option<bool> Quiet = new("--quiet", "-q")
    {
        Description = "Print nothing but errors.",
        Recursive = true,
    };

    public static int Run(string[] args, CliConsole console)
    {
        RootCommand root = Build(console);
        ParseResult parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            // One line per problem and the documented usage exit code (System.CommandLine's default is 1 plus a help dump).
            foreach (System.CommandLine.Parsing.ParseError error in parseResult.Errors)
            {
                console.Error.WriteLine($"casttools: {error.Message}");
            }

            console.Error.WriteLine($"Try '{CommandPath(parseResult.CommandResult.Command)} --help'.");
            return ExitCodes.Usage;
        }

        if (parseResult.CommandResult.Command is RootCommand)
        {
            // The root's help lists every command: show each one's first line there; the examples that follow it
            // in the description belong to that command's own --help.
            foreach (Command command in root.Subcommands)
            {
                command.Description = FirstLine(command.Description);
            }
        }

        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
        };
        return parseResult.Invoke(configuration);
    }

    public static RootCommand Build(CliConsole console)
    {
        var root = new RootCommand(
            "casttools: record terminal sessions and turn asciicast recordings into GIF, MP4/WebM, SVG, PNG and text.");
        root.Options.Add(Verbose);
        root.Options.Add(Quiet);

        // Each command lives in its own file: Commands/<Name>Command.cs with a static Create(CliConsole).
        foreach (Command command in CommandCatalog.Create(console))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    private static string? FirstLine(string? text)
    {
        int end = text?.IndexOf('\n') ?? -1;
        return end < 0 ? text : text![..end].TrimEnd();
    }

    private static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Command? current = command; current is not null and not RootCommand; current = current.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Insert(0, current.Name);
        }

        names.Insert(0, "casttools");
        return string.Join(' ', names);
    }

    public static string VersionText =>
        typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
