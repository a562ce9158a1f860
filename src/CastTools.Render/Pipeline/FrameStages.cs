namespace CastTools.Render.Pipeline;

/// <summary>
/// The frame stages between the terminal replay and the encoders: short, pure, lazy functions over a stream of
/// timed snapshots, each holding O(1) frames. Times are microseconds on the shaped timeline.
/// Order used by <see cref="CastRenderer"/>: replay → <see cref="MergeIdentical"/> → <see cref="Trim"/> →
/// <see cref="CapFps"/> → <see cref="MergeIdentical"/> → <see cref="StartAtZero"/> → <see cref="AddDurations"/>.
/// </summary>
public static class FrameStages
{
    /// <summary>Drops every snapshot that looks the same as the one before it; the survivor keeps the time the
    /// look first appeared. Cheap: unchanged rows are shared, so the comparison is mostly reference checks.</summary>
    public static IEnumerable<TimedSnapshot> MergeIdentical(IEnumerable<TimedSnapshot> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        return Iterate(frames);

        static IEnumerable<TimedSnapshot> Iterate(IEnumerable<TimedSnapshot> frames)
        {
            TimedSnapshot? previous = null;
            foreach (TimedSnapshot frame in frames)
            {
                if (previous is { } p && p.Snapshot.LooksSameAs(frame.Snapshot))
                {
                    continue;
                }

                previous = frame;
                yield return frame;
            }
        }
    }

    /// <summary>
    /// Keeps the output at most <paramref name="fps"/> frames per second: a frame absorbs every later screen that
    /// arrives within 1/fps of it and shows the latest of them, so a redraw written in several pieces is never shown
    /// half done. Frames further apart than 1/fps keep their own times: timing follows the events, not a clock.
    /// </summary>
    public static IEnumerable<TimedSnapshot> CapFps(IEnumerable<TimedSnapshot> frames, double fps)
    {
        ArgumentNullException.ThrowIfNull(frames);
        if (!double.IsFinite(fps) || fps <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(fps), fps, "The frame-rate cap must be a positive number.");
        }

        return Iterate(frames, Math.Max(1, (long)Math.Round(1_000_000 / fps)));

        static IEnumerable<TimedSnapshot> Iterate(IEnumerable<TimedSnapshot> frames, long interval)
        {
            TimedSnapshot pending = default;
            bool hasPending = false;
            foreach (TimedSnapshot frame in frames)
            {
                if (hasPending && frame.Time - pending.Time < interval)
                {
                    pending = pending with { Snapshot = frame.Snapshot };
                    continue;
                }

                if (hasPending)
                {
                    yield return pending;
                }

                pending = frame;
                hasPending = true;
            }

            if (hasPending)
            {
                yield return pending;
            }
        }
    }

    /// <summary>
    /// Keeps the part of the timeline from <paramref name="fromUs"/> to <paramref name="toUs"/> (either may be null)
    /// and shifts it to start at 0. The screen at <paramref name="fromUs"/> includes everything before it; nothing
    /// at or after <paramref name="toUs"/> is shown. Stops reading its input at <paramref name="toUs"/>.
    /// </summary>
    public static IEnumerable<TimedSnapshot> Trim(IEnumerable<TimedSnapshot> frames, long? fromUs, long? toUs)
    {
        ArgumentNullException.ThrowIfNull(frames);
        return fromUs is null && toUs is null ? frames : Iterate(frames, fromUs ?? 0, toUs ?? long.MaxValue);

        static IEnumerable<TimedSnapshot> Iterate(IEnumerable<TimedSnapshot> frames, long from, long to)
        {
            TimedSnapshot? before = null;
            foreach (TimedSnapshot frame in frames)
            {
                if (frame.Time >= to)
                {
                    break;
                }

                if (frame.Time <= from)
                {
                    before = frame;
                    continue;
                }

                if (before is { } b)
                {
                    yield return new TimedSnapshot(0, b.Snapshot);
                    before = null;
                }

                yield return frame with { Time = frame.Time - from };
            }

            if (before is { } last)
            {
                yield return new TimedSnapshot(0, last.Snapshot);
            }
        }
    }

    /// <summary>Moves the first frame to time 0, so the output never opens on a screen the recording did not show.</summary>
    public static IEnumerable<TimedSnapshot> StartAtZero(IEnumerable<TimedSnapshot> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        return Iterate(frames);

        static IEnumerable<TimedSnapshot> Iterate(IEnumerable<TimedSnapshot> frames)
        {
            bool first = true;
            foreach (TimedSnapshot frame in frames)
            {
                yield return first ? frame with { Time = 0 } : frame;
                first = false;
            }
        }
    }

    /// <summary>
    /// Gives each frame its duration: until the next frame, and for the last one until the end of the timeline
    /// (<paramref name="endUs"/>, asked once the input is exhausted) plus <paramref name="lastFrameDurationUs"/>.
    /// Every duration is at least 1 µs.
    /// </summary>
    public static IEnumerable<TimedFrame> AddDurations(IEnumerable<TimedSnapshot> frames, Func<long> endUs, long lastFrameDurationUs)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(endUs);
        ArgumentOutOfRangeException.ThrowIfNegative(lastFrameDurationUs);
        return Iterate(frames, endUs, lastFrameDurationUs);

        static IEnumerable<TimedFrame> Iterate(IEnumerable<TimedSnapshot> frames, Func<long> endUs, long lastFrameDurationUs)
        {
            TimedSnapshot previous = default;
            bool hasPrevious = false;
            foreach (TimedSnapshot frame in frames)
            {
                if (hasPrevious)
                {
                    yield return new TimedFrame(previous.Time, Math.Max(1, frame.Time - previous.Time), previous.Snapshot);
                }

                previous = frame;
                hasPrevious = true;
            }

            if (hasPrevious)
            {
                long end = Math.Max(previous.Time, endUs());
                yield return new TimedFrame(previous.Time, Math.Max(1, end - previous.Time + lastFrameDurationUs), previous.Snapshot);
            }
        }
    }
}
