using System.Runtime.InteropServices;

namespace CastTools.Recording.Interop;

/// <summary>
/// The libc calls the recorder needs. Constants are Linux values, identical on x86_64 and aarch64 (glibc and musl);
/// see the reference notes on PTYs. Errors come back through <see cref="Marshal.GetLastPInvokeError"/>.
/// </summary>
internal static unsafe partial class Libc
{
    private const string Lib = "libc";

    public const int ORdWr = 2;
    public const int ONoCtty = 0x100;
    public const int ONonBlock = 0x800;
    public const int OCloExec = 0x80000;

    public const int FGetFl = 3;
    public const int FSetFl = 4;

    public const int TcsaNow = 0;
    public const int TcsaDrain = 1;

    public const uint Iutf8 = 0x4000;

    public const nuint TiocGWinSz = 0x5413;
    public const nuint TiocSWinSz = 0x5414;

    public const short PollIn = 0x1;
    public const short PollOut = 0x4;
    public const short PollErr = 0x8;
    public const short PollHup = 0x10;
    public const short PollNVal = 0x20;

    public const short SpawnSetSigDef = 0x4;
    public const short SpawnSetSigMask = 0x8;
    public const short SpawnSetSid = 0x80;

    public const int SigHup = 1;
    public const int SigInt = 2;
    public const int SigQuit = 3;
    public const int SigKill = 9;
    public const int SigTerm = 15;
    public const int SigCont = 18;
    public const int SigWinch = 28;

    public const int EIntr = 4;
    public const int EIo = 5;
    public const int EChild = 10;
    public const int EAgain = 11;
    public const int EAcces = 13;
    public const int ENoEnt = 2;

    /// <summary>Opaque glibc/musl structures are given this much zeroed memory; the real sizes are 80, 336 and 128.</summary>
    public const int OpaqueSize = 1024;

    [LibraryImport(Lib, EntryPoint = "posix_openpt", SetLastError = true)]
    public static partial int PosixOpenpt(int flags);

    [LibraryImport(Lib, EntryPoint = "grantpt", SetLastError = true)]
    public static partial int Grantpt(int fd);

    [LibraryImport(Lib, EntryPoint = "unlockpt", SetLastError = true)]
    public static partial int Unlockpt(int fd);

    /// <summary>Returns an error number directly (0 on success); does not set errno.</summary>
    [LibraryImport(Lib, EntryPoint = "ptsname_r")]
    public static partial int PtsnameR(int fd, byte* buffer, nuint length);

    [LibraryImport(Lib, EntryPoint = "tcgetattr", SetLastError = true)]
    public static partial int Tcgetattr(int fd, Termios* termios);

    [LibraryImport(Lib, EntryPoint = "tcsetattr", SetLastError = true)]
    public static partial int Tcsetattr(int fd, int optionalActions, Termios* termios);

    [LibraryImport(Lib, EntryPoint = "cfmakeraw")]
    public static partial void Cfmakeraw(Termios* termios);

    /// <summary>Variadic in C; a fixed third pointer argument is ABI-safe on Linux x86_64 and aarch64.</summary>
    [LibraryImport(Lib, EntryPoint = "ioctl", SetLastError = true)]
    public static partial int Ioctl(int fd, nuint request, void* argument);

    /// <summary>Variadic in C; a fixed int third argument is ABI-safe on Linux x86_64 and aarch64.</summary>
    [LibraryImport(Lib, EntryPoint = "fcntl", SetLastError = true)]
    public static partial int Fcntl(int fd, int command, int argument);

    [LibraryImport(Lib, EntryPoint = "pipe2", SetLastError = true)]
    public static partial int Pipe2(int* fds, int flags);

    [LibraryImport(Lib, EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(PollFd* fds, nuint count, int timeoutMilliseconds);

    [LibraryImport(Lib, EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, byte* buffer, nuint count);

    [LibraryImport(Lib, EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, byte* buffer, nuint count);

    [LibraryImport(Lib, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport(Lib, EntryPoint = "isatty")]
    public static partial int Isatty(int fd);

    [LibraryImport(Lib, EntryPoint = "tcgetpgrp", SetLastError = true)]
    public static partial int Tcgetpgrp(int fd);

    [LibraryImport(Lib, EntryPoint = "getpgrp")]
    public static partial int Getpgrp();

    [LibraryImport(Lib, EntryPoint = "waitpid", SetLastError = true)]
    public static partial int Waitpid(int pid, int* status, int options);

    [LibraryImport(Lib, EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    [LibraryImport(Lib, EntryPoint = "sigemptyset")]
    public static partial int Sigemptyset(void* set);

    [LibraryImport(Lib, EntryPoint = "sigfillset")]
    public static partial int Sigfillset(void* set);

    [LibraryImport(Lib, EntryPoint = "posix_spawn_file_actions_init")]
    public static partial int PosixSpawnFileActionsInit(void* actions);

    [LibraryImport(Lib, EntryPoint = "posix_spawn_file_actions_destroy")]
    public static partial int PosixSpawnFileActionsDestroy(void* actions);

    [LibraryImport(Lib, EntryPoint = "posix_spawn_file_actions_addopen")]
    public static partial int PosixSpawnFileActionsAddopen(void* actions, int fd, byte* path, int flags, uint mode);

    [LibraryImport(Lib, EntryPoint = "posix_spawn_file_actions_adddup2")]
    public static partial int PosixSpawnFileActionsAdddup2(void* actions, int fd, int newFd);

    [LibraryImport(Lib, EntryPoint = "posix_spawn_file_actions_addclose")]
    public static partial int PosixSpawnFileActionsAddclose(void* actions, int fd);

    [LibraryImport(Lib, EntryPoint = "posix_spawnattr_init")]
    public static partial int PosixSpawnattrInit(void* attributes);

    [LibraryImport(Lib, EntryPoint = "posix_spawnattr_destroy")]
    public static partial int PosixSpawnattrDestroy(void* attributes);

    [LibraryImport(Lib, EntryPoint = "posix_spawnattr_setflags")]
    public static partial int PosixSpawnattrSetflags(void* attributes, short flags);

    [LibraryImport(Lib, EntryPoint = "posix_spawnattr_setsigmask")]
    public static partial int PosixSpawnattrSetsigmask(void* attributes, void* mask);

    [LibraryImport(Lib, EntryPoint = "posix_spawnattr_setsigdefault")]
    public static partial int PosixSpawnattrSetsigdefault(void* attributes, void* set);

    /// <summary>Returns an error number directly (ENOENT, EACCES, ...); exec failures are reported synchronously.</summary>
    [LibraryImport(Lib, EntryPoint = "posix_spawnp")]
    public static partial int PosixSpawnp(int* pid, byte* file, void* actions, void* attributes, byte** argv, byte** envp);

    private static readonly nint s_closefrom = LookUp("posix_spawn_file_actions_addclosefrom_np");
    private static readonly nint s_chdir = LookUp("posix_spawn_file_actions_addchdir_np");

    /// <summary>glibc ≥ 2.34; false when missing, and the caller closes inherited fds one by one instead.</summary>
    public static bool TryAddClosefrom(void* actions, int lowFd, out int error)
    {
        error = 0;
        if (s_closefrom == 0)
        {
            return false;
        }

        error = ((delegate* unmanaged<void*, int, int>)s_closefrom)(actions, lowFd);
        return true;
    }

    /// <summary>glibc ≥ 2.29; false when missing.</summary>
    public static bool TryAddChdir(void* actions, byte* path, out int error)
    {
        error = 0;
        if (s_chdir == 0)
        {
            return false;
        }

        error = ((delegate* unmanaged<void*, byte*, int>)s_chdir)(actions, path);
        return true;
    }

    private static nint LookUp(string name)
    {
        if (NativeLibrary.TryLoad(Lib, typeof(Libc).Assembly, null, out nint handle)
            || NativeLibrary.TryLoad("libc.so.6", out handle))
        {
            return NativeLibrary.TryGetExport(handle, name, out nint address) ? address : 0;
        }

        return 0;
    }
}
