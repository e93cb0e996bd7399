package dev.outage.benchmarks.nix;

import dev.outage.nix.syntax.NixParser;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares CPU time, not wall time, of our parser and of {@code nix-instantiate --parse} over the
 * same corpus in one run: a fair ratio on a loaded machine, where JMH's wall-clock scores are
 * dominated by waiting for a core. Our time is this thread's CPU time after warm-up; Nix's is
 * the user+system time of its reaped child processes (Linux {@code /proc/self/stat}).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.outage.benchmarks.nix.NixCpuComparison [FILES]}.
 */
public final class NixCpuComparison {

    private NixCpuComparison() {}

    /** Prints MB per CPU second for both parsers and their ratio. */
    public static void main(String[] args) throws IOException, InterruptedException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 800;
        Path dir = Files.createTempDirectory("nix-cpu");
        List<Path> files = NixCorpus.write(dir, count, 42);
        long bytes = 0;
        for (Path p : files) {
            bytes += Files.size(p);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20; i++) {
            parseAll(files);
        }
        int rounds = 10;
        long cpu = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < rounds; i++) {
            parseAll(files);
        }
        double ours = (threads.getCurrentThreadCpuTime() - cpu) / 1e9 / rounds;
        double nixBefore = childCpuSeconds();
        for (int i = 0; i < 3; i++) {
            nixAll(files);
        }
        double nix = (childCpuSeconds() - nixBefore) / 3;
        double mb = bytes / 1e6;
        System.out.printf("corpus: %d files, %.3f MB%n", files.size(), mb);
        System.out.printf("outage parser:   %.4f CPU s per pass, %.1f MB/CPU-s%n", ours, mb / ours);
        System.out.printf(
                "nix-instantiate: %.4f CPU s per pass, %.1f MB/CPU-s (batches of %d files)%n",
                nix, mb / nix, NixParseBenchmark.BATCH);
        System.out.printf("ratio: %.1fx%n", nix / ours);
    }

    private static void parseAll(List<Path> files) throws IOException {
        for (Path p : files) {
            NixParser.parse(p);
        }
    }

    private static void nixAll(List<Path> files) throws IOException, InterruptedException {
        for (int start = 0; start < files.size(); start += NixParseBenchmark.BATCH) {
            List<String> command = new ArrayList<>(List.of("nix-instantiate", "--store", "dummy://", "--parse"));
            for (Path p : files.subList(start, Math.min(files.size(), start + NixParseBenchmark.BATCH))) {
                command.add(p.toString());
            }
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (process.waitFor() != 0) {
                throw new IOException("nix-instantiate rejected a corpus file");
            }
        }
    }

    /** Returns user+system CPU seconds of reaped children, from /proc/self/stat (100 ticks/s). */
    private static double childCpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields[0] is field 3 (state); cutime and cstime are fields 16 and 17
        return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / 100.0;
    }
}
