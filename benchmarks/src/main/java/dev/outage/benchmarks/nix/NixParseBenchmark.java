package dev.outage.benchmarks.nix;

import dev.outage.nix.syntax.NixParser;
import dev.outage.nix.syntax.ParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parse throughput on one thread: our parser against {@code nix-instantiate --parse} (run as a
 * process over the same files, {@value #BATCH} files per invocation). One operation parses the
 * whole corpus; MB/s = corpus size / time per operation (the size is printed at setup).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@Fork(1)
public class NixParseBenchmark {

    static final int BATCH = 200;

    @Param({"800"})
    int files;

    private Path dir;
    private List<Path> paths;

    /** Writes the corpus into a temporary folder. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("nix-corpus");
        paths = NixCorpus.write(dir, files, 42);
        long bytes = 0;
        for (Path p : paths) {
            bytes += Files.size(p);
        }
        System.out.printf("%nNix corpus: %d files, %d bytes (%.3f MB)%n", paths.size(), bytes, bytes / 1e6);
    }

    /** Deletes the corpus. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Reads and parses every file with our parser. */
    @Benchmark
    public void outage(Blackhole sink) throws IOException {
        for (Path p : paths) {
            ParseResult result = NixParser.parse(p);
            sink.consume(result.root());
        }
    }

    /** Runs {@code nix-instantiate --store dummy:// --parse} over every file, in batches. */
    @Benchmark
    public void nixInstantiate(Blackhole sink) throws IOException, InterruptedException {
        for (int start = 0; start < paths.size(); start += BATCH) {
            List<String> command = new ArrayList<>(List.of("nix-instantiate", "--store", "dummy://", "--parse"));
            for (Path p : paths.subList(start, Math.min(paths.size(), start + BATCH))) {
                command.add(p.toString());
            }
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            sink.consume(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IOException("nix-instantiate rejected a corpus file");
            }
        }
    }
}
