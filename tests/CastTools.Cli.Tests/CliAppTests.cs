namespace CastTools.Cli.Tests;

public class CliAppTests
{
    [Fact]
    public void An_unknown_option_is_one_line_per_error_and_the_usage_exit_code()
    {
        CliRun run = CliRun.Run("info", "x.cast", "--no-such-option");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("casttools: Unrecognized command or argument '--no-such-option'", run.Error);
        Assert.Contains("Try 'casttools info --help'.", run.Error);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void A_missing_required_argument_exits_with_the_usage_code()
    {
        CliRun run = CliRun.Run("convert");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("casttools: ", run.Error);
    }

    [Fact]
    public void Root_help_lists_every_command()
    {
        CliRun run = CliRun.Run("--help");
        Assert.Equal(0, run.ExitCode);
        foreach (string command in new[] { "info", "convert", "cat" })
        {
            Assert.Contains($"  {command} ", run.Out);
        }

        // Examples belong to each command's own help, not the root listing.
        Assert.DoesNotContain("Examples:", run.Out);
        Assert.Contains("Examples:", CliRun.Run("convert", "--help").Out);
    }
}
