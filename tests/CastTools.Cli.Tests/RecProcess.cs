using System.Diagnostics;

namespace CastTools.Cli.Tests;

/// <summary>Runs the built <c>casttools</c> as its own process (stdin /dev/null, as in CI).</summary>
internal static class RecProcess
{
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    public static string CasttoolsDll => Path.Combine(AppContext.BaseDirectory, "casttools.dll");

    /// <summary>A shell-quoted command line that runs casttools, for use inside recorded commands.</summary>
    public static string CommandLine => $"'{Dotnet}' '{CasttoolsDll}'";

    public static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo(Dotnet)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(CasttoolsDll);
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        Process process = Process.Start(info)!;
        process.StandardInput.Close();
        return process;
    }

    public static void WaitUntil(Func<bool> condition, Process process, int timeoutMs = 20_000)
    {
        long deadline = Environment.TickCount64 + timeoutMs;
        while (!condition())
        {
            if (process.HasExited)
            {
                Assert.Fail($"casttools exited early ({process.ExitCode}): {process.StandardError.ReadToEnd()}");
            }

            if (Environment.TickCount64 > deadline)
            {
                Assert.Fail("timed out waiting for the recorder");
            }

            Thread.Sleep(10);
        }
    }
}
