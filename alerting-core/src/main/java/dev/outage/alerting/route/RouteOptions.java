package dev.outage.alerting.route;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The effective options of a route after inheritance, as Alertmanager's dispatcher uses them.
 *
 * @param receiver the receiver name
 * @param groupBy the labels alerts are grouped by, sorted, without duplicates
 * @param groupByAll whether alerts are grouped by all their labels ({@code group_by: ['...']})
 * @param groupWait how long to wait before the first notification of a new group (default 30s)
 * @param groupInterval how long to wait before notifying about changes to a group (default 5m)
 * @param repeatInterval how long to wait before repeating a notification (default 4h)
 * @param muteTimeIntervals names of intervals during which the route is muted (not inherited)
 * @param activeTimeIntervals names of intervals outside which the route is muted (not inherited)
 */
public record RouteOptions(
        String receiver,
        List<String> groupBy,
        boolean groupByAll,
        Duration groupWait,
        Duration groupInterval,
        Duration repeatInterval,
        List<String> muteTimeIntervals,
        List<String> activeTimeIntervals) {

    /** Checks the parts and copies the lists. */
    public RouteOptions {
        Objects.requireNonNull(receiver, "receiver");
        groupBy = List.copyOf(groupBy);
        Objects.requireNonNull(groupWait, "groupWait");
        Objects.requireNonNull(groupInterval, "groupInterval");
        Objects.requireNonNull(repeatInterval, "repeatInterval");
        muteTimeIntervals = List.copyOf(muteTimeIntervals);
        activeTimeIntervals = List.copyOf(activeTimeIntervals);
    }

    /** Returns Alertmanager's defaults for the root route, before the configuration applies. */
    public static RouteOptions defaults() {
        return new RouteOptions(
                "",
                List.of(),
                false,
                Duration.ofSeconds(30),
                Duration.ofMinutes(5),
                Duration.ofHours(4),
                List.of(),
                List.of());
    }
}
