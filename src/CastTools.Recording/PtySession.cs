using CastTools.Asciicast;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading.Channels;
using CastTools.Recording.Interop;

namespace CastTools.Recording;

/// <summary>
/// A command running in a new pseudo-terminal. Output is read on a dedicated thread and handed on with the time it
/// arrived; input is written without ever blocking forever; the window can be resized and the child signalled.
/// The session ends when the child has been reaped and the PTY has been quiet for <see cref="QuietPeriod"/> (or all
/// slave fds closed), so a background job that keeps the PTY open does not hang it.
/// </summary>
/// <remarks>
/// Three threads: the reader (poll on the master and a wake pipe, then read), the reaper (<c>waitpid</c> on our
/// child only, never -1) and the caller's. The master fd is closed only after the reader has stopped, because
/// <c>close</c> does not wake a blocked read and the number could be reused under it.
/// </remarks>
public sealed unsafe partial class PtySession : IDisposable
{
    /// <summary>How long the PTY must be silent after the child exits before the session ends.</summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(150);

    private const int ReadBufferSize = 64 * 1024;
    private const int ChannelCapacity = 256;

    private readonly int _master;
    private readonly int _wakeRead;
    private readonly int _wakeWrite;
    private readonly long _startTimestamp;
    private readonly PtyOutputHandler _handler;
    private readonly Channel<PtyChunk>? _channel;
    private readonly Thread _reader;
    private readonly Thread _reaper;
    private readonly TaskCompletionSource<PtyExitStatus> _completion =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    private volatile bool _reaped;
    private volatile bool _stopRequested;
    private volatile bool _readerDone;
    private PtyExitStatus _exitStatus = PtyExitStatus.Unknown;
    private long _exitTime;
    private int _disposed;
    private Exception? _readerError;

    private PtySession(PtyStartInfo info, PtyOutputHandler? handler)
    {
        Size = info.Size;
        _master = OpenMaster(info, out string slavePath);
        TtyPath = slavePath;
        int* pipe = stackalloc int[2];
        if (Libc.Pipe2(pipe, Libc.OCloExec | Libc.ONonBlock) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            Libc.Close(_master);
            throw new PtyException($"cannot create a pipe: {Describe(errno)}", errno);
        }

        _wakeRead = pipe[0];
        _wakeWrite = pipe[1];

        if (handler is null)
        {
            _channel = Channel.CreateBounded<PtyChunk>(
                new BoundedChannelOptions(ChannelCapacity) { SingleReader = false, SingleWriter = true });
            handler = EnqueueChunk;
        }

        _handler = handler;
        _startTimestamp = Stopwatch.GetTimestamp();
        try
        {
            ProcessId = Spawn(info, slavePath);
        }
        catch
        {
            Libc.Close(_master);
            Libc.Close(_wakeRead);
            Libc.Close(_wakeWrite);
            throw;
        }

        _reaper = new Thread(ReapLoop) { IsBackground = true, Name = "pty reaper" };
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = "pty reader" };
        _reaper.Start();
        _reader.Start();
    }

    /// <summary>
    /// Starts <paramref name="info"/>'s command in a new PTY. With a <paramref name="handler"/>, output goes to it on
    /// the reader thread; without one, it is queued (bounded) for <see cref="Output"/>.
    /// </summary>
    /// <exception cref="PtyException">No PTY could be opened, or the command was not found or not executable.</exception>
    public static PtySession Start(PtyStartInfo info, PtyOutputHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(info);
        return new PtySession(info, handler);
    }

    public int ProcessId { get; }

    /// <summary>The slave's path, e.g. <c>/dev/pts/3</c>.</summary>
    public string TtyPath { get; }

    public TerminalSize Size { get; private set; }

    /// <summary>Timed output, when the session was started without a handler; completed when the session ends.</summary>
    public ChannelReader<PtyChunk> Output =>
        _channel?.Reader ?? throw new InvalidOperationException("this session delivers output to its handler");

    /// <summary>Completes with the exit status once the child is reaped and all output has been delivered.</summary>
    public Task<PtyExitStatus> Completion => _completion.Task;

    public bool HasEnded => _completion.Task.IsCompleted;

    /// <summary>Valid once <see cref="Completion"/> has completed.</summary>
    public PtyExitStatus ExitStatus => _exitStatus;

    /// <summary>When the child was reaped (µs since the start); valid once <see cref="Completion"/> has completed.</summary>
    public long ExitTime => _exitTime;

    /// <summary>Microseconds since the session started, on the same clock as output times.</summary>
    public long Elapsed => Stopwatch.GetElapsedTime(_startTimestamp).Ticks / TimeSpan.TicksPerMicrosecond;

    /// <summary>Waits for the session to end; false on timeout.</summary>
    public bool WaitForExit(TimeSpan timeout) => _completion.Task.Wait(timeout);

    /// <summary>Sets the window size; the kernel sends SIGWINCH to the foreground process group.</summary>
    public void Resize(TerminalSize size)
    {
        ThrowIfDisposed();
        SetWindowSize(_master, size);
        Size = size;
    }

    /// <summary>Sends <paramref name="signal"/> to the child (not to its whole group). False if it has already gone.</summary>
    public bool Signal(int signal)
    {
        if (_reaped)
        {
            return false;
        }

        return Libc.Kill(ProcessId, signal) == 0;
    }

    /// <summary>
    /// Writes input to the child. Returns how many bytes were accepted: fewer than asked when
    /// <paramref name="timeout"/> passed with the PTY's input buffer full (the child is not reading) or the session
    /// ended. Safe to call from one thread at a time alongside the reader.
    /// </summary>
    public int Write(ReadOnlySpan<byte> data, TimeSpan timeout)
    {
        ThrowIfDisposed();
        long deadline = timeout == Timeout.InfiniteTimeSpan
            ? long.MaxValue
            : Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        int written = 0;
        fixed (byte* start = data)
        {
            while (written < data.Length && !_readerDone)
            {
                nint n = Libc.Write(_master, start + written, (nuint)(data.Length - written));
                if (n > 0)
                {
                    written += (int)n;
                    continue;
                }

                int errno = Marshal.GetLastPInvokeError();
                if (n < 0 && errno == Libc.EIntr)
                {
                    continue;
                }

                if (n < 0 && errno != Libc.EAgain)
                {
                    break; // EIO: nobody holds the slave any more.
                }

                long remaining = deadline - Environment.TickCount64;
                if (remaining <= 0)
                {
                    break;
                }

                // Short slices so the end of the session is noticed even if the buffer never drains.
                var pollFd = new PollFd { Fd = _master, Events = Libc.PollOut };
                Libc.Poll(&pollFd, 1, (int)Math.Min(remaining, 50));
            }
        }

        return written;
    }

    /// <summary>Ends the session: hangs up the child if it still runs (SIGHUP, then SIGKILL), stops the threads, closes the PTY.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (!_reaped)
        {
            Libc.Kill(ProcessId, Libc.SigHup);
            Libc.Kill(ProcessId, Libc.SigCont);
            if (!_reaper.Join(TimeSpan.FromMilliseconds(500)))
            {
                Libc.Kill(ProcessId, Libc.SigKill);
                _reaper.Join();
            }
        }

        _stopRequested = true;
        Wake();
        _reader.Join();
        _reaper.Join();
        Libc.Close(_master);
        Libc.Close(_wakeRead);
        Libc.Close(_wakeWrite);
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

    private void Wake()
    {
        byte one = 1;
        Libc.Write(_wakeWrite, &one, 1);
    }

    private void ReapLoop()
    {
        int status;
        int result;
        do
        {
            result = Libc.Waitpid(ProcessId, &status, 0);
        }
        while (result < 0 && Marshal.GetLastPInvokeError() == Libc.EIntr);

        // ECHILD: someone else reaped it (the runtime does, as PID 1); the status is lost.
        _exitStatus = result == ProcessId ? PtyExitStatus.FromWaitStatus(status) : PtyExitStatus.Unknown;
        _exitTime = Elapsed;
        _reaped = true;
        Wake();
    }

    private void ReadLoop()
    {
        byte[] buffer = GC.AllocateUninitializedArray<byte>(ReadBufferSize, pinned: true);
        PollFd* fds = stackalloc PollFd[2];
        byte* drain = stackalloc byte[64];
        bool reaped = false;
        int quietMs = (int)QuietPeriod.TotalMilliseconds;
        try
        {
            fixed (byte* data = buffer)
            {
                while (!_stopRequested)
                {
                    fds[0] = new PollFd { Fd = _master, Events = Libc.PollIn };
                    fds[1] = new PollFd { Fd = _wakeRead, Events = Libc.PollIn };
                    int ready = Libc.Poll(fds, 2, reaped ? quietMs : -1);
                    if (ready < 0)
                    {
                        int errno = Marshal.GetLastPInvokeError();
                        if (errno == Libc.EIntr)
                        {
                            continue;
                        }

                        throw new PtyException($"poll failed: {Describe(errno)}", errno);
                    }

                    if (ready == 0)
                    {
                        break; // Reaped and quiet: a background job may still hold the slave; stop anyway.
                    }

                    if (fds[1].ReturnedEvents != 0)
                    {
                        while (Libc.Read(_wakeRead, drain, 64) > 0)
                        {
                        }

                        reaped = _reaped;
                    }

                    if ((fds[0].ReturnedEvents & (Libc.PollIn | Libc.PollHup | Libc.PollErr)) == 0)
                    {
                        continue;
                    }

                    nint n = Libc.Read(_master, data, ReadBufferSize);
                    if (n > 0)
                    {
                        _handler(Elapsed, new ReadOnlySpan<byte>(data, (int)n));
                        continue;
                    }

                    int readErrno = Marshal.GetLastPInvokeError();
                    if (n < 0 && (readErrno == Libc.EIntr || readErrno == Libc.EAgain))
                    {
                        continue;
                    }

                    break; // EIO (every slave fd closed) is the normal end; 0 would be EOF.
                }
            }
        }
        catch (Exception e)
        {
            _readerError = e;
        }
        finally
        {
            _readerDone = true;
            if (!_stopRequested && !_reaped)
            {
                // The PTY closed before the child exited (it closed its fds, or the reader failed): wait for it.
                _reaper.Join();
            }

            _channel?.Writer.TryComplete(_readerError);
            if (_readerError is not null)
            {
                _completion.TrySetException(_readerError);
            }
            else
            {
                _completion.TrySetResult(_exitStatus);
            }
        }
    }

    private void EnqueueChunk(long time, ReadOnlySpan<byte> data)
    {
        var chunk = new PtyChunk(time, data.ToArray());
        ChannelWriter<PtyChunk> writer = _channel!.Writer;
        while (!writer.TryWrite(chunk))
        {
            // Bounded: when nobody consumes, the reader waits, and the kernel holds the child back.
            if (_stopRequested)
            {
                return;
            }

            writer.WaitToWriteAsync().AsTask().Wait(100);
        }
    }
}
