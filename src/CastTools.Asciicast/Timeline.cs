namespace CastTools.Asciicast;

/// <summary>
/// Pure, streaming transforms over events with absolute microsecond times. Each returns a lazy sequence, holds
/// O(1) state and never accumulates floating-point error: times stay integer microseconds.
/// </summary>
public static class Timeline
{
    /// <summary>
    /// Caps every pause (the gap between consecutive events, and before the first one) at <paramref name="limitUs"/>,
    /// shifting everything after a capped pause earlier, as agg and asciinema-player do for <c>idle_time_limit</c>.
    /// </summary>
    public static IEnumerable<CastEvent> ApplyIdleTimeLimit(IEnumerable<CastEvent> events, long limitUs)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentOutOfRangeException.ThrowIfNegative(limitUs);
        return Iterate(events, limitUs);

        static IEnumerable<CastEvent> Iterate(IEnumerable<CastEvent> events, long limitUs)
        {
            long previousIn = 0;
            long previousOut = 0;
            foreach (CastEvent e in events)
            {
                // Out-of-order input (a hand-edited file) gives a negative gap: keep it at zero rather than go back in time.
                long gap = Math.Max(0, e.Time - previousIn);
                long time = previousOut + Math.Min(gap, limitUs);
                previousIn = Math.Max(previousIn, e.Time);
                previousOut = time;
                yield return e with { Time = time };
            }
        }
    }

    /// <summary>
    /// Plays the recording <paramref name="speed"/> times faster. Each time is divided from the original absolute
    /// time (not from a running sum), so rounding never accumulates; the result is monotonic when the input is.
    /// </summary>
    public static IEnumerable<CastEvent> ApplySpeed(IEnumerable<CastEvent> events, double speed)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (!double.IsFinite(speed) || speed <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "Speed must be a positive finite number.");
        }

        return speed == 1.0 ? events : Iterate(events, speed);

        static IEnumerable<CastEvent> Iterate(IEnumerable<CastEvent> events, double speed)
        {
            foreach (CastEvent e in events)
            {
                yield return e with { Time = ScaleTime(e.Time, speed) };
            }
        }
    }

    /// <summary>Divides a microsecond time by <paramref name="speed"/>, rounding half away from zero.</summary>
    public static long ScaleTime(long timeUs, double speed)
    {
        double scaled = Math.Round(timeUs / speed, MidpointRounding.AwayFromZero);
        return scaled >= long.MaxValue ? long.MaxValue : (long)scaled;
    }
}
