namespace CastTools.Cli;

/// <summary>The streams a command talks to; tests pass in-memory ones.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error, Func<Stream> OpenStandardInput, Func<Stream> OpenStandardOutput, bool IsErrorRedirected)
{
    /// <summary>The process's own streams. Text goes through <see cref="StandardStreamWriter"/>, not
    /// <see cref="Console.Out"/>, whose first use costs more than a small render.</summary>
    public static CliConsole System { get; } = new(
        new StandardStreamWriter(1),
        new StandardStreamWriter(2),
        Console.OpenStandardInput,
        Console.OpenStandardOutput,
        Console.IsErrorRedirected);
}
