using System.Text;
using System.Text.Json;

namespace CastTools.Vt.Tests.Fixtures;

/// <summary>
/// Real sessions of real programs (vim, htop, less, bash with colours and CJK/emoji) recorded under tmux; the
/// expected screens are what tmux showed at the end (see Fixtures/real/README.md for how they were made).
/// </summary>
public class RealProgramFixtureTests
{
    private static readonly string FixtureDirectory = Path.Combine(AppContext.BaseDirectory, "Fixtures", "real");

    private static readonly string[] FixtureNames = ["vim", "htop", "less", "shell"];

    public static TheoryData<string> Names() => new(FixtureNames);

    [Theory]
    [MemberData(nameof(Names))]
    public void Replaying_the_recording_event_by_event_gives_the_screen_tmux_showed(string name)
    {
        Fixture fixture = Fixture.Load(name);
        var terminal = new Terminal(fixture.Columns, fixture.Rows);
        foreach (byte[] chunk in fixture.Output)
        {
            terminal.Feed(chunk);
        }

        AssertScreen(fixture, terminal);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Replaying_the_recording_in_one_piece_or_byte_by_byte_gives_the_same_screen(string name)
    {
        Fixture fixture = Fixture.Load(name);
        byte[] all = fixture.Output.SelectMany(chunk => chunk).ToArray();

        var whole = new Terminal(fixture.Columns, fixture.Rows);
        whole.Feed(all);
        var byteByByte = new Terminal(fixture.Columns, fixture.Rows);
        for (int i = 0; i < all.Length; i++)
        {
            byteByByte.Feed(all.AsSpan(i, 1));
        }

        AssertScreen(fixture, whole);
        Assert.Equal(whole.Snapshot().GetText(), byteByByte.Snapshot().GetText());
        Assert.Equal((whole.CursorRow, whole.CursorColumn), (byteByByte.CursorRow, byteByByte.CursorColumn));
    }

    [Fact]
    public void Every_fixture_on_disk_is_tested()
    {
        string[] onDisk = Directory.GetFiles(FixtureDirectory, "*.cast").Select(Path.GetFileNameWithoutExtension).Order().ToArray()!;
        string[] tested = FixtureNames.Order().ToArray();
        Assert.Equal(tested, onDisk);
    }

    private static void AssertScreen(Fixture fixture, Terminal terminal)
    {
        string actual = terminal.Snapshot().GetText();
        Assert.Equal(fixture.ExpectedScreen, actual);
        Assert.Equal(fixture.ExpectedCursor, (terminal.CursorRow, terminal.CursorColumn, terminal.CursorVisible));
    }

    private sealed record Fixture(int Columns, int Rows, List<byte[]> Output, string ExpectedScreen, (int Row, int Column, bool Visible) ExpectedCursor)
    {
        public static Fixture Load(string name)
        {
            string[] castLines = File.ReadAllLines(Path.Combine(FixtureDirectory, name + ".cast"), Encoding.UTF8);
            using JsonDocument header = JsonDocument.Parse(castLines[0]);
            Assert.Equal(3, header.RootElement.GetProperty("version").GetInt32());
            JsonElement term = header.RootElement.GetProperty("term");
            int columns = term.GetProperty("cols").GetInt32();
            int rows = term.GetProperty("rows").GetInt32();

            var output = new List<byte[]>();
            foreach (string line in castLines.Skip(1))
            {
                if (line.Length == 0)
                {
                    continue;
                }

                using JsonDocument ev = JsonDocument.Parse(line);
                if (ev.RootElement[1].GetString() == "o")
                {
                    output.Add(Encoding.UTF8.GetBytes(ev.RootElement[2].GetString()!));
                }
            }

            string screen = File.ReadAllText(Path.Combine(FixtureDirectory, name + ".screen.txt"), Encoding.UTF8);
            string[] cursor = File.ReadAllText(Path.Combine(FixtureDirectory, name + ".cursor.txt")).Split(' ', StringSplitOptions.TrimEntries);
            Assert.Equal(rows, screen.Count(c => c == '\n'));
            return new Fixture(columns, rows, output, screen, (int.Parse(cursor[0]), int.Parse(cursor[1]), cursor[2] == "visible"));
        }
    }
}
