package dev.outage.alerting.notify.template;

import dev.outage.alerting.model.Alert;
import dev.outage.alerting.model.LabelSet;
import java.time.Instant;
import java.util.Objects;

/**
 * One alert as templates see it: Alertmanager's {@code .Alerts} element.
 *
 * @param status {@code firing} or {@code resolved}
 * @param labels the labels ({@code .Labels})
 * @param annotations the annotations ({@code .Annotations})
 * @param startsAt the start time, or null when unknown (printed as Go's zero time)
 * @param endsAt the end time, or null while firing without one
 * @param generatorUrl the generator URL, empty when absent
 * @param fingerprint the 16 hex digit fingerprint of the labels
 */
public record TemplateAlert(
        String status,
        LabelSet labels,
        LabelSet annotations,
        Instant startsAt,
        Instant endsAt,
        String generatorUrl,
        String fingerprint) {

    /** Checks the status and that no field but the times is null. */
    public TemplateAlert {
        if (!"firing".equals(status) && !"resolved".equals(status)) {
            throw new IllegalArgumentException("status must be firing or resolved: " + status);
        }
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(annotations, "annotations");
        Objects.requireNonNull(generatorUrl, "generatorUrl");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /** Returns the template view of an alert, resolved when its end time is not after {@code now}. */
    public static TemplateAlert of(Alert alert, Instant now) {
        return new TemplateAlert(
                alert.isResolvedAt(now) ? "resolved" : "firing",
                alert.labels(),
                alert.annotations(),
                alert.startsAt(),
                alert.endsAt(),
                alert.generatorUrl() == null ? "" : alert.generatorUrl(),
                alert.fingerprint());
    }

    /** Returns whether the alert is firing. */
    public boolean isFiring() {
        return status.equals("firing");
    }
}
