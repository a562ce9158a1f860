using System.Text;

namespace CastTools.Vt.Tests;

/// <summary>Seeded random, escape-heavy input: the terminal never throws, keeps its invariants, and gives the same
/// screen however the input is split into chunks.</summary>
public class PropertyTests
{
    private static readonly string[] Finals = ["@", "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "P", "S", "T", "X", "Z", "`", "a", "b", "d", "e", "f", "g", "h", "l", "m", "n", "r", "s", "t", "u", "c", "q", " q", " @", " A", "'}", "'~", "!p", "\"q", "$p"];
    private static readonly string[] Texts = ["hello", "a", " ", "中文", "한국", "é", "e\u0301", "\U0001F600", "\U0001F44D\U0001F3FD", "\U0001F468\u200D\U0001F469\u200D\U0001F467", "\U0001F1FA\U0001F1F8", "\u2764\uFE0F", "x\u0308\u0308", "\uFFFD", "ｱ", "\t", "\r", "\n", "\b", "\u000e", "\u000f"];

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (int seed = 1; seed <= 40; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    internal static byte[] RandomInput(Random random, int tokens)
    {
        var bytes = new List<byte>();
        for (int i = 0; i < tokens; i++)
        {
            switch (random.Next(12))
            {
                case 0 or 1 or 2:
                    bytes.AddRange(Encoding.UTF8.GetBytes(Texts[random.Next(Texts.Length)]));
                    break;
                case 3 or 4 or 5:
                {
                    var csi = new StringBuilder("\u001b[");
                    if (random.Next(4) == 0)
                    {
                        csi.Append("?>=<"[random.Next(4)]);
                    }

                    int count = random.Next(5);
                    for (int p = 0; p < count; p++)
                    {
                        if (p > 0)
                        {
                            csi.Append(random.Next(5) == 0 ? ':' : ';');
                        }

                        int value = random.Next(10) switch
                        {
                            0 => random.Next(100000),
                            1 => random.Next(2000),
                            _ => random.Next(12),
                        };
                        csi.Append(value);
                    }

                    csi.Append(Finals[random.Next(Finals.Length)]);
                    bytes.AddRange(Encoding.UTF8.GetBytes(csi.ToString()));
                    break;
                }

                case 6:
                {
                    int[] modes = [1, 3, 4, 5, 6, 7, 12, 20, 25, 45, 47, 1000, 1006, 1047, 1048, 1049, 2004, 2026];
                    string sequence = $"\u001b[{(random.Next(3) == 0 ? "" : "?")}{modes[random.Next(modes.Length)]}{(random.Next(2) == 0 ? 'h' : 'l')}";
                    bytes.AddRange(Encoding.UTF8.GetBytes(sequence));
                    break;
                }

                case 7:
                {
                    string[] escapes = ["\u001b7", "\u001b8", "\u001bD", "\u001bE", "\u001bH", "\u001bM", "\u001b#8", "\u001b(0", "\u001b(B", "\u001b)A", "\u001bN", "\u001bO", "\u001b=", "\u001b>", "\u001bc", "\u001b\\"];
                    bytes.AddRange(Encoding.UTF8.GetBytes(escapes[random.Next(escapes.Length)]));
                    break;
                }

                case 8:
                {
                    string[] strings = ["\u001b]0;title\u0007", "\u001b]2;t\u00edtulo\u001b\\", "\u001b]8;;http://x/\u001b\\", "\u001b]8;;\u001b\\", "\u001b]4;1;#ff0000\u0007", "\u001b]10;?\u0007", "\u001b]11;rgb:00/00/00\u0007", "\u001b]104\u0007", "\u001bP+q544e\u001b\\", "\u001b_apc\u001b\\", "\u001bXsos\u001b\\"];
                    bytes.AddRange(Encoding.UTF8.GetBytes(strings[random.Next(strings.Length)]));
                    break;
                }

                case 9:
                {
                    // Raw bytes, including invalid UTF-8 and C1 controls.
                    int count = random.Next(1, 4);
                    for (int b = 0; b < count; b++)
                    {
                        bytes.Add((byte)random.Next(256));
                    }

                    break;
                }

                default:
                {
                    string[] sgr = ["\u001b[0m", "\u001b[1;31m", "\u001b[38;5;200m", "\u001b[48:2::10:20:30m", "\u001b[4:3m", "\u001b[7m", "\u001b[58;2;1;2;3m", "\u001b[53m"];
                    bytes.AddRange(Encoding.UTF8.GetBytes(sgr[random.Next(sgr.Length)]));
                    break;
                }
            }
        }

        return [.. bytes];
    }

    internal static void AssertInvariants(Terminal terminal)
    {
        ScreenSnapshot snapshot = terminal.Snapshot();
        Assert.Equal(terminal.Rows, snapshot.Rows);
        Assert.InRange(terminal.CursorRow, 0, terminal.Rows - 1);
        Assert.InRange(terminal.CursorColumn, 0, terminal.Columns - 1);
        for (int row = 0; row < snapshot.Rows; row++)
        {
            ReadOnlySpan<Cell> cells = snapshot.GetRow(row);
            Assert.Equal(terminal.Columns, cells.Length);
            for (int col = 0; col < cells.Length; col++)
            {
                if (cells[col].Width == 2)
                {
                    Assert.True(col + 1 < cells.Length && cells[col + 1].Width == 0, $"wide head without tail at ({row},{col})");
                }
                else if (cells[col].Width == 0)
                {
                    Assert.True(col > 0 && cells[col - 1].Width == 2, $"wide tail without head at ({row},{col})");
                }
                else
                {
                    Assert.Equal(1, cells[col].Width);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_input_never_throws_and_keeps_invariants(int seed)
    {
        var random = new Random(seed);
        var replies = new List<byte>();
        var terminal = new Terminal(random.Next(1, 30), random.Next(1, 12), new TerminalOptions
        {
            ScrollbackLimit = random.Next(3) * 5,
            Reply = data => replies.AddRange(data.ToArray()),
        });
        for (int round = 0; round < 20; round++)
        {
            terminal.Feed(RandomInput(random, 50));
            AssertInvariants(terminal);
            if (random.Next(4) == 0)
            {
                terminal.Resize(random.Next(1, 30), random.Next(1, 12));
                AssertInvariants(terminal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Any_split_into_chunks_gives_the_same_screen(int seed)
    {
        var random = new Random(seed);
        byte[] input = RandomInput(random, 400);
        int columns = random.Next(2, 30);
        int rows = random.Next(1, 12);

        var whole = new Terminal(columns, rows, new TerminalOptions { ScrollbackLimit = 50 });
        whole.Feed(input);

        var chunked = new Terminal(columns, rows, new TerminalOptions { ScrollbackLimit = 50 });
        int offset = 0;
        while (offset < input.Length)
        {
            int length = Math.Min(random.Next(1, 8), input.Length - offset);
            chunked.Feed(input.AsSpan(offset, length));
            offset += length;
        }

        AssertSameScreen(whole, chunked);
    }

    [Fact]
    public void Splitting_at_every_byte_gives_the_same_screen()
    {
        byte[] input = RandomInput(new Random(99), 300);
        var whole = new Terminal(20, 6);
        whole.Feed(input);
        var bytewise = new Terminal(20, 6);
        foreach (byte b in input)
        {
            bytewise.Feed([b]);
        }

        AssertSameScreen(whole, bytewise);
    }

    private static void AssertSameScreen(Terminal expected, Terminal actual)
    {
        ScreenSnapshot a = expected.Snapshot();
        ScreenSnapshot b = actual.Snapshot();
        Assert.Equal(ScreenText.Of(a), ScreenText.Of(b));
        Assert.Equal(a.Cursor, b.Cursor);
        Assert.Equal(a.Title, b.Title);
        for (int row = 0; row < a.Rows; row++)
        {
            ReadOnlySpan<Cell> x = a.GetRow(row);
            ReadOnlySpan<Cell> y = b.GetRow(row);
            for (int col = 0; col < x.Length; col++)
            {
                Assert.Equal(a.GetCellText(x[col]), b.GetCellText(y[col]));
                Cell cx = x[col];
                Cell cy = y[col];
                cx.ExtraId = 0;
                cy.ExtraId = 0;
                Assert.Equal(cx, cy);
            }
        }

        Assert.Equal(expected.ScrollbackCount, actual.ScrollbackCount);
    }
}
