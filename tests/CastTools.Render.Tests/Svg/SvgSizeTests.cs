using System.Xml.Linq;

namespace CastTools.Render.Tests.Svg;

/// <summary>
/// The encoding choices that keep animated SVGs small (smaller than svg-term-cli's on the samples): each test
/// would catch a change that makes typical recordings grow with the square of their length or repeat what is
/// already defined, without depending on byte counts. Glyph-level choices are tested in the path mode
/// (<c>--svg-paths</c>), where each glyph is an element; the default's text is in <see cref="SvgFontTests"/>.
/// </summary>
public sealed class SvgSizeTests
{
    private static readonly XNamespace Ns = SvgDocument.Ns;

    [Fact]
    public void A_typed_character_costs_a_reference_to_the_previous_line_plus_one_glyph()
    {
        var svg = new SvgDocument(SvgTestRenderer.Render(30, 4, [("$ ", 0), ("l", 400_000), ("s", 650_000), ("x", 900_000)], paths: true));
        List<XElement> frames = svg.Frames();
        Assert.Equal(4, frames.Count);

        for (int i = 2; i < 4; i++)
        {
            XElement row = Definition(svg, RowReference(frames[i]));
            XElement previousRow = Definition(svg, RowReference(frames[i - 1]));
            List<XElement> uses = row.Descendants(Ns + "use").ToList();
            Assert.Equal(2, uses.Count); // the previous look of the line, and the new letter
            Assert.Equal("#" + (string)previousRow.Attribute("id")!, (string)uses[0].Attribute("href")!);
        }
    }

    [Fact]
    public void The_cursor_moving_over_a_line_does_not_redefine_the_line()
    {
        var svg = new SvgDocument(SvgTestRenderer.Render(30, 2, [("hello world", 0), ("\u001b[D", 100_000), ("\u001b[D", 200_000), ("\u001b[D", 300_000)]));
        List<XElement> frames = svg.Frames();
        Assert.Equal(4, frames.Count);
        Assert.Single(frames.Select(RowReference).Distinct());

        // The overlay is drawn in its cell's coordinates and placed with x: one definition for a blank cell anywhere.
        var cursorX = frames.Select(f => (string?)f.Elements(Ns + "use").Last().Attribute("x")).ToList();
        Assert.Equal(4, cursorX.Distinct().Count());
    }

    [Fact]
    public void A_word_seen_again_is_one_reference_and_glyph_outlines_are_stored_once()
    {
        var svg = new SvgDocument(SvgTestRenderer.Render(30, 4, [("lorem ipsum\r\nipsum lorem\r\nx lorem", 0)], paths: true));

        // "lorem" (five glyphs) is inline the first time, then defined once and referenced by the next two rows.
        XElement word = Assert.Single(svg.Xml.Descendants(Ns + "defs").Elements(Ns + "g"),
            g => g.Elements(Ns + "use").Count() == 5 && g.Elements(Ns + "use").First().Attribute("x") is null
                && References(svg, (string)g.Attribute("id")!) == 2);
        Assert.All(word.Elements(Ns + "use"), u => Assert.Null(u.Attribute("fill"))); // takes the colour of its place

        // One outline per distinct letter: l o r e m i p s u x.
        Assert.Equal(10, svg.CountDefinitions("path"));

        // Glyphs in the default foreground inherit the document's fill instead of naming it per row.
        string fill = (string)svg.Xml.Root!.Attribute("fill")!;
        Assert.DoesNotContain(svg.Xml.Descendants(), e => e.Name != Ns + "rect" && e.Name != Ns + "svg" && (string?)e.Attribute("fill") == fill);
    }

    [Fact]
    public void Rows_above_the_line_being_typed_are_one_shared_block()
    {
        var svg = new SvgDocument(SvgTestRenderer.Render(20, 6, [("one\r\ntwo\r\nthree\r\nfour\r\n$ ", 0), ("a", 100_000), ("b", 200_000), ("c", 300_000)]));
        List<XElement> frames = svg.Frames();

        // From the third frame on, the four unchanged rows are a single reference, with no y of their own.
        for (int i = 2; i < 4; i++)
        {
            XElement block = Definition(svg, (string)frames[i].Elements(Ns + "use").First().Attribute("href")!);
            Assert.Equal(4, block.Elements(Ns + "use").Count());
        }

        Assert.Equal(
            (string)frames[2].Elements(Ns + "use").First().Attribute("href")!,
            (string)frames[3].Elements(Ns + "use").First().Attribute("href")!);
    }

    [Fact]
    public void A_run_of_one_character_costs_a_reference_per_set_bit_of_its_length()
    {
        // 25 bars = 16 + 8 + 1: three references in the row, each a doubling definition (htop's meters).
        var svg = new SvgDocument(SvgTestRenderer.Render(30, 2, [(new string('|', 25), 0)], paths: true));
        XElement row = Definition(svg, RowReference(svg.Frames().Single()));
        Assert.Equal(3, row.Descendants(Ns + "use").Count());
        Assert.Equal(1, svg.CountDefinitions("path")); // the outline, once
    }

    [Fact]
    public void The_definition_table_stays_bounded_and_keeps_its_ids_valid()
    {
        var definitions = new CastTools.Render.Svg.SvgDefinitions();
        string first = definitions.GetOrAdd("row 0", 0, static (b, id, _) => b.Append(id));
        for (int i = 1; i <= CastTools.Render.Svg.SvgDefinitions.MaxEntries; i++)
        {
            definitions.GetOrAdd("row " + i, 0, static (b, id, _) => b.Append(id));
            Assert.True(definitions.Count <= CastTools.Render.Svg.SvgDefinitions.MaxEntries);
        }

        // Forgotten, so defined again, under a new id (the old one stays defined in the document).
        Assert.NotEqual(first, definitions.GetOrAdd("row 0", 0, static (b, id, _) => b.Append(id)));
        Assert.Equal(2, definitions.Count);
    }

    // The reference to row 0 in a drawn frame: its first <use> (rows are placed by y, row 0 has none).
    private static string RowReference(XElement frame) =>
        (string)frame.Elements(Ns + "use").First(u => u.Attribute("y") is null && u.Attribute("x") is null).Attribute("href")!;

    private static XElement Definition(SvgDocument svg, string href) =>
        svg.Xml.Descendants().Single(e => (string?)e.Attribute("id") == href.TrimStart('#'));

    private static int References(SvgDocument svg, string id) =>
        svg.Xml.Descendants(Ns + "use").Count(u => (string?)u.Attribute("href") == "#" + id);
}
