package dev.outage.probe;

/**
 * A live check of one target.
 *
 * <p>Implementations never throw for a failing, unreachable or hanging target: that is a {@link
 * ProbeResult} with status {@link ProbeStatus#FAILED}, {@link ProbeStatus#ERROR} or {@link
 * ProbeStatus#TIMED_OUT}. Each probe has a timeout and returns within it plus a small margin. None
 * runs a shell: processes are started with argument lists.
 *
 * <pre>{@code
 * Probe probe = HttpHealthProbe.builder(URI.create("http://127.0.0.1:8080/health"))
 *         .expectJson(JsonAssertion.parse("/status=true"))
 *         .build();
 * ProbeResult result = probe.probe();
 * if (!result.passed()) System.err.println(result.summary());
 * }</pre>
 */
public interface Probe {

    /** Returns a short description of what this probe checks, e.g. {@code http http://host/health}. */
    String describe();

    /**
     * Runs the probe once and blocks until it has a result or its timeout passes.
     *
     * <p>Thread-safe for the probes of this module: each call is independent. An interrupt ends the
     * probe early with status {@link ProbeStatus#ERROR} and keeps the thread's interrupt flag set.
     */
    ProbeResult probe();
}
