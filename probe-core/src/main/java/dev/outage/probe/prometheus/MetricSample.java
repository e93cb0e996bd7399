package dev.outage.probe.prometheus;

import dev.outage.alerting.model.LabelSet;
import java.util.Objects;

/**
 * One sample line of the Prometheus text format.
 *
 * @param name the metric name, e.g. {@code alertmanager_notifications_total}
 * @param labels the sample's labels, possibly empty
 * @param value the value; may be NaN or infinite
 * @param timestampMillis the optional timestamp in milliseconds since the epoch, or null
 */
public record MetricSample(String name, LabelSet labels, double value, Long timestampMillis) {

    /** Checks presence of name and labels. */
    public MetricSample {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(labels, "labels");
    }
}
