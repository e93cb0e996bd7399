package dev.outage.benchmarks.route;

import dev.outage.alerting.config.AlertmanagerConfigLoader;
import dev.outage.alerting.config.ConfigLoadResult;
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

/** Parses and validates an alertmanager.yml with many routes (regex matchers compiled). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ConfigLoadBenchmark {

    @Param({"1000"})
    int routes;

    private String yaml;

    /** Generates the configuration text. */
    @Setup
    public void setUp() {
        yaml = RouteTrees.yaml(routes);
    }

    /** Returns the loaded configuration. */
    @Benchmark
    public ConfigLoadResult load() {
        return AlertmanagerConfigLoader.parse(yaml, "bench.yml");
    }
}
