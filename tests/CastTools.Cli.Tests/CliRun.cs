using System.Text;
using CastTools.Cli;

namespace CastTools.Cli.Tests;

/// <summary>Runs the real command tree with in-memory stdin/stdout/stderr.</summary>
internal sealed class CliRun
{
    private CliRun(int exitCode, string stdout, byte[] stdoutBytes, string stderr)
    {
        ExitCode = exitCode;
        Out = stdout;
        OutBytes = stdoutBytes;
        Error = stderr;
    }

    public int ExitCode { get; }

    public string Out { get; }

    public byte[] OutBytes { get; }

    public string Error { get; }

    public static CliRun Run(params string[] args) => RunWithInput([], args);

    public static CliRun RunWithInput(byte[] stdin, params string[] args)
    {
        var outWriter = new StringWriter();
        var errWriter = new StringWriter();
        var stdout = new MemoryStream();
        var console = new CliConsole(outWriter, errWriter, () => new MemoryStream(stdin), () => stdout, IsErrorRedirected: true);
        int code = CliApp.Run(args, console);
        byte[] bytes = stdout.ToArray();
        return new CliRun(code, outWriter.ToString() + Encoding.UTF8.GetString(bytes), bytes, errWriter.ToString());
    }

    public static string SamplePath(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CastTools.sln")))
            {
                return Path.Combine(dir.FullName, "samples", name);
            }
        }

        throw new FileNotFoundException("samples directory not found", name);
    }
}

/// <summary>A temporary directory deleted after the test.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "casttools-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name, string? content = null)
    {
        string path = System.IO.Path.Combine(Path, name);
        if (content is not null)
        {
            System.IO.File.WriteAllText(path, content);
        }

        return path;
    }

    public string[] Entries() => Directory.GetFileSystemEntries(Path).Select(System.IO.Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray()!;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
