package dev.outage.alerting.notify;

import java.time.Duration;
import java.util.Objects;

/**
 * How often a transient failure is retried: up to {@code maxAttempts} attempts in all, waiting
 * {@code initialBackoff} after the first failure and doubling the wait each time up to
 * {@code maxBackoff}.
 *
 * @param maxAttempts the number of attempts, at least 1
 * @param initialBackoff the wait after the first failure, not negative
 * @param maxBackoff the longest wait, not shorter than the initial one
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    /** Checks the bounds. */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "backoff must satisfy 0 <= initial <= max: " + initialBackoff + ", " + maxBackoff);
        }
    }

    /** Returns the default: 3 attempts, 1 s then 2 s apart (at most 30 s). */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    /** Returns a policy that never retries. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
    }

    /** Returns the wait after the given failed attempt (1-based). */
    public Duration backoffAfter(int attempt) {
        Duration wait = initialBackoff;
        for (int i = 1; i < attempt && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    /** Waits between attempts; tests inject one that records the waits instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        /** Blocks the calling thread for the duration. */
        void sleep(Duration duration) throws InterruptedException;

        /** Returns a sleeper that blocks with {@link Thread#sleep(long)}. */
        static Sleeper system() {
            return duration -> Thread.sleep(duration.toMillis());
        }
    }
}
