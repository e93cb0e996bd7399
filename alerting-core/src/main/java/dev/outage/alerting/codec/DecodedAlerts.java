package dev.outage.alerting.codec;

import dev.outage.alerting.model.Alert;
import java.util.List;

/**
 * The result of reading a {@code POST /api/v2/alerts} body as Alertmanager reads it.
 *
 * <p>As in Alertmanager, a body that is not well-formed, or holds a value of the wrong type,
 * yields no alerts at all; an alert that fails validation is left out while the valid ones are
 * kept, and the body as a whole is rejected ({@link #isAccepted()} is false).
 *
 * @param alerts the valid alerts, in body order
 * @param problems what is wrong, in body order; empty when the body is accepted
 * @param wrapped whether the body was a wrapped {@code {"alerts": [...]}} object rather than
 *     the canonical array
 */
public record DecodedAlerts(List<Alert> alerts, List<Problem> problems, boolean wrapped) {

    /** Copies the lists. */
    public DecodedAlerts {
        alerts = List.copyOf(alerts);
        problems = List.copyOf(problems);
    }

    /** Returns whether Alertmanager would answer 200: no problem at all. */
    public boolean isAccepted() {
        return problems.isEmpty();
    }
}
