using System.Runtime.InteropServices;
using CastTools.Recording.Interop;

namespace CastTools.Recording;

public sealed unsafe partial class Recorder
{
    /// <summary>
    /// Passes the user's keys to the command (interactive mode), recording them when asked. The pause and marker keys
    /// are taken out. Stops when the wake pipe is written (the session ended) or standard input closes.
    /// </summary>
    private void PumpInput(int wakeRead)
    {
        byte[] buffer = new byte[4096];
        PollFd* fds = stackalloc PollFd[2];
        fixed (byte* data = buffer)
        {
            while (true)
            {
                fds[0] = new PollFd { Fd = 0, Events = Libc.PollIn };
                fds[1] = new PollFd { Fd = wakeRead, Events = Libc.PollIn };
                int ready = Libc.Poll(fds, 2, -1);
                if (ready < 0)
                {
                    if (Marshal.GetLastPInvokeError() == Libc.EIntr)
                    {
                        continue;
                    }

                    return;
                }

                if (fds[1].ReturnedEvents != 0 || (fds[0].ReturnedEvents & (Libc.PollErr | Libc.PollNVal)) != 0)
                {
                    return;
                }

                if ((fds[0].ReturnedEvents & (Libc.PollIn | Libc.PollHup)) == 0)
                {
                    continue;
                }

                nint n = Libc.Read(0, data, (nuint)buffer.Length);
                if (n < 0 && Marshal.GetLastPInvokeError() is Libc.EIntr or Libc.EAgain)
                {
                    continue;
                }

                if (n <= 0)
                {
                    return;
                }

                int length = TakeOutControlKeys(buffer.AsSpan(0, (int)n));
                if (length == 0)
                {
                    continue;
                }

                long now = _session.Elapsed;
                if (_session.Write(buffer.AsSpan(0, length), Timeout.InfiniteTimeSpan) < length)
                {
                    return; // The session ended.
                }

                if (_options.CaptureInput)
                {
                    WriteEvent(now, s => s.Input(Clock(now), buffer.AsSpan(0, length)));
                }
            }
        }
    }

    /// <summary>Handles and removes the pause and marker keys; returns the length of what is left to send.</summary>
    private int TakeOutControlKeys(Span<byte> keys)
    {
        if (_options.PauseKey is null && _options.MarkerKey is null)
        {
            return keys.Length;
        }

        int kept = 0;
        for (int i = 0; i < keys.Length; i++)
        {
            byte key = keys[i];
            if (key == _options.PauseKey)
            {
                TogglePause();
            }
            else if (key == _options.MarkerKey)
            {
                long now = _session.Elapsed;
                WriteEvent(now, s => s.Marker(Clock(now), string.Empty));
            }
            else
            {
                keys[kept++] = key;
            }
        }

        return kept;
    }

    /// <summary>Output while paused is shown but not recorded, and the paused time is cut out of the timeline.</summary>
    private void TogglePause()
    {
        lock (_lock)
        {
            long now = _session.Elapsed;
            if (_pausedAt < 0)
            {
                _pausedAt = now;
            }
            else
            {
                _pausedTotal += now - _pausedAt;
                _pausedAt = -1;
            }
        }
    }
}
