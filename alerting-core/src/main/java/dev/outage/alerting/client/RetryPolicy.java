package dev.outage.alerting.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently a request is retried after a connection error or a 5xx answer;
 * 4xx answers are never retried.
 *
 * <p>The wait before retry {@code n} (1-based) is {@code min(maxBackoff, initialBackoff * 2^(n-1))},
 * of which a random half is kept ("equal jitter") so that clients do not retry in lockstep.
 *
 * @param maxAttempts attempts in all, at least 1 (1 means no retry)
 * @param initialBackoff the wait before the first retry
 * @param maxBackoff the longest wait
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    /** Three attempts, 100 ms then 200 ms backoff, at most 2 s. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(2));

    /** One attempt, no retry. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException if {@code maxAttempts < 1} or a backoff is negative
     */
    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("backoff must not be negative: " + initialBackoff + ", " + maxBackoff);
        }
    }

    /**
     * Returns the wait before the given retry.
     *
     * @param retry the retry number, 1 for the first retry
     * @param random a value in [0, 1) that picks the jitter
     */
    public Duration backoff(int retry, double random) {
        long initial = initialBackoff.toNanos();
        long capped = maxBackoff.toNanos();
        long exponential = retry >= 62 ? capped : Math.min(capped, initial << Math.min(retry - 1, 30));
        long half = exponential / 2;
        return Duration.ofNanos(half + (long) (random * (exponential - half)));
    }
}
