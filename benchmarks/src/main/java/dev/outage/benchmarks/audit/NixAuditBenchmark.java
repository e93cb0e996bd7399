package dev.outage.benchmarks.audit;

import dev.outage.nix.rules.NixAudit;
import dev.outage.nix.rules.NixAuditOptions;
import dev.outage.nix.rules.NixAuditResult;
import dev.outage.nix.rules.NixSource;
import dev.outage.nix.syntax.NixParser;
import dev.outage.nix.syntax.ParseResult;
import java.nio.file.Path;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The Nix audit of a generated tree: {@code audit} runs every rule (parse, module graph,
 * platforms, rules); {@code parseOnly} is the baseline of parsing the same files, so the ratio
 * shows what the module analysis and rules add to parsing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NixAuditBenchmark {

    @Param({"4000"})
    public int files;

    private List<NixSource> sources;

    @Setup
    public void generate() {
        sources = new ArrayList<>();
        AuditTree.generate(files).forEach((path, text) -> sources.add(new NixSource(path, text)));
    }

    @Benchmark
    public NixAuditResult audit() {
        return new NixAudit(NixAuditOptions.defaults()).audit(sources, List.of());
    }

    @Benchmark
    public void parseOnly(Blackhole blackhole) {
        for (NixSource source : sources) {
            ParseResult result = NixParser.parse(source.text(), Path.of(source.path()));
            blackhole.consume(result);
        }
    }
}
