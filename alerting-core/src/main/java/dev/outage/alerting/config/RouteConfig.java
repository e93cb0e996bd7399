package dev.outage.alerting.config;

import dev.outage.alerting.model.Matcher;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One node of the routing tree as written in {@code route:}; inheritance is resolved by
 * {@code dev.outage.alerting.route.RouteTree}.
 *
 * @param receiver the receiver name, or empty to inherit the parent's
 * @param groupBy the {@code group_by} labels as written (may hold {@code ...}), or null when the
 *     key is absent; an empty list, like an absent key, means "inherit"
 * @param match the legacy {@code match} equality matchers, by label name
 * @param matchRe the legacy {@code match_re} regexes, by label name, as written (unanchored)
 * @param matchers the {@code matchers} as parsed, in the order written
 * @param muteTimeIntervals names of time intervals during which this route is muted
 * @param activeTimeIntervals names of time intervals outside which this route is muted
 * @param continueMatching whether siblings after this route are still tried ({@code continue})
 * @param routes the child routes in order
 * @param groupWait the {@code group_wait}, or null to inherit
 * @param groupInterval the {@code group_interval}, or null to inherit
 * @param repeatInterval the {@code repeat_interval}, or null to inherit
 * @param position where the route's mapping starts
 */
public record RouteConfig(
        String receiver,
        List<String> groupBy,
        Map<String, String> match,
        Map<String, String> matchRe,
        List<Matcher> matchers,
        List<String> muteTimeIntervals,
        List<String> activeTimeIntervals,
        boolean continueMatching,
        List<RouteConfig> routes,
        Duration groupWait,
        Duration groupInterval,
        Duration repeatInterval,
        SourcePosition position) {

    /** Checks the parts and copies the collections. */
    public RouteConfig {
        Objects.requireNonNull(receiver, "receiver");
        groupBy = groupBy == null ? null : List.copyOf(groupBy);
        match = Map.copyOf(match);
        matchRe = Map.copyOf(matchRe);
        matchers = List.copyOf(matchers);
        muteTimeIntervals = List.copyOf(muteTimeIntervals);
        activeTimeIntervals = List.copyOf(activeTimeIntervals);
        routes = List.copyOf(routes);
        Objects.requireNonNull(position, "position");
    }
}
