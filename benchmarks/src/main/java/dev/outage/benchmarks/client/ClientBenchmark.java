package dev.outage.benchmarks.client;

import dev.outage.alerting.client.AlertmanagerClient;
import dev.outage.alerting.client.QueueStats;
import dev.outage.alerting.client.SendResult;
import dev.outage.alerting.model.Alert;
import dev.outage.alerting.testing.AlertmanagerProcess;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The client against a real Alertmanager on loopback: alerts per second through {@code send}
 * in batches of 256 (the score counts alerts), and the latency of {@code enqueue} while the
 * sender thread posts into the same Alertmanager. Needs the Alertmanager binary (see
 * AlertmanagerProcess).
 */
@State(Scope.Benchmark)
public class ClientBenchmark {

    private static final int BATCH = 256;
    private static final int DISTINCT = 10_240;

    private AlertmanagerProcess alertmanager;
    private AlertmanagerClient client;
    private List<Alert> alerts;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        alertmanager = AlertmanagerProcess.start("""
                route:
                  receiver: blackhole
                  group_by: [alertname]
                receivers:
                  - name: blackhole
                """);
        client = AlertmanagerClient.builder()
                .peer(alertmanager.baseUri())
                .batchSize(BATCH)
                .drainTimeout(Duration.ofSeconds(30))
                .build();
        alerts = SampleAlerts.create(DISTINCT, "Benchmark");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
        QueueStats stats = client.stats();
        System.out.println("\nqueue: " + stats);
        alertmanager.close();
    }

    /** One batch of 256 alerts through {@code send}; the score is alerts per second. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public SendResult sendBatch() {
        int from = next;
        next = (next + BATCH) % DISTINCT;
        SendResult result = client.send(alerts.subList(from, from + BATCH));
        if (!result.isSuccess()) {
            throw new IllegalStateException(result.describe());
        }
        return result;
    }

    /** The time the caller spends in {@code enqueue}, with the sender thread busy. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void enqueue() {
        client.enqueue(alerts.get(next));
        next = (next + 1) % DISTINCT;
    }
}
