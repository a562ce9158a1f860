using System.Collections;
using System.Runtime.InteropServices;
using CastTools.Asciicast;
using CastTools.Recording.Interop;
using CastTools.Recording.Sinks;
using CastTools.Vt;

namespace CastTools.Recording;

/// <summary>
/// Records a command into a file, as asciinema 3's <c>rec</c>. Interactive when standard input and output are a
/// terminal (and not <see cref="RecordOptions.Headless"/>): the terminal goes raw, keys go to the command, resizes
/// are forwarded and recorded, and the terminal is restored however the recording ends (short of SIGKILL).
/// Headless otherwise: nothing is read from or shown on the terminal. Events are written and flushed as they arrive.
/// </summary>
public sealed unsafe partial class Recorder
{
    private readonly RecordOptions _options;
    private readonly object _lock = new();
    private IRecordingSink _sink = null!;
    private PtySession _session = null!;
    private UserTerminal? _terminal;

    // Headless only: an emulator that follows the output so the command's queries (DA1, DSR/CPR, OSC 10/11, ...)
    // get the answers a real terminal would give; without them programs that wait for a reply (fish >= 4.1, newer
    // nvim) stall. Interactively the user's own terminal answers.
    private Terminal? _responder;
    private readonly List<byte> _pendingReplies = [];
    private long _timeOffset;
    private long _lastTime;
    private long _pausedAt = -1;
    private long _pausedTotal;
    private Exception? _sinkError;
    private int _signalsReceived;

    private Recorder(RecordOptions options)
    {
        _options = options;
    }

    /// <summary>Whether <see cref="Record"/> would use the terminal with these options.</summary>
    public static bool IsInteractive(RecordOptions options) => !options.Headless && UserTerminal.IsAvailable;

    /// <summary>The command line run when none is given: <c>$SHELL</c>, else <c>/bin/sh</c>.</summary>
    public static string DefaultCommand(IDictionary? environment = null)
    {
        string? shell = (environment ?? Environment.GetEnvironmentVariables())["SHELL"] as string;
        return string.IsNullOrEmpty(shell) ? "/bin/sh" : shell;
    }

    /// <summary>The output format a path and options imply (before looking at an existing file).</summary>
    public static RecordingFormat DefaultFormat(string path) =>
        path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) ? RecordingFormat.Txt : RecordingFormat.AsciicastV3;

    /// <summary>
    /// Runs the recording to its end. Throws <see cref="PtyException"/> when no PTY can be opened,
    /// <see cref="IOException"/> for output file problems (existing file, unwritable, disk full),
    /// <see cref="AsciicastFormatException"/> when the file to append to is not a usable recording.
    /// </summary>
    public static RecordResult Record(RecordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Append && options.Overwrite)
        {
            throw new ArgumentException("--append and --overwrite cannot be used together");
        }

        return new Recorder(options).Run();
    }

    private RecordResult Run()
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("recording needs a Unix pseudo-terminal");
        }

        IDictionary environment = _options.Environment ?? Environment.GetEnvironmentVariables();
        bool interactive = IsInteractive(_options);
        RecordingFormat format = _options.Format ?? DefaultFormat(_options.OutputPath);
        RecordingFile.Existing? existing = null;
        if (_options.Append && File.Exists(_options.OutputPath) && format is RecordingFormat.AsciicastV2 or RecordingFormat.AsciicastV3)
        {
            existing = RecordingFile.Inspect(_options.OutputPath);
            if (_options.Format is RecordingFormat requested && requested != existing.Value.Format)
            {
                throw new AsciicastFormatException(
                    _options.OutputPath, 1, $"is {Name(existing.Value.Format)}; cannot append {Name(requested)} events to it");
            }

            format = existing.Value.Format;
        }

        using UserTerminal? terminal = interactive ? UserTerminal.Open() : null;
        _terminal = terminal;
        (int Columns, int Rows) fallback = (80, 24);
        if (interactive && UserTerminal.GetSize() is { } userSize)
        {
            fallback = userSize;
        }

        var size = new TerminalSize(_options.Columns ?? fallback.Columns, _options.Rows ?? fallback.Rows);
        string term = interactive && environment["TERM"] is string userTerm && userTerm.Length > 0 ? userTerm : PtyEnvironment.HeadlessTerm;
        string command = _options.Command ?? DefaultCommand(environment);
        string sessionId = PtyEnvironment.NewSessionId();
        CastHeader header = BuildHeader(format, size, term, environment);

        if (!interactive)
        {
            _responder = new Terminal(size.Columns, size.Rows, new TerminalOptions { Reply = OnReply });
        }

        RecordingFile file = RecordingFile.Open(
            _options.OutputPath, format, _options.Append, _options.Overwrite, header, existing, TxtSinkFactory(size));
        _sink = file.Sink;
        _timeOffset = file.TimeOffset;
        _lastTime = _timeOffset;

        var info = new PtyStartInfo
        {
            Arguments = ["/bin/sh", "-c", command],
            Environment = PtyEnvironment.Create(term, sessionId, environment),
            Size = size,
            WorkingDirectory = _options.WorkingDirectory,
            Modes = terminal?.Modes,
        };

        var registrations = new List<PosixSignalRegistration>();
        Thread? pump = null;
        int* wake = stackalloc int[2] { -1, -1 };
        try
        {
            foreach (PosixSignal signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT })
            {
                registrations.Add(PosixSignalRegistration.Create(signal, OnTerminationSignal));
            }

            Notice(interactive
                ? $"casttools: recording to {_options.OutputPath}; exit the shell (ctrl+d) to finish"
                : $"casttools: recording {command} to {_options.OutputPath} ({size.Columns}x{size.Rows}, headless)");

            if (terminal is not null)
            {
                if (Libc.Pipe2(wake, Libc.OCloExec | Libc.ONonBlock) != 0)
                {
                    file.Discard();
                    throw new PtyException("cannot create a pipe", Marshal.GetLastPInvokeError());
                }

                // Raw before the child starts: a key typed as soon as its first output shows must already go to it.
                terminal.EnterRawMode();
                registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGWINCH, OnWindowChange));
            }

            // Appending at another size: the players must know before the first output arrives.
            if (file.LastSize is TerminalSize last && last != size)
            {
                WriteEvent(0, s => s.Resize(Clock(0), size.Columns, size.Rows));
            }

            try
            {
                _session = PtySession.Start(info, OnOutput);
            }
            catch
            {
                file.Discard();
                throw;
            }

            // A termination signal that came while the command was starting found no session to hang up: pass it on
            // now (one arriving in between is passed twice; a second hangup does no harm).
            int signals = Volatile.Read(ref _signalsReceived);
            if (signals > 0)
            {
                _session.Signal(signals == 1 ? Libc.SigHup : Libc.SigKill);
            }

            lock (_lock)
            {
                // The file may have failed on the first output, before _session was set for OnOutput to hang up.
                if (_sinkError is not null)
                {
                    _session.Signal(Libc.SigHup);
                }

                // Answers to queries the command sent before _session was set.
                if (_pendingReplies.Count > 0)
                {
                    WriteReply(_session, [.. _pendingReplies]);
                    _pendingReplies.Clear();
                }
            }

            if (terminal is not null)
            {
                int wakeRead = wake[0];
                pump = new Thread(() => PumpInput(wakeRead)) { IsBackground = true, Name = "stdin pump" };
                pump.Start();
            }

            _session.Completion.ContinueWith(_ => { }).Wait();
            // The exit is recorded when the child was reaped, not after the quiet period that followed.
            long end = _session.ExitTime;
            if (pump is not null)
            {
                byte one = 1;
                Libc.Write(wake[1], &one, 1);
                pump.Join();
            }

            terminal?.Restore();
            PtyExitStatus status = _session.ExitStatus;
            WriteEvent(end, s => s.Exit(Clock(end), status));
            lock (_lock)
            {
                if (_sinkError is null)
                {
                    try
                    {
                        _sink.Complete();
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        _sinkError = e;
                    }
                }
            }

            if (_sinkError is not null)
            {
                throw new IOException($"{_options.OutputPath}: {_sinkError.Message}", _sinkError);
            }

            Notice($"casttools: recording finished ({status}); saved to {_options.OutputPath}");
            return new RecordResult(status, _lastTime - _timeOffset, interactive);
        }
        finally
        {
            terminal?.Restore();
            if (wake[0] >= 0)
            {
                Libc.Close(wake[0]);
                Libc.Close(wake[1]);
            }

            foreach (PosixSignalRegistration registration in registrations)
            {
                registration.Dispose();
            }

            _session?.Dispose();
            try
            {
                _sink.Dispose();
            }
            catch (IOException)
            {
            }
        }
    }

    private static string Name(RecordingFormat format) => format switch
    {
        RecordingFormat.AsciicastV2 => "asciicast v2",
        RecordingFormat.AsciicastV3 => "asciicast v3",
        RecordingFormat.Raw => "raw",
        _ => "txt",
    };

    private CastHeader BuildHeader(RecordingFormat format, TerminalSize size, string term, IDictionary environment)
    {
        var env = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (string name in _options.CaptureEnv)
        {
            if (environment[name] is string value)
            {
                env[name] = value;
            }
        }

        // v2 has no term object; asciinema 2.x kept the terminal type in env.TERM.
        if (format == RecordingFormat.AsciicastV2)
        {
            env["TERM"] = term;
        }

        return new CastHeader
        {
            Version = format == RecordingFormat.AsciicastV2 ? 2 : 3,
            Columns = size.Columns,
            Rows = size.Rows,
            Timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            IdleTimeLimit = _options.IdleTimeLimit,
            Command = _options.Command,
            Title = _options.Title,
            Env = env.Count > 0 ? env : null,
            TermType = format == RecordingFormat.AsciicastV3 ? term : null,
        };
    }

    /// <summary>Session time to recording time: paused time removed, offset by an appended-to recording, never backwards.</summary>
    private long Clock(long sessionTime)
    {
        long time = Math.Max(_lastTime, sessionTime - _pausedTotal + _timeOffset);
        _lastTime = time;
        return time;
    }

    /// <summary>Writes under the lock unless paused or failed; a failing file ends the recording (the child is hung up).</summary>
    private void WriteEvent(long sessionTime, Action<IRecordingSink> write, bool whilePaused = false)
    {
        lock (_lock)
        {
            if (_sinkError is not null || (_pausedAt >= 0 && !whilePaused))
            {
                return;
            }

            try
            {
                write(_sink);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                _sinkError = e;
                _session?.Signal(Libc.SigHup);
            }
        }
    }

    private void OnOutput(long time, ReadOnlySpan<byte> data)
    {
        if (_terminal is not null)
        {
            UserTerminal.WriteAll(1, data);
        }

        lock (_lock)
        {
            _responder?.Feed(data);

            if (_sinkError is not null || _pausedAt >= 0)
            {
                return;
            }

            try
            {
                _sink.Output(Clock(time), data);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _sinkError = e;
                _session?.Signal(Libc.SigHup);
            }
        }
    }

    /// <summary>Called by the responder (under <see cref="_lock"/>, from <see cref="OnOutput"/>) with a terminal's answer.</summary>
    private void OnReply(ReadOnlySpan<byte> reply)
    {
        PtySession? session = _session;
        if (session is null)
        {
            _pendingReplies.AddRange(reply);
            return;
        }

        WriteReply(session, reply);
    }

    private static void WriteReply(PtySession session, ReadOnlySpan<byte> reply)
    {
        try
        {
            // A command that queries but never reads must not stall the recording: give up after a short wait.
            session.Write(reply, TimeSpan.FromMilliseconds(200));
        }
        catch (Exception e) when (e is PtyException or ObjectDisposedException or IOException)
        {
            // The command has gone; nobody is waiting for the answer.
        }
    }

    private void OnTerminationSignal(PosixSignalContext context)
    {
        // Keep running: hang up the command (as closing a terminal does), then record its end normally.
        // A second signal means the command ignores the hangup: kill it.
        context.Cancel = true;
        int count = Interlocked.Increment(ref _signalsReceived);
        _session?.Signal(count == 1 ? Libc.SigHup : Libc.SigKill);
    }

    private void OnWindowChange(PosixSignalContext context)
    {
        context.Cancel = true;
        if (UserTerminal.GetSize() is not { } user || _session is null || _session.HasEnded)
        {
            return;
        }

        var size = new TerminalSize(_options.Columns ?? user.Columns, _options.Rows ?? user.Rows);
        if (size == _session.Size)
        {
            return;
        }

        try
        {
            _session.Resize(size);
        }
        catch (Exception e) when (e is PtyException or ObjectDisposedException)
        {
            return;
        }

        long now = _session.Elapsed;
        WriteEvent(now, s => s.Resize(Clock(now), size.Columns, size.Rows));
    }

    private void Notice(string text)
    {
        if (_options.Notices is TextWriter writer)
        {
            writer.WriteLine(text);
            writer.Flush();
        }
    }

    private static Func<Stream, IRecordingSink> TxtSinkFactory(TerminalSize size) =>
        stream => new TxtSink(stream, size.Columns, size.Rows);
}
