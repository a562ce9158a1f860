using CastTools.Asciicast;
// TEMPORARY: stands in for branch cast's CastWriter/CastReader/TerminalSize until it is merged. Delete on merge.
namespace CastTools.Asciicast;

public enum CastFormat
{
    V2 = 2,
    V3 = 3,
}

public readonly record struct TerminalSize(int Columns, int Rows)
{
    public const int MaxDimension = 4096;

    public static bool IsValidDimension(long value) => value is >= 1 and <= MaxDimension;

    public static bool TryParse(string? text, out TerminalSize size) => throw new NotImplementedException();
}

public sealed class CastWriter : IDisposable
{
    public CastWriter(Stream stream, CastFormat format, CastHeader header, bool leaveOpen = false) => throw new NotImplementedException();

    public void Write(CastEvent castEvent) => throw new NotImplementedException();

    public void Flush() => throw new NotImplementedException();

    public void Dispose() => throw new NotImplementedException();
}

public sealed class CastReader : IDisposable
{
    public CastHeader Header => throw new NotImplementedException();

    public bool IsCompressed => false;

    public static CastReader Open(string path) => throw new NotImplementedException();

    public bool TryReadEvent(out CastEvent castEvent) => throw new NotImplementedException();

    public void Dispose() => throw new NotImplementedException();
}
