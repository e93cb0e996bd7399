package dev.outage.benchmarks.probe;

import dev.outage.probe.ProbeResult;
import dev.outage.probe.python.VenvImportProbe;
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
 * The import probe against a bare {@code python -c 'import sqlalchemy, greenlet'} with the same
 * interpreter, in one JMH run: the difference of the two averages is the probe's overhead.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class ImportProbeBenchmark {

    private Path venv;
    private VenvImportProbe probe;

    /** Builds or finds the venv. */
    @Setup
    public void setUp() throws IOException, InterruptedException {
        venv = BenchVenv.get();
        probe = VenvImportProbe.builder(venv, List.of("sqlalchemy", "greenlet")).build();
    }

    /** Runs the import probe (isolated mode). */
    @Benchmark
    public ProbeResult importProbe() {
        return probe.probe();
    }

    /** Runs the bare import with the venv's interpreter: the baseline. */
    @Benchmark
    public int bareImport() throws IOException, InterruptedException {
        return BenchVenv.run(List.of(venv.resolve("bin/python").toString(), "-I", "-c", "import sqlalchemy, greenlet"));
    }
}
