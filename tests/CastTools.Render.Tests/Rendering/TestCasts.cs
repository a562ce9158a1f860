using System.Text;
using System.Text.Json;

namespace CastTools.Render.Tests.Rendering;

/// <summary>Small asciicast v2 recordings written in the test, so the tests need no files from elsewhere.</summary>
internal static class TestCasts
{
    public static string V2(int columns, int rows, IEnumerable<(double Time, string Code, string Data)> events, double? idleTimeLimit = null)
    {
        var builder = new StringBuilder();
        builder.Append(idleTimeLimit is { } limit
            ? JsonSerializer.Serialize(new { version = 2, width = columns, height = rows, idle_time_limit = limit })
            : JsonSerializer.Serialize(new { version = 2, width = columns, height = rows }));
        builder.Append('\n');
        foreach ((double time, string code, string data) in events)
        {
            builder.Append(JsonSerializer.Serialize(new object[] { time, code, data })).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>A shell session: a coloured prompt, typing, output, box drawing, CJK, and a resize to 50x10.</summary>
    public static string Demo()
    {
        var events = new List<(double, string, string)>
        {
            (0.1, "o", "\u001b[1;32muser@host\u001b[0m:\u001b[34m~\u001b[0m$ "),
        };
        double t = 0.5;
        foreach (char c in "ls -l")
        {
            t += 0.11;
            events.Add((t, "o", c.ToString()));
        }

        events.Add((t += 0.3, "o", "\r\n\u001b[1;34mbin\u001b[0m  \u001b[1;32mrun.sh\u001b[0m  notes.txt\r\n"));
        events.Add((t += 0.2, "o", "┌────┐ 日本語\r\n│ ok │ \u001b[7minverse\u001b[0m\r\n└────┘\r\n"));
        events.Add((t += 0.01, "o", "\u001b[1;32muser@host\u001b[0m:\u001b[34m~\u001b[0m$ "));
        events.Add((t += 8, "r", "50x10"));
        events.Add((t += 0.5, "o", "\u001b[41m resized \u001b[0m"));
        events.Add((t += 0.4, "o", "\u001b[?2026h\u001b[2J\u001b[Hhalf-drawn"));
        events.Add((t += 0.4, "o", " and finished\u001b[?2026l"));
        return V2(40, 8, events, idleTimeLimit: 2);
    }

    public static MemoryStream Stream(string cast) => new(Encoding.UTF8.GetBytes(cast));
}
