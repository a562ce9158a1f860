using System.Text.Json;
using System.Text.Json.Nodes;

namespace CastTools.Asciicast;

/// <summary>Turns a header JSON object of any version into a <see cref="CastHeader"/>, keeping unknown fields.</summary>
internal static class CastHeaderParser
{
    public static CastHeader Parse(JsonObject json, int version, string fileName, int line, List<string> warnings)
    {
        try
        {
            return ParseCore(json, version, fileName, line, warnings);
        }
        catch (InvalidOperationException e)
        {
            // JsonNode decodes strings lazily: invalid UTF-8 or a lone surrogate escape surfaces here.
            throw new AsciicastFormatException(fileName, line, CastReader.DescribeText(e, "header"), e);
        }
    }

    private static CastHeader ParseCore(JsonObject json, int version, string fileName, int line, List<string> warnings)
    {
        var extra = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        int? cols = null;
        int? rows = null;
        long? timestamp = null;
        long? duration = null;
        double? idleTimeLimit = null;
        string? command = null;
        string? title = null;
        string? termType = null;
        string? termVersion = null;
        Dictionary<string, string?>? env = null;
        CastTheme? theme = null;
        List<string>? tags = null;

        foreach (KeyValuePair<string, JsonNode?> field in json)
        {
            JsonNode? value = field.Value;
            switch (field.Key)
            {
                case "version":
                    break;
                case "width" when version < 3:
                    cols = ReadSize(value, "width");
                    break;
                case "height" when version < 3:
                    rows = ReadSize(value, "height");
                    break;
                case "term" when version == 3:
                    if (value is not JsonObject term)
                    {
                        throw Error("header field \"term\" is not an object");
                    }

                    foreach (KeyValuePair<string, JsonNode?> termField in term)
                    {
                        switch (termField.Key)
                        {
                            case "cols":
                                cols = ReadSize(termField.Value, "term.cols");
                                break;
                            case "rows":
                                rows = ReadSize(termField.Value, "term.rows");
                                break;
                            case "type" when TryString(termField.Value, out string? s):
                                termType = s;
                                break;
                            case "version" when TryString(termField.Value, out string? s):
                                termVersion = s;
                                break;
                            case "theme" when TryTheme(termField.Value, out CastTheme? t):
                                theme = t;
                                break;
                            default:
                                if (termField.Key == "theme" && termField.Value is not null)
                                {
                                    warnings.Add($"{fileName}:{line}: ignoring invalid term.theme (kept as written)");
                                }

                                extra["term." + termField.Key] = termField.Value?.DeepClone();
                                break;
                        }
                    }

                    break;
                case "timestamp" when value is null:
                    break;
                case "timestamp":
                    timestamp = ReadTimestamp(value!);
                    break;
                case "duration" when version < 3 && value is null:
                    break;
                case "duration" when version < 3:
                    duration = ReadSeconds(value!, "duration");
                    break;
                case "idle_time_limit" when value is null:
                    break;
                case "idle_time_limit":
                    if (value is not JsonValue idle || idle.GetValueKind() != JsonValueKind.Number || idle.GetValue<double>() < 0)
                    {
                        throw Error("header field \"idle_time_limit\" is not a non-negative number");
                    }

                    idleTimeLimit = idle.GetValue<double>();
                    break;
                case "command" when TryString(value, out string? s):
                    command = s;
                    break;
                case "title" when TryString(value, out string? s):
                    title = s;
                    break;
                case "env" when value is null:
                    break;
                case "env":
                    env = ReadEnv(value);
                    break;
                case "theme" when version < 3 && value is null:
                    break;
                case "theme" when version < 3 && TryTheme(value, out CastTheme? t):
                    theme = t;
                    break;
                case "tags" when TryTags(value, out List<string>? list):
                    tags = list;
                    break;
                default:
                    if (field.Key == "theme" && version < 3)
                    {
                        warnings.Add($"{fileName}:{line}: ignoring invalid theme (kept as written)");
                    }

                    extra[field.Key] = value?.DeepClone();
                    break;
            }
        }

        if (cols is null || rows is null)
        {
            throw Error(version == 3
                ? "header has no terminal size (term.cols and term.rows are required)"
                : "header has no terminal size (width and height are required)");
        }

        // v2 keeps the terminal type only in env.TERM; lift it so v3 output gets term.type (as asciinema 3 does).
        if (termType is null && env is not null && env.TryGetValue("TERM", out string? envTerm))
        {
            termType = envTerm;
        }

        return new CastHeader
        {
            Version = version,
            Columns = cols.Value,
            Rows = rows.Value,
            Timestamp = timestamp,
            Duration = duration,
            IdleTimeLimit = idleTimeLimit,
            Command = command,
            Title = title,
            Env = env,
            Theme = theme,
            TermType = termType,
            TermVersion = termVersion,
            Tags = tags,
            ExtraFields = extra.Count == 0 ? null : extra,
        };

        AsciicastFormatException Error(string reason) => new(fileName, line, reason);

        int ReadSize(JsonNode? node, string name)
        {
            if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.GetValue<JsonElement>().TryGetInt64(out long n))
            {
                if (!TerminalSize.IsValidDimension(n))
                {
                    throw Error($"header field \"{name}\" is {n}: terminal size must be 1..{TerminalSize.MaxDimension}");
                }

                return (int)n;
            }

            throw Error($"header field \"{name}\" is not an integer");
        }

        long ReadTimestamp(JsonNode node)
        {
            if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
            {
                JsonElement e = v.GetValue<JsonElement>();
                if (e.TryGetInt64(out long n))
                {
                    return n;
                }

                // Some writers put a float; keep whole seconds.
                return (long)Math.Floor(e.GetDouble());
            }

            throw Error("header field \"timestamp\" is not a number");
        }

        long ReadSeconds(JsonNode node, string name)
        {
            if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
                && CastTime.TryParseSeconds(System.Text.Encoding.UTF8.GetBytes(v.GetValue<JsonElement>().GetRawText()), out long us, out _))
            {
                return us;
            }

            throw Error($"header field \"{name}\" is not a non-negative number");
        }

        Dictionary<string, string?> ReadEnv(JsonNode node)
        {
            if (node is not JsonObject o)
            {
                throw Error("header field \"env\" is not an object");
            }

            var result = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, JsonNode?> pair in o)
            {
                if (!TryString(pair.Value, out string? s))
                {
                    throw Error($"header field \"env.{pair.Key}\" is not a string");
                }

                result[pair.Key] = s;
            }

            return result;
        }
    }

    /// <summary>A JSON string or null.</summary>
    private static bool TryString(JsonNode? node, out string? value)
    {
        value = null;
        if (node is null)
        {
            return true;
        }

        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            value = v.GetValue<string>();
            return true;
        }

        return false;
    }

    private static bool TryTags(JsonNode? node, out List<string>? tags)
    {
        tags = null;
        if (node is not JsonArray array)
        {
            return false;
        }

        var list = new List<string>(array.Count);
        foreach (JsonNode? item in array)
        {
            if (item is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
            {
                return false;
            }

            list.Add(v.GetValue<string>());
        }

        tags = list;
        return true;
    }

    /// <summary>A theme {fg, bg, palette} with <c>#rrggbb</c> colours and 8 or 16 palette entries separated by ':'.</summary>
    private static bool TryTheme(JsonNode? node, out CastTheme? theme)
    {
        theme = null;
        if (node is not JsonObject o
            || !TryString(o["fg"], out string? fg) || fg is null || !IsColor(fg)
            || !TryString(o["bg"], out string? bg) || bg is null || !IsColor(bg)
            || !TryString(o["palette"], out string? palette) || palette is null
            || o.Count != 3)
        {
            return false;
        }

        string[] colors = palette.Split(':');
        if (colors.Length is not (8 or 16))
        {
            return false;
        }

        foreach (string c in colors)
        {
            if (!IsColor(c))
            {
                return false;
            }
        }

        theme = new CastTheme(fg, bg, colors);
        return true;
    }

    private static bool IsColor(string s)
    {
        if (s.Length != 7 || s[0] != '#')
        {
            return false;
        }

        for (int i = 1; i < 7; i++)
        {
            if (!char.IsAsciiHexDigit(s[i]))
            {
                return false;
            }
        }

        return true;
    }
}
