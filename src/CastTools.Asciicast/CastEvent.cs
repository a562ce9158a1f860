namespace CastTools.Asciicast;

/// <summary>
/// One timed event of a recording. <see cref="Time"/> is always absolute (microseconds since the start), whatever
/// the file version stores; readers and writers convert at the file boundary.
/// </summary>
/// <param name="Time">Microseconds since the start of the recording.</param>
/// <param name="Code">Event code: 'o' output, 'i' input, 'm' marker, 'r' resize, 'x' exit; unknown codes are kept.</param>
/// <param name="Data">The event's data string, unescaped.</param>
public readonly record struct CastEvent(long Time, string Code, string Data)
{
    public const string Output = "o";
    public const string Input = "i";
    public const string Marker = "m";
    public const string Resize = "r";
    public const string Exit = "x";
}
