using System.Runtime.InteropServices;
using CastTools.Recording.Interop;

namespace CastTools.Recording;

/// <summary>
/// The user's terminal (fds 0 and 1) during an interactive recording: its modes and size, raw mode, and the
/// restore. Everything goes through raw fds: System.Console's input APIs would switch ISIG and OPOST back on and its
/// first output to a terminal sends keypad_xmit, and .NET restores nothing for us.
/// </summary>
internal sealed unsafe class UserTerminal : IDisposable
{
    private readonly Termios _original;
    private int _isRaw;

    private UserTerminal(Termios original)
    {
        _original = original;
    }

    /// <summary>True when both standard input and standard output are terminals.</summary>
    public static bool IsAvailable => Libc.Isatty(0) == 1 && Libc.Isatty(1) == 1;

    /// <summary>The user's modes as they were when recording started; the child gets a copy.</summary>
    public Termios Modes => _original;

    public static UserTerminal Open()
    {
        // From a background job, tcsetattr would stop us with SIGTTOU.
        int foreground = Libc.Tcgetpgrp(0);
        if (foreground >= 0 && foreground != Libc.Getpgrp())
        {
            throw new PtyException("cannot record interactively from a background job; use --headless", 0);
        }

        Termios modes;
        if (Libc.Tcgetattr(0, &modes) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw new PtyException($"cannot read the terminal's modes: {PtySession.Describe(errno)}", errno);
        }

        return new UserTerminal(modes);
    }

    /// <summary>The terminal's size, or null when it reports none (0x0).</summary>
    public static (int Columns, int Rows)? GetSize()
    {
        WinSize size;
        if ((Libc.Ioctl(1, Libc.TiocGWinSz, &size) == 0 || Libc.Ioctl(0, Libc.TiocGWinSz, &size) == 0)
            && size.Columns > 0 && size.Rows > 0)
        {
            return (size.Columns, size.Rows);
        }

        return null;
    }

    /// <summary>Raw mode with TCSANOW: TCSAFLUSH would throw away keys typed before the recording started.</summary>
    public void EnterRawMode()
    {
        Termios raw = _original;
        Libc.Cfmakeraw(&raw);
        if (Libc.Tcsetattr(0, Libc.TcsaNow, &raw) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw new PtyException($"cannot put the terminal in raw mode: {PtySession.Describe(errno)}", errno);
        }

        Volatile.Write(ref _isRaw, 1);
    }

    /// <summary>Puts the user's modes back (once; safe from any thread).</summary>
    public void Restore()
    {
        if (Interlocked.Exchange(ref _isRaw, 0) == 1)
        {
            Termios original = _original;
            Libc.Tcsetattr(0, Libc.TcsaDrain, &original);
        }
    }

    public void Dispose() => Restore();

    /// <summary>Writes all of <paramref name="data"/> to <paramref name="fd"/>, waiting if it is non-blocking.</summary>
    public static void WriteAll(int fd, ReadOnlySpan<byte> data)
    {
        fixed (byte* start = data)
        {
            int written = 0;
            while (written < data.Length)
            {
                nint n = Libc.Write(fd, start + written, (nuint)(data.Length - written));
                if (n > 0)
                {
                    written += (int)n;
                    continue;
                }

                int errno = Marshal.GetLastPInvokeError();
                if (n < 0 && errno == Libc.EAgain)
                {
                    var pollFd = new PollFd { Fd = fd, Events = Libc.PollOut };
                    Libc.Poll(&pollFd, 1, 100);
                }
                else if (n == 0 || errno != Libc.EIntr)
                {
                    return; // The terminal went away; the recording goes on.
                }
            }
        }
    }
}
