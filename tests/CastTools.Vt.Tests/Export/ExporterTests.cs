using System.Text.Json;

namespace CastTools.Vt.Tests;

public class ExporterTests
{
    [Fact]
    public void Text_export_has_exactly_rows_lines_trimmed_with_wide_characters_once()
    {
        var terminal = ScreenText.Run(6, 3, "a中b  \r\n\u001b[31mred");
        Assert.Equal("a中b\nred\n\n", ScreenTextExporter.Export(terminal.Snapshot()));
    }

    [Fact]
    public void Json_export_follows_the_documented_shape()
    {
        var terminal = ScreenText.Run(3, 2, "\u001b]2;T\u0007中\u001b[1;3;4;7;2;9;5;8;38;5;208;48;2;1;2;3mx\u001b[?25l");
        using JsonDocument doc = JsonDocument.Parse(ScreenJsonExporter.Export(terminal.Snapshot()));
        JsonElement root = doc.RootElement;
        Assert.Equal(3, root.GetProperty("cols").GetInt32());
        Assert.Equal(2, root.GetProperty("rows").GetInt32());
        Assert.Equal(2, root.GetProperty("cursor").GetProperty("x").GetInt32());
        Assert.Equal(0, root.GetProperty("cursor").GetProperty("y").GetInt32());
        Assert.False(root.GetProperty("cursor").GetProperty("visible").GetBoolean());
        Assert.False(root.GetProperty("altScreen").GetBoolean());
        Assert.Equal("T", root.GetProperty("title").GetString());
        JsonElement row = root.GetProperty("lines")[0];
        Assert.Equal(3, row.GetArrayLength());
        Assert.Equal("中", row[0].GetProperty("ch").GetString());
        Assert.Equal(2, row[0].GetProperty("width").GetInt32());
        Assert.Equal(JsonValueKind.Null, row[0].GetProperty("fg").ValueKind);
        Assert.Equal(string.Empty, row[1].GetProperty("ch").GetString());
        Assert.Equal(0, row[1].GetProperty("width").GetInt32());
        JsonElement x = row[2];
        Assert.Equal(208, x.GetProperty("fg").GetInt32());
        Assert.Equal("#010203", x.GetProperty("bg").GetString());
        foreach (string flag in new[] { "bold", "italic", "underline", "inverse", "dim", "strikethrough", "blink", "invisible" })
        {
            Assert.True(x.GetProperty(flag).GetBoolean(), flag);
        }

        Assert.Equal(" ", root.GetProperty("lines")[1][0].GetProperty("ch").GetString());
    }

    [Fact]
    public void Json_export_is_deterministic() =>
        Assert.Equal(
            ScreenJsonExporter.Export(ScreenText.Run(5, 2, "héllo\u001b[32m 中").Snapshot()),
            ScreenJsonExporter.Export(ScreenText.Run(5, 2, "héllo\u001b[32m 中").Snapshot()));

    [Fact]
    public void Session_text_includes_scrolled_off_lines_and_joins_wrapped_ones()
    {
        var output = new StringWriter();
        var exporter = new SessionTextExporter(output, 4, 2);
        exporter.Terminal.Feed("one\r\ntwo\r\nabcdefgh\r\nlast\r\n");
        exporter.Finish();
        Assert.Equal("one\ntwo\nabcdefgh\nlast\n", output.ToString());
    }

    [Fact]
    public void Session_text_survives_a_resize_and_the_alternate_screen()
    {
        var output = new StringWriter();
        var exporter = new SessionTextExporter(output, 6, 2);
        exporter.Feed("hello\r\nworld!"u8);
        exporter.Resize(3, 2);
        exporter.Feed("\u001b[?1049hvim\r\nstuff\r\nmore\u001b[?1049l\r\nbye"u8);
        exporter.Finish();
        Assert.Equal("hello\nworld!\nbye\n", output.ToString());
    }
}
