namespace CastTools.Vt.Tests.Unicode;

/// <summary>
/// The Unicode tables and the grapheme joiner as the terminal uses them: each case prints a string followed by
/// "x" and lists the cells of row 0 as [cluster:width] up to the "x", plus the cursor column.
/// </summary>
public class TerminalGraphemeTests
{
    [Theory]
    [InlineData("e\u0301x", "[e\u0301:1][x:1]", 2)]
    [InlineData("\U0001F468\u200D\U0001F469\u200D\U0001F467x", "[\U0001F468\u200D\U0001F469\u200D\U0001F467:2][:0][x:1]", 3)]
    [InlineData("\U0001F1E9\U0001F1EA\U0001F1EB\U0001F1F7\U0001F1FAx", "[\U0001F1E9\U0001F1EA:2][:0][\U0001F1EB\U0001F1F7:2][:0][\U0001F1FA:2][:0][x:1]", 7)]
    [InlineData("\u263A\uFE0Fx", "[\u263A\uFE0F:2][:0][x:1]", 3)]
    [InlineData("\u263Ax", "[\u263A:1][x:1]", 2)]
    [InlineData("1\uFE0F\u20E3x", "[1\uFE0F\u20E3:2][:0][x:1]", 3)]
    [InlineData("\U0001F44D\U0001F3FDx", "[\U0001F44D\U0001F3FD:2][:0][x:1]", 3)]
    [InlineData("\u1100\u1161\u11A8x", "[\u1100\u1161\u11A8:2][:0][x:1]", 3)]
    [InlineData("\u0915\u093Ex", "[\u0915\u093E:1][x:1]", 2)]
    [InlineData("\u4E2D\u6587x", "[\u4E2D:2][:0][\u6587:2][:0][x:1]", 5)]
    [InlineData("\uFF21\uFF22x", "[\uFF21:2][:0][\uFF22:2][:0][x:1]", 5)]
    public void Clusters_take_the_columns_of_their_width(string text, string expectedCells, int expectedColumn)
    {
        var terminal = new Terminal(20, 2);
        terminal.Feed(text);
        ScreenSnapshot snapshot = terminal.Snapshot();
        ReadOnlySpan<Cell> row = snapshot.GetRow(0);

        var cells = new System.Text.StringBuilder();
        for (int col = 0; col < row.Length; col++)
        {
            string cluster = snapshot.GetCellText(row[col]);
            cells.Append('[').Append(cluster).Append(':').Append(row[col].Width).Append(']');
            if (cluster == "x")
            {
                break;
            }
        }

        Assert.Equal(expectedCells, cells.ToString());
        Assert.Equal(expectedColumn, terminal.CursorColumn);
    }

    [Fact]
    public void Repeated_clusters_under_one_hyperlink_keep_their_own_base_characters()
    {
        // The same mark joined to different letters that share one extra (the hyperlink) must not be confused.
        var terminal = new Terminal(20, 2);
        terminal.Feed("\e]8;;https://example.com\e\\e\u0301a\u0301e\u0301a\u0301\e]8;;\e\\");
        ScreenSnapshot snapshot = terminal.Snapshot();
        ReadOnlySpan<Cell> row = snapshot.GetRow(0);
        Assert.Equal("e\u0301", snapshot.GetCellText(row[0]));
        Assert.Equal("a\u0301", snapshot.GetCellText(row[1]));
        Assert.Equal("e\u0301", snapshot.GetCellText(row[2]));
        Assert.Equal("a\u0301", snapshot.GetCellText(row[3]));
        Assert.Equal("https://example.com", snapshot.GetExtra(row[3].ExtraId)?.Hyperlink);
    }

    [Fact]
    public void Joining_repeated_clusters_allocates_nothing_in_steady_state()
    {
        var terminal = new Terminal(80, 24);
        byte[] text = System.Text.Encoding.UTF8.GetBytes("e\u0301 \U0001F44D\U0001F3FD \U0001F468\u200D\U0001F469\u200D\U0001F467 \U0001F1E9\U0001F1EA 1\uFE0F\u20E3\r\n");
        terminal.Feed(text);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            terminal.Feed(text);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
