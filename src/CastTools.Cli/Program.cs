using CastTools.Cli;

return CliApp.Run(args, CliConsole.System);
