using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CastTools.Render.Tests.Svg;

/// <summary>
/// The default SVG mode: rows are text in an embedded font made of the drawn outlines. These tests read the font
/// back (<see cref="WoffFont"/>) and check what a browser would do with the text: every character it draws comes
/// from that font, at exactly its cells, in the colour and face of its cell.
/// </summary>
public sealed partial class SvgFontTests
{
    private static readonly XNamespace Ns = SvgDocument.Ns;

    [Fact]
    public void A_row_is_one_text_element_with_the_screen_text_and_long_gaps_as_moves()
    {
        var svg = new SvgDocument(SvgTestRenderer.Render(60, 2, [("  ls -la  a&b <x>" + new string(' ', 20) + "end", 0)]));
        XElement text = Assert.Single(svg.Xml.Descendants(Ns + "text"));
        int cell = CellWidth(svg);

        // Short gaps are spaces; the 20-cell gap is a tspan placed with x, so "end" lands on its column.
        Assert.Equal(2 * cell, (int)text.Attribute("x")!);
        Assert.Equal("ls -la  a&b <x>end", text.Value);
        XElement moved = Assert.Single(text.Elements(Ns + "tspan"));
        Assert.Equal("end", moved.Value);
        Assert.Equal((2 + 15 + 20) * cell, (int)moved.Attribute("x")!);
        Assert.Equal("preserve", (string?)svg.Xml.Root!.Attribute(XNamespace.Xml + "space"));
        Assert.Contains("white-space:pre", svg.Style, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_piece_of_text_has_the_colour_of_its_cells_even_inside_text_of_another_colour()
    {
        // Vim's number column: a yellow number, then default text, then green text (most pieces are not default).
        var svg = new SvgDocument(SvgTestRenderer.Render(40, 2, [("\u001b[33m1\u001b[0m \u001b[32mnamespace\u001b[0m Cast \u001b[32mx\u001b[0m", 0)]));
        Theme theme = SvgTestRenderer.Style.Theme;
        string root = (string)svg.Xml.Root!.Attribute("fill")!;
        XElement text = Assert.Single(svg.Xml.Descendants(Ns + "text"));
        var pieces = text.DescendantNodes().OfType<XText>().Where(t => t.Value.Trim().Length > 0)
            .Select(t => (Text: t.Value.Trim(), Fill: svg.FillOf(t.Parent!))).ToList();

        Assert.Equal(
            [("1", Hex(theme.Palette[3])), ("namespace", Hex(theme.Palette[2])), ("Cast", root), ("x", Hex(theme.Palette[2]))],
            pieces);
    }

    [Fact]
    public void Every_character_drawn_as_text_is_in_the_font_of_its_face_at_its_cells_width()
    {
        var svg = new SvgDocument(SvgTestRenderer.Render(40, 4,
        [
            ("plain \u001b[1mbold\u001b[0m \u001b[3mitalic\u001b[0m \u001b[1;3mboth\u001b[0m\r\n世界 ┌─┐ ⠿ \ue0b0 é ẞ\r\n", 0),
        ]));
        int cell = CellWidth(svg);
        List<(bool Bold, bool Italic, byte[] Woff)> faces = svg.Faces();
        Assert.Equal(4, faces.Count);
        var fonts = faces.ToDictionary(f => (f.Bold, f.Italic), f => new WoffFont(f.Woff));

        // One em is the CSS font size: units are 1/10 px, the grid of the path definitions.
        double fontSize = double.Parse(FontSizeRegex().Match(svg.Style).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.All(fonts.Values, f => Assert.Equal(f.UnitsPerEm, fontSize * 10, 6));

        int checkedCharacters = 0;
        foreach (XText node in svg.Xml.Descendants(Ns + "text").DescendantNodes().OfType<XText>())
        {
            XElement owner = node.Parent!;
            bool bold = svg.Inherited(owner, "font-weight") == "700";
            bool italic = svg.Inherited(owner, "font-style") == "italic";
            WoffFont font = fonts[(bold, italic)];
            foreach (Rune rune in node.Value.EnumerateRunes())
            {
                Assert.True(font.Cmap.TryGetValue(rune.Value, out int glyph), $"U+{rune.Value:X4} is not in the {(bold, italic)} face");
                int cells = rune.Value is '世' or '界' ? 2 : 1;
                Assert.Equal(cells * cell * 10, font.Advances[glyph]);
                checkedCharacters += rune.Value == ' ' ? 0 : 1;
            }
        }

        Assert.Equal(28, checkedCharacters); // every visible character of the screen is text, box drawing included

        // Text in each face: the bold word is in the bold face, with an outline for each letter.
        WoffFont boldFace = fonts[(true, false)];
        Assert.All("bold", c => Assert.True(boldFace.Contours[boldFace.Cmap[c]] > 0));
        Assert.DoesNotContain('p', fonts[(true, false)].Cmap.Keys);
    }

    [Fact]
    public void Cells_a_font_cannot_show_faithfully_stay_paths_and_images()
    {
        // An emoji, a stacked grapheme, a shade and Arabic (browsers would join its letters) beside plain text.
        var svg = new SvgDocument(SvgTestRenderer.Render(30, 2, [("ok 🙂 e\u0301 ░ سلام", 0)]));
        string text = string.Concat(svg.Xml.Descendants(Ns + "text").Select(t => t.Value));

        Assert.Equal("ok", text.Trim());
        Assert.Equal(1, svg.CountDefinitions("image"));
        Assert.True(svg.CountDefinitions("path") + svg.Xml.Descendants(Ns + "defs").Elements(Ns + "g").Count(g => g.Elements(Ns + "path").Any()) >= 3);
    }

    [Fact]
    public void Text_takes_the_same_row_definitions_and_typing_costs_only_the_new_character()
    {
        var svg = new SvgDocument(SvgTestRenderer.Render(30, 4, [("$ ", 0), ("l", 400_000), ("s", 650_000)]));
        List<XElement> frames = svg.Frames();
        XElement last = Definition(svg, (string)frames[2].Elements(Ns + "use").First().Attribute("href")!);

        // The line "$ ls" is the previous line "$ l" plus a text element holding just "s".
        Assert.Single(last.Elements(Ns + "use"));
        Assert.Equal("s", Assert.Single(last.Elements(Ns + "text")).Value);
    }

    [Fact]
    public void The_embedded_faces_pass_the_font_sanitiser_browsers_use()
    {
        string ots = FindOnPath("ots-sanitize")
            ?? throw new InvalidOperationException("ots-sanitize is needed (apt-get install opentype-sanitizer); .ci/run installs it");
        var svg = new SvgDocument(SvgTestRenderer.Render(40, 4,
            [("plain \u001b[1mbold\u001b[0m \u001b[3mitalic\u001b[0m\r\n世界 ┌─┐ ⠿ \ue0b0 é 𝒳 \U0001F130\r\n╭──╮ ▀▄ █", 0)]));
        string folder = Path.Combine(Path.GetTempPath(), "casttools-ots-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            int i = 0;
            foreach ((bool _, bool _, byte[] woff) in svg.Faces())
            {
                string file = Path.Combine(folder, $"{i++}.woff");
                File.WriteAllBytes(file, woff);
                using var process = Process.Start(new ProcessStartInfo(ots, [file, file + ".ttf"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
                string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
                process.WaitForExit();
                Assert.True(process.ExitCode == 0, $"ots-sanitize rejected face {i}: {output}");
            }

            Assert.Equal(3, i); // regular, bold, italic
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Paths_mode_writes_no_text_and_no_font()
    {
        string output = SvgTestRenderer.Render(30, 2, [("hello world", 0)], paths: true);
        var svg = new SvgDocument(output);

        Assert.Empty(svg.Xml.Descendants(Ns + "text"));
        Assert.Empty(svg.Faces());
        Assert.True(svg.CountDefinitions("path") >= 7);
    }

    private static int CellWidth(SvgDocument svg)
    {
        using var raster = new Rasterizer(SvgTestRenderer.Style, 10, 1);
        return raster.CellWidth;
    }

    private static XElement Definition(SvgDocument svg, string href) =>
        svg.Xml.Descendants().Single(e => (string?)e.Attribute("id") == href.TrimStart('#'));

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    private static string Hex(Vt.Rgb c) => $"#{c.R:x2}{c.G:x2}{c.B:x2}" is var s && s[1] == s[2] && s[3] == s[4] && s[5] == s[6] ? $"#{s[1]}{s[3]}{s[5]}" : s;

    [GeneratedRegex(@"text\{font:([0-9.]+)px")]
    private static partial Regex FontSizeRegex();
}
