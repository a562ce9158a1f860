using System.CommandLine;

namespace CastTools.Cli;

/// <summary>The list of subcommands, in the order <c>--help</c> shows them. One line per command.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create(CliConsole console)
    {
        yield return RenderCommand.Create(console);
        yield return InfoCommand.Create(console);
        yield return ConvertCommand.Create(console);
        yield return CatCommand.Create(console);
        yield return ThemesCommand.Create(console);
    }
}
