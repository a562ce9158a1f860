namespace CastTools.Asciicast;

/// <summary>A theme embedded in a cast header: colours as written (<c>#rrggbb</c>), palette of 8 or 16 entries.</summary>
public sealed record CastTheme(string Foreground, string Background, IReadOnlyList<string> Palette);
