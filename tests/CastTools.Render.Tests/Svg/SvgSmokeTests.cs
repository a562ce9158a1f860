namespace CastTools.Render.Tests.Svg;

public sealed class SvgSmokeTests
{
    [Fact]
    public void Writes_a_sample_for_viewing()
    {
        string svg = SvgTestRenderer.Render(40, 8,
        [
            ("\u001b[1;32m$\u001b[0m echo héllo 世界 🙂\r\n", 0),
            ("héllo \u001b[4mworld\u001b[0m \u001b[7minv\u001b[0m \u001b[3mitalic\u001b[0m \u001b[1mbold\u001b[0m\r\n", 500_000),
            ("┌──┬──┐ ▀▄█░▒▓ ⠿⡇ \ue0b0\r\n└──┴──┘ \u001b[41;97m red \u001b[0m \u001b[4:3mcurly\u001b[0m\r\n", 1_200_000),
            ("\u001b[1;32m$\u001b[0m ", 2_000_000),
        ]);
        File.WriteAllText("/tmp/vid/smoke.svg", svg);
        var terminal = new CastTools.Vt.Terminal(40, 8);
        terminal.Feed("\u001b[1;32m$\u001b[0m echo héllo 世界 🙂\r\n" + "héllo \u001b[4mworld\u001b[0m \u001b[7minv\u001b[0m \u001b[3mitalic\u001b[0m \u001b[1mbold\u001b[0m\r\n"
            + "┌──┬──┐ ▀▄█░▒▓ ⠿⡇ \ue0b0\r\n└──┴──┘ \u001b[41;97m red \u001b[0m \u001b[4:3mcurly\u001b[0m\r\n" + "\u001b[1;32m$\u001b[0m ");
        using var raster = new Rasterizer(SvgTestRenderer.Style, 40, 8);
        raster.Draw(terminal.Snapshot());
        using FileStream png = File.Create("/tmp/vid/smoke-raster.png");
        raster.SavePng(png);
    }
}
