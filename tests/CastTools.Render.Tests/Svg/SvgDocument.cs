using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CastTools.Render.Tests.Svg;

/// <summary>An SVG output parsed with System.Xml, with the checks every output must pass.</summary>
internal sealed partial class SvgDocument
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    public SvgDocument(string svg)
    {
        Text = svg;
        Xml = XDocument.Parse(svg); // throws on anything that is not well-formed XML
    }

    public string Text { get; }

    public XDocument Xml { get; }

    public string Style => string.Concat(Xml.Descendants(Ns + "style").Select(s => s.Value));

    /// <summary>The animation's keyframes: (percent, frame index from translateX).</summary>
    public List<(double Percent, int Frame)> Keyframes(int frameWidth)
    {
        var list = new List<(double, int)>();
        foreach (Match m in KeyframeRegex().Matches(Style))
        {
            double percent = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            double x = m.Groups[2].Success ? double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
            list.Add((percent, (int)Math.Round(-x / frameWidth)));
        }

        return list;
    }

    public double AnimationSeconds => double.Parse(AnimationRegex().Match(Style).Groups[1].Value, CultureInfo.InvariantCulture);

    public int Width => int.Parse(Xml.Root!.Attribute("width")!.Value, CultureInfo.InvariantCulture);

    /// <summary>The frames of the strip: drawn groups and references to earlier frames, in order.</summary>
    public List<XElement> Frames()
    {
        XElement strip = Xml.Descendants(Ns + "g").Single(g => (string?)g.Attribute("class") == "s");
        return strip.Elements().Where(e => e.Name != Ns + "defs").ToList();
    }

    /// <summary>The CSS rules of the document's classes: class name → property → value.</summary>
    public Dictionary<string, Dictionary<string, string>> ClassRules()
    {
        var rules = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (Match m in ClassRuleRegex().Matches(Style))
        {
            rules[m.Groups[1].Value] = m.Groups[2].Value.Split(';', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split(':', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        }

        return rules;
    }

    /// <summary>A property as the element gets it: from its class rule or attribute, else inherited from its parents.</summary>
    public string? Inherited(XElement element, string property)
    {
        Dictionary<string, Dictionary<string, string>> rules = ClassRules();
        for (XElement? e = element; e is not null; e = e.Parent)
        {
            if ((string?)e.Attribute("class") is { } cls && rules.TryGetValue(cls, out Dictionary<string, string>? rule)
                && rule.TryGetValue(property, out string? value))
            {
                return value;
            }

            if ((string?)e.Attribute(property) is { } attribute)
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>The fill a text element or tspan is drawn with.</summary>
    public string? FillOf(XElement element) => Inherited(element, "fill");

    /// <summary>The embedded font faces: (bold, italic, WOFF data).</summary>
    public List<(bool Bold, bool Italic, byte[] Woff)> Faces() =>
        FontFaceRegex().Matches(Style).Select(m => (m.Groups[1].Value.Contains("font-weight:700", StringComparison.Ordinal),
            m.Groups[1].Value.Contains("font-style:italic", StringComparison.Ordinal), Convert.FromBase64String(m.Groups[2].Value))).ToList();

    public int CountDefinitions(string element) => Xml.Descendants(Ns + "defs").Elements(Ns + element).Count();

    /// <summary>Asserts what makes an SVG inert and self-contained in an &lt;img&gt; context.</summary>
    public void AssertInertAndSelfContained()
    {
        Assert.Equal(Ns + "svg", Xml.Root!.Name);
        foreach (XElement element in Xml.Descendants())
        {
            string name = element.Name.LocalName.ToLowerInvariant();
            Assert.NotEqual("script", name);
            Assert.NotEqual("foreignobject", name);
            Assert.NotEqual("a", name);
            Assert.Equal(Ns, element.Name.Namespace);
            foreach (XAttribute attribute in element.Attributes())
            {
                string local = attribute.Name.LocalName.ToLowerInvariant();
                Assert.False(local.StartsWith("on", StringComparison.Ordinal), $"event handler attribute {attribute}");
                if (local == "href")
                {
                    string value = attribute.Value;
                    Assert.True(
                        HrefRegex().IsMatch(value) || value.StartsWith("data:image/png;base64,", StringComparison.Ordinal),
                        $"href must be a local #id or an embedded PNG: {value[..Math.Min(value.Length, 60)]}");
                }

                foreach (Match url in UrlRegex().Matches(attribute.Value))
                {
                    Assert.Matches("^#[A-Za-z][A-Za-z0-9]*$", url.Groups[1].Value);
                }
            }
        }

        foreach (Match url in UrlRegex().Matches(Style))
        {
            string target = url.Groups[1].Value;
            Assert.True(target.StartsWith('#') || target.StartsWith("data:font/", StringComparison.Ordinal), $"external url() in style: {target}");
        }

        Assert.DoesNotContain("@import", Style, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"([0-9.]+)%\{transform:translateX\((?:(-?[0-9.]+)px|0)\)\}")]
    private static partial Regex KeyframeRegex();

    [GeneratedRegex(@"animation:k ([0-9.]+)s")]
    private static partial Regex AnimationRegex();

    [GeneratedRegex(@"(?<![A-Za-z0-9-])\.([A-Za-z][A-Za-z0-9]*)\{([^}]*)\}")]
    private static partial Regex ClassRuleRegex();

    [GeneratedRegex(@"@font-face\{([^}]*?)src:url\(data:font/woff;base64,([A-Za-z0-9+/=]+)\)\}")]
    private static partial Regex FontFaceRegex();

    [GeneratedRegex("^#[A-Za-z][A-Za-z0-9]*$")]
    private static partial Regex HrefRegex();

    [GeneratedRegex(@"url\(([^)]*)\)")]
    private static partial Regex UrlRegex();
}
