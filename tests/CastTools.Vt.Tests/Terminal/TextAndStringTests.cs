using System.Text;

namespace CastTools.Vt.Tests;

public class TextAndStringTests
{
    [Fact]
    public void Wide_characters_take_a_head_and_a_tail()
    {
        var terminal = ScreenText.Run(5, 1, "a中b");
        ReadOnlySpan<Cell> row = terminal.Snapshot().GetRow(0);
        Assert.Equal(2, row[1].Width);
        Assert.Equal(0, row[2].Width);
        Assert.Equal((int)'b', row[3].CodePoint);
        Assert.Equal(4, terminal.CursorColumn);
    }

    [Fact]
    public void A_wide_character_at_the_last_column_wraps_first() =>
        Assert.Equal(ScreenText.Rows("abc ", "中█ "), ScreenText.Of(ScreenText.Run(4, 2, "abc中")));

    [Fact]
    public void Overwriting_either_half_of_a_wide_character_clears_the_other() =>
        Assert.Equal(ScreenText.Rows("x  y█ "), ScreenText.Of(ScreenText.Run(6, 1, "中文\rx\u001b[1;4Hy")));

    [Fact]
    public void Combining_marks_join_the_previous_cell()
    {
        var terminal = ScreenText.Run(4, 1, "e\u0301x");
        ScreenSnapshot snapshot = terminal.Snapshot();
        Assert.Equal("e\u0301", snapshot.GetCellText(snapshot.GetRow(0)[0]));
        Assert.Equal("e\u0301x", snapshot.GetRowText(0));
        Assert.Equal(2, terminal.CursorColumn);
    }

    [Fact]
    public void Zwj_sequences_and_flags_are_one_cell()
    {
        string family = "\U0001F468\u200D\U0001F469\u200D\U0001F467";
        string flag = "\U0001F1FA\U0001F1F8";
        var terminal = ScreenText.Run(8, 1, family + flag + "x");
        ScreenSnapshot snapshot = terminal.Snapshot();
        Assert.Equal(family, snapshot.GetCellText(snapshot.GetRow(0)[0]));
        Assert.Equal(flag, snapshot.GetCellText(snapshot.GetRow(0)[2]));
        Assert.Equal((int)'x', snapshot.GetRow(0)[4].CodePoint);
    }

    [Fact]
    public void Vs16_widens_a_text_presentation_base()
    {
        var terminal = ScreenText.Run(4, 1, "\u263A\uFE0Fx");
        ScreenSnapshot snapshot = terminal.Snapshot();
        Assert.Equal(2, snapshot.GetRow(0)[0].Width);
        Assert.Equal((int)'x', snapshot.GetRow(0)[2].CodePoint);
    }

    [Fact]
    public void Invalid_utf8_becomes_replacement_characters() =>
        Assert.Equal("a\uFFFDb\uFFFD\uFFFDc", Feed(1, [(byte)'a', 0xFF, (byte)'b', 0xE2, 0x82, 0xC0, (byte)'c']).Snapshot().GetRowText(0));

    [Fact]
    public void A_truncated_sequence_followed_by_ascii_keeps_the_ascii() =>
        Assert.Equal("\uFFFDA", Feed(1, [0xE4, 0xB8, (byte)'A']).Snapshot().GetRowText(0));

    [Fact]
    public void Utf8_split_across_feeds_is_decoded()
    {
        var terminal = new Terminal(4, 1);
        byte[] bytes = Encoding.UTF8.GetBytes("中");
        terminal.Feed(bytes.AsSpan(0, 1));
        terminal.Feed(bytes.AsSpan(1, 1));
        terminal.Feed(bytes.AsSpan(2));
        Assert.Equal("中", terminal.Snapshot().GetRowText(0));
    }

    [Fact]
    public void Osc_title_with_bel_or_st_and_split_across_feeds()
    {
        var terminal = new Terminal(4, 1);
        terminal.Feed("\u001b]0;he");
        terminal.Feed("llo\u0007");
        Assert.Equal("hello", terminal.Title);
        terminal.Feed("\u001b]2;wörld\u001b\\");
        Assert.Equal("wörld", terminal.Title);
        terminal.Feed("\u001b]1;icon\u0007");
        Assert.Equal("wörld", terminal.Title);
        Assert.Equal("wörld", terminal.Snapshot().Title);
    }

    [Fact]
    public void Title_stack_push_and_pop_as_vim_uses_it()
    {
        var terminal = ScreenText.Run(4, 1, "\u001b]2;shell\u0007\u001b[22;2t\u001b]2;vim\u0007");
        Assert.Equal("vim", terminal.Title);
        terminal.Feed("\u001b[23;2t");
        Assert.Equal("shell", terminal.Title);
    }

    [Fact]
    public void Unknown_sequences_are_ignored_and_counted()
    {
        var terminal = ScreenText.Run(4, 1, "a\u001b[5y\u001b[?999z\u001b]777;x\u0007\u001bzb\u001b[m");
        Assert.Equal("ab", terminal.Snapshot().GetRowText(0));
        Assert.Equal(4, terminal.IgnoredSequenceCount);
    }

    [Fact]
    public void Osc_8_hyperlinks_mark_the_cells_they_cover()
    {
        var terminal = ScreenText.Run(6, 1, "a\u001b]8;id=1;https://x.test/\u001b\\bc\u001b]8;;\u001b\\d");
        ScreenSnapshot snapshot = terminal.Snapshot();
        ReadOnlySpan<Cell> row = snapshot.GetRow(0);
        Assert.Null(snapshot.GetExtra(row[0].ExtraId));
        Assert.Equal("https://x.test/", snapshot.GetExtra(row[1].ExtraId)!.Hyperlink);
        Assert.Equal("https://x.test/", snapshot.GetExtra(row[2].ExtraId)!.Hyperlink);
        Assert.Null(snapshot.GetExtra(row[3].ExtraId));
    }

    [Fact]
    public void Extra_data_stays_bounded_over_a_long_session_of_distinct_links_and_clusters()
    {
        var terminal = new Terminal(10, 2);
        var old = terminal.Snapshot();
        for (int i = 0; i < 20000; i++)
        {
            terminal.Feed($"\u001b]8;;https://x.test/{i}\u001b\\L\u001b]8;;\u001b\\e\u0301{(char)('a' + (i % 26))}\u0302 ");
            if (i == 10)
            {
                old = terminal.Snapshot();
            }
        }

        Assert.True(terminal.ExtraCount < 10000, $"{terminal.ExtraCount} extras kept");
        ScreenSnapshot snapshot = terminal.Snapshot();
        int last = 19999;
        string text = snapshot.GetText();
        Assert.Contains("Le\u0301" + (char)('a' + (last % 26)) + "\u0302", text, StringComparison.Ordinal);
        bool found = false;
        for (int row = 0; row < snapshot.Rows; row++)
        {
            foreach (Cell cell in snapshot.GetRow(row))
            {
                found |= snapshot.GetExtra(cell.ExtraId)?.Hyperlink == $"https://x.test/{last}";
            }
        }

        Assert.True(found, "the last link must still resolve after compaction");

        // A snapshot taken before compaction still resolves its own ids.
        var oldLinks = new List<string>();
        for (int row = 0; row < old.Rows; row++)
        {
            foreach (Cell cell in old.GetRow(row))
            {
                if (old.GetExtra(cell.ExtraId)?.Hyperlink is { } link)
                {
                    oldLinks.Add(link);
                }
            }
        }

        Assert.Contains("https://x.test/10", oldLinks);
    }

    [Fact]
    public void Osc_palette_and_dynamic_colours_are_in_the_snapshot_and_reset()
    {
        var terminal = ScreenText.Run(2, 1, "\u001b]4;1;#102030;2;rgb:ff/00/00\u0007\u001b]10;#aabbcc\u0007\u001b]11;#000001\u0007\u001b]12;#00ff00\u0007");
        ScreenSnapshot snapshot = terminal.Snapshot();
        Assert.Equal(new Rgb(0x10, 0x20, 0x30), snapshot.PaletteOverrides[1]);
        Assert.Equal(new Rgb(0xff, 0, 0), snapshot.PaletteOverrides[2]);
        Assert.Equal(new Rgb(0xaa, 0xbb, 0xcc), snapshot.DefaultForeground);
        Assert.Equal(new Rgb(0, 0, 1), snapshot.DefaultBackground);
        Assert.Equal(new Rgb(0, 0xff, 0), snapshot.CursorColor);
        terminal.Feed("\u001b]104;1\u0007\u001b]110\u0007\u001b]111\u0007\u001b]112\u0007");
        snapshot = terminal.Snapshot();
        Assert.False(snapshot.PaletteOverrides.ContainsKey(1));
        Assert.True(snapshot.PaletteOverrides.ContainsKey(2));
        Assert.Null(snapshot.DefaultForeground);
        Assert.Null(snapshot.DefaultBackground);
        Assert.Null(snapshot.CursorColor);
    }

    [Fact]
    public void Dcs_sos_pm_apc_strings_are_swallowed() =>
        Assert.Equal("ab", ScreenText.Run(4, 1, "a\u001bPq#0;2;0;0;0~-\u001b\\\u001bXsos\u001b\\\u001b^pm\u001b\\\u001b_apc\u0007\u001b\\b").Snapshot().GetRowText(0));

    [Fact]
    public void Parameters_saturate_instead_of_overflowing() =>
        Assert.Equal(ScreenText.Rows("  ", " █"), ScreenText.Of(ScreenText.Run(2, 2, "\u001b[99999999999999999999;99999999999999999999H")));

    [Fact]
    public void Too_many_parameters_are_dropped_not_misread()
    {
        string many = string.Join(';', Enumerable.Repeat("1", 40)) + ";31";
        Cell cell = ScreenText.Run(2, 1, $"\u001b[{many}mX").Snapshot().GetRow(0)[0];
        Assert.Equal(CellFlags.Bold, cell.Flags);
    }

    private static Terminal Feed(int rows, byte[] bytes)
    {
        var terminal = new Terminal(10, rows);
        terminal.Feed(bytes);
        return terminal;
    }
}
