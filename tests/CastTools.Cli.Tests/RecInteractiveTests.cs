using System.Text;
using System.Text.RegularExpressions;
using CastTools.Asciicast;
using CastTools.Recording;

namespace CastTools.Cli.Tests;

/// <summary>
/// Interactive recording without a person: <c>casttools rec</c> runs inside a headless PTY session, which is its
/// terminal. The outer session types keys, resizes its window and checks that the outer terminal's modes
/// (<c>stty -g</c>) are the same after the recorder as before.
/// </summary>
public sealed class RecInteractiveTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("casttools-cli-irec-").FullName;
    private readonly StringBuilder _outer = new();
    private PtySession? _session;

    public void Dispose()
    {
        _session?.Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string PathOf(string name) => Path.Combine(_dir, name);

    /// <summary>Starts the outer session: modes before, the recorder, its status, modes after.</summary>
    private void StartOuter(string recArguments)
    {
        string script = $"stty -g; {RecProcess.CommandLine} rec {recArguments}; echo \"status=$?\"; stty -g";
        var info = new PtyStartInfo
        {
            Arguments = ["/bin/sh", "-c", script],
            Environment = PtyEnvironment.Create(PtyEnvironment.HeadlessTerm, "outer"),
            Size = new TerminalSize(80, 24),
        };
        _session = PtySession.Start(info, (_, data) =>
        {
            lock (_outer)
            {
                _outer.Append(Encoding.UTF8.GetString(data));
            }
        });
    }

    private string Outer
    {
        get
        {
            lock (_outer)
            {
                return _outer.ToString();
            }
        }
    }

    private Match WaitFor(string pattern, int timeoutMs = 20_000)
    {
        var regex = new Regex(pattern);
        long deadline = Environment.TickCount64 + timeoutMs;
        while (true)
        {
            Match match = regex.Match(Outer);
            if (match.Success)
            {
                return match;
            }

            Assert.True(Environment.TickCount64 < deadline, $"timed out waiting for /{pattern}/; outer terminal got: {Outer}");
            Thread.Sleep(10);
        }
    }

    private void Type(string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        Assert.Equal(bytes.Length, _session!.Write(bytes, TimeSpan.FromSeconds(5)));
    }

    private void AssertModesRestored()
    {
        Assert.True(_session!.WaitForExit(TimeSpan.FromSeconds(20)), $"outer session did not end: {Outer}");
        string[] lines = Outer.Split("\r\n");
        string before = lines[0];
        string after = lines.Last(l => l.Length > 0);
        Assert.Matches("^[0-9a-f]+(:[0-9a-f]+)+$", before);
        Assert.Equal(before, after);
    }

    private static List<CastEvent> Events(string path, out CastHeader header)
    {
        using CastReader reader = CastReader.Open(path);
        header = reader.Header;
        return reader.ReadEvents().ToList();
    }

    [Fact]
    public void Keys_resizes_and_output_pass_through_and_the_terminal_is_restored()
    {
        string cast = PathOf("inner.cast");
        StartOuter($"'{cast}' -I -c \"trap 'echo WINCH \\$(stty size)' WINCH; stty -a | grep -o -- '-*icanon' ; echo ready; until read line; do :; done; echo got:\\$line\"");
        WaitFor("ready");
        _session!.Resize(new TerminalSize(100, 30));
        WaitFor("WINCH 30 100");
        Type("hello\r");
        WaitFor("got:hello");
        WaitFor("status=0");
        AssertModesRestored();

        // The child got the outer terminal's modes (canonical), not raw ones.
        Assert.Contains("\r\nicanon\r\n", Outer);
        // Nothing sent to the outer terminal that was not the recording's output: no keypad_xmit from System.Console.
        Assert.DoesNotContain("\u001b=", Outer);

        List<CastEvent> events = Events(cast, out CastHeader header);
        Assert.Equal(80, header.Columns);
        Assert.Equal(24, header.Rows);
        Assert.Equal("xterm-256color", header.TermType);
        Assert.Contains(events, e => e.Code == "r" && e.Data == "100x30");
        Assert.Equal("hello\r", string.Concat(events.Where(e => e.Code == "i").Select(e => e.Data)));
        string output = string.Concat(events.Where(e => e.Code == "o").Select(e => e.Data));
        Assert.Contains("WINCH 30 100", output);
        Assert.Contains("got:hello", output);
        Assert.Equal(new CastEvent(events[^1].Time, "x", "0"), events[^1]);
    }

    [Fact]
    public void Ctrl_c_goes_to_the_recorded_command_not_to_the_recorder()
    {
        string cast = PathOf("inner.cast");
        StartOuter($"--return '{cast}' -c 'echo ready; sleep 100'");
        WaitFor("ready");
        Type("\u0003");
        WaitFor("status=130");
        AssertModesRestored();
        Assert.Equal("130", Events(cast, out _)[^1].Data);
    }

    [Fact]
    public void Sigterm_to_an_interactive_recorder_restores_the_terminal()
    {
        string cast = PathOf("inner.cast");
        string pidFile = PathOf("pid");
        StartOuter($"'{cast}' -c 'echo $PPID > {pidFile}; echo ready; sleep 100'");
        WaitFor("ready");
        int recorder = int.Parse(File.ReadAllText(pidFile).Trim());
        System.Diagnostics.Process.Start("/bin/sh", ["-c", $"kill -TERM {recorder}"])!.WaitForExit();
        WaitFor("status=0");
        AssertModesRestored();
        Assert.Equal("129", Events(cast, out _)[^1].Data);
    }

    [Fact]
    public void The_pause_key_leaves_paused_output_out_of_the_recording()
    {
        string cast = PathOf("inner.cast");
        StartOuter($"'{cast}' -c 'stty -echo; echo ready; read a; echo A:$a; read b; echo B:$b; read c; echo C:$c'");
        WaitFor("ready");
        Type("1\r");
        WaitFor("A:1");
        Type("\u001c");
        Type("2\r");
        WaitFor("B:2");
        Type("\u001c3\r");
        WaitFor("status=0");
        AssertModesRestored();
        string output = string.Concat(Events(cast, out _).Where(e => e.Code == "o").Select(e => e.Data));
        Assert.Contains("A:1", output);
        Assert.DoesNotContain("B:2", output);
        Assert.Contains("C:3", output);
    }
}
