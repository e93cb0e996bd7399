package dev.outage.alerting.route;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code amtool} (Alertmanager 0.25) for differential tests. */
final class Amtool {

    /** What one amtool run printed and returned. */
    record Run(int exitCode, String stdout, String stderr) {}

    private final Path binary;

    private Amtool(Path binary) {
        this.binary = binary;
    }

    /** Finds amtool on the PATH, failing with installation advice when it is missing. */
    static Amtool find() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "amtool");
            if (Files.isExecutable(candidate)) {
                return new Amtool(candidate);
            }
        }
        throw new AssertionError("amtool not found on PATH: install the Debian package prometheus-alertmanager"
                + " (scripts/install-test-tools.sh does it)");
    }

    Run checkConfig(Path file) {
        return run(List.of("check-config", file.toString()));
    }

    Run routesTest(Path file, List<String> labelArguments) {
        List<String> args = new ArrayList<>(List.of("config", "routes", "test", "--config.file", file.toString()));
        args.addAll(labelArguments);
        return run(args);
    }

    Run run(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("amtool did not finish within 30s: " + args);
            }
            return new Run(
                    process.exitValue(),
                    new String(out, StandardCharsets.UTF_8),
                    new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run amtool " + args + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running amtool", e);
        }
    }
}
