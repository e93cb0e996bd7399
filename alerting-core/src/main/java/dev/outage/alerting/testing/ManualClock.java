package dev.outage.alerting.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock that moves only when told to, for tests of code that takes an injectable
 * {@link Clock} (the dispatcher, the dead man's switch, the probes).
 *
 * <pre>{@code
 * ManualClock clock = new ManualClock(Instant.parse("2026-04-21T19:05:00Z"));
 * Dispatcher dispatcher = Dispatcher.builder(config).clock(clock).build();
 * clock.advance(Duration.ofSeconds(30)); // past group_wait
 * dispatcher.tick();
 * }</pre>
 *
 * <p>Safe to read from any thread; the time is always UTC.
 */
public final class ManualClock extends Clock {

    private volatile Instant now;

    /** Returns a clock that stands at the given instant. */
    public ManualClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /**
     * Moves the clock forward.
     *
     * @throws IllegalArgumentException if the duration is negative
     */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a clock does not go back: " + duration);
        }
        now = now.plus(duration);
    }

    /** Sets the clock to the given instant, which may be earlier than the current one. */
    public void set(Instant instant) {
        now = Objects.requireNonNull(instant, "instant");
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
