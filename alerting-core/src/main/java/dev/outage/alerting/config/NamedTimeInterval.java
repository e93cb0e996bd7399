package dev.outage.alerting.config;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A named list of time intervals from {@code time_intervals} or the older
 * {@code mute_time_intervals}; routes refer to it by name.
 *
 * @param name the unique name
 * @param intervals the intervals; the named interval contains an instant when any of them does
 * @param position where it is written
 */
public record NamedTimeInterval(String name, List<TimeInterval> intervals, SourcePosition position) {

    /** Checks the parts and copies the list. */
    public NamedTimeInterval {
        Objects.requireNonNull(name, "name");
        intervals = List.copyOf(intervals);
        Objects.requireNonNull(position, "position");
    }

    /** Returns whether any of the intervals contains the instant. */
    public boolean contains(Instant instant) {
        return intervals.stream().anyMatch(interval -> interval.contains(instant));
    }
}
