using System.Text;
using System.Text.Json;
using CastTools.Vt;

namespace CastTools.Render;

public sealed partial class Theme
{
    private static readonly Lazy<string[]> BuiltIns = new(ListBuiltIns);

    /// <summary>Names of the themes in the bundled <c>themes/</c> folder, sorted.</summary>
    public static IReadOnlyList<string> BuiltInNames => BuiltIns.Value;

    /// <summary>
    /// A built-in theme by name (case-insensitive), a theme file (JSON, see <c>themes/README.md</c>), or agg's hex list
    /// <c>bg,fg,c0,…,c7[,c8,…,c15]</c> (10 or 18 colours, <c>#</c> optional). Throws <see cref="ThemeException"/> with
    /// a one-line reason (unknown names list the nearest built-in names).
    /// </summary>
    public static Theme Load(string nameOrFileOrHexList)
    {
        ArgumentNullException.ThrowIfNull(nameOrFileOrHexList);
        string text = nameOrFileOrHexList.Trim();
        if (text.Length == 0)
        {
            throw new ThemeException("empty theme name");
        }

        foreach (string name in BuiltInNames)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                return LoadFile(Path.Combine(ResourcePaths.ThemesDirectory, name + ".json"));
            }
        }

        if (File.Exists(text))
        {
            return LoadFile(text);
        }

        if (text.Contains(','))
        {
            return FromHexList(text);
        }

        if (text.Contains(Path.DirectorySeparatorChar) || text.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            throw new ThemeException($"{text}: no such theme file");
        }

        throw new ThemeException($"unknown theme '{text}'{Suggest(text)} (run 'casttools themes' to list them)");
    }

    /// <summary>agg's theme syntax: <c>bg,fg,c0..c7[,c8..c15]</c>, hex colours without or with <c>#</c>.</summary>
    public static Theme FromHexList(string hexList)
    {
        ArgumentNullException.ThrowIfNull(hexList);
        string[] items = hexList.Split(',', StringSplitOptions.TrimEntries);
        if (items.Length is not (10 or 18))
        {
            throw new ThemeException($"theme '{hexList}': a colour list needs 10 or 18 hex colours (bg,fg,8 or 16 palette colours), not {items.Length}");
        }

        var colors = new Rgb[items.Length];
        for (int i = 0; i < items.Length; i++)
        {
            if (!TryParseHex(items[i], out colors[i]))
            {
                throw new ThemeException($"theme colour list: item {i + 1} '{items[i]}' is not a hex colour (rrggbb)");
            }
        }

        return new Theme("custom", colors[1], colors[0], colors[2..]);
    }

    /// <summary>Reads a JSON theme file; throws <see cref="ThemeException"/> naming <c>file:line</c> on bad input.</summary>
    public static Theme LoadFile(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ThemeException($"{path}: cannot read theme file: {e.Message}", e);
        }

        return Parse(bytes, path);
    }

    /// <summary>Parses a JSON theme: <c>{"name", "foreground", "background", "cursor"?, "palette": [16 colours]}</c>.</summary>
    public static Theme Parse(ReadOnlySpan<byte> json, string fileName)
    {
        string? name = null;
        Rgb? fg = null, bg = null, cursor = null;
        List<Rgb>? palette = null;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw Error(json, fileName, reader.TokenStartIndex, "expected a JSON object");
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                string property = reader.GetString()!;
                long at = reader.TokenStartIndex;
                reader.Read();
                switch (property)
                {
                    case "name":
                        name = ReadString(ref reader, json, fileName, property);
                        break;
                    case "foreground":
                        fg = ReadColor(ref reader, json, fileName, property);
                        break;
                    case "background":
                        bg = ReadColor(ref reader, json, fileName, property);
                        break;
                    case "cursor":
                        cursor = reader.TokenType == JsonTokenType.Null ? null : ReadColor(ref reader, json, fileName, property);
                        break;
                    case "palette":
                        if (reader.TokenType != JsonTokenType.StartArray)
                        {
                            throw Error(json, fileName, reader.TokenStartIndex, "\"palette\" must be an array of 8 or 16 colours");
                        }

                        palette = [];
                        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                        {
                            palette.Add(ReadColor(ref reader, json, fileName, $"palette[{palette.Count}]"));
                        }

                        if (palette.Count is not (8 or 16))
                        {
                            throw Error(json, fileName, at, $"\"palette\" has {palette.Count} colours; expected 8 or 16");
                        }

                        break;
                    default:
                        // Unknown keys (source, author, url, variant, ...) are documentation.
                        reader.Skip();
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            throw new ThemeException($"{fileName}:{(e.LineNumber ?? 0) + 1}: not valid JSON: {FirstSentence(e.Message)}", e);
        }

        if (fg is null || bg is null || palette is null)
        {
            string missing = fg is null ? "foreground" : bg is null ? "background" : "palette";
            throw new ThemeException($"{fileName}:1: missing \"{missing}\"");
        }

        return new Theme(name ?? Path.GetFileNameWithoutExtension(fileName), fg.Value, bg.Value, palette, cursor);
    }

    private static string ReadString(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, string fileName, string property)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw Error(json, fileName, reader.TokenStartIndex, $"\"{property}\" must be a string");
        }

        return reader.GetString()!;
    }

    private static Rgb ReadColor(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, string fileName, string property)
    {
        if (reader.TokenType != JsonTokenType.String || !Rgb.TryParse(reader.GetString(), out Rgb rgb))
        {
            string shown = reader.TokenType == JsonTokenType.String ? $"'{reader.GetString()}'" : reader.TokenType.ToString().ToLowerInvariant();
            throw Error(json, fileName, reader.TokenStartIndex, $"\"{property}\": {shown} is not a colour (expected \"#rrggbb\")");
        }

        return rgb;
    }

    private static ThemeException Error(ReadOnlySpan<byte> json, string fileName, long offset, string reason)
    {
        int line = 1 + json[..(int)Math.Min(offset, json.Length)].Count((byte)'\n');
        return new ThemeException($"{fileName}:{line}: {reason}");
    }

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }

    private static bool TryParseHex(string text, out Rgb rgb)
    {
        rgb = default;
        ReadOnlySpan<char> span = text.AsSpan().TrimStart('#');
        return span.Length == 6 && Rgb.TryParse(span, out rgb);
    }

    private static string[] ListBuiltIns()
    {
        string dir = ResourcePaths.ThemesDirectory;
        if (!Directory.Exists(dir))
        {
            return [];
        }

        string[] files = Directory.GetFiles(dir, "*.json");
        var names = new string[files.Length];
        for (int i = 0; i < files.Length; i++)
        {
            names[i] = Path.GetFileNameWithoutExtension(files[i]);
        }

        Array.Sort(names, StringComparer.Ordinal);
        return names;
    }

    private static string Suggest(string text)
    {
        // The three nearest names by edit distance, so a typo shows the intended theme.
        var scored = new List<(int Distance, string Name)>();
        foreach (string name in BuiltInNames)
        {
            int distance = Distance(text.ToLowerInvariant(), name);
            if (name.Contains(text, StringComparison.OrdinalIgnoreCase))
            {
                distance = Math.Min(distance, 1);
            }

            scored.Add((distance, name));
        }

        scored.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : string.CompareOrdinal(a.Name, b.Name));
        var builder = new StringBuilder();
        for (int i = 0; i < scored.Count && i < 3; i++)
        {
            builder.Append(i == 0 ? "; nearest: " : ", ").Append(scored[i].Name);
        }

        return builder.ToString();
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
