package dev.outage.probe.service;

import java.time.Instant;
import java.util.Objects;

/**
 * What a service manager reported about one service at one moment.
 *
 * @param restarts how often the manager restarted or ran the service since it was loaded
 *     (systemd's {@code NRestarts}, launchd's {@code runs})
 * @param state the manager's state words, e.g. {@code activating/auto-restart} or {@code spawn
 *     scheduled}
 * @param restarting whether the service is down and about to be started again, or has been given up
 *     on after failing
 * @param gaveUp whether the manager stopped restarting it (systemd {@code start-limit-hit})
 * @param lastStart when the service last became active, or null when unknown (launchd reports none)
 * @param lastExit the last exit status or signal as reported, or null when it never exited
 * @param lastExitAbnormal whether the last exit was a non-zero status or a signal
 */
public record ServiceObservation(
        long restarts,
        String state,
        boolean restarting,
        boolean gaveUp,
        Instant lastStart,
        String lastExit,
        boolean lastExitAbnormal) {

    /** Checks the count and state. */
    public ServiceObservation {
        Objects.requireNonNull(state, "state");
        if (restarts < 0) {
            throw new IllegalArgumentException("restart count is negative: " + restarts);
        }
    }
}
