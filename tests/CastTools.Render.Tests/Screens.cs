using CastTools.Vt;

namespace CastTools.Render.Tests;

/// <summary>Builds snapshots by feeding escape sequences to the real terminal, and realistic demo screens.</summary>
internal static class Screens
{
    public static ScreenSnapshot Feed(int columns, int rows, string text)
    {
        var terminal = new Terminal(columns, rows);
        terminal.Feed(text);
        return terminal.Snapshot();
    }

    public static RenderStyle Style(string theme = "asciinema") => new() { Theme = Theme.Load(theme) };

    /// <summary>A busy 80x24 screen: colours, attributes, a box panel, a powerline prompt, CJK, emoji, braille.</summary>
    public const string Demo =
        "\e[1;34m~/src/casttools\e[0m on \e[35m\ue0a0 main\e[0m \e[33m[!]\e[0m via \e[32m.NET v10.0\e[0m\r\n"
        + "\e[30;44m user \e[34;42m\ue0b0\e[30;42m ~/src \e[32;49m\ue0b0\e[0m \e[38;5;208morange-256\e[0m \e[38;2;255;105;180mtruecolor pink\e[0m\r\n"
        + "\e[1mbold\e[0m \e[2mfaint\e[0m \e[3mitalic\e[0m \e[1;3mbold-italic\e[0m \e[7minverse\e[0m \e[9mstrike\e[0m \e[53moverline\e[0m \e[8mhidden\e[0m|\r\n"
        + "\e[4msingle\e[0m \e[4:2mdouble\e[0m \e[4:3;58;5;196mcurly red\e[0m \e[4:4mdotted\e[0m \e[4:5mdashed\e[0m \e[4;58;2;0;200;255mcyan ul\e[0m\r\n"
        + "╭──────────┬──────────╮ ┏━━━━┳━━━━┓ ╔════╦════╗ ┌─┰─┐\r\n"
        + "│ light    │ panel    │ ┃ hv ┃ hv ┃ ║ db ║ db ║ ├─╂─┤\r\n"
        + "├──────────┼──────────┤ ┣━━━━╋━━━━┫ ╠════╬════╣ ╞═╪═╡\r\n"
        + "╰──────────┴──────────╯ ┗━━━━┻━━━━┛ ╚════╩════╝ └─┸─┘\r\n"
        + "blocks ▀▄█▌▐░▒▓ ▁▂▃▄▅▆▇█ ▖▗▘▝▚▞ braille ⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏ ⣿⡇ dashes ┄┅┈╌\r\n"
        + "CJK 你好世界 日本語 한국어 | emoji 😀🎉👍🏽 👨‍👩‍👧 🇩🇪 ❤️ | e\u0301 a\u0308\u0304 ñ\r\n"
        + "arrows ← → ↑ ↓ ⇒ ∀ ∃ ≠ ≤ ≥ λ π ■ □ ● ○ ◆ ▲ ▶ ✓ ✗ ★  nerd \uf07c \ue5fa \uf09b \ue7a8\r\n"
        + "ligatures off: -> => != === <= >= :: www |> <|\r\n"
        + "\e[31mred\e[32mgreen\e[33myellow\e[34mblue\e[35mmagenta\e[36mcyan\e[37mwhite\e[0m "
        + "\e[91mRED\e[92mGREEN\e[93mYELLOW\e[94mBLUE\e[95mMAGENTA\e[96mCYAN\e[97mWHITE\e[0m\r\n"
        + "\e[41m  \e[42m  \e[43m  \e[44m  \e[45m  \e[46m  \e[47m  \e[100m  \e[101m  \e[102m  \e[103m  \e[104m  \e[105m  \e[106m  \e[107m  \e[0m\r\n"
        + "[\e[32m████████████████████\e[90m░░░░░░░░░░\e[0m] 66%  \e[?25h$ echo done\e[5 q";
}
