using System.Text;
using CastTools.Render.Pipeline;
using CastTools.Render.Svg;
using CastTools.Vt;

namespace CastTools.Render.Tests.Svg;

/// <summary>Feeds text through the real terminal and the SVG encoder, one frame per step.</summary>
internal static class SvgTestRenderer
{
    public static readonly RenderStyle Style = new();

    /// <param name="steps">Text to feed and the frame's start time (µs); each frame lasts until the next one.</param>
    public static string Render(int columns, int rows, IReadOnlyList<(string Text, long TimeUs)> steps, long lastDurationUs = 1_000_000,
        long? stillAtUs = null, int loopCount = 0, string? title = null, bool text = false, RenderStyle? style = null, bool paths = false)
    {
        var terminal = new Terminal(columns, rows);
        var options = new SvgOptions { Look = style ?? Style, StillAtUs = stillAtUs, Title = title, Text = text, Paths = paths };
        using var output = new MemoryStream();
        using (var encoder = new SvgEncoder(options))
        {
            var info = new FrameStreamInfo(0, 0, columns, rows, loopCount, null, new RenderOptions());
            encoder.Begin(output, info);
            for (int i = 0; i < steps.Count; i++)
            {
                terminal.Feed(steps[i].Text);
                long duration = i + 1 < steps.Count ? steps[i + 1].TimeUs - steps[i].TimeUs : lastDurationUs;
                encoder.AddFrame(new FrameData(terminal.Snapshot(), default, 0, steps[i].TimeUs, duration));
            }

            encoder.Finish();
        }

        return Encoding.UTF8.GetString(output.ToArray());
    }
}
