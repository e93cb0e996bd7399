package dev.outage.alerting.codec;

import dev.outage.alerting.model.LabelSet;
import java.util.List;
import java.util.Objects;

/**
 * One group of {@code GET /api/v2/alerts/groups}: alerts that share a receiver and the values
 * of its route's {@code group_by} labels.
 *
 * @param labels the group's labels (the {@code group_by} values)
 * @param receiver the receiver's name
 * @param alerts the alerts in the group
 */
public record AlertGroup(LabelSet labels, String receiver, List<GettableAlert> alerts) {

    /** Checks and copies the fields. */
    public AlertGroup {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(receiver, "receiver");
        alerts = List.copyOf(alerts);
    }
}
