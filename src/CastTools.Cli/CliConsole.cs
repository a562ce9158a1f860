namespace CastTools.Cli;

/// <summary>The streams a command talks to; tests pass in-memory ones.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error, Func<Stream> OpenStandardInput, Func<Stream> OpenStandardOutput, bool IsErrorRedirected)
{
    public static CliConsole System { get; } = new(
        Console.Out,
        Console.Error,
        Console.OpenStandardInput,
        Console.OpenStandardOutput,
        Console.IsErrorRedirected);
}
