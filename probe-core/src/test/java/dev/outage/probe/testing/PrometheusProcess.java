package dev.outage.probe.testing;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Prometheus server on a free loopback port, for tests: its own temporary storage, rules
 * evaluated every second, alerts resent every second.
 *
 * <pre>{@code
 * try (PrometheusProcess prometheus = PrometheusProcess.start(PrometheusProcess.ALWAYS_FIRING, null)) {
 *     prometheus.awaitFiring(Duration.ofSeconds(30));
 * }
 * }</pre>
 */
public final class PrometheusProcess implements AutoCloseable {

    /** A rule file with one alert that fires as soon as it is evaluated. */
    public static final String ALWAYS_FIRING = """
            groups:
              - name: outage-test
                rules:
                  - alert: AlwaysFiring
                    expr: vector(1) > 0
                    labels: {severity: page}
                    annotations: {summary: "always firing, for tests"}
            """;

    private static final String INSTALL_ADVICE =
            "install it with 'apt-get install prometheus' (or scripts/install-test-tools.sh), or set OUTAGE_PROMETHEUS_BIN";

    private final Process process;
    private final Path directory;
    private final URI baseUri;

    private PrometheusProcess(Process process, Path directory, URI baseUri) {
        this.process = process;
        this.directory = directory;
        this.baseUri = baseUri;
    }

    /**
     * Starts Prometheus with the rules and, when not null, an Alertmanager to send alerts to, and
     * waits until {@code /-/ready} answers 200.
     *
     * @param rulesYaml a rule file's text
     * @param alertmanager an Alertmanager base URI, or null for none configured
     * @throws IOException with install advice when no binary is found, or when it does not start
     */
    public static PrometheusProcess start(String rulesYaml, URI alertmanager) throws IOException {
        Path binary = findBinary();
        Path dir = Files.createTempDirectory("outage-prometheus");
        Files.writeString(dir.resolve("rules.yml"), rulesYaml);
        Files.writeString(dir.resolve("prometheus.yml"), config(alertmanager));
        int port = freePort();
        Path log = dir.resolve("prometheus.log");
        Process process = new ProcessBuilder(List.of(
                        binary.toString(),
                        "--config.file=" + dir.resolve("prometheus.yml"),
                        "--storage.tsdb.path=" + dir.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + port,
                        "--rules.alert.resend-delay=1s",
                        "--log.level=warn"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        PrometheusProcess prometheus = new PrometheusProcess(process, dir, URI.create("http://127.0.0.1:" + port));
        try {
            prometheus.awaitReady(Duration.ofSeconds(30));
        } catch (IOException | RuntimeException e) {
            String output = Files.exists(log) ? Files.readString(log) : "";
            prometheus.close();
            throw new IOException(e.getMessage() + "\nprometheus output:\n" + output, e);
        }
        return prometheus;
    }

    private static String config(URI alertmanager) {
        String base = """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files: [rules.yml]
                """;
        if (alertmanager == null) {
            return base;
        }
        return base + """
                alerting:
                  alertmanagers:
                    - static_configs:
                        - targets: ["%s"]
                """.formatted(alertmanager.getHost() + ":" + alertmanager.getPort());
    }

    /** Returns the binary: {@code OUTAGE_PROMETHEUS_BIN} or {@code prometheus} on the PATH. */
    public static Path findBinary() throws IOException {
        String fromEnv = System.getenv("OUTAGE_PROMETHEUS_BIN");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        for (String dir : Objects.requireNonNullElse(System.getenv("PATH"), "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "prometheus");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IOException("prometheus not found on the PATH; " + INSTALL_ADVICE);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitReady(Duration timeout) throws IOException {
        awaitBody("/-/ready", body -> true, timeout, "Prometheus to become ready");
    }

    /** Waits until the always-firing alert is reported as firing by {@code /api/v1/alerts}. */
    public void awaitFiring(Duration timeout) throws IOException {
        awaitBody("/api/v1/alerts", body -> body.contains("\"state\":\"firing\""), timeout, "an alert to fire");
    }

    /** Waits until Prometheus reports at least one active Alertmanager. */
    public void awaitAlertmanager(Duration timeout) throws IOException {
        awaitBody(
                "/api/v1/alertmanagers",
                body -> body.contains("\"activeAlertmanagers\":[{"),
                timeout,
                "an active Alertmanager");
    }

    private void awaitBody(String path, java.util.function.Predicate<String> ok, Duration timeout, String what)
            throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("prometheus exited with " + process.exitValue());
            }
            try {
                HttpURLConnection c =
                        (HttpURLConnection) baseUri.resolve(path).toURL().openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2000);
                if (c.getResponseCode() == 200) {
                    String body = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    if (ok.test(body)) {
                        return;
                    }
                }
            } catch (IOException e) {
                // not up yet
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + what, e);
            }
        }
        throw new IOException("timed out after " + timeout.toSeconds() + " s waiting for " + what);
    }

    /** Returns the base URI, e.g. {@code http://127.0.0.1:41234}. */
    public URI baseUri() {
        return baseUri;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
