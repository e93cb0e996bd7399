package dev.outage.alerting.route;

import dev.outage.alerting.config.AlertmanagerConfig;
import dev.outage.alerting.config.NamedTimeInterval;
import dev.outage.alerting.config.RouteConfig;
import dev.outage.alerting.model.LabelSet;
import dev.outage.alerting.model.Matcher;
import dev.outage.alerting.model.MatcherType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Alertmanager's routing tree: decides which routes, and so which receivers, an alert goes to.
 *
 * <pre>{@code
 * RouteTree tree = RouteTree.of(config);
 * for (Route route : tree.match(alert.labels())) {
 *     String receiver = route.options().receiver();
 * }
 * }</pre>
 *
 * <p>Matching is Alertmanager's: depth-first, left to right; the first matching child ends the
 * search among its siblings unless it has {@code continue: true}; a route whose children match
 * is replaced by them; a missing label matches as the empty string. Options are inherited
 * (receiver, {@code group_by} with {@code ...}, the three timers); time intervals are not.
 * Immutable and thread-safe.
 */
public final class RouteTree {

    private final Route root;
    private final Map<String, NamedTimeInterval> timeIntervals;
    /** The slot of every label name any matcher tests; match() looks each label up once. */
    private final Map<String, Integer> slots;

    private RouteTree(Route root, Map<String, NamedTimeInterval> timeIntervals) {
        this.root = root;
        this.timeIntervals = timeIntervals;
        Map<String, Integer> names = new java.util.HashMap<>();
        for (Route route : routes()) {
            route.indexLabels(names);
        }
        this.slots = Map.copyOf(names);
    }

    /** Builds the tree of a validated configuration. */
    public static RouteTree of(AlertmanagerConfig config) {
        Map<String, NamedTimeInterval> intervals = new java.util.HashMap<>();
        config.muteTimeIntervals().forEach(t -> intervals.put(t.name(), t));
        config.timeIntervals().forEach(t -> intervals.put(t.name(), t));
        return new RouteTree(build(config.route(), null, 0, RouteOptions.defaults()), Map.copyOf(intervals));
    }

    /**
     * Builds the tree of a route configuration alone; {@link #isMuted} then knows no time intervals.
     */
    public static RouteTree of(RouteConfig root) {
        return new RouteTree(build(Objects.requireNonNull(root, "root"), null, 0, RouteOptions.defaults()), Map.of());
    }

    /** Returns the root route. */
    public Route root() {
        return root;
    }

    /**
     * Returns the routes the labels are routed to, in tree order; never empty, since the root
     * catches everything. The same receiver can appear more than once.
     */
    public List<Route> match(LabelSet labels) {
        Objects.requireNonNull(labels, "labels");
        String[] values = new String[slots.size()];
        java.util.Arrays.fill(values, "");
        for (Map.Entry<String, String> label : labels) {
            Integer slot = slots.get(label.getKey());
            if (slot != null) {
                values[slot] = label.getValue();
            }
        }
        List<Route> matched = new ArrayList<>(2);
        collect(root, values, matched);
        return matched;
    }

    /** Returns the receiver names of {@link #match}, in order, duplicates kept. */
    public List<String> receivers(LabelSet labels) {
        return match(labels).stream().map(r -> r.options().receiver()).toList();
    }

    /** Returns every route, depth-first, the root first. */
    public List<Route> routes() {
        List<Route> all = new ArrayList<>();
        walk(root, all);
        return all;
    }

    /**
     * Returns whether notifications of the route are muted at the instant: it lies in one of the
     * route's {@code mute_time_intervals}, or the route has {@code active_time_intervals} and it
     * lies in none of them.
     *
     * @throws IllegalArgumentException if the route names an interval this tree does not know
     */
    public boolean isMuted(Route route, Instant instant) {
        RouteOptions options = route.options();
        for (String name : options.muteTimeIntervals()) {
            if (interval(name).contains(instant)) {
                return true;
            }
        }
        if (options.activeTimeIntervals().isEmpty()) {
            return false;
        }
        for (String name : options.activeTimeIntervals()) {
            if (interval(name).contains(instant)) {
                return false;
            }
        }
        return true;
    }

    private NamedTimeInterval interval(String name) {
        NamedTimeInterval interval = timeIntervals.get(name);
        if (interval == null) {
            throw new IllegalArgumentException("unknown time interval: " + name);
        }
        return interval;
    }

    /** Adds the matches below {@code route}; returns whether the route itself matched. */
    private static boolean collect(Route route, String[] values, List<Route> matched) {
        if (!route.matches(values)) {
            return false;
        }
        int before = matched.size();
        for (Route child : route.children()) {
            if (collect(child, values, matched) && !child.continueMatching()) {
                break;
            }
        }
        if (matched.size() == before) {
            matched.add(route);
        }
        return true;
    }

    private static void walk(Route route, List<Route> all) {
        all.add(route);
        route.children().forEach(child -> walk(child, all));
    }

    private static Route build(RouteConfig config, Route parent, int index, RouteOptions inherited) {
        RouteOptions options = options(config, inherited);
        Route route = new Route(parent, index, matchers(config), config.continueMatching(), options, config.position());
        List<Route> children = new ArrayList<>();
        for (int i = 0; i < config.routes().size(); i++) {
            children.add(build(config.routes().get(i), route, i, options));
        }
        route.children(children);
        return route;
    }

    private static RouteOptions options(RouteConfig config, RouteOptions parent) {
        List<String> groupBy = parent.groupBy();
        boolean groupByAll = parent.groupByAll();
        if (config.groupBy() != null) {
            List<String> labels =
                    config.groupBy().stream().filter(l -> !l.equals("...")).toList();
            if (!labels.isEmpty()) {
                groupBy = List.copyOf(new TreeSet<>(labels));
                groupByAll = false;
            } else if (config.groupBy().contains("...")) {
                groupByAll = true;
            }
        }
        return new RouteOptions(
                config.receiver().isEmpty() ? parent.receiver() : config.receiver(),
                groupBy,
                groupByAll,
                config.groupWait() == null ? parent.groupWait() : config.groupWait(),
                config.groupInterval() == null ? parent.groupInterval() : config.groupInterval(),
                config.repeatInterval() == null ? parent.repeatInterval() : config.repeatInterval(),
                config.muteTimeIntervals(),
                config.activeTimeIntervals());
    }

    private static List<Matcher> matchers(RouteConfig config) {
        List<Matcher> matchers = new ArrayList<>();
        config.match().forEach((name, value) -> matchers.add(Matcher.of(name, MatcherType.EQUAL, value)));
        // Alertmanager stores match_re already anchored and prints it that way in route keys.
        config.matchRe()
                .forEach((name, regex) -> matchers.add(Matcher.of(name, MatcherType.REGEX, "^(?:" + regex + ")$")));
        matchers.addAll(config.matchers());
        return matchers;
    }

    @Override
    public String toString() {
        return routes().stream().map(Route::toString).collect(Collectors.joining(", ", "RouteTree[", "]"));
    }
}
