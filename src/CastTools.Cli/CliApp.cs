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

    public static string VersionText =>
        typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
