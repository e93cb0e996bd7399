package dev.outage.alerting.client;

import java.time.Duration;
import java.util.Objects;

/**
 * What one Alertmanager peer did with one request: accepted it, answered with an error status,
 * or could not be reached.
 *
 * <p>{@link #peer()} is the peer's URI without user-info, safe to print.
 */
public sealed interface PeerOutcome {

    /** Returns the peer's URI without user-info. */
    String peer();

    /** Returns how long the request took, retries and backoff included. */
    Duration duration();

    /** Returns how many attempts were made, at least 1 (0 when none could start). */
    int attempts();

    /** Returns whether the peer accepted the request with a 2xx status. */
    default boolean isAccepted() {
        return this instanceof Accepted;
    }

    /** Returns the outcome as one line for a person, such as {@code http://a:9093/: 200 OK in 12 ms}. */
    String describe();

    /**
     * The peer answered 2xx.
     *
     * @param peer the peer's URI without user-info
     * @param status the HTTP status
     * @param duration time taken
     * @param attempts attempts made
     */
    record Accepted(String peer, int status, Duration duration, int attempts) implements PeerOutcome {

        /** Checks the fields. */
        public Accepted {
            Objects.requireNonNull(peer, "peer");
            Objects.requireNonNull(duration, "duration");
        }

        @Override
        public String describe() {
            return peer + ": " + status + " accepted in " + duration.toMillis() + " ms" + retries(attempts);
        }
    }

    /**
     * The peer answered with a status that is not 2xx (after retries for 5xx).
     *
     * @param peer the peer's URI without user-info
     * @param status the HTTP status
     * @param bodyExcerpt the start of the answer's body on one line, at most 512 characters
     * @param diagnosis what the answer means and what to do, or the empty string
     * @param duration time taken
     * @param attempts attempts made
     */
    record Rejected(String peer, int status, String bodyExcerpt, String diagnosis, Duration duration, int attempts)
            implements PeerOutcome {

        /** Checks the fields. */
        public Rejected {
            Objects.requireNonNull(peer, "peer");
            Objects.requireNonNull(bodyExcerpt, "bodyExcerpt");
            Objects.requireNonNull(diagnosis, "diagnosis");
            Objects.requireNonNull(duration, "duration");
        }

        @Override
        public String describe() {
            String line = peer + ": answered " + status + (bodyExcerpt.isEmpty() ? "" : " " + bodyExcerpt)
                    + retries(attempts);
            return diagnosis.isEmpty() ? line : line + "\n  " + diagnosis;
        }
    }

    /**
     * No HTTP answer came: connection refused, timeout, TLS failure, unreadable credentials.
     *
     * @param peer the peer's URI without user-info
     * @param error what went wrong, without secrets
     * @param retryable whether a later retry could help
     * @param duration time taken
     * @param attempts attempts made
     */
    record Unreachable(String peer, String error, boolean retryable, Duration duration, int attempts)
            implements PeerOutcome {

        /** Checks the fields. */
        public Unreachable {
            Objects.requireNonNull(peer, "peer");
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(duration, "duration");
        }

        @Override
        public String describe() {
            return peer + ": unreachable: " + error + retries(attempts);
        }
    }

    private static String retries(int attempts) {
        return attempts > 1 ? " (" + attempts + " attempts)" : "";
    }
}
