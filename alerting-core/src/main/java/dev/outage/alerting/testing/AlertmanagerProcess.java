package dev.outage.alerting.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Alertmanager binary running on a free loopback port, for tests.
 *
 * <p>The binary is looked up as the environment variable {@code OUTAGE_ALERTMANAGER_BIN}, then
 * {@code alertmanager} and {@code prometheus-alertmanager} on the {@code PATH}. It runs with
 * gossip disabled ({@code --cluster.listen-address=}), its own temporary storage directory and
 * {@code --web.listen-address=127.0.0.1:PORT}. {@link #start(String)} returns once
 * {@code /-/ready} answers 200; {@link #close()} stops the process (killing it if it does not
 * stop within five seconds) and deletes the temporary directory.
 *
 * <pre>{@code
 * try (AlertmanagerProcess alertmanager = AlertmanagerProcess.start("""
 *         route: {receiver: blackhole}
 *         receivers: [{name: blackhole}]
 *         """)) {
 *     URI api = alertmanager.baseUri().resolve("api/v2/alerts");
 *     ...
 * }
 * }</pre>
 *
 * <p>Instances are safe to share between threads; {@link #close()} may be called more than once.
 */
public final class AlertmanagerProcess implements AutoCloseable {

    /** The environment variable that names the Alertmanager binary to use. */
    public static final String BINARY_ENV = "OUTAGE_ALERTMANAGER_BIN";

    /** The advice given when no Alertmanager binary is found. */
    public static final String INSTALL_ADVICE = "install it with 'apt-get install prometheus-alertmanager'"
            + " (or run scripts/install-test-tools.sh; on macOS 'brew install alertmanager'),"
            + " or set " + BINARY_ENV + " to the path of an alertmanager binary";

    private static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final int PORT_ATTEMPTS = 3;

    private final Process process;
    private final Path directory;
    private final Path configFile;
    private final Path outputFile;
    private final URI baseUri;

    private AlertmanagerProcess(Process process, Path directory, Path configFile, Path outputFile, int port) {
        this.process = process;
        this.directory = directory;
        this.configFile = configFile;
        this.outputFile = outputFile;
        this.baseUri = URI.create("http://127.0.0.1:" + port + "/");
    }

    /**
     * Starts Alertmanager with the given alertmanager.yml text and waits until it is ready.
     *
     * @throws IOException if no binary is found (the message says how to install one), the
     *     process cannot start, exits early (its output is in the message) or is not ready
     *     within 30 seconds
     */
    public static AlertmanagerProcess start(String configYaml) throws IOException {
        return builder().config(configYaml).start();
    }

    /**
     * Starts Alertmanager with a copy of the given configuration file and waits until it is
     * ready; blocks up to 30 seconds.
     *
     * @throws IOException as {@link #start(String)}, or if the file cannot be read
     */
    public static AlertmanagerProcess start(Path configFile) throws IOException {
        return builder().configFile(configFile).start();
    }

    /** Returns a builder for a process with extra flags or another start timeout. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the Alertmanager binary that {@link #start(String)} would run.
     *
     * @throws IOException with install advice when none is found
     */
    public static Path findBinary() throws IOException {
        String fromEnv = System.getenv(BINARY_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            Path binary = Path.of(fromEnv);
            if (!Files.isExecutable(binary)) {
                throw new IOException(
                        BINARY_ENV + " names " + fromEnv + ", which is not an executable file; " + INSTALL_ADVICE);
            }
            return binary;
        }
        String path = Objects.requireNonNullElse(System.getenv("PATH"), "");
        for (String name : List.of("alertmanager", "prometheus-alertmanager")) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    Path candidate = Path.of(dir, name);
                    if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                        return candidate;
                    }
                }
            }
        }
        throw new IOException("Alertmanager not found: neither " + BINARY_ENV
                + " nor 'alertmanager' or 'prometheus-alertmanager' on the PATH; " + INSTALL_ADVICE);
    }

    /** Returns the root URI of the web server, such as {@code http://127.0.0.1:41234/}. */
    public URI baseUri() {
        return baseUri;
    }

    /** Returns the TCP port of the web server. */
    public int port() {
        return baseUri.getPort();
    }

    /** Returns the configuration file the process was started with (deleted on close). */
    public Path configFile() {
        return configFile;
    }

    /** Returns whether the process is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Returns what the process wrote to standard output and standard error so far, for a
     * test's failure message; empty after {@link #close()}.
     */
    public String output() {
        return readOutput(outputFile);
    }

    /**
     * Stops the process (SIGTERM, then SIGKILL after five seconds) and deletes its temporary
     * directory; blocks until the process is gone.
     */
    @Override
    public void close() {
        stop(process);
        deleteRecursively(directory);
    }

    @Override
    public String toString() {
        return "AlertmanagerProcess[" + baseUri + (process.isAlive() ? ", running" : ", stopped") + "]";
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String readOutput(Path outputFile) {
        try {
            return Files.readString(outputFile, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Best effort: a leftover temporary directory does not affect the test's result.
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Configures and starts an {@link AlertmanagerProcess}. */
    public static final class Builder {
        private String configYaml;
        private Path configSource;
        private final List<String> extraFlags = new ArrayList<>();
        private Duration startTimeout = DEFAULT_START_TIMEOUT;
        private String readyPath = "-/ready";

        private Builder() {}

        /** Sets the alertmanager.yml text; replaces an earlier {@link #configFile(Path)}. */
        public Builder config(String configYaml) {
            this.configYaml = Objects.requireNonNull(configYaml, "configYaml");
            this.configSource = null;
            return this;
        }

        /** Sets the alertmanager.yml file to copy; replaces an earlier {@link #config(String)}. */
        public Builder configFile(Path configFile) {
            this.configSource = Objects.requireNonNull(configFile, "configFile");
            this.configYaml = null;
            return this;
        }

        /**
         * Adds a command-line flag such as {@code --log.level=debug} or
         * {@code --alerts.gc-interval=1s}; the listen address, storage path, cluster address
         * and configuration file are set by this class and must not be given. With
         * {@code --web.route-prefix=/am} readiness is polled under the prefix; {@link
         * #baseUri()} stays the root.
         *
         * @throws IllegalArgumentException if the flag is one this class sets itself
         */
        public Builder flag(String flag) {
            Objects.requireNonNull(flag, "flag");
            for (String owned :
                    List.of("--web.listen-address", "--storage.path", "--cluster.listen-address", "--config.file")) {
                if (flag.equals(owned) || flag.startsWith(owned + "=")) {
                    throw new IllegalArgumentException("flag " + flag + " is set by AlertmanagerProcess itself");
                }
            }
            if (flag.startsWith("--web.route-prefix=")) {
                String prefix = flag.substring("--web.route-prefix=".length()).replaceAll("^/+|/+$", "");
                readyPath = prefix.isEmpty() ? "-/ready" : prefix + "/-/ready";
            }
            extraFlags.add(flag);
            return this;
        }

        /** Sets how long {@link #start()} waits for readiness; 30 seconds by default. */
        public Builder startTimeout(Duration startTimeout) {
            if (startTimeout.isNegative() || startTimeout.isZero()) {
                throw new IllegalArgumentException("start timeout must be positive: " + startTimeout);
            }
            this.startTimeout = startTimeout;
            return this;
        }

        /**
         * Starts the process and blocks until {@code /-/ready} answers 200.
         *
         * @throws IOException as {@link AlertmanagerProcess#start(String)}
         * @throws IllegalStateException if no configuration was given
         */
        public AlertmanagerProcess start() throws IOException {
            if (configYaml == null && configSource == null) {
                throw new IllegalStateException("no configuration given: call config(...) or configFile(...)");
            }
            Path binary = findBinary();
            Path directory = Files.createTempDirectory("outage-alertmanager");
            try {
                Path configFile = directory.resolve("alertmanager.yml");
                if (configYaml != null) {
                    Files.writeString(configFile, configYaml, StandardCharsets.UTF_8);
                } else {
                    Files.copy(configSource, configFile);
                }
                Files.createDirectories(directory.resolve("data"));
                return startOnFreePort(binary, directory, configFile);
            } catch (IOException | RuntimeException e) {
                deleteRecursively(directory);
                throw e;
            }
        }

        private AlertmanagerProcess startOnFreePort(Path binary, Path directory, Path configFile) throws IOException {
            IOException last = null;
            for (int attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
                int port = freePort();
                Path outputFile = directory.resolve("output-" + attempt + ".log");
                Process process = launch(binary, directory, configFile, outputFile, port);
                AlertmanagerProcess alertmanager =
                        new AlertmanagerProcess(process, directory, configFile, outputFile, port);
                try {
                    awaitReady(alertmanager);
                    return alertmanager;
                } catch (IOException e) {
                    stop(process);
                    String output = readOutput(outputFile);
                    if (!output.contains("address already in use")) {
                        throw e;
                    }
                    last = e;
                }
            }
            throw last;
        }

        private Process launch(Path binary, Path directory, Path configFile, Path outputFile, int port)
                throws IOException {
            List<String> command = new ArrayList<>();
            command.add(binary.toString());
            command.add("--config.file=" + configFile);
            command.add("--storage.path=" + directory.resolve("data"));
            command.add("--web.listen-address=127.0.0.1:" + port);
            command.add("--cluster.listen-address=");
            command.addAll(extraFlags);
            try {
                Process process = new ProcessBuilder(command)
                        .directory(directory.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(outputFile.toFile())
                        .start();
                process.getOutputStream().close();
                return process;
            } catch (IOException e) {
                throw new IOException("starting Alertmanager " + binary + " failed: " + e.getMessage(), e);
            }
        }

        private void awaitReady(AlertmanagerProcess alertmanager) throws IOException {
            long deadline = System.nanoTime() + startTimeout.toNanos();
            URI ready = alertmanager.baseUri().resolve(readyPath);
            while (System.nanoTime() < deadline) {
                if (!alertmanager.isAlive()) {
                    throw new IOException("Alertmanager exited with status " + alertmanager.process.exitValue()
                            + " before it was ready; its output:\n" + alertmanager.output());
                }
                if (answersOk(ready)) {
                    return;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for Alertmanager at " + ready, e);
                }
            }
            throw new IOException("Alertmanager at " + ready + " was not ready within " + startTimeout
                    + "; its output:\n" + alertmanager.output());
        }

        private static boolean answersOk(URI uri) {
            try {
                HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
                connection.setConnectTimeout(1000);
                connection.setReadTimeout(1000);
                try {
                    int status = connection.getResponseCode();
                    try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                        if (body != null) {
                            body.readAllBytes();
                        }
                    }
                    return status == 200;
                } finally {
                    connection.disconnect();
                }
            } catch (IOException e) {
                return false;
            }
        }
    }
}
