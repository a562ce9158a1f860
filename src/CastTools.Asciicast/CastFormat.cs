namespace CastTools.Asciicast;

/// <summary>An asciicast version <see cref="CastWriter"/> can write. Values are the format's version numbers.</summary>
public enum CastFormat
{
    /// <summary>asciicast v2: NDJSON, absolute times in seconds (asciinema 2.x).</summary>
    V2 = 2,

    /// <summary>asciicast v3: NDJSON, intervals since the previous event, <c>term</c> object (asciinema 3.x default).</summary>
    V3 = 3,
}
