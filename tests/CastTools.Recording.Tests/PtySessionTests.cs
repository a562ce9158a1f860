using CastTools.Asciicast;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace CastTools.Recording.Tests;

[Collection(ProcessWideCollection.Name)]
public sealed class PtySessionTests
{
    [Fact]
    public void The_child_has_a_controlling_tty_of_the_requested_size()
    {
        // /proc/PID/stat fields 6 and 8: session id and the tty's foreground process group (no procps needed).
        using var pty = PtyTestSession.Shell("tty; stty size; cut -d' ' -f6,8 /proc/$$/stat", new TerminalSize(100, 30));
        Assert.Equal(0, pty.WaitForExit().ShellStatus);
        string[] lines = pty.Text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(pty.Session.TtyPath, lines[0]);
        Assert.StartsWith("/dev/pts/", lines[0]);
        Assert.Equal("30 100", lines[1]);
        // A session leader, in the foreground of its controlling terminal.
        int pid = pty.Session.ProcessId;
        Assert.Equal($"{pid} {pid}", lines[2]);
    }

    [Fact]
    public void Byte_0x03_interrupts_a_plain_sleep_through_the_line_discipline()
    {
        using var pty = PtyTestSession.Command(["sleep", "100"]);
        var watch = Stopwatch.StartNew();
        pty.Type("\u0003");
        PtyExitStatus status = pty.WaitForExit(5_000);
        Assert.Equal(2, status.Signal);
        Assert.Equal(130, status.ShellStatus);
        Assert.True(watch.ElapsedMilliseconds < 3_000);
    }

    [Theory]
    [InlineData("exit 0", 0)]
    [InlineData("exit 7", 7)]
    [InlineData("exit 255", 255)]
    [InlineData("kill -TERM $$", 128 + 15)]
    [InlineData("kill -KILL $$", 128 + 9)]
    public void The_exit_status_is_reported_like_a_shell(string command, int expected)
    {
        using var pty = PtyTestSession.Shell(command);
        Assert.Equal(expected, pty.WaitForExit().ShellStatus);
    }

    [Fact]
    public void A_missing_program_fails_to_start_with_127()
    {
        var e = Assert.Throws<PtyException>(() => PtySession.Start(PtyTestSession.Info(["no-such-program-casttools"])));
        Assert.Equal(127, e.ShellStatus);
        Assert.Contains("command not found", e.Message);
    }

    [Fact]
    public void A_file_that_is_not_executable_fails_to_start_with_126()
    {
        string path = Path.GetTempFileName();
        try
        {
            var e = Assert.Throws<PtyException>(() => PtySession.Start(PtyTestSession.Info([path])));
            Assert.Equal(126, e.ShellStatus);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_resize_reaches_the_child_as_sigwinch_with_the_new_size()
    {
        using var pty = PtyTestSession.Shell(
            "trap 'echo WINCH $(stty size)' WINCH; echo ready; while :; do sleep 0.05; done");
        pty.WaitFor("ready");
        pty.Session.Resize(new TerminalSize(120, 40));
        pty.WaitFor("WINCH 40 120");
        pty.Session.Resize(new TerminalSize(90, 20));
        pty.WaitFor("WINCH 20 90");
        Assert.Equal(new TerminalSize(90, 20), pty.Session.Size);
    }

    [Fact]
    public void No_fd_of_ours_leaks_into_the_child_and_sigpipe_is_default_there()
    {
        // An fd without CLOEXEC in our process, as a careless library might leave one.
        using var leaked = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.DeleteOnClose);
        // No pipeline in the listed shell: while setting one up the shell itself briefly holds the pipe's fds.
        using var pty = PtyTestSession.Shell("ls /proc/$$/fd; grep -E '^Sig(Ign|Blk)' /proc/$$/status");
        Assert.Equal(0, pty.WaitForExit().ShellStatus);
        string[] lines = pty.Text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("0 1 2", string.Join(' ', lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        ulong ignored = Mask(lines, "SigIgn:");
        ulong blocked = Mask(lines, "SigBlk:");
        // Bit n-1 is signal n. glibc leaves its own real-time signals 32 and 33 ignored; signals 1..31 must be default.
        Assert.Equal(0UL, ignored & 0x7FFF_FFFFUL);
        Assert.Equal(0UL, blocked);
    }

    [Fact]
    public void Sigpipe_kills_a_writer_to_a_closed_pipe_quietly()
    {
        using var pty = PtyTestSession.Shell("yes | head -n 1; echo done");
        Assert.Equal(0, pty.WaitForExit().ShellStatus);
        Assert.Equal("y\r\ndone\r\n", pty.Text);
    }

    [Fact]
    public void A_background_job_holding_the_pty_does_not_keep_the_session_open()
    {
        // The job ignores SIGHUP, so the kernel's hangup on the leader's exit does not end it and EIO never comes.
        using var pty = PtyTestSession.Shell("(trap '' HUP; sleep 5) & echo started");
        Assert.Equal(0, pty.WaitForExit(5_000).ShellStatus);
        long afterExit = pty.Session.Elapsed - pty.Session.ExitTime;
        Assert.InRange(afterExit, 0, 1_000_000);
        Assert.Equal("started\r\n", pty.Text);
    }

    [Fact]
    public void Output_written_just_before_exit_is_all_delivered()
    {
        using var pty = PtyTestSession.Shell("head -c 3000000 /dev/zero | base64 -w 1000; exit 5");
        Assert.Equal(5, pty.WaitForExit(30_000).ShellStatus);
        // 4 000 000 base64 characters in lines of 1000, each line ending "\r\n" through ONLCR.
        Assert.Equal(4_000_000 + 4_000 * 2, pty.Bytes.Length);
    }

    [Fact]
    public void A_hundred_megabytes_of_binary_output_arrive_byte_exact()
    {
        // Raw mode (no ONLCR), so what arrives must hash exactly like the file; hashed as it streams, not stored.
        using var dir = new TempDirectory();
        string file = dir.File("random.bin");
        using var expected = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var random = new Random(42);
        byte[] block = new byte[1024 * 1024];
        using (var stream = File.Create(file))
        {
            for (int i = 0; i < 100; i++)
            {
                random.NextBytes(block);
                expected.AppendData(block);
                stream.Write(block);
            }
        }

        using var actual = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long count = 0;
        var info = PtyTestSession.Info(["/bin/sh", "-c", $"stty raw -echo; cat '{file}'"]);
        using (var session = PtySession.Start(info, (_, data) =>
        {
            actual.AppendData(data);
            count += data.Length;
        }))
        {
            Assert.True(session.WaitForExit(TimeSpan.FromMinutes(2)));
            Assert.Equal(0, session.ExitStatus.ShellStatus);
        }

        Assert.Equal(100L * 1024 * 1024, count);
        Assert.Equal(Convert.ToHexString(expected.GetHashAndReset()), Convert.ToHexString(actual.GetHashAndReset()));
    }

    [Fact]
    public void A_slow_consumer_holds_the_child_back_without_losing_output()
    {
        // A consumer slower than the child (a slow disk): the reader blocks, the kernel's buffer fills and the
        // child waits in write(); nothing is dropped and memory does not grow.
        long count = 0;
        var info = PtyTestSession.Info(["/bin/sh", "-c", "stty raw -echo; head -c 2000000 /dev/zero"]);
        using (var session = PtySession.Start(info, (_, data) =>
        {
            count += data.Length;
            Thread.Sleep(1);
        }))
        {
            Assert.True(session.WaitForExit(TimeSpan.FromMinutes(1)));
        }

        Assert.Equal(2_000_000, count);
    }

    [Fact]
    public void A_write_to_a_child_that_does_not_read_gives_up_at_its_deadline()
    {
        using var pty = PtyTestSession.Shell("stty -icanon -echo; echo ready; sleep 100");
        pty.WaitFor("ready");
        byte[] big = new byte[1024 * 1024];
        big.AsSpan().Fill((byte)'a');
        var watch = Stopwatch.StartNew();
        int written = pty.Session.Write(big, TimeSpan.FromMilliseconds(300));
        Assert.InRange(written, 1, big.Length - 1);
        Assert.InRange(watch.ElapsedMilliseconds, 250, 3_000);
    }

    [Fact]
    public void Typed_input_reaches_the_child()
    {
        using var pty = PtyTestSession.Shell("read line; echo \"got <$line>\"");
        pty.Type("héllo\r");
        pty.WaitForExit();
        Assert.Contains("got <héllo>", pty.Text);
    }

    [Fact]
    public async Task Without_a_handler_output_is_queued_with_times()
    {
        using var session = PtySession.Start(PtyTestSession.Info(["/bin/sh", "-c", "echo one; sleep 0.2; echo two"]));
        var chunks = new List<PtyChunk>();
        while (await session.Output.WaitToReadAsync())
        {
            while (session.Output.TryRead(out PtyChunk chunk))
            {
                chunks.Add(chunk);
            }
        }

        await session.Completion.WaitAsync(TimeSpan.FromSeconds(5));
        string text = string.Concat(chunks.Select(c => Encoding.UTF8.GetString(c.Data)));
        Assert.Equal("one\r\ntwo\r\n", text);
        long twoTime = chunks.First(c => Encoding.UTF8.GetString(c.Data).Contains("two")).Time;
        Assert.InRange(twoTime - chunks[0].Time, 150_000, 5_000_000);
    }

    [Fact]
    public void Signal_reaches_the_child()
    {
        using var pty = PtyTestSession.Shell("echo ready; sleep 100");
        pty.WaitFor("ready");
        Assert.True(pty.Session.Signal(15));
        Assert.Equal(128 + 15, pty.WaitForExit().ShellStatus);
    }

    [Fact]
    public void Disposing_a_running_session_hangs_up_the_child_and_reaps_it()
    {
        var pty = PtyTestSession.Shell("echo ready; sleep 100");
        pty.WaitFor("ready");
        int pid = pty.Session.ProcessId;
        pty.Dispose();
        Assert.False(Directory.Exists($"/proc/{pid}"), "the child is still there (running or a zombie)");
    }

    [Fact]
    public void Many_sessions_leave_no_zombies_and_no_fds_behind()
    {
        // Warm up lazy runtime initialisation, which opens a few fds once.
        using (var warm = PtyTestSession.Shell("true"))
        {
            warm.WaitForExit();
        }

        int fdsBefore = Directory.GetFiles("/proc/self/fd").Length;
        var pids = new List<int>();
        for (int i = 0; i < 50; i++)
        {
            using var pty = PtyTestSession.Shell("exit " + (i % 3));
            Assert.Equal(i % 3, pty.WaitForExit().ShellStatus);
            pids.Add(pty.Session.ProcessId);
        }

        foreach (int pid in pids)
        {
            Assert.False(Directory.Exists($"/proc/{pid}"), $"process {pid} is still there (a zombie?)");
        }

        Assert.InRange(Directory.GetFiles("/proc/self/fd").Length, 0, fdsBefore + 2);
    }

    private static ulong Mask(string[] lines, string name)
    {
        string line = Assert.Single(lines, l => l.StartsWith(name, StringComparison.Ordinal));
        return Convert.ToUInt64(line[name.Length..].Trim(), 16);
    }
}
