package dev.outage.benchmarks.probe;

import dev.outage.probe.python.VenvInspection;
import dev.outage.probe.python.VenvInspector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The static venv check against {@code pip check} on the same venv, in one JMH run: average time
 * of one check. {@code pipCheckProcess} is the baseline (a whole {@code python -m pip check}
 * process); {@code inspectRequirements} is what pip check does, in process; {@code inspectDefault}
 * adds RECORD checks as {@code outage probe venv-check} does them; {@code inspectFullHash} hashes
 * every installed file.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class VenvCheckBenchmark {

    private Path venv;

    /** Builds or finds the venv. */
    @Setup
    public void setUp() throws IOException, InterruptedException {
        venv = BenchVenv.get();
    }

    /** Returns the inspection without RECORD hashing: the same work as pip check. */
    @Benchmark
    public VenvInspection inspectRequirements() throws IOException {
        return VenvInspector.forVenv(venv)
                .withUserSites(List.of())
                .withRecordCheck(VenvInspector.RecordCheck.NONE)
                .inspect();
    }

    /** Returns the inspection as {@code outage probe venv-check} runs it (files changed since install hashed). */
    @Benchmark
    public VenvInspection inspectDefault() throws IOException {
        return VenvInspector.forVenv(venv).withUserSites(List.of()).inspect();
    }

    /** Returns the inspection with every RECORD file hashed. */
    @Benchmark
    public VenvInspection inspectFullHash() throws IOException {
        return VenvInspector.forVenv(venv)
                .withUserSites(List.of())
                .withRecordCheck(VenvInspector.RecordCheck.FULL)
                .inspect();
    }

    /** Runs {@code python -m pip check} as a whole process: the baseline. */
    @Benchmark
    public int pipCheckProcess() throws IOException, InterruptedException {
        return BenchVenv.run(List.of(venv.resolve("bin/python").toString(), "-m", "pip", "check"));
    }
}
