package dev.outage.benchmarks.dispatch;

import dev.outage.alerting.config.AlertmanagerConfig;
import dev.outage.alerting.config.AlertmanagerConfigLoader;
import dev.outage.alerting.dispatch.Dispatcher;
import dev.outage.alerting.model.Alert;
import dev.outage.alerting.model.LabelSet;
import dev.outage.alerting.notify.template.TemplateException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The dispatcher's ingest rate with 1,000 aggregation groups, against a plain {@code HashMap}
 * baseline in the same process, and its heap use per active alert with 100,000 alerts.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'dispatch.DispatcherBenchmark' -f 1
 * </pre>
 */
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DispatcherBenchmark {

    private static final String CONFIG = """
            route:
              receiver: none
              group_by: [alertname]
              group_wait: 30s
              group_interval: 5m
            receivers:
            - name: none
            """;

    static AlertmanagerConfig config() {
        return AlertmanagerConfigLoader.parse(CONFIG, "benchmark.yml").orElseThrow();
    }

    static Alert[] alerts(int groups, int perGroup) {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        Instant end = start.plus(Duration.ofDays(365));
        Alert[] alerts = new Alert[groups * perGroup];
        for (int g = 0; g < groups; g++) {
            for (int i = 0; i < perGroup; i++) {
                alerts[g * perGroup + i] = Alert.builder(LabelSet.of(
                                "alertname",
                                "Alert" + g,
                                "instance",
                                "host-" + i + ":9100",
                                "job",
                                "node",
                                "severity",
                                i % 2 == 0 ? "warning" : "critical"))
                        .annotation("summary", "something is wrong on host " + i)
                        .startsAt(start)
                        .endsAt(end)
                        .build();
            }
        }
        return alerts;
    }

    /** A dispatcher holding 100,000 alerts in 1,000 groups, fed the same alerts again. */
    @State(Scope.Thread)
    public static class Ingest {
        @Param({"1000"})
        int groups;

        Alert[] alerts;
        Dispatcher dispatcher;
        Map<Long, Alert> baseline;
        int next;

        @Setup(Level.Trial)
        public void setUp() throws TemplateException, IOException {
            alerts = alerts(groups, 100);
            dispatcher = Dispatcher.builder(config())
                    .integrations(receiver -> List.of())
                    .maxActiveAlerts(alerts.length)
                    .build();
            dispatcher.receive(List.of(alerts));
            baseline = new HashMap<>();
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            dispatcher.close();
        }

        Alert next() {
            Alert alert = alerts[next];
            next = next + 1 == alerts.length ? 0 : next + 1;
            return alert;
        }
    }

    /** The same, with a state directory: every alert is journaled before receive returns. */
    @State(Scope.Thread)
    public static class DurableIngest {
        Alert[] alerts;
        Dispatcher dispatcher;
        Path directory;
        int next;

        @Setup(Level.Trial)
        public void setUp() throws TemplateException, IOException {
            directory = Files.createTempDirectory("outage-dispatch-benchmark");
            alerts = alerts(1000, 100);
            dispatcher = Dispatcher.builder(config())
                    .integrations(receiver -> List.of())
                    .maxActiveAlerts(alerts.length)
                    .stateDirectory(directory)
                    .build();
            dispatcher.receive(List.of(alerts));
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            dispatcher.close();
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }

        Alert next() {
            Alert alert = alerts[next];
            next = next + 1 == alerts.length ? 0 : next + 1;
            return alert;
        }
    }

    /** Receives one alert (an update of an active one) into its group and journals it. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public boolean receiveWithStateDirectory(DurableIngest state) {
        return state.dispatcher.receive(state.next());
    }

    /** Receives one alert (an update of an active one) into its group. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public boolean receive(Ingest state) {
        return state.dispatcher.receive(state.next());
    }

    /** Baseline: the cheapest possible store, a HashMap keyed by fingerprint. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Alert baselineHashMap(Ingest state) {
        Alert alert = state.next();
        return state.baseline.put(alert.labels().fingerprint(), alert);
    }

    /** Fills a dispatcher with 100,000 alerts and measures the heap it retains. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public Dispatcher heapPerAlert() throws TemplateException, IOException {
        long before = usedHeap();
        Alert[] alerts = alerts(1000, 100);
        int count = alerts.length;
        Dispatcher dispatcher = Dispatcher.builder(config())
                .integrations(receiver -> List.of())
                .maxActiveAlerts(alerts.length)
                .build();
        dispatcher.receive(List.of(alerts));
        alerts = null; // only the dispatcher keeps the alerts, labels and annotations alive
        long after = usedHeap();
        System.out.printf(
                "heap retained by the dispatcher: %.0f bytes per alert, %.1f MB for %d alerts%n",
                (after - before) / (double) count, (after - before) / 1e6, count);
        return dispatcher;
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
