package dev.outage.alerting.client;

import java.util.List;
import java.util.Objects;

/**
 * The filters of {@code GET /api/v2/alerts} and {@code GET /api/v2/alerts/groups}; each flag
 * is null to use Alertmanager's default (true for all four).
 *
 * @param active include active alerts
 * @param silenced include silenced alerts
 * @param inhibited include inhibited alerts
 * @param unprocessed include unprocessed alerts (ignored by the groups endpoint)
 * @param filters matchers in Alertmanager's notation, such as {@code alertname="DiskFull"}
 * @param receiver a regular expression the receiver name must match, or null
 */
public record AlertQuery(
        Boolean active,
        Boolean silenced,
        Boolean inhibited,
        Boolean unprocessed,
        List<String> filters,
        String receiver) {

    /** A query for every alert. */
    public static final AlertQuery ALL = new AlertQuery(null, null, null, null, List.of(), null);

    /** Copies the filters. */
    public AlertQuery {
        filters = List.copyOf(filters);
    }

    /** Returns a query for alerts matching all of the given matchers. */
    public static AlertQuery matching(String... filters) {
        return new AlertQuery(null, null, null, null, List.of(filters), null);
    }

    /** Returns this query restricted to active alerts (not silenced, not inhibited). */
    public AlertQuery activeOnly() {
        return new AlertQuery(true, false, false, unprocessed, filters, receiver);
    }

    /** Returns this query restricted to receivers matching the regular expression. */
    public AlertQuery withReceiver(String receiver) {
        return new AlertQuery(active, silenced, inhibited, unprocessed, filters, Objects.requireNonNull(receiver));
    }
}
