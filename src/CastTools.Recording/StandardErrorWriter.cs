using System.Text;
using CastTools.Recording.Interop;

namespace CastTools.Recording;

/// <summary>
/// A writer on fd 2 that bypasses System.Console: the first Console output to a terminal sends keypad_xmit and
/// initialises .NET's terminal handling, which must not happen around an interactive recording.
/// </summary>
public sealed class StandardErrorWriter : TextWriter
{
    public static StandardErrorWriter Instance { get; } = new();

    private StandardErrorWriter()
    {
    }

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Write(new ReadOnlySpan<char>(in value));

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(ReadOnlySpan<char> buffer)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(buffer.ToArray());
        UserTerminal.WriteAll(2, bytes);
    }

    public override void WriteLine(string? value) => Write((value ?? string.Empty) + "\n");
}
