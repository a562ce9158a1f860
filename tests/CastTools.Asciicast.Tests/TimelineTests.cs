using CastTools.Asciicast;

namespace CastTools.Asciicast.Tests;

public class TimelineTests
{
    private static CastEvent[] Events(params long[] times)
    {
        var events = new CastEvent[times.Length];
        for (int i = 0; i < times.Length; i++)
        {
            events[i] = new CastEvent(times[i], CastEvent.Output, i.ToString());
        }

        return events;
    }

    private static long[] Times(IEnumerable<CastEvent> events) => events.Select(e => e.Time).ToArray();

    [Fact]
    public void Idle_limit_caps_every_gap_and_shifts_the_rest_earlier()
    {
        // gaps: 1s, 10s, 0.5s, 3s -> limit 2s -> 1s, 2s, 0.5s, 2s
        CastEvent[] input = Events(1_000_000, 11_000_000, 11_500_000, 14_500_000);
        Assert.Equal(new long[] { 1_000_000, 3_000_000, 3_500_000, 5_500_000 }, Times(Timeline.ApplyIdleTimeLimit(input, 2_000_000)));
    }

    [Fact]
    public void Idle_limit_also_caps_the_pause_before_the_first_event()
    {
        Assert.Equal(new long[] { 2_000_000, 2_000_100 }, Times(Timeline.ApplyIdleTimeLimit(Events(30_000_000, 30_000_100), 2_000_000)));
    }

    [Fact]
    public void Idle_limit_keeps_event_codes_and_data()
    {
        CastEvent[] input = [new(5_000_000, "m", "label"), new(9_000_000, "r", "100x30")];
        CastEvent[] output = Timeline.ApplyIdleTimeLimit(input, 1_000_000).ToArray();
        Assert.Equal(new CastEvent(1_000_000, "m", "label"), output[0]);
        Assert.Equal(new CastEvent(2_000_000, "r", "100x30"), output[1]);
    }

    [Fact]
    public void Idle_limit_leaves_gaps_at_or_under_the_limit_unchanged()
    {
        CastEvent[] input = Events(0, 2_000_000, 2_000_000, 3_999_999);
        Assert.Equal(Times(input), Times(Timeline.ApplyIdleTimeLimit(input, 2_000_000)));
    }

    [Fact]
    public void Idle_limit_never_goes_back_in_time_on_out_of_order_input()
    {
        long[] times = Times(Timeline.ApplyIdleTimeLimit(Events(5_000_000, 4_000_000, 6_000_000), 10_000_000));
        Assert.Equal(new long[] { 5_000_000, 5_000_000, 6_000_000 }, times);
    }

    [Fact]
    public void Idle_limit_is_lazy_and_streams()
    {
        IEnumerable<CastEvent> Infinite()
        {
            for (long t = 0; ; t += 10_000_000)
            {
                yield return new CastEvent(t, "o", "x");
            }
        }

        Assert.Equal(new long[] { 0, 1_000_000, 2_000_000 }, Times(Timeline.ApplyIdleTimeLimit(Infinite(), 1_000_000).Take(3)));
    }

    [Fact]
    public void Speed_divides_absolute_times_and_rounds_to_the_microsecond()
    {
        Assert.Equal(new long[] { 0, 500_000, 1, 333_334 }, Times(Timeline.ApplySpeed(Events(0, 1_000_000, 2, 666_667), 2.0)));
    }

    [Fact]
    public void Speed_does_not_drift_over_ten_hours_of_small_steps()
    {
        // 36,000,000 events every 1 ms at speed 3: each result must equal round(t / 3) exactly; the last is 12000 s.
        IEnumerable<CastEvent> Steps()
        {
            for (long t = 1000; t <= 36_000_000_000; t += 1000)
            {
                yield return new CastEvent(t, "o", "x");
            }
        }

        long last = 0;
        foreach (CastEvent e in Timeline.ApplySpeed(Steps().Where((_, i) => i % 997 == 0 || i == 35_999_999), 3.0))
        {
            Assert.True(e.Time >= last);
            last = e.Time;
        }

        Assert.Equal(12_000_000_000, last);
    }

    [Fact]
    public void Speed_below_one_slows_down()
    {
        Assert.Equal(new long[] { 4_000_000 }, Times(Timeline.ApplySpeed(Events(1_000_000), 0.25)));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Speed_rejects_non_positive_or_non_finite_values(double speed)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Timeline.ApplySpeed(Events(1), speed));
    }

    [Fact]
    public void Idle_then_speed_compose_like_agg()
    {
        // agg: idle limit first (gaps 1s, 10s -> 1s, 2s), then speed 2.
        IEnumerable<CastEvent> result = Timeline.ApplySpeed(Timeline.ApplyIdleTimeLimit(Events(1_000_000, 11_000_000), 2_000_000), 2.0);
        Assert.Equal(new long[] { 500_000, 1_500_000 }, Times(result));
    }
}
