namespace CastTools.Vt.Tests;

public class ResizeTests
{
    [Fact]
    public void Narrowing_rewraps_a_soft_wrapped_line()
    {
        var terminal = ScreenText.Run(6, 3, "abcdefgh");
        terminal.Resize(4, 3);
        Assert.Equal(ScreenText.Rows("abcd", "efgh", "    "), ScreenText.Of(terminal).Replace("█", "h", StringComparison.Ordinal));
        Assert.Equal((1, 3), (terminal.CursorRow, terminal.CursorColumn));
    }

    [Fact]
    public void Widening_joins_wrapped_rows_again()
    {
        var terminal = ScreenText.Run(4, 3, "abcdefg\r\nxy");
        terminal.Resize(8, 3);
        Assert.Equal(ScreenText.Rows("abcdefg ", "xy█     ", "        "), ScreenText.Of(terminal));
    }

    [Fact]
    public void Hard_line_breaks_are_kept()
    {
        var terminal = ScreenText.Run(6, 3, "ab\r\ncd");
        terminal.Resize(3, 3);
        Assert.Equal(ScreenText.Rows("ab ", "cd█", "   "), ScreenText.Of(terminal));
    }

    [Fact]
    public void A_wide_character_that_no_longer_fits_moves_to_the_next_row()
    {
        var terminal = ScreenText.Run(6, 3, "ab中文x");
        terminal.Resize(3, 3);
        Assert.Equal(ScreenText.Rows("ab ", "中 ", "文█"), ScreenText.Of(terminal));
        Assert.Equal("文x", terminal.Snapshot().GetRowText(2));
        PropertyTests.AssertInvariants(terminal);
    }

    [Fact]
    public void Shrinking_the_height_pushes_lines_into_scrollback_and_growing_brings_them_back()
    {
        var terminal = new Terminal(3, 4, new TerminalOptions { ScrollbackLimit = 10 });
        terminal.Feed("a\r\nb\r\nc\r\nd");
        terminal.Resize(3, 2);
        Assert.Equal(ScreenText.Rows("c  ", "d█ "), ScreenText.Of(terminal));
        Assert.Equal(2, terminal.ScrollbackCount);
        Assert.Equal((int)'a', terminal.GetScrollbackRow(0)[0].CodePoint);
        terminal.Resize(3, 4);
        Assert.Equal(ScreenText.Rows("a  ", "b  ", "c  ", "d█ "), ScreenText.Of(terminal));
        Assert.Equal(0, terminal.ScrollbackCount);
    }

    [Fact]
    public void Shrinking_the_height_drops_blank_lines_below_the_cursor_first()
    {
        var terminal = ScreenText.Run(3, 4, "a\r\nb");
        terminal.Resize(3, 2);
        Assert.Equal(ScreenText.Rows("a  ", "b█ "), ScreenText.Of(terminal));
    }

    [Fact]
    public void The_alternate_screen_is_cut_not_reflowed()
    {
        var terminal = ScreenText.Run(6, 2, "^[[?1049habcdefgh".Replace("^[", "\u001b", StringComparison.Ordinal));
        terminal.Resize(4, 2);
        Assert.Equal(ScreenText.Rows("abcd", "gh█ "), ScreenText.Of(terminal));
    }
}
