using System.Text;

namespace CastTools.Vt.Tests;

public class SnapshotAndReplyTests
{
    [Fact]
    public void Unchanged_rows_share_their_cells_with_the_previous_snapshot()
    {
        var terminal = ScreenText.Run(4, 3, "a\r\nb\r\nc");
        ScreenSnapshot first = terminal.Snapshot();
        terminal.Feed("\u001b[2;1HX");
        ScreenSnapshot second = terminal.Snapshot();
        Assert.True(first.GetRow(0) == second.GetRow(0), "row 0 should be the same array");
        Assert.False(first.GetRow(1) == second.GetRow(1), "row 1 changed and must be a new array");
        Assert.Equal("b", first.GetRowText(1));
        Assert.Equal("X", second.GetRowText(1));
        Assert.True(first.RowEquals(0, second));
        Assert.False(first.RowEquals(1, second));
    }

    [Fact]
    public void A_snapshot_never_changes_after_it_is_taken()
    {
        var terminal = ScreenText.Run(4, 2, "ab");
        ScreenSnapshot before = terminal.Snapshot();
        terminal.Feed("\rXY\r\n\r\n\r\nzz\u001b[2J");
        Assert.Equal("ab\n\n", before.GetText());
    }

    [Fact]
    public void Nothing_changed_returns_the_same_snapshot()
    {
        var terminal = ScreenText.Run(4, 2, "ab");
        ScreenSnapshot first = terminal.Snapshot();
        terminal.Feed("\u001b[m");
        Assert.Same(first, terminal.Snapshot());
        terminal.Feed("\u001b[H");
        Assert.NotSame(first, terminal.Snapshot());
    }

    [Fact]
    public void A_palette_reset_alone_gives_a_new_snapshot()
    {
        var terminal = ScreenText.Run(4, 1, "\u001b]4;1;#ff0000\u0007");
        Assert.Single(terminal.Snapshot().PaletteOverrides);
        terminal.Feed("\u001b]104\u0007");
        Assert.Empty(terminal.Snapshot().PaletteOverrides);
    }

    [Fact]
    public void Snapshot_carries_cursor_alt_screen_reverse_video_and_shape()
    {
        var terminal = ScreenText.Run(4, 2, "\u001b[?1049h\u001b[?5h\u001b[?25l\u001b[6 q\u001b[2;3H");
        ScreenSnapshot snapshot = terminal.Snapshot();
        Assert.True(snapshot.IsAlternateScreen);
        Assert.True(snapshot.ReverseVideo);
        Assert.Equal(new CursorState(1, 2, false, CursorShape.Bar, false), snapshot.Cursor);
    }

    [Fact]
    public void Synchronized_output_is_reported_while_mode_2026_is_set()
    {
        var terminal = new Terminal(4, 1);
        terminal.Feed("\u001b[?2026h");
        Assert.True(terminal.IsSynchronizedOutput);
        terminal.Feed("\u001b[?2026l");
        Assert.False(terminal.IsSynchronizedOutput);
    }

    [Fact]
    public void Scrollback_keeps_lines_up_to_its_limit()
    {
        var terminal = new Terminal(3, 2, new TerminalOptions { ScrollbackLimit = 2 });
        terminal.Feed("1\r\n2\r\n3\r\n4\r\n5");
        Assert.Equal(2, terminal.ScrollbackCount);
        Assert.Equal((int)'2', terminal.GetScrollbackRow(0)[0].CodePoint);
        Assert.Equal((int)'3', terminal.GetScrollbackRow(1)[0].CodePoint);
        terminal.Feed("\u001b[3J");
        Assert.Equal(0, terminal.ScrollbackCount);
    }

    [Fact]
    public void Lines_scrolled_off_a_region_at_the_top_reach_scrollback_as_in_xterm()
    {
        var seen = new List<string>();
        var terminal = new Terminal(3, 3, new TerminalOptions
        {
            ScrollbackLimit = 5,
            LineScrolledOff = (cells, wrapped) => seen.Add(((char)cells[0].CodePoint).ToString() + (wrapped ? "+" : "")),
        });
        terminal.Feed("\u001b[1;2r1\r\n2\r\n3\u001b[r\u001b[3;1Hs");
        Assert.Equal(["1"], seen);
        Assert.Equal(1, terminal.ScrollbackCount);
        Assert.Equal(ScreenText.Rows("2  ", "3  ", "s█ "), ScreenText.Of(terminal));
    }

    [Fact]
    public void Lines_scrolled_inside_a_lower_region_are_not_history()
    {
        var terminal = new Terminal(3, 3, new TerminalOptions { ScrollbackLimit = 5 });
        terminal.Feed("\u001b[2;3r\u001b[2;1H1\r\n2\r\n3");
        Assert.Equal(0, terminal.ScrollbackCount);
    }

    [Fact]
    public void The_alternate_screen_adds_nothing_to_scrollback()
    {
        var terminal = new Terminal(3, 2, new TerminalOptions { ScrollbackLimit = 10 });
        terminal.Feed("\u001b[?1049h1\r\n2\r\n3\r\n4");
        Assert.Equal(0, terminal.ScrollbackCount);
    }

    [Theory]
    [InlineData("\u001b[c", "\u001b[?62;22c")]
    [InlineData("\u001b[0c", "\u001b[?62;22c")]
    [InlineData("\u001b[>c", "\u001b[>1;10;0c")]
    [InlineData("\u001b[5n", "\u001b[0n")]
    [InlineData("\u001b[3;5H\u001b[6n", "\u001b[3;5R")]
    [InlineData("\u001b[3;5H\u001b[?6n", "\u001b[?3;5;1R")]
    [InlineData("\u001b[2;4r\u001b[?6h\u001b[2;2H\u001b[6n", "\u001b[2;2R")]
    [InlineData("\u001b[?2004h\u001b[?2004$p", "\u001b[?2004;1$y")]
    [InlineData("\u001b[?25$p", "\u001b[?25;1$y")]
    [InlineData("\u001b[?9999$p", "\u001b[?9999;0$y")]
    [InlineData("\u001b[4$p", "\u001b[4;2$y")]
    [InlineData("\u001b]10;?\u0007", "\u001b]10;rgb:e5e5/e5e5/e5e5\u0007")]
    [InlineData("\u001b]11;?\u001b\\", "\u001b]11;rgb:0000/0000/0000\u001b\\")]
    [InlineData("\u001b]4;1;?\u0007", "\u001b]4;1;rgb:cdcd/0000/0000\u0007")]
    [InlineData("\u001b]4;1;#123456\u0007\u001b]4;1;?\u0007", "\u001b]4;1;rgb:1212/3434/5656\u0007")]
    [InlineData("\u001b[>q", "\u001bP>|casttools(0.1.0)\u001b\\")]
    [InlineData("\u001b[18t", "\u001b[8;24;80t")]
    [InlineData("\u001b[14t", "\u001b[4;384;640t")]
    [InlineData("\u001b[16t", "\u001b[6;16;8t")]
    [InlineData("\u001b[?996n", "\u001b[?997;1n")]
    [InlineData("\u001bP+q544e\u001b\\", "\u001bP0+r\u001b\\")]
    public void Queries_get_the_answers_of_a_real_terminal(string query, string answer)
    {
        var replies = new StringBuilder();
        var terminal = new Terminal(80, 24, new TerminalOptions { Reply = data => replies.Append(Encoding.UTF8.GetString(data)) });
        terminal.Feed(query);
        Assert.Equal(answer, replies.ToString());
    }

    [Fact]
    public void Without_a_reply_callback_queries_are_ignored()
    {
        var terminal = new Terminal(4, 1);
        terminal.Feed("\u001b[c\u001b[6n\u001b]10;?\u0007x");
        Assert.Equal("x", terminal.Snapshot().GetRowText(0));
    }
}
