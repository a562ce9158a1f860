using System.Runtime.InteropServices;

namespace CastTools.Recording.Interop;

/// <summary>
/// glibc's <c>struct termios</c> (60 bytes on x86_64 and aarch64, NCCS 32). Only ever passed to libc's
/// <c>tcgetattr</c>/<c>tcsetattr</c>, never to the kernel's TCGETS, whose layout differs.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct Termios
{
    public uint InputFlags;
    public uint OutputFlags;
    public uint ControlFlags;
    public uint LocalFlags;
    public byte Line;
    public fixed byte ControlChars[32];
    public uint InputSpeed;
    public uint OutputSpeed;
}
