package dev.outage.benchmarks.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The venv the probe benchmarks measure: {@code -Doutage.bench.venv=DIR} to use an existing one,
 * else a fresh one built with {@code python3 -m venv} and {@code pip install sqlalchemy<2.1}.
 */
final class BenchVenv {

    private BenchVenv() {}

    /** Returns the venv directory; a built one is deleted when the JVM exits. */
    static Path get() throws IOException, InterruptedException {
        String given = System.getProperty("outage.bench.venv");
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        Path dir = Files.createTempDirectory("outage-bench-venv");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
        Path venv = dir.resolve("venv");
        run(List.of("python3", "-m", "venv", venv.toString()));
        run(List.of(venv.resolve("bin/python").toString(), "-m", "pip", "install", "-q", "sqlalchemy<2.1"));
        return venv;
    }

    /** Runs a command to its end with pip's retries off; returns its exit status. */
    static int run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        builder.environment().put("PIP_RETRIES", "0");
        builder.environment().put("PIP_DISABLE_PIP_VERSION_CHECK", "1");
        Process process =
                builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException(command + " did not finish");
        }
        return process.exitValue();
    }

    private static void delete(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
