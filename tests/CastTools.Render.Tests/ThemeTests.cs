using CastTools.Asciicast;
using CastTools.Vt;

namespace CastTools.Render.Tests;

public sealed class ThemeTests
{
    [Fact]
    public void At_least_twenty_well_known_themes_are_built_in_and_all_load()
    {
        string[] required =
        [
            "asciinema", "dracula", "monokai", "nord", "solarized-dark", "solarized-light", "github-dark", "github-light",
            "gruvbox-dark", "gruvbox-light", "tokyo-night", "catppuccin-mocha", "catppuccin-macchiato", "catppuccin-frappe",
            "catppuccin-latte", "one-dark", "kanagawa", "tango",
        ];
        Assert.True(Theme.BuiltInNames.Count >= 20);
        foreach (string name in required)
        {
            Assert.Contains(name, Theme.BuiltInNames);
        }

        foreach (string name in Theme.BuiltInNames)
        {
            Theme theme = Theme.Load(name);
            Assert.Equal(name, theme.Name);
            Assert.Equal(16, theme.Palette.Count);
            Assert.NotEqual(theme.Foreground, theme.Background);
        }
    }

    [Fact]
    public void Built_in_names_are_case_insensitive_and_values_match_upstream()
    {
        Theme dracula = Theme.Load("Dracula");
        Assert.Equal(new Rgb(0x28, 0x2a, 0x36), dracula.Background);
        Assert.Equal(new Rgb(0xff, 0x55, 0x55), dracula.Palette[1]);
        Theme asciinema = Theme.Load("asciinema");
        Assert.Equal(Theme.Default.Background, asciinema.Background);
        Assert.Equal(Theme.Default.Palette, asciinema.Palette);
    }

    [Fact]
    public void An_unknown_theme_names_the_nearest_built_in_ones()
    {
        var e = Assert.Throws<ThemeException>(() => Theme.Load("draculla"));
        Assert.Contains("unknown theme 'draculla'", e.Message);
        Assert.Contains("nearest: dracula", e.Message);
        Assert.Contains("casttools themes", e.Message);
    }

    [Fact]
    public void Aggs_hex_list_works_with_10_or_18_colours()
    {
        Theme eight = Theme.Load("282a36,f8f8f2,000000,ff5555,50fa7b,f1fa8c,bd93f9,ff79c6,8be9fd,bbbbbb");
        Assert.Equal(new Rgb(0x28, 0x2a, 0x36), eight.Background);
        Assert.Equal(new Rgb(0xf8, 0xf8, 0xf2), eight.Foreground);
        Assert.Equal(new Rgb(0xff, 0x55, 0x55), eight.Palette[1]);
        Assert.Equal(eight.Palette[1], eight.Palette[9]);

        Theme sixteen = Theme.Load("#000000,#ffffff," + string.Join(',', Enumerable.Range(0, 16).Select(i => $"{i:x2}0000")));
        Assert.Equal(new Rgb(15, 0, 0), sixteen.Palette[15]);

        Assert.Contains("10 or 18", Assert.Throws<ThemeException>(() => Theme.Load("000000,ffffff,ff0000")).Message);
        Assert.Contains("item 3 'zz0000'", Assert.Throws<ThemeException>(() => Theme.Load("000000,ffffff,zz0000,1,2,3,4,5,6,7")).Message);
    }

    [Fact]
    public void A_theme_file_loads_and_its_errors_name_file_and_line()
    {
        string dir = Directory.CreateTempSubdirectory("casttools-theme").FullName;
        try
        {
            string good = Path.Combine(dir, "mine.json");
            File.WriteAllText(good, """
                {
                  "name": "mine",
                  "foreground": "#eeeeee",
                  "background": "#111111",
                  "palette": ["#000000", "#aa0000", "#00aa00", "#aaaa00", "#0000aa", "#aa00aa", "#00aaaa", "#aaaaaa"]
                }
                """);
            Theme theme = Theme.Load(good);
            Assert.Equal("mine", theme.Name);
            Assert.Equal(new Rgb(0xaa, 0, 0), theme.Palette[9]);

            string badColour = Path.Combine(dir, "bad.json");
            File.WriteAllText(badColour, "{\n  \"foreground\": \"#eeeeee\",\n  \"background\": \"#111111\",\n  \"palette\": [\n    \"#000000\", \"red\"\n  ]\n}\n");
            var e = Assert.Throws<ThemeException>(() => Theme.Load(badColour));
            Assert.StartsWith($"{badColour}:5: \"palette[1]\": 'red' is not a colour", e.Message);

            string syntax = Path.Combine(dir, "syntax.json");
            File.WriteAllText(syntax, "{\n  \"foreground\": \"#eeeeee\"\n  \"background\": \"#111111\"\n}\n");
            Assert.StartsWith($"{syntax}:3: not valid JSON", Assert.Throws<ThemeException>(() => Theme.Load(syntax)).Message);

            string missing = Path.Combine(dir, "missing.json");
            File.WriteAllText(missing, "{ \"foreground\": \"#eeeeee\", \"background\": \"#111111\" }");
            Assert.Contains("missing \"palette\"", Assert.Throws<ThemeException>(() => Theme.Load(missing)).Message);

            Assert.Contains("no such theme file", Assert.Throws<ThemeException>(() => Theme.Load(Path.Combine(dir, "nope.json"))).Message);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void A_cast_header_theme_becomes_a_theme()
    {
        var cast = new CastTheme("#dddddd", "#101010", ["#000000", "#ff0000", "#00ff00", "#ffff00", "#0000ff", "#ff00ff", "#00ffff", "#ffffff"]);
        Theme theme = Theme.FromCast(cast);
        Assert.Equal(new Rgb(0x10, 0x10, 0x10), theme.Background);
        Assert.Equal(new Rgb(0xff, 0, 0), theme.Palette[9]);
        Assert.Throws<ThemeException>(() => Theme.FromCast(cast with { Foreground = "nope" }));
        Assert.Throws<ThemeException>(() => Theme.FromCast(cast with { Palette = ["#000000"] }));
    }
}
