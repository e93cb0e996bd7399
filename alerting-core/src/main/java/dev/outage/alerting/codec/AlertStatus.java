package dev.outage.alerting.codec;

import java.util.List;
import java.util.Objects;

/**
 * The {@code status} of an alert that Alertmanager returns.
 *
 * @param state active, suppressed or unprocessed
 * @param silencedBy ids of the silences that mute the alert
 * @param inhibitedBy fingerprints of the alerts that inhibit it
 * @param mutedBy names of the time intervals that mute it (empty before Alertmanager 0.27)
 */
public record AlertStatus(AlertState state, List<String> silencedBy, List<String> inhibitedBy, List<String> mutedBy) {

    /** Checks and copies the fields. */
    public AlertStatus {
        Objects.requireNonNull(state, "state");
        silencedBy = List.copyOf(silencedBy);
        inhibitedBy = List.copyOf(inhibitedBy);
        mutedBy = List.copyOf(mutedBy);
    }
}
