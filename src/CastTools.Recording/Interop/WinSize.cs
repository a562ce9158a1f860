using System.Runtime.InteropServices;

namespace CastTools.Recording.Interop;

/// <summary><c>struct winsize</c>: rows first.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct WinSize
{
    public ushort Rows;
    public ushort Columns;
    public ushort XPixels;
    public ushort YPixels;
}
