namespace CastTools.Vt.Tests;

public class SgrTests
{
    private static Cell First(string sgr)
    {
        var terminal = ScreenText.Run(4, 1, "\u001b[" + sgr + "mX");
        return terminal.Snapshot().GetRow(0)[0];
    }

    [Theory]
    [InlineData("1", CellFlags.Bold)]
    [InlineData("2", CellFlags.Faint)]
    [InlineData("3", CellFlags.Italic)]
    [InlineData("5", CellFlags.Blink)]
    [InlineData("6", CellFlags.Blink)]
    [InlineData("7", CellFlags.Inverse)]
    [InlineData("8", CellFlags.Invisible)]
    [InlineData("9", CellFlags.Strikethrough)]
    [InlineData("53", CellFlags.Overline)]
    [InlineData("1;2;22", CellFlags.None)]
    [InlineData("3;23", CellFlags.None)]
    [InlineData("5;25", CellFlags.None)]
    [InlineData("7;27", CellFlags.None)]
    [InlineData("8;28", CellFlags.None)]
    [InlineData("9;29", CellFlags.None)]
    [InlineData("53;55", CellFlags.None)]
    [InlineData("1;3;0", CellFlags.None)]
    public void Flags_are_set_and_reset(string sgr, CellFlags expected) => Assert.Equal(expected, First(sgr).Flags);

    [Theory]
    [InlineData("4", UnderlineStyle.Single)]
    [InlineData("21", UnderlineStyle.Double)]
    [InlineData("4:0", UnderlineStyle.None)]
    [InlineData("4:1", UnderlineStyle.Single)]
    [InlineData("4:2", UnderlineStyle.Double)]
    [InlineData("4:3", UnderlineStyle.Curly)]
    [InlineData("4:4", UnderlineStyle.Dotted)]
    [InlineData("4:5", UnderlineStyle.Dashed)]
    [InlineData("4;24", UnderlineStyle.None)]
    [InlineData("4:3;1", UnderlineStyle.Curly)]
    public void Underline_styles(string sgr, UnderlineStyle expected) => Assert.Equal(expected, First(sgr).Underline);

    [Theory]
    [InlineData("31", "1")]
    [InlineData("97", "15")]
    [InlineData("38;5;208", "208")]
    [InlineData("38:5:208", "208")]
    [InlineData("38;2;1;2;3", "#010203")]
    [InlineData("38:2:1:2:3", "#010203")]
    [InlineData("38:2::1:2:3", "#010203")]
    [InlineData("38:2:0:255:0:255", "#ff00ff")]
    [InlineData("31;39", "default")]
    [InlineData("38;5;300", "default")]
    public void Foreground_colours(string sgr, string expected) => Assert.Equal(expected, First(sgr).Foreground.ToString());

    [Theory]
    [InlineData("41", "1")]
    [InlineData("107", "15")]
    [InlineData("48;5;17", "17")]
    [InlineData("48;2;10;20;30", "#0a141e")]
    [InlineData("48:2::10:20:30", "#0a141e")]
    [InlineData("41;49", "default")]
    public void Background_colours(string sgr, string expected) => Assert.Equal(expected, First(sgr).Background.ToString());

    [Fact]
    public void Semicolon_colour_does_not_swallow_the_next_attribute()
    {
        Cell cell = First("38;5;1;1");
        Assert.Equal("1", cell.Foreground.ToString());
        Assert.Equal(CellFlags.Bold, cell.Flags);
    }

    [Fact]
    public void Underline_colour_goes_to_the_cell_extra()
    {
        var terminal = ScreenText.Run(4, 1, "\u001b[4;58;2;255;0;0mX\u001b[59mY");
        ScreenSnapshot snapshot = terminal.Snapshot();
        Assert.Equal(Color.FromRgb(255, 0, 0), snapshot.GetExtra(snapshot.GetRow(0)[0].ExtraId)!.UnderlineColor);
        Assert.Equal(0, snapshot.GetRow(0)[1].ExtraId);
    }

    [Fact]
    public void Erase_uses_the_current_background_only()
    {
        var terminal = ScreenText.Run(3, 1, "\u001b[1;4;41m\u001b[2K");
        Cell cell = terminal.Snapshot().GetRow(0)[2];
        Assert.Equal(Color.Indexed(1), cell.Background);
        Assert.Equal(CellFlags.None, cell.Flags);
        Assert.Equal(UnderlineStyle.None, cell.Underline);
    }
}
