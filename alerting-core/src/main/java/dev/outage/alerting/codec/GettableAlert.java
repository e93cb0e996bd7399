package dev.outage.alerting.codec;

import dev.outage.alerting.model.Alert;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An alert as {@code GET /api/v2/alerts} returns it: the alert plus what Alertmanager knows
 * about it.
 *
 * @param alert labels, annotations, start and end time and generator URL
 * @param fingerprint Alertmanager's fingerprint of the labels, 16 hex digits
 * @param status whether it is active and what suppresses it
 * @param receivers names of the receivers the alert routes to
 * @param updatedAt when Alertmanager last received the alert
 */
public record GettableAlert(
        Alert alert, String fingerprint, AlertStatus status, List<String> receivers, Instant updatedAt) {

    /** Checks and copies the fields. */
    public GettableAlert {
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(status, "status");
        receivers = List.copyOf(receivers);
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
