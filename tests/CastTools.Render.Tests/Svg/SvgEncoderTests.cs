using System.Xml.Linq;
using CastTools.Vt;

namespace CastTools.Render.Tests.Svg;

public sealed class SvgEncoderTests
{
    private static readonly (string, long)[] Typing =
    [
        ("$ ", 0),
        ("l", 400_000),
        ("s", 650_000),
        ("\r\nREADME.md  src  \u001b[34mtests\u001b[0m\r\n$ ", 1_500_000),
        ("e", 1_517_000), // closer than a frame at 60 fps: still its own keyframe, at its exact time
        ("x", 3_900_000),
    ];

    [Fact]
    public void Output_is_well_formed_xml_without_scripts_or_external_references()
    {
        var svg = new SvgDocument(SvgTestRenderer.Render(40, 6,
        [
            ("\u001b[1;31mred\u001b[0m 世界 🙂 👍🏽 ┌─┐ ⠿ \ue0b0 \u001b[4:3mcurly\u001b[0m \u001b[9mstrike\u001b[0m\r\n", 0),
            ("\u001b]8;;https://example.com/\u0007link\u001b]8;;\u0007 \u001b]0;title\u0007", 500_000),
        ]));

        svg.AssertInertAndSelfContained();
        Assert.Equal(2, svg.CountDefinitions("image")); // the emoji are embedded PNGs
        Assert.DoesNotContain("example.com", svg.Text, StringComparison.Ordinal); // hyperlinks are not followed
    }

    [Fact]
    public void Text_printed_by_the_recording_never_becomes_markup()
    {
        const string Hostile = "<script>alert(1)</script> ]]> <![CDATA[ x ]]> \"quoted\" 'single' &amp; & <!-- --> \u0001\u0007\u007f <svg onload=alert(1)>";
        string title = "demo " + Hostile + " \ud800 lone surrogate";
        foreach ((bool text, bool paths) in new[] { (false, false), (true, false), (false, true) })
        {
            string output = SvgTestRenderer.Render(100, 4, [(Hostile + "\r\n\u001b]2;" + Hostile + "\u0007", 0)], title: title, text: text, paths: paths);
            var svg = new SvgDocument(output);
            svg.AssertInertAndSelfContained();
            Assert.DoesNotContain(svg.Xml.Descendants(), e => e.Name.LocalName == "script");
            Assert.Null(svg.Xml.Descendants().Attributes().FirstOrDefault(a => a.Name.LocalName == "onload"));

            // The title survives as text, with the characters XML cannot hold replaced.
            string parsedTitle = svg.Xml.Root!.Element(SvgDocument.Ns + "title")!.Value;
            Assert.StartsWith("demo <script>alert(1)</script> ]]> <![CDATA[ x ]]> \"quoted\" 'single' &amp; & <!-- --> \ufffd\ufffd\ufffd", parsedTitle);
            Assert.EndsWith("\ufffd lone surrogate", parsedTitle);
            if (!text && !paths)
            {
                // The printed line is text: the same characters, as characters.
                Assert.Contains(svg.Xml.Descendants(SvgDocument.Ns + "text"), t => t.Value.StartsWith("<script>alert(1)</script> ]]> <![CDATA[ x ]]> \"quoted\"", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void Each_frame_gets_a_keyframe_at_its_exact_time()
    {
        var svg = new SvgDocument(SvgTestRenderer.Render(30, 4, Typing, lastDurationUs: 2_000_000));
        long total = 3_900_000 + 2_000_000;

        Assert.Equal(total / 1e6, svg.AnimationSeconds, 3);
        var keyframes = svg.Keyframes(svg.Width);
        Assert.Equal(Typing.Length, keyframes.Count);
        for (int i = 0; i < Typing.Length; i++)
        {
            Assert.Equal(i, keyframes[i].Frame);
            double atMs = keyframes[i].Percent / 100 * total / 1000;
            Assert.InRange(atMs, (Typing[i].Item2 / 1000.0) - 1, (Typing[i].Item2 / 1000.0) + 1);
        }

        Assert.Equal(Typing.Length, svg.Frames().Count);
        Assert.Contains("infinite", svg.Style, StringComparison.Ordinal);
    }

    [Fact]
    public void A_loop_count_plays_that_many_times_and_stays_on_the_last_frame()
    {
        var svg = new SvgDocument(SvgTestRenderer.Render(30, 4, Typing, loopCount: 2));

        Assert.Contains("steps(1,end) 2 forwards", svg.Style, StringComparison.Ordinal);
        (double percent, int frame) = svg.Keyframes(svg.Width)[^1];
        Assert.Equal(100, percent);
        Assert.Equal(Typing.Length - 1, frame);
    }

    [Fact]
    public void A_screen_seen_before_is_a_reference_to_the_earlier_frame()
    {
        // A spinner: the same three screens again and again.
        var steps = new List<(string, long)>();
        string[] spinner = ["|", "/", "-"];
        for (int i = 0; i < 12; i++)
        {
            steps.Add(("\r" + spinner[i % 3], i * 100_000));
        }

        var svg = new SvgDocument(SvgTestRenderer.Render(10, 2, steps));
        List<XElement> frames = svg.Frames();

        Assert.Equal(12, frames.Count);
        Assert.Equal(3, frames.Count(f => f.Name == SvgDocument.Ns + "g")); // drawn once each
        for (int i = 3; i < 12; i++)
        {
            XElement reference = frames[i];
            Assert.Equal(SvgDocument.Ns + "use", reference.Name);
            Assert.Equal("#" + (string)frames[i % 3].Attribute("id")!, (string)reference.Attribute("href")!);
            Assert.Equal((i - (i % 3)) * svg.Width, (int)reference.Attribute("x")!);
        }
    }

    [Fact]
    public void Identical_rows_and_glyphs_are_defined_once()
    {
        string line = "the same line of text\r\n";
        var svg = new SvgDocument(SvgTestRenderer.Render(30, 6, [(line + line + line + line + "x", 0)], paths: true));

        XElement frame = svg.Frames().Single();
        List<string> rowRefs = frame.Elements(SvgDocument.Ns + "use").Select(u => (string)u.Attribute("href")!).ToList();
        Assert.Equal(6, rowRefs.Count); // four text rows, the "x" row, and the cursor drawn over it
        Assert.Single(rowRefs.Take(4).Distinct());
        Assert.NotEqual(rowRefs[4], rowRefs[5]);

        // "the same line of text" has 12 distinct letters (x included): one outline each, however often they appear.
        Assert.Equal(12, svg.CountDefinitions("path"));
    }

    [Fact]
    public void Colours_come_from_the_theme_through_the_shared_resolver()
    {
        Theme theme = SvgTestRenderer.Style.Theme;
        var svg = new SvgDocument(SvgTestRenderer.Render(20, 2, [("\u001b[31mA\u001b[44m \u001b[0m", 0)]));
        var paths = new SvgDocument(SvgTestRenderer.Render(20, 2, [("\u001b[31mA\u001b[44m \u001b[0m", 0)], paths: true));

        string red = Hex(theme.Palette[1]);
        string blue = Hex(theme.Palette[4]);
        Assert.Equal(red, svg.FillOf(Assert.Single(svg.Xml.Descendants(SvgDocument.Ns + "text"), t => t.Value == "A"))); // the glyph
        Assert.Contains(paths.Xml.Descendants(), e => e.Name != SvgDocument.Ns + "rect" && (string?)e.Attribute("fill") == red);
        Assert.Contains(svg.Xml.Descendants(SvgDocument.Ns + "rect"), r => (string?)r.Attribute("fill") == blue);
        Assert.Equal(Hex(theme.Background), (string)svg.Xml.Root!.Element(SvgDocument.Ns + "rect")!.Attribute("fill")!);
    }

    [Fact]
    public void A_still_shows_the_screen_at_the_requested_moment_without_animation()
    {
        string still = SvgTestRenderer.Render(30, 4, Typing, stillAtUs: 700_000);
        var svg = new SvgDocument(still);

        Assert.DoesNotContain("animation", svg.Style, StringComparison.Ordinal);
        Assert.DoesNotContain("@keyframes", still, StringComparison.Ordinal);
        Assert.Empty(new SvgDocument(SvgTestRenderer.Render(30, 4, Typing, stillAtUs: 700_000, paths: true)).Style);

        // Exactly what a one-frame recording of the same screen ("$ ls") gives.
        string expected = SvgTestRenderer.Render(30, 4, [("$ ls", 0)], stillAtUs: 0);
        Assert.Equal(expected, still);
    }

    [Fact]
    public void The_same_input_gives_byte_identical_output()
    {
        Assert.Equal(SvgTestRenderer.Render(30, 4, Typing), SvgTestRenderer.Render(30, 4, Typing));
    }

    [Fact]
    public void The_canvas_matches_the_rasteriser()
    {
        using var raster = new Rasterizer(SvgTestRenderer.Style, 30, 4);
        var svg = new SvgDocument(SvgTestRenderer.Render(30, 4, Typing));

        Assert.Equal(raster.Width, svg.Width);
        Assert.Equal(raster.Height, int.Parse(svg.Xml.Root!.Attribute("height")!.Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string Hex(Rgb c) => $"#{c.R:x2}{c.G:x2}{c.B:x2}" is var s && s[1] == s[2] && s[3] == s[4] && s[5] == s[6] ? $"#{s[1]}{s[3]}{s[5]}" : $"#{c.R:x2}{c.G:x2}{c.B:x2}";
}
