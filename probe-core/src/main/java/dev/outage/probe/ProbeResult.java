package dev.outage.probe;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one probe run found: its status, what was checked, the cause when not passed, how long it
 * took, the problems found and structured facts (versions, latency, counts) for reports.
 *
 * @param probe the kind of probe, e.g. {@code venv-import} or {@code http}; never null
 * @param target what was checked, e.g. a venv directory or a URL without user-info; never null
 * @param status the outcome; never null
 * @param cause one line saying why the status is not {@link ProbeStatus#PASSED}, or a short summary
 *     when it is; never null
 * @param duration wall-clock time the probe took; never null or negative
 * @param problems the problems found, in the order found; empty when passed
 * @param facts structured details by name, in insertion order; values are plain strings
 */
public record ProbeResult(
        String probe,
        String target,
        ProbeStatus status,
        String cause,
        Duration duration,
        List<ProbeProblem> problems,
        Map<String, String> facts) {

    /** Checks presence of every field and copies the collections. */
    public ProbeResult {
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration is negative: " + duration);
        }
        problems = List.copyOf(problems);
        facts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        if (status == ProbeStatus.PASSED && !problems.isEmpty()) {
            throw new IllegalArgumentException("a passed result of " + probe + " lists problems: " + problems);
        }
    }

    /** Returns whether the probe passed. */
    public boolean passed() {
        return status.passed();
    }

    /**
     * Returns one line for a person: {@code PASSED http http://127.0.0.1:8080/health (12 ms): cause}.
     */
    public String summary() {
        return status + " " + probe + " " + target + " (" + duration.toMillis() + " ms): " + cause;
    }
}
