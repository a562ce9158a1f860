using System.Text.Json.Nodes;

namespace CastTools.Asciicast;

/// <summary>
/// Header of an asciicast recording, version-independent. Fields the format defines are typed; anything else
/// found in the header is kept in <see cref="ExtraFields"/> so a convert round-trip does not lose it.
/// </summary>
public sealed record CastHeader
{
    /// <summary>The format version the recording was read from (1, 2 or 3); writers choose their own.</summary>
    public int Version { get; init; } = 3;

    public required int Columns { get; init; }

    public required int Rows { get; init; }

    /// <summary>Unix seconds when the recording started.</summary>
    public long? Timestamp { get; init; }

    /// <summary>v1/v2 <c>duration</c> in microseconds, when the file states it.</summary>
    public long? Duration { get; init; }

    /// <summary>Seconds; players cap every pause at this value.</summary>
    public double? IdleTimeLimit { get; init; }

    public string? Command { get; init; }

    public string? Title { get; init; }

    public IReadOnlyDictionary<string, string?>? Env { get; init; }

    public CastTheme? Theme { get; init; }

    /// <summary>v3 <c>term.type</c> (v2 keeps it in <c>env.TERM</c>).</summary>
    public string? TermType { get; init; }

    /// <summary>v3 <c>term.version</c>: the terminal's XTVERSION reply.</summary>
    public string? TermVersion { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>Header fields this model does not know, kept verbatim (top level; <c>term.*</c> unknowns under "term.").</summary>
    public IReadOnlyDictionary<string, JsonNode?>? ExtraFields { get; init; }
}
