using System.CommandLine;
using System.Text;
using CastTools.Render;
using CastTools.Vt;

namespace CastTools.Cli;

/// <summary><c>casttools themes [--preview] [THEME...]</c>: lists the built-in themes, optionally with colour swatches.</summary>
internal static class ThemesCommand
{
    public static Command Create(CliConsole console)
    {
        var preview = new Option<bool>("--preview", "-p")
        {
            Description = "Show each theme's colours as swatches (24-bit colour escapes).",
        };
        var names = new Argument<string[]>("theme")
        {
            Description = "Themes to show: built-in names, theme files or agg colour lists (default: all built-in themes).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("themes", "List the built-in colour themes for --theme.");
        command.Options.Add(preview);
        command.Arguments.Add(names);
        command.SetAction(parseResult => CommandRunner.Execute(parseResult, console, () =>
        {
            string[] requested = parseResult.GetValue(names) ?? [];
            IReadOnlyList<string> list = requested.Length > 0 ? requested : Theme.BuiltInNames;
            bool showPreview = parseResult.GetValue(preview);
            int width = 0;
            foreach (string name in list)
            {
                width = Math.Max(width, name.Length);
            }

            foreach (string name in list)
            {
                if (!showPreview)
                {
                    console.Out.WriteLine(name);
                    continue;
                }

                Theme theme;
                try
                {
                    theme = Theme.Load(name);
                }
                catch (RenderException e)
                {
                    throw new CliException(e.Message, ExitCodes.Resource, e);
                }

                console.Out.WriteLine(Swatch(name.PadRight(width), theme));
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The name in the theme's colours, then the 16 palette colours as coloured blocks.</summary>
    private static string Swatch(string name, Theme theme)
    {
        var line = new StringBuilder();
        line.Append(Background(theme.Background)).Append(Foreground(theme.Foreground)).Append(' ').Append(name).Append(' ');
        for (int i = 0; i < 16; i++)
        {
            line.Append(Foreground(theme.Palette[i])).Append(i == 8 ? " ██" : "██");
        }

        line.Append(' ').Append("\e[0m");
        return line.ToString();
    }

    private static string Foreground(Rgb c) => $"\e[38;2;{c.R};{c.G};{c.B}m";

    private static string Background(Rgb c) => $"\e[48;2;{c.R};{c.G};{c.B}m";
}
