namespace CastTools.Asciicast;

/// <summary>
/// A recording could not be read: carries the file name (or "-"), the 1-based line and a short reason, so callers
/// can print <c>FILE:LINE: reason</c>.
/// </summary>
public sealed class AsciicastFormatException : Exception
{
    public AsciicastFormatException(string fileName, int line, string reason, Exception? inner = null)
        : base($"{fileName}:{line}: {reason}", inner)
    {
        FileName = fileName;
        Line = line;
        Reason = reason;
    }

    public string FileName { get; }

    public int Line { get; }

    public string Reason { get; }
}
