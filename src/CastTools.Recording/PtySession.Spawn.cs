using CastTools.Asciicast;
using System.Runtime.InteropServices;
using System.Text;
using CastTools.Recording.Interop;

namespace CastTools.Recording;

public sealed unsafe partial class PtySession
{
    /// <summary>
    /// Opens a PTY master and sets its size and modes. Termios ioctls on the master act on the slave, so the parent
    /// never opens the slave itself.
    /// </summary>
    private static int OpenMaster(PtyStartInfo info, out string slavePath)
    {
        int master = Libc.PosixOpenpt(Libc.ORdWr | Libc.ONoCtty | Libc.OCloExec);
        if (master < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw new PtyException(
                $"cannot open a pseudo-terminal (/dev/ptmx): {Describe(errno)}; is /dev/pts mounted?", errno);
        }

        try
        {
            if (Libc.Grantpt(master) != 0 || Libc.Unlockpt(master) != 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                throw new PtyException($"cannot unlock the pseudo-terminal: {Describe(errno)}", errno);
            }

            byte* name = stackalloc byte[256];
            int error = Libc.PtsnameR(master, name, 256);
            if (error != 0)
            {
                throw new PtyException($"cannot name the pseudo-terminal: {Describe(error)}", error);
            }

            slavePath = Marshal.PtrToStringUTF8((nint)name)!;

            Termios modes;
            if (info.Modes is Termios given)
            {
                modes = given;
            }
            else if (Libc.Tcgetattr(master, &modes) != 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                throw new PtyException($"cannot read the pseudo-terminal's modes: {Describe(errno)}", errno);
            }

            // A new PTY lacks IUTF8, without which the line discipline erases half a character on backspace.
            modes.InputFlags |= Libc.Iutf8;
            if (Libc.Tcsetattr(master, Libc.TcsaNow, &modes) != 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                throw new PtyException($"cannot set the pseudo-terminal's modes: {Describe(errno)}", errno);
            }

            SetWindowSize(master, info.Size);

            // Non-blocking, so a write to a child that does not read can give up (a blocking write never returns).
            int flags = Libc.Fcntl(master, Libc.FGetFl, 0);
            if (flags < 0 || Libc.Fcntl(master, Libc.FSetFl, flags | Libc.ONonBlock) < 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                throw new PtyException($"cannot make the pseudo-terminal non-blocking: {Describe(errno)}", errno);
            }

            return master;
        }
        catch
        {
            Libc.Close(master);
            throw;
        }
    }

    private static void SetWindowSize(int master, TerminalSize size)
    {
        var winSize = new WinSize { Columns = (ushort)size.Columns, Rows = (ushort)size.Rows };
        if (Libc.Ioctl(master, Libc.TiocSWinSz, &winSize) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw new PtyException($"cannot set the pseudo-terminal's size: {Describe(errno)}", errno);
        }
    }

    /// <summary>
    /// Starts the child with glibc's <c>posix_spawnp</c>: no managed code runs in the child. The file actions and
    /// flags make the child a session leader (SETSID) whose first open of the slave makes it the controlling tty, put
    /// the slave on 0/1/2, close every other fd, and reset every signal to its default (the runtime ignores SIGPIPE,
    /// and the child would inherit that) with an empty mask.
    /// </summary>
    private static int Spawn(PtyStartInfo info, string slavePath)
    {
        if (info.Arguments.Count == 0 || info.Arguments[0].Length == 0)
        {
            throw new ArgumentException("the command is empty", nameof(info));
        }

        using var strings = new NativeStrings();
        byte* path = strings.Add(slavePath);
        byte* cwd = info.WorkingDirectory is null ? null : strings.Add(info.WorkingDirectory);
        byte** argv = strings.AddArray(info.Arguments);
        byte** envp = strings.AddArray(info.Environment);

        byte* actions = stackalloc byte[Libc.OpaqueSize];
        byte* attributes = stackalloc byte[Libc.OpaqueSize];
        byte* emptySet = stackalloc byte[Libc.OpaqueSize];
        byte* fullSet = stackalloc byte[Libc.OpaqueSize];
        new Span<byte>(actions, Libc.OpaqueSize).Clear();
        new Span<byte>(attributes, Libc.OpaqueSize).Clear();

        Check(Libc.PosixSpawnFileActionsInit(actions), "posix_spawn_file_actions_init");
        Check(Libc.PosixSpawnattrInit(attributes), "posix_spawnattr_init");
        try
        {
            // No O_NOCTTY: opening the slave after setsid is what gives the child its controlling tty.
            Check(Libc.PosixSpawnFileActionsAddopen(actions, 0, path, Libc.ORdWr, 0), "addopen");
            Check(Libc.PosixSpawnFileActionsAdddup2(actions, 0, 1), "adddup2");
            Check(Libc.PosixSpawnFileActionsAdddup2(actions, 0, 2), "adddup2");
            if (Libc.TryAddClosefrom(actions, 3, out int error))
            {
                Check(error, "addclosefrom");
            }
            else
            {
                AddCloseEach(actions);
            }

            if (cwd is not null)
            {
                if (!Libc.TryAddChdir(actions, cwd, out error))
                {
                    throw new PtyException("this C library cannot start a command in another directory", 0);
                }

                Check(error, "addchdir");
            }

            Libc.Sigemptyset(emptySet);
            Libc.Sigfillset(fullSet);
            Check(Libc.PosixSpawnattrSetsigmask(attributes, emptySet), "setsigmask");
            Check(Libc.PosixSpawnattrSetsigdefault(attributes, fullSet), "setsigdefault");
            Check(
                Libc.PosixSpawnattrSetflags(attributes, Libc.SpawnSetSid | Libc.SpawnSetSigMask | Libc.SpawnSetSigDef),
                "setflags");

            int pid;
            error = Libc.PosixSpawnp(&pid, argv[0], actions, attributes, argv, envp);
            if (error != 0)
            {
                string program = info.Arguments[0];
                throw error switch
                {
                    Libc.ENoEnt => new PtyException($"{program}: command not found", error, 127),
                    Libc.EAcces => new PtyException($"{program}: permission denied", error, 126),
                    _ => new PtyException($"{program}: cannot execute: {Describe(error)}", error, 126),
                };
            }

            return pid;
        }
        finally
        {
            Libc.PosixSpawnattrDestroy(attributes);
            Libc.PosixSpawnFileActionsDestroy(actions);
        }
    }

    /// <summary>Fallback for glibc before 2.34: close every fd we have open at 3 and above.</summary>
    private static void AddCloseEach(byte* actions)
    {
        foreach (string entry in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            if (int.TryParse(Path.GetFileName(entry), out int fd) && fd >= 3)
            {
                Libc.PosixSpawnFileActionsAddclose(actions, fd);
            }
        }
    }

    private static void Check(int error, string what)
    {
        if (error != 0)
        {
            throw new PtyException($"cannot prepare the command ({what}): {Describe(error)}", error);
        }
    }

    internal static string Describe(int errno) => Marshal.GetPInvokeErrorMessage(errno);

    /// <summary>NUL-terminated UTF-8 copies of strings and string arrays, freed together.</summary>
    private sealed class NativeStrings : IDisposable
    {
        private readonly List<nint> _blocks = [];

        public byte* Add(string value)
        {
            if (value.Contains('\0'))
            {
                throw new ArgumentException("a command, argument or environment entry contains a NUL character");
            }

            int length = Encoding.UTF8.GetByteCount(value);
            byte* block = (byte*)NativeMemory.Alloc((nuint)length + 1);
            _blocks.Add((nint)block);
            Encoding.UTF8.GetBytes(value, new Span<byte>(block, length));
            block[length] = 0;
            return block;
        }

        public byte** AddArray(IReadOnlyList<string> values)
        {
            byte** array = (byte**)NativeMemory.Alloc((nuint)(values.Count + 1), (nuint)sizeof(byte*));
            _blocks.Add((nint)array);
            for (int i = 0; i < values.Count; i++)
            {
                array[i] = Add(values[i]);
            }

            array[values.Count] = null;
            return array;
        }

        public void Dispose()
        {
            foreach (nint block in _blocks)
            {
                NativeMemory.Free((void*)block);
            }
        }
    }
}
