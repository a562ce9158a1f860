using CastTools.Asciicast;
using CastTools.Render.Pipeline;
using CastTools.Vt;

namespace CastTools.Render.Tests.Pipeline;

public sealed class TerminalReplayTests
{
    private static CastEvent Out(double seconds, string data) => new((long)(seconds * 1_000_000), CastEvent.Output, data);

    [Fact]
    public void Yields_the_screen_after_each_output_event_at_its_time()
    {
        var replay = new TerminalReplay(new Terminal(10, 2));

        List<TimedSnapshot> frames = replay.Run([Out(0.5, "ab"), new(700_000, CastEvent.Marker, "m"), Out(1, "c")]).ToList();

        Assert.Equal([500_000L, 1_000_000L], frames.Select(f => f.Time));
        Assert.Equal(["ab", "abc"], frames.Select(f => f.Snapshot.GetRowText(0)));
        Assert.Equal(1_000_000, replay.EndUs);
    }

    [Fact]
    public void Nothing_is_shown_inside_synchronized_output()
    {
        var replay = new TerminalReplay(new Terminal(10, 2));

        List<TimedSnapshot> frames = replay.Run(
        [
            Out(0, "a"),
            Out(1, "\u001b[?2026h\u001b[2J\u001b[Hhalf"),
            Out(2, " done"),
            Out(3, "\u001b[?2026l"),
        ]).ToList();

        Assert.Equal(["a", "half done"], frames.Select(f => f.Snapshot.GetRowText(0)));
        Assert.Equal(3_000_000, frames[^1].Time);
    }

    [Fact]
    public void Synchronized_output_is_applied_when_asked_for_the_state_at_a_moment()
    {
        var replay = new TerminalReplay(new Terminal(10, 2), hideSynchronizedUpdates: false);

        List<TimedSnapshot> frames = replay.Run([Out(0, "\u001b[?2026hx")]).ToList();

        Assert.Equal("x", frames[^1].Snapshot.GetRowText(0));
    }

    [Fact]
    public void Resize_events_resize_the_terminal_unless_the_size_is_fixed()
    {
        CastEvent[] events = [Out(0, "a"), new(1_000_000, CastEvent.Resize, "20x5"), Out(2, "b")];

        List<TimedSnapshot> resized = new TerminalReplay(new Terminal(10, 2)).Run(events).ToList();
        List<TimedSnapshot> fixedSize = new TerminalReplay(new Terminal(10, 2), honourResizes: false).Run(events).ToList();

        Assert.Equal((20, 5), (resized[^1].Snapshot.Columns, resized[^1].Snapshot.Rows));
        Assert.Equal((10, 2), (fixedSize[^1].Snapshot.Columns, fixedSize[^1].Snapshot.Rows));
    }

    [Fact]
    public void A_recording_without_output_still_has_one_frame_at_zero()
    {
        List<TimedSnapshot> frames = new TerminalReplay(new Terminal(4, 1)).Run([new(5_000_000, CastEvent.Marker, "")]).ToList();

        Assert.Equal(0, Assert.Single(frames).Time);
    }

    [Theory]
    [InlineData("80x24", true, 80, 24)]
    [InlineData("132x50", true, 132, 50)]
    [InlineData("0x24", false, 0, 0)]
    [InlineData("80x", false, 0, 0)]
    [InlineData("-1x5", false, 0, 0)]
    [InlineData("80 x 24", false, 0, 0)]
    public void Resize_data_is_parsed_strictly(string data, bool ok, int columns, int rows)
    {
        Assert.Equal(ok, TerminalReplay.TryParseSize(data, out int c, out int r));
        if (ok)
        {
            Assert.Equal((columns, rows), (c, r));
        }
    }

    [Fact]
    public void The_canvas_size_is_the_largest_width_and_height_ever_seen()
    {
        CastEvent[] events = [new(0, CastEvent.Resize, "100x10"), Out(1, "x"), new(2, CastEvent.Resize, "50x40"), new(3, CastEvent.Resize, "junk")];

        Assert.Equal((100, 40), RecordingSize.Largest(80, 24, events));
    }
}
