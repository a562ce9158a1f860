using CastTools.Asciicast;
using System.Text;
using System.Text.RegularExpressions;

namespace CastTools.Recording.Tests;

/// <summary>
/// A headless session for tests: collects all output, waits for text with a timeout (never fixed sleeps), and
/// always tears the child down.
/// </summary>
internal sealed class PtyTestSession : IDisposable
{
    private readonly MemoryStream _output = new();
    private readonly object _lock = new();

    private PtyTestSession(PtyStartInfo info)
    {
        Session = PtySession.Start(info, OnOutput);
    }

    public PtySession Session { get; }

    public static PtyTestSession Shell(string command, TerminalSize? size = null)
    {
        return new PtyTestSession(Info(["/bin/sh", "-c", command], size));
    }

    public static PtyTestSession Command(string[] arguments, TerminalSize? size = null)
    {
        return new PtyTestSession(Info(arguments, size));
    }

    public static PtyStartInfo Info(string[] arguments, TerminalSize? size = null) => new()
    {
        Arguments = arguments,
        Environment = PtyEnvironment.Create(PtyEnvironment.HeadlessTerm, "test"),
        Size = size ?? WindowSize.Default,
    };

    public string Text
    {
        get
        {
            lock (_lock)
            {
                return Encoding.UTF8.GetString(_output.GetBuffer(), 0, (int)_output.Length);
            }
        }
    }

    public byte[] Bytes
    {
        get
        {
            lock (_lock)
            {
                return _output.ToArray();
            }
        }
    }

    /// <summary>Waits until the output matches <paramref name="pattern"/>; fails with the output so far.</summary>
    public Match WaitFor(string pattern, int timeoutMs = 10_000)
    {
        var regex = new Regex(pattern);
        long deadline = Environment.TickCount64 + timeoutMs;
        while (true)
        {
            string text = Text;
            Match match = regex.Match(text);
            if (match.Success)
            {
                return match;
            }

            if (Environment.TickCount64 > deadline)
            {
                Assert.Fail($"timed out waiting for /{pattern}/; output so far: {text}");
            }

            Thread.Sleep(5);
        }
    }

    public void Type(string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        Assert.Equal(bytes.Length, Session.Write(bytes, TimeSpan.FromSeconds(5)));
    }

    public PtyExitStatus WaitForExit(int timeoutMs = 10_000)
    {
        Assert.True(Session.WaitForExit(TimeSpan.FromMilliseconds(timeoutMs)), $"session did not end; output: {Text}");
        return Session.ExitStatus;
    }

    public void Dispose() => Session.Dispose();

    private void OnOutput(long time, ReadOnlySpan<byte> data)
    {
        lock (_lock)
        {
            _output.Write(data);
        }
    }
}
