using System.Collections;

namespace CastTools.Recording;

/// <summary>Builds the environment a recorded command sees.</summary>
public static class PtyEnvironment
{
    /// <summary>What a headless recording's TERM is: the terminal our emulator implements.</summary>
    public const string HeadlessTerm = "xterm-256color";

    /// <summary>
    /// Our environment with <c>TERM</c> set, <c>COLUMNS</c>/<c>LINES</c> removed (they would override the PTY size
    /// and go stale on the first resize), and the recording markers <c>ASCIINEMA_REC=1</c> and
    /// <c>CASTTOOLS_SESSION=<paramref name="sessionId"/></c> added. Entries are sorted for reproducibility.
    /// </summary>
    public static IReadOnlyList<string> Create(string term, string sessionId, IDictionary? source = null)
    {
        source ??= System.Environment.GetEnvironmentVariables();
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in source)
        {
            if (entry.Key is string name && entry.Value is string value && name.Length > 0 && !name.Contains('='))
            {
                entries[name] = value;
            }
        }

        entries.Remove("COLUMNS");
        entries.Remove("LINES");
        entries["TERM"] = term;
        entries["ASCIINEMA_REC"] = "1";
        entries["CASTTOOLS_SESSION"] = sessionId;

        var list = new List<string>(entries.Count);
        foreach (KeyValuePair<string, string> entry in entries)
        {
            list.Add(entry.Key + "=" + entry.Value);
        }

        return list;
    }

    /// <summary>A new random session id (32 hex digits).</summary>
    public static string NewSessionId() => Guid.NewGuid().ToString("N");
}
