package dev.outage.benchmarks.route;

import com.google.re2j.Pattern;
import dev.outage.alerting.config.AlertmanagerConfigLoader;
import dev.outage.alerting.model.LabelSet;
import dev.outage.alerting.model.Matcher;
import dev.outage.alerting.route.Route;
import dev.outage.alerting.route.RouteTree;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Routes one alert through a tree of regex-matching routes: operations per second per thread
 * are matches per second per thread. {@code routes} shows how the cost grows with the tree.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class RouteMatchBenchmark {

    @Param({"10", "200", "1000"})
    int routes;

    private RouteTree tree;
    private List<LabelSet> alerts;
    private List<LabelSet> uniqueAlerts;
    private int next;

    private final java.util.Map<Matcher, Pattern> patterns = new java.util.HashMap<>();

    /** Loads the tree and prepares the alerts. */
    @Setup
    public void setUp() {
        tree = RouteTree.of(AlertmanagerConfigLoader.parse(RouteTrees.yaml(routes), "bench.yml")
                .orElseThrow());
        alerts = RouteTrees.alerts(routes, 1024);
        uniqueAlerts = RouteTrees.uniqueAlerts(routes, 65536);
        for (Route route : tree.routes()) {
            for (Matcher matcher : route.matchers()) {
                if (matcher.type().isRegex()) {
                    patterns.put(matcher, Pattern.compile("^(?:" + matcher.value() + ")$"));
                }
            }
        }
    }

    /**
     * The baseline: the same tree walked the plain way, every matcher in key order against the
     * label set, every regex through RE2/J, no shortcut and no cache.
     */
    @Benchmark
    public List<Route> matchBaseline() {
        next = (next + 1) & 1023;
        List<Route> matched = new ArrayList<>(2);
        naive(tree.root(), alerts.get(next), matched);
        return matched;
    }

    private boolean naive(Route route, LabelSet labels, List<Route> matched) {
        for (Matcher matcher : route.matchers()) {
            String value = labels.getOrEmpty(matcher.name());
            boolean hit = switch (matcher.type()) {
                case EQUAL -> value.equals(matcher.value());
                case NOT_EQUAL -> !value.equals(matcher.value());
                case REGEX -> patterns.get(matcher).matches(value);
                case NOT_REGEX -> !patterns.get(matcher).matches(value);
            };
            if (!hit) {
                return false;
            }
        }
        int before = matched.size();
        for (Route child : route.children()) {
            if (naive(child, labels, matched) && !child.continueMatching()) {
                break;
            }
        }
        if (matched.size() == before) {
            matched.add(route);
        }
        return true;
    }

    /** Returns the matched routes of the next alert. */
    @Benchmark
    public List<Route> match() {
        next = (next + 1) & 1023;
        return tree.match(alerts.get(next));
    }

    /**
     * Returns the matched routes of the next of 65,536 alerts whose label values all differ, so
     * that the per-matcher result cache (256 values) rarely helps and RE2/J does the work.
     */
    @Benchmark
    public List<Route> matchDistinctValues() {
        next = (next + 1) & 65535;
        return tree.match(uniqueAlerts.get(next));
    }
}
