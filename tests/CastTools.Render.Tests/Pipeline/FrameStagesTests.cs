using CastTools.Render.Pipeline;
using CastTools.Vt;

namespace CastTools.Render.Tests.Pipeline;

public sealed class FrameStagesTests
{
    private static readonly Dictionary<string, ScreenSnapshot> Screens = new();

    /// <summary>A one-row screen showing <paramref name="text"/>; the same text gives a new, equal-looking instance.</summary>
    private static ScreenSnapshot Screen(string text)
    {
        var row = new Cell[4];
        for (int i = 0; i < row.Length; i++)
        {
            row[i] = Cell.Blank;
            if (i < text.Length)
            {
                row[i].CodePoint = text[i];
            }
        }

        return new ScreenSnapshot(4, [row], new CursorState(0, Math.Min(text.Length, 3), true, CursorShape.Block, false));
    }

    private static List<TimedSnapshot> Frames(params (double Seconds, string Text)[] frames) =>
        frames.Select(f => new TimedSnapshot((long)Math.Round(f.Seconds * 1_000_000), Screen(f.Text))).ToList();

    private static string Describe(IEnumerable<TimedSnapshot> frames) =>
        string.Join(" ", frames.Select(f => $"{f.Time / 1000}ms:{f.Snapshot.GetRowText(0)}"));

    private static string Describe(IEnumerable<TimedFrame> frames) =>
        string.Join(" ", frames.Select(f => $"{f.Time / 1000}+{f.Duration / 1000}ms:{f.Snapshot.GetRowText(0)}"));

    [Fact]
    public void Merge_identical_keeps_the_time_a_look_first_appeared()
    {
        var frames = Frames((0, "a"), (0.1, "a"), (0.2, "ab"), (0.3, "ab"), (0.4, "a"));

        Assert.Equal("0ms:a 200ms:ab 400ms:a", Describe(FrameStages.MergeIdentical(frames)));
    }

    [Fact]
    public void Merge_identical_sees_a_moved_cursor_as_a_change()
    {
        ScreenSnapshot a = Screen("ab");
        var moved = new ScreenSnapshot(4, [a.GetRow(0).ToArray()], a.Cursor with { Column = 0 });

        Assert.Equal(2, FrameStages.MergeIdentical([new(0, a), new(10, moved)]).Count());
    }

    [Fact]
    public void Fps_cap_shows_the_latest_screen_of_each_window_and_keeps_sparse_frames_at_their_times()
    {
        // 10 fps: a burst of four updates within 100 ms shows once, as its final screen.
        var frames = Frames((0, "a"), (0.01, "ab"), (0.02, "abc"), (0.05, "abcd"), (0.5, "x"), (0.55, "y"), (0.7, "w"), (1.0, "z"));

        Assert.Equal("0ms:abcd 500ms:y 700ms:w 1000ms:z", Describe(FrameStages.CapFps(frames, 10)));
    }

    [Fact]
    public void Fps_cap_never_puts_two_frames_closer_than_its_interval()
    {
        var frames = Enumerable.Range(0, 200).Select(i => new TimedSnapshot(i * 7_000L, Screen(i.ToString()))).ToList();

        List<TimedSnapshot> capped = FrameStages.CapFps(frames, 30).ToList();

        Assert.All(capped.Zip(capped.Skip(1)), pair => Assert.True(pair.Second.Time - pair.First.Time >= 33_333));
        Assert.Equal("199", capped[^1].Snapshot.GetRowText(0));
    }

    [Fact]
    public void Trim_starts_with_the_screen_at_from_and_stops_before_to()
    {
        var frames = Frames((0, "a"), (1, "b"), (2, "c"), (3, "d"), (4, "e"));

        Assert.Equal("0ms:b 500ms:c 1500ms:d", Describe(FrameStages.Trim(frames, 1_500_000, 4_000_000)));
        Assert.Equal("0ms:b 500ms:c", Describe(FrameStages.Trim(frames, 1_500_000, 3_000_000)));
        Assert.Equal("0ms:c 1000ms:d 2000ms:e", Describe(FrameStages.Trim(frames, 2_000_000, null)));
        Assert.Equal("0ms:a 1000ms:b", Describe(FrameStages.Trim(frames, null, 2_000_000)));
        Assert.Equal("0ms:e", Describe(FrameStages.Trim(frames, 9_000_000, null)));
    }

    [Fact]
    public void Trim_stops_reading_its_input_at_to()
    {
        IEnumerable<TimedSnapshot> Endless()
        {
            for (long t = 0; ; t += 1_000)
            {
                yield return new TimedSnapshot(t, Screen("a"));
            }
        }

        Assert.Equal(5, FrameStages.Trim(Endless(), null, 5_000).Count());
    }

    [Fact]
    public void Start_at_zero_moves_only_the_first_frame()
    {
        Assert.Equal("0ms:a 800ms:b", Describe(FrameStages.StartAtZero(Frames((0.3, "a"), (0.8, "b")))));
    }

    [Fact]
    public void Durations_run_to_the_next_frame_and_the_last_one_to_the_end_plus_the_last_frame_duration()
    {
        var frames = Frames((0, "a"), (0.25, "b"), (1, "c"));

        Assert.Equal(
            "0+250ms:a 250+750ms:b 1000+3500ms:c",
            Describe(FrameStages.AddDurations(frames, () => 1_500_000, 3_000_000)));
    }

    [Fact]
    public void Durations_are_never_zero()
    {
        var frames = Frames((0, "a"), (0, "b"));

        Assert.All(FrameStages.AddDurations(frames, () => 0, 0), f => Assert.True(f.Duration > 0));
    }

    [Fact]
    public void Stages_compose_lazily_over_a_stream()
    {
        int pulled = 0;
        IEnumerable<TimedSnapshot> Source()
        {
            foreach (TimedSnapshot frame in Frames((0, "a"), (0.001, "a"), (0.002, "ab"), (2, "abc"), (9, "x")))
            {
                pulled++;
                yield return frame;
            }
        }

        IEnumerable<TimedSnapshot> shaped = FrameStages.StartAtZero(
            FrameStages.MergeIdentical(FrameStages.CapFps(FrameStages.Trim(FrameStages.MergeIdentical(Source()), null, 3_000_000), 30)));

        Assert.Equal(0, pulled);
        Assert.Equal("0ms:ab 2000ms:abc", Describe(shaped));
        Assert.Equal(5, pulled);
    }
}
