using System.Text;

namespace CastTools.Benchmarks.Vt;

/// <summary>The kinds of terminal output the emulator is measured on.</summary>
public enum VtWorkload
{
    /// <summary>Lines of printable ASCII ended by CR LF, scrolling the screen (a build log, <c>cat</c> of a file).</summary>
    PlainAscii,

    /// <summary>Short runs of text between SGR sequences: 16/256/truecolour, bold, underline, resets (ls, compilers, prompts).</summary>
    SgrColour,

    /// <summary>Full-screen redraws row by row with CUP, EL and colours, as htop, vim or a TUI do each frame.</summary>
    CursorRedraw,

    /// <summary>CJK, Hangul, emoji (with ZWJ, skin tones, flags, VS16) and combining marks mixed with ASCII.</summary>
    CjkEmoji,
}

/// <summary>Deterministic (seeded) benchmark inputs of about <see cref="TargetSize"/> bytes of UTF-8 each.</summary>
public static class VtInput
{
    public const int Columns = 120;
    public const int Rows = 40;
    public const int TargetSize = 1 << 20;

    private static readonly Dictionary<VtWorkload, byte[]> s_cache = [];

    public static byte[] Get(VtWorkload workload)
    {
        lock (s_cache)
        {
            if (!s_cache.TryGetValue(workload, out byte[]? bytes))
            {
                bytes = Encoding.UTF8.GetBytes(Generate(workload));
                s_cache[workload] = bytes;
            }

            return bytes;
        }
    }

    private static string Generate(VtWorkload workload)
    {
        var random = new Random(20261124);
        var text = new StringBuilder(TargetSize + 4096);
        while (Encoding.UTF8.GetByteCount(text.ToString()) < TargetSize)
        {
            // Build in blocks so the byte count is checked rarely.
            for (int i = 0; i < 64; i++)
            {
                switch (workload)
                {
                    case VtWorkload.PlainAscii:
                        AppendAsciiLine(text, random);
                        break;
                    case VtWorkload.SgrColour:
                        AppendColourLine(text, random);
                        break;
                    case VtWorkload.CursorRedraw:
                        AppendRedrawFrame(text, random);
                        break;
                    case VtWorkload.CjkEmoji:
                        AppendCjkEmojiLine(text, random);
                        break;
                }
            }
        }

        return text.ToString();
    }

    private static void AppendAsciiLine(StringBuilder text, Random random)
    {
        int length = random.Next(20, Columns + 20); // some lines wrap
        for (int i = 0; i < length; i++)
        {
            text.Append(random.Next(8) == 0 ? ' ' : (char)random.Next(0x21, 0x7F));
        }

        text.Append("\r\n");
    }

    private static void AppendColourLine(StringBuilder text, Random random)
    {
        int written = 0;
        while (written < Columns - 12)
        {
            switch (random.Next(6))
            {
                case 0:
                    text.Append("\e[").Append(30 + random.Next(8)).Append('m');
                    break;
                case 1:
                    text.Append("\e[1;").Append(90 + random.Next(8)).Append('m');
                    break;
                case 2:
                    text.Append("\e[38;5;").Append(random.Next(256)).Append(";48;5;").Append(random.Next(256)).Append('m');
                    break;
                case 3:
                    text.Append("\e[38;2;").Append(random.Next(256)).Append(';').Append(random.Next(256)).Append(';')
                        .Append(random.Next(256)).Append('m');
                    break;
                case 4:
                    text.Append("\e[4;3m");
                    break;
                default:
                    text.Append("\e[0m");
                    break;
            }

            int word = random.Next(2, 10);
            for (int i = 0; i < word; i++)
            {
                text.Append((char)random.Next('a', 'z' + 1));
            }

            text.Append(' ');
            written += word + 1;
        }

        text.Append("\e[m\r\n");
    }

    private static void AppendRedrawFrame(StringBuilder text, Random random)
    {
        text.Append("\e[?2026h\e[H");
        for (int row = 1; row <= Rows; row++)
        {
            text.Append("\e[").Append(row).Append(";1H");
            if (row == 1 || row == Rows)
            {
                text.Append("\e[7m");
            }
            else if (random.Next(4) == 0)
            {
                text.Append("\e[38;5;").Append(random.Next(256)).Append('m');
            }

            int length = random.Next(Columns / 2, Columns);
            for (int i = 0; i < length; i++)
            {
                text.Append((char)random.Next(0x20, 0x7F));
            }

            text.Append("\e[m\e[K");
        }

        text.Append("\e[").Append(random.Next(1, Rows + 1)).Append(';').Append(random.Next(1, Columns + 1)).Append("H\e[?2026l");
    }

    private static readonly string[] s_clusters =
    [
        "中", "文", "字", "漢", "語", "日", "本", "한", "국", "어", "あ", "ア", "Ａ", "！",
        "😀", "🎉", "👍", "👍🏽", "👨‍👩‍👧", "🇩🇪", "🇫🇷", "☺️", "❤️", "1️⃣", "e\u0301", "n\u0303", "a\u0308\u0301",
    ];

    private static void AppendCjkEmojiLine(StringBuilder text, Random random)
    {
        int columns = 0;
        while (columns < Columns - 10)
        {
            if (random.Next(3) == 0)
            {
                int word = random.Next(1, 8);
                for (int i = 0; i < word; i++)
                {
                    text.Append((char)random.Next('a', 'z' + 1));
                }

                text.Append(' ');
                columns += word + 1;
            }
            else
            {
                text.Append(s_clusters[random.Next(s_clusters.Length)]);
                columns += 2;
            }
        }

        text.Append("\r\n");
    }
}
